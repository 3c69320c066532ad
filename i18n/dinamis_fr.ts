<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
    <context>
        <name>dinamis</name>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/settings.py" line="94" />
            <source>"{name}" is a built-in profile name; choose another name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="111" />
            <source>"{url}" is not a valid address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="67" />
            <source>(Missing: {what}.)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="80" />
            <source>A collection id is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/settings.py" line="97" />
            <source>A profile named "{name}" already exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/catalogue.py" line="44" />
            <source>a STAC API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="33" />
            <source>Access key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="57" />
            <source>Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="101" />
            <source>Active profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="115" />
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="89" />
            <source>Add…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="41" />
            <source>An API key lets QGIS use DINAMIS without a browser login. Create one on the DINAMIS signing service, then paste both parts here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="61" />
            <source>API key (account details unavailable)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="76" />
            <source>Availability must be "all", "downloadable" or "orderable", not "{value}".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="43" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="51" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/tasks.py" line="72" />
            <source>Cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="53" />
            <source>Cannot reach the DINAMIS service at {url}. Check your network or proxy settings, or the endpoint in the DINAMIS settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/signer.py" line="287" />
            <source>Cannot sign an object of type {type}: give a url, a STAC item, item collection, asset or collection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="272" />
            <source>Cannot use the system password store to keep your DINAMIS login. Unlock it (or set a QGIS master password) and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="62" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="42" />
            <source>Copy code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="56" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="45" />
            <source>Demand manager address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/plugin.py" line="60" />
            <location filename="../dinamis_plugin/plugin.py" line="71" />
            <location filename="../dinamis_plugin/plugin.py" line="163" />
            <source>DINAMIS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="30" />
            <location filename="../dinamis_plugin/plugin.py" line="50" />
            <source>DINAMIS account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="169" />
            <source>DINAMIS could not find {url}. It may have been removed, or the endpoint in the DINAMIS settings is wrong.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="76" />
            <source>DINAMIS did not accept your credentials. Log in again, or check your API key in the DINAMIS settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="178" />
            <source>DINAMIS is receiving too many requests. Wait a minute and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="141" />
            <source>DINAMIS refused this action for your account.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="160" />
            <source>DINAMIS rejected the request. Check the values you entered.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="157" />
            <source>DINAMIS rejected the request: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="154" />
            <source>DINAMIS rejected the value of "{field}": {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="47" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="82" />
            <source>DINAMIS settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/plugin.py" line="55" />
            <source>DINAMIS settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="60" />
            <source>Edit profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="90" />
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="124" />
            <source>end date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="109" />
            <source>Endpoint profiles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="163" />
            <source>Enter both the access key and the secret key of your API key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="54" />
            <source>Enter both the access key and the secret key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="61" />
            <source>Entity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="95" />
            <source>Foreign scientific</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="64" />
            <source>Give either a rectangle (bbox) or a geometry, not both.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="113" />
            <source>Local reference server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="37" />
            <source>Log in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="22" />
            <source>Log in to DINAMIS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="18" />
            <source>Log in with an API key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="87" />
            <source>Log in…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="89" />
            <source>Log out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="146" />
            <source>Logged in as {name} ({username})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="67" />
            <source>Logged in with an API key. The account's details are not available with an API key; log in with your DINAMIS account to see them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="157" />
            <source>Logging in to DINAMIS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="174" />
            <source>Logging in to DINAMIS with an API key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="142" />
            <source>Logging in…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="199" />
            <source>Logging out of DINAMIS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="58" />
            <source>Login (OpenID Connect) issuer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="112" />
            <source>Login cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="46" />
            <source>Login client id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="42" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="60" />
            <source>New profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="96" />
            <source>No category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="152" />
            <source>Not logged in to {profile}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="41" />
            <source>Open browser</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="68" />
            <source>Open the page below in your browser, log in to DINAMIS and enter this code:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="40" />
            <source>Optional</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="93" />
            <source>Private R&amp;D</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="40" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="33" />
            <source>Profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="91" />
            <source>Public actor (non-scientific institution)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/proxy.py" line="89" />
            <source>QGIS is set to use a SOCKS5 proxy, which needs the Python package PySocks. Install it (pip install PySocks) in QGIS's Python, or use an HTTP proxy in QGIS Options &gt; Network.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="90" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="186" />
            <source>Refreshing the DINAMIS account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="73" />
            <source>Remaining free quotas this year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="91" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="144" />
            <source>Restoring the DINAMIS login</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="144" />
            <source>Resuming your previous login…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="50" />
            <source>Save profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="89" />
            <source>Scientific</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="34" />
            <source>Secret key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/plugin.py" line="53" />
            <source>Show or hide the DINAMIS account panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="25" />
            <source>Shown once, when the key was created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="54" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="44" />
            <source>Signing service address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="82" />
            <source>Sort by needs a property name, e.g. "-datetime" for the newest first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="53" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="43" />
            <source>STAC API address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/catalogue.py" line="46" />
            <source>STAC item search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="123" />
            <source>start date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="63" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="116" />
            <source>the address has no host name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="118" />
            <source>the address must not contain "?" or "#".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="120" />
            <source>the address must not contain a user name or password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="113" />
            <source>the address must start with https:// (or http:// for a local test server).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="64" />
            <source>The address {url} does not answer like a DINAMIS service. Check the endpoint addresses in the DINAMIS settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="84" />
            <source>The code expires in {minutes}:{seconds:02d}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="188" />
            <source>The DINAMIS service had a problem (HTTP {status}). Try again later; if it persists, contact the DINAMIS team.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="66" />
            <source>The geometry must be a GeoJSON geometry with a "type" and "coordinates" (e.g. a Polygon).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="216" />
            <source>The local reference server address is not valid: it must look like http://127.0.0.1:8765.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="64" />
            <source>The login client id must not be empty (DINAMIS uses "gdal").</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="92" />
            <source>The login code expired before it was approved. Start the login again and approve it in your browser before it expires.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="103" />
            <source>The login was denied in the browser. Start the login again and approve it, or ask your entity's DINAMIS referent if your account is disabled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="70" />
            <source>The maximum cloud cover must be a number between 0 and 100 (percent).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="73" />
            <source>The maximum incidence angle must be a number between 0 and 90 (degrees).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="89" />
            <source>The maximum number of results must be a whole number of at least 1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="86" />
            <source>The page size must be a whole number between 1 and 10000.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="52" />
            <source>The profile needs a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="99" />
            <location filename="../dinamis_plugin/core/search_params.py" line="102" />
            <source>The rectangle (bbox) must be four numbers: west, south, east, north in degrees.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="112" />
            <source>The rectangle's south ({south}) is above its north ({north}): give west, south, east, north.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="109" />
            <source>The rectangle's south and north must be latitudes between -90 and 90 degrees.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="116" />
            <source>The rectangle's west ({west}) is east of its east ({east}): give west, south, east, north.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="106" />
            <source>The rectangle's west and east must be longitudes between -180 and 180 degrees.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="221" />
            <source>The search cannot run: {problems}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="143" />
            <location filename="../dinamis_plugin/core/errors.py" line="191" />
            <source>The service said: {detail}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/signer.py" line="233" />
            <source>The signing service did not sign every url it was given.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/signer.py" line="221" />
            <location filename="../dinamis_plugin/core/signer.py" line="225" />
            <source>The signing service sent an answer that is not a list of signed urls.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="132" />
            <source>The start date is after the end date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="84" />
            <source>The status of your account is unknown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="128" />
            <source>The {label} "{value}" is not a date: use YYYY-MM-DD.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/tasks.py" line="26" />
            <source>Unexpected problem ({kind}). Try again; if it persists, report it to the plugin authors.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="62" />
            <source>Unknown user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="88" />
            <source>Use an API key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="60" />
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="25" />
            <source>Waiting for the login code from DINAMIS...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="43" />
            <source>Which DINAMIS services to use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="84" />
            <source>You are not logged in to DINAMIS, or your login has expired. Log in from the DINAMIS settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="79" />
            <source>Your account has expired. Ask your entity's DINAMIS referent to renew it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="71" />
            <source>Your account is active until {date}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="73" />
            <source>Your account is active.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="75" />
            <source>Your account is awaiting validation by your entity's DINAMIS referent. You can search the catalogue; downloads and requests need a validated account.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="82" />
            <source>Your account is disabled. Contact your entity's DINAMIS referent or the DINAMIS team.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="125" />
            <source>Your DINAMIS account has expired. Ask your entity's DINAMIS referent to renew it, then try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="121" />
            <source>Your DINAMIS account is awaiting validation by your entity's DINAMIS referent. You can search the catalogue, but downloads and requests need a validated account; contact your referent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="128" />
            <source>Your DINAMIS account is disabled. Contact your entity's DINAMIS referent or the DINAMIS team.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="131" />
            <source>Your DINAMIS account is not active. Contact your entity's DINAMIS referent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="62" />
            <source>{label}: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="145" />
            <source>{name} (built-in)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="169" />
            <source>{sensor}: {remaining:,.0f} km² of {free:,.0f} km²</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
