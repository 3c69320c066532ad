<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
    <context>
        <name>dinamis</name>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/settings.py" line="97" />
            <source>"{name}" is a built-in profile name; choose another name.</source>
            <translation>« {name} » est le nom d'un profil intégré ; choisissez un autre nom.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="140" />
            <source>"{url}" is not a valid address.</source>
            <translation>« {url} » n'est pas une adresse valide.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="80" />
            <source>(Missing: {what}.)</source>
            <translation>(Manquant : {what}.)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/counts.py" line="52" />
            <source>1 image</source>
            <translation>1 image</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="86" />
            <source>A collection id is empty.</source>
            <translation>Un identifiant de collection est vide.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="578" />
            <source>A DINAMIS login is in progress: approve it in your browser (the DINAMIS login window shows the code) or cancel it there, then try again.</source>
            <translation>Une connexion à DINAMIS est en cours : approuvez-la dans votre navigateur (la fenêtre de connexion DINAMIS affiche le code) ou annulez-la depuis cette fenêtre, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/settings.py" line="100" />
            <source>A profile named "{name}" already exists.</source>
            <translation>Un profil nommé « {name} » existe déjà.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/catalogue.py" line="63" />
            <source>a STAC API</source>
            <translation>une API STAC</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="30" />
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="43" />
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="117" />
            <source>Access key</source>
            <translation>Identifiant de la clé (access key)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="56" />
            <source>Account</source>
            <translation>Compte</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="58" />
            <source>Acquired on or after</source>
            <translation>Acquises le ou après le</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="59" />
            <source>Acquired on or before</source>
            <translation>Acquises le ou avant le</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="117" />
            <source>Active profile</source>
            <translation>Profil actif</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="68" />
            <source>Add the images to the map when done</source>
            <translation>Ajouter les images à la carte à la fin</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="131" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="103" />
            <source>Add…</source>
            <translation>Ajouter…</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="72" />
            <source>All images</source>
            <translation>Toutes les images</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="220" />
            <source>already there</source>
            <translation>déjà présent</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="38" />
            <source>An API key lets a script use your DINAMIS account without a browser login. Create one per machine or use, and revoke the keys you no longer use.</source>
            <translation>Une clé d'API permet à un script d'utiliser votre compte DINAMIS sans connexion par le navigateur. Créez-en une par machine ou par usage, et révoquez les clés dont vous ne vous servez plus.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="40" />
            <source>An API key lets QGIS and scripts use DINAMIS without a browser login. A key belongs to a DINAMIS account: log in once with "Log in…", then "API keys…" in the DINAMIS account panel creates one and shows its secret key once. Paste both parts of the key here.</source>
            <translation>Une clé d'API permet à QGIS et aux scripts d'utiliser DINAMIS sans connexion par le navigateur. Une clé appartient à un compte DINAMIS : connectez-vous une fois avec « Se connecter… », puis « Clés d'API… » dans le panneau Compte DINAMIS en crée une et affiche sa clé secrète une seule fois. Collez ici les deux parties de la clé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/counts.py" line="61" />
            <source>an unknown number of images</source>
            <translation>un nombre inconnu d'images</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="71" />
            <source>API key (account details unavailable)</source>
            <translation>Clé d'API (détails du compte indisponibles)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="88" />
            <source>API keys…</source>
            <translation>Clés d'API…</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="49" />
            <source>Area of interest (layer)</source>
            <translation>Zone d'intérêt (couche)</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="55" />
            <source>Assets (keys separated by commas; empty for every data file)</source>
            <translation>Assets (clés séparées par des virgules ; vide pour tous les fichiers de données)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/counts.py" line="55" />
            <source>at least {count} images</source>
            <translation>au moins {count} images</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/counts.py" line="57" />
            <source>at most {count} images</source>
            <translation>au plus {count} images</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="71" />
            <source>Availability</source>
            <translation>Disponibilité</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="58" />
            <source>Availability is applied by collection: the catalogue cannot filter on it.</source>
            <translation>La disponibilité est appliquée par collection : le catalogue ne sait pas filtrer sur ce critère.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="61" />
            <source>Availability is checked image by image as results arrive: the catalogue cannot filter on it, so counts are bounds.</source>
            <translation>La disponibilité est vérifiée image par image à l'arrivée des résultats : le catalogue ne sait pas filtrer sur ce critère, les nombres sont donc des bornes.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="80" />
            <source>Availability must be "all", "downloadable" or "orderable", not "{value}".</source>
            <translation>La disponibilité doit être « all », « downloadable » ou « orderable », et non « {value} ».</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="62" />
            <source>Average</source>
            <translation>Moyenne</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/counts.py" line="59" />
            <source>between {low} and {high} images</source>
            <translation>entre {low} et {high} images</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="62" />
            <source>Bilinear</source>
            <translation>Bilinéaire</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="46" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="62" />
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="221" />
            <source>cancelled</source>
            <translation>annulé</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="288" />
            <location filename="../dinamis_plugin/core/clip.py" line="299" />
            <location filename="../dinamis_plugin/core/downloads.py" line="388" />
            <location filename="../dinamis_plugin/qgis_glue/tasks.py" line="72" />
            <source>Cancelled.</source>
            <translation>Annulé.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="169" />
            <source>Cancelled: run the same download again to resume.</source>
            <translation>Annulé : relancez le même téléchargement pour le reprendre.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="161" />
            <source>Cannot open {file} remotely</source>
            <translation>Impossible d'ouvrir {file} à distance</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="53" />
            <source>Cannot reach the DINAMIS service at {url}. Check your network or proxy settings, or the endpoint in the DINAMIS settings.</source>
            <translation>Impossible de joindre le service DINAMIS à l'adresse {url}. Vérifiez votre réseau ou vos paramètres de proxy, ou l'adresse du service dans les paramètres DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/cog_window.py" line="52" />
            <source>Cannot reach the image store for {file}.</source>
            <translation>Impossible de joindre le stockage des images pour {file}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/signer.py" line="314" />
            <source>Cannot sign an object of type {type}: give a url, a STAC item, item collection, asset or collection.</source>
            <translation>Impossible de signer un objet de type {type} : donnez une URL, un item STAC, une collection d'items, un asset ou une collection.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="327" />
            <source>Cannot use the system password store to keep your DINAMIS login. Unlock it (or set a QGIS master password) and try again.</source>
            <translation>Impossible d'utiliser le trousseau de mots de passe du système pour conserver votre connexion DINAMIS. Déverrouillez-le (ou définissez un mot de passe principal QGIS) et réessayez.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="200" />
            <source>Cannot write the clipped part of {file}</source>
            <translation>Impossible d'écrire la partie découpée de {file}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="708" />
            <source>Cannot write {path}: {problem}</source>
            <translation>Impossible d'écrire {path} : {problem}</translation>
        </message>
        <message>
            <location filename="../processing_provider/catalogue_algorithm.py" line="9" />
            <source>Catalogue</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="63" />
            <source>Category</source>
            <translation>Catégorie</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="171" />
            <source>Checking the API key; the DINAMIS account panel shows the result.</source>
            <translation>Vérification de la clé d'API ; le panneau Compte DINAMIS affiche le résultat.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="226" />
            <source>checksum verified</source>
            <translation>somme de contrôle vérifiée</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="86" />
            <source>Choose a footprint layer or give item ids.</source>
            <translation>Choisissez une couche d'emprises ou indiquez des identifiants d'images.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="73" />
            <source>Choose an area of interest: a layer or an extent.</source>
            <translation>Choisissez une zone d'intérêt : une couche ou une emprise.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="136" />
            <source>cloud cover</source>
            <translation>la couverture nuageuse</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="66" />
            <source>Cloud-Optimized GeoTIFF</source>
            <translation>GeoTIFF optimisé pour le cloud (COG)</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="77" />
            <source>Collections (ids separated by commas; empty for all)</source>
            <translation>Collections (identifiants séparés par des virgules ; vide pour toutes)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="84" />
            <source>Collections must be a list of collection ids.</source>
            <translation>Les collections doivent être une liste d'identifiants de collection.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="99" />
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="100" />
            <source>Copy</source>
            <translation>Copier</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="45" />
            <source>Copy code</source>
            <translation>Copier le code</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="106" />
            <source>Copy the secret key now and keep it somewhere safe, such as a password manager: it is shown only this once and is gone when this window closes. Anyone with both parts can use your DINAMIS account; revoke the key if it leaks.</source>
            <translation>Copiez la clé secrète maintenant et conservez-la en lieu sûr, par exemple dans un gestionnaire de mots de passe : elle n'est affichée que cette fois et disparaît à la fermeture de cette fenêtre. Quiconque possède les deux parties peut utiliser votre compte DINAMIS ; révoquez la clé si elle fuite.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="229" />
            <source>corrupt</source>
            <translation>corrompu</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="64" />
            <source>Counted by the catalogue.</source>
            <translation>Décompte fourni par le catalogue.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="69" />
            <source>Counted from the dates of all {count} matching images.</source>
            <translation>Décompte établi à partir des dates des {count} images correspondantes.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="72" />
            <source>Counted from the {count} most recent images only: months before {month} are incomplete.</source>
            <translation>Décompte établi à partir des {count} images les plus récentes seulement : les mois antérieurs à {month} sont incomplets.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="76" />
            <source>Counted from {count} images only: the counts are incomplete.</source>
            <translation>Décompte établi à partir de {count} images seulement : les nombres sont incomplets.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="66" />
            <source>Counted with one search per month ({requests} requests).</source>
            <translation>Décompte établi par une recherche par mois ({requests} requêtes).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="60" />
            <source>Create a key</source>
            <translation>Créer une clé</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="90" />
            <source>Create, list and revoke the API keys of your account (scripts log in with them)</source>
            <translation>Créer, lister et révoquer les clés d'API de votre compte (les scripts s'en servent pour se connecter)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="44" />
            <source>Created</source>
            <translation>Créée le</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="145" />
            <source>Creating a DINAMIS API key</source>
            <translation>Création d'une clé d'API DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="144" />
            <source>Creating an API key…</source>
            <translation>Création d'une clé d'API…</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="62" />
            <source>Cubic</source>
            <translation>Cubique</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="67" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="54" />
            <source>Demand manager address</source>
            <translation>Adresse du gestionnaire de demandes</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="43" />
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/plugin.py" line="76" />
            <location filename="../dinamis_plugin/plugin.py" line="87" />
            <location filename="../dinamis_plugin/plugin.py" line="197" />
            <location filename="../processing_provider/provider.py" line="27" />
            <source>DINAMIS</source>
            <translation>DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="30" />
            <location filename="../dinamis_plugin/plugin.py" line="66" />
            <source>DINAMIS account</source>
            <translation>Compte DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="32" />
            <source>DINAMIS API keys</source>
            <translation>Clés d'API DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="184" />
            <source>DINAMIS could not find {url}. It may have been removed, or the endpoint in the DINAMIS settings is wrong.</source>
            <translation>DINAMIS n'a pas trouvé {url}. La ressource a peut-être été supprimée, ou l'adresse du service dans les paramètres DINAMIS est erronée.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="89" />
            <source>DINAMIS did not accept your credentials. Log in again from the DINAMIS account panel (or dinamis.login() in the Python console), or check your API key.</source>
            <translation>DINAMIS n'a pas accepté vos identifiants. Reconnectez-vous depuis le panneau du compte DINAMIS (ou avec dinamis.login() dans la console Python), ou vérifiez votre clé d'API.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="193" />
            <source>DINAMIS is receiving too many requests. Wait a minute and try again.</source>
            <translation>DINAMIS reçoit trop de requêtes. Patientez une minute puis réessayez.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="577" />
            <source>DINAMIS is resuming your previous login; try again in a moment.</source>
            <translation>DINAMIS reprend votre connexion précédente ; réessayez dans un instant.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="156" />
            <source>DINAMIS refused this action for your account.</source>
            <translation>DINAMIS a refusé cette action pour votre compte.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="175" />
            <source>DINAMIS rejected the request. Check the values you entered.</source>
            <translation>DINAMIS a refusé la requête. Vérifiez les valeurs saisies.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="172" />
            <source>DINAMIS rejected the request: {reason}</source>
            <translation>DINAMIS a refusé la requête : {reason}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="169" />
            <source>DINAMIS rejected the value of "{field}": {reason}</source>
            <translation>DINAMIS a refusé la valeur de « {field} » : {reason}</translation>
        </message>
        <message>
            <location filename="../processing_provider/provider.py" line="30" />
            <source>DINAMIS satellite imagery</source>
            <translation>Imagerie satellitaire DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="48" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="96" />
            <source>DINAMIS settings</source>
            <translation>Paramètres DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/plugin.py" line="71" />
            <source>DINAMIS settings…</source>
            <translation>Paramètres DINAMIS…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="60" />
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="27" />
            <source>Download DINAMIS images</source>
            <translation>Télécharger des images DINAMIS</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="34" />
            <source>Download DINAMIS images clipped to an area</source>
            <translation>Télécharger des images DINAMIS découpées sur une zone</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="47" />
            <source>Download everything again</source>
            <translation>Tout télécharger à nouveau</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="48" />
            <source>Download folder</source>
            <translation>Dossier de téléchargement</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="72" />
            <source>Download report</source>
            <translation>Rapport de téléchargement</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="72" />
            <source>Downloadable now</source>
            <translation>Téléchargeables maintenant</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="219" />
            <source>downloaded</source>
            <translation>téléchargé</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="37" />
            <source>Downloads only the part of each image that covers an area of interest (the features of a layer, or an extent): GDAL reads the signed image remotely and fetches just the tiles of that window, so a small study area costs a small download. Without a target coordinate system the pixels are exactly the original ones; with one (or a resolution) the window is reprojected and resampled. Items come from a footprint layer made by "Search the DINAMIS catalogue" (or its selection) or a list of ids. Needs a login with an active DINAMIS account.</source>
            <translation>Télécharge seulement la partie de chaque image qui couvre une zone d'intérêt (les entités d'une couche, ou une emprise) : GDAL lit l'image signée à distance et ne récupère que les tuiles de cette fenêtre, si bien qu'une petite zone d'étude coûte un petit téléchargement. Sans système de coordonnées cible, les pixels sont exactement ceux d'origine ; avec un système cible (ou une résolution), la fenêtre est reprojetée et rééchantillonnée. Les images viennent d'une couche d'emprises produite par « Rechercher dans le catalogue DINAMIS » (ou de sa sélection) ou d'une liste d'identifiants. Nécessite une connexion avec un compte DINAMIS actif.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="30" />
            <source>Downloads the image files of DINAMIS items into a folder: the footprints of a layer made by "Search the DINAMIS catalogue" (all of them, or the selected ones), or a list of item ids. Several files are fetched at once; each is checked against the size and checksum the catalogue gives, and a damaged file is never kept. A stopped or failed download resumes where it stopped: run it again with the same folder, and only what is missing or failed is fetched. The report table says, for every file, whether it was downloaded, resumed, already there or failed, and why. Needs a login with an active DINAMIS account (headless: a login kept by the plugin, or the DINAMIS_ACCESS_KEY and DINAMIS_SECRET_KEY environment variables).</source>
            <translation>Télécharge dans un dossier les fichiers image d'images DINAMIS : les emprises d'une couche produite par « Rechercher dans le catalogue DINAMIS » (toutes, ou celles sélectionnées), ou une liste d'identifiants. Plusieurs fichiers sont récupérés à la fois ; chacun est vérifié d'après la taille et la somme de contrôle données par le catalogue, et un fichier endommagé n'est jamais conservé. Un téléchargement arrêté ou en échec reprend là où il s'était arrêté : relancez-le avec le même dossier, seul ce qui manque ou a échoué est récupéré. La table de rapport indique pour chaque fichier s'il a été téléchargé, repris, s'il était déjà présent ou a échoué, et pourquoi. Nécessite une connexion avec un compte DINAMIS actif (sans interface : une connexion conservée par l'extension, ou les variables d'environnement DINAMIS_ACCESS_KEY et DINAMIS_SECRET_KEY).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="61" />
            <source>E-mail</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="72" />
            <source>Edit profile</source>
            <translation>Modifier le profil</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="104" />
            <source>Edit…</source>
            <translation>Modifier…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="130" />
            <source>end date</source>
            <translation>date de fin</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="125" />
            <source>Endpoint profiles</source>
            <translation>Profils de services</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="229" />
            <source>Enter both the access key and the secret key of your API key.</source>
            <translation>Saisissez l'identifiant et la clé secrète de votre clé d'API.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="55" />
            <source>Enter both the access key and the secret key.</source>
            <translation>Saisissez l'identifiant et la clé secrète.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="62" />
            <source>Entity</source>
            <translation>Structure</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="220" />
            <source>failed</source>
            <translation>échec</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="65" />
            <source>File format</source>
            <translation>Format de fichier</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="61" />
            <source>File naming pattern ({collection} {item} {asset} {file} {stem} {ext})</source>
            <translation>Modèle de nom des fichiers ({collection} {item} {asset} {file} {stem} {ext})</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="44" />
            <source>Files already in the folder</source>
            <translation>Fichiers déjà présents dans le dossier</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="76" />
            <source>Files already present</source>
            <translation>Fichiers déjà présents</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="74" />
            <source>Files downloaded</source>
            <translation>Fichiers téléchargés</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="77" />
            <source>Files failed</source>
            <translation>Fichiers en échec</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="64" />
            <source>Files fetched at the same time</source>
            <translation>Fichiers récupérés simultanément</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="75" />
            <source>Files resumed</source>
            <translation>Fichiers repris</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="67" />
            <source>Folder of the clipped images</source>
            <translation>Dossier des images découpées</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="84" />
            <source>Footprints</source>
            <translation>Emprises</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="49" />
            <source>Footprints (fields id and collection, as the search writes them)</source>
            <translation>Emprises (champs id et collection, tels que la recherche les écrit)</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="86" />
            <source>Footprints written</source>
            <translation>Emprises écrites</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="108" />
            <source>Foreign scientific</source>
            <translation>Scientifique étranger</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="298" />
            <source>Forgetting the logins of removed DINAMIS profiles</source>
            <translation>Oubli des connexions des profils DINAMIS supprimés</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="75" />
            <source>Free text</source>
            <translation>Texte libre</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="125" />
            <source>Free text search is not available on this catalogue: its STAC API does not offer it for images. Remove the text and search by place, date or collection instead.</source>
            <translation>La recherche en texte libre n'est pas disponible sur ce catalogue : son API STAC ne la propose pas pour les images. Retirez le texte et cherchez plutôt par lieu, par date ou par collection.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="237" />
            <source>GDAL said: {detail}</source>
            <translation>GDAL a indiqué : {detail}</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="66" />
            <source>GeoTIFF</source>
            <translation>GeoTIFF</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="164" />
            <source>Give both the API key's access key and its secret key, or neither to log in with your browser.</source>
            <translation>Donnez à la fois l'identifiant et la clé secrète de la clé d'API, ou aucun des deux pour vous connecter avec votre navigateur.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="68" />
            <source>Give either a rectangle (bbox) or a geometry, not both.</source>
            <translation>Donnez soit un rectangle (bbox), soit une géométrie, pas les deux.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="270" />
            <source>Give either a SearchParameters or keyword criteria, not both.</source>
            <translation>Donnez soit un SearchParameters, soit des critères nommés, pas les deux.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="45" />
            <source>Host names of the object storage holding the images, separated by spaces: only asset addresses there are sent for signing (DINAMIS: meso.umontpellier.fr).</source>
            <translation>Noms d'hôte du stockage objet qui contient les images, séparés par des espaces : seules les adresses de fichiers qui s'y trouvent sont envoyées à la signature (DINAMIS : meso.umontpellier.fr).</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="85" />
            <source>Images matching the search (-1 when not known exactly)</source>
            <translation>Images correspondant à la recherche (-1 si le nombre exact n'est pas connu)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="112" />
            <source>In a Python script on this machine, log in once with dinamis.login(api_key="&lt;access key&gt;", secret_key="&lt;secret key&gt;"): the key is then kept in the system keyring. In QGIS, "Use an API key…" in the DINAMIS account panel.</source>
            <translation>Dans un script Python sur cette machine, connectez-vous une fois avec dinamis.login(api_key="&lt;clé d'accès&gt;", secret_key="&lt;clé secrète&gt;") : la clé est ensuite conservée dans le trousseau du système. Dans QGIS, « Utiliser une clé d'API… » dans le panneau Compte DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="137" />
            <source>incidence angle</source>
            <translation>l'angle d'incidence</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="499" />
            <source>Inside QGIS the console uses the DINAMIS plugin's profiles: add this one in the DINAMIS settings (or change its addresses there), then choose it. Known profiles: {names}.</source>
            <translation>Dans QGIS, la console utilise les profils de l'extension DINAMIS : ajoutez celui-ci dans les paramètres DINAMIS (ou modifiez-y ses adresses), puis choisissez-le. Profils connus : {names}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="344" />
            <source>It lists no collections.</source>
            <translation>Il ne liste aucune collection.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="343" />
            <source>Its collections are: {ids}.</source>
            <translation>Ses collections sont : {ids}.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="46" />
            <source>Keep them without checking them</source>
            <translation>Les garder sans les vérifier</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="61" />
            <source>Keep these values; OK saves the settings</source>
            <translation>Garder ces valeurs ; OK enregistre les paramètres</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="135" />
            <source>Listing DINAMIS API keys</source>
            <translation>Liste des clés d'API DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="134" />
            <source>Listing your API keys…</source>
            <translation>Liste de vos clés d'API…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="129" />
            <source>Local reference server</source>
            <translation>Serveur de référence local</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="34" />
            <source>Log in</source>
            <translation>Se connecter</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="23" />
            <source>Log in to DINAMIS</source>
            <translation>Se connecter à DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="18" />
            <source>Log in with an API key</source>
            <translation>Se connecter avec une clé d'API</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="212" />
            <source>Log in with your DINAMIS account ("Log in…") to manage your API keys: an API key cannot create or list keys.</source>
            <translation>Connectez-vous avec votre compte DINAMIS (« Se connecter… ») pour gérer vos clés d'API : une clé d'API ne peut ni créer ni lister de clés.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="84" />
            <source>Log in…</source>
            <translation>Se connecter…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="86" />
            <source>Log out</source>
            <translation>Se déconnecter</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="166" />
            <source>Logged in as {name} ({username})</source>
            <translation>Connecté en tant que {name} ({username})</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="426" />
            <source>Logged in for this QGIS session only: neither the system keyring nor QGIS's authentication database could keep your login, so you will have to log in again after restarting QGIS.</source>
            <translation>Connecté pour cette session de QGIS seulement : ni le trousseau du système ni la base d'authentification de QGIS n'ont pu conserver votre connexion ; il faudra vous reconnecter après avoir redémarré QGIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="77" />
            <source>Logged in with an API key. The account's details are not available with an API key; log in with your DINAMIS account to see them.</source>
            <translation>Connecté avec une clé d'API. Les détails du compte ne sont pas disponibles avec une clé d'API ; connectez-vous avec votre compte DINAMIS pour les voir.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="222" />
            <source>Logging in to DINAMIS</source>
            <translation>Connexion à DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="241" />
            <source>Logging in to DINAMIS with an API key</source>
            <translation>Connexion à DINAMIS avec une clé d'API</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="162" />
            <source>Logging in…</source>
            <translation>Connexion en cours…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="276" />
            <source>Logging out of DINAMIS</source>
            <translation>Déconnexion de DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="69" />
            <source>Login (OpenID Connect) issuer</source>
            <translation>Émetteur de connexion (OpenID Connect)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="127" />
            <source>Login cancelled.</source>
            <translation>Connexion annulée.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="56" />
            <source>Login client id</source>
            <translation>Identifiant du client de connexion</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="57" />
            <source>Login issuer</source>
            <translation>Émetteur de connexion</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="63" />
            <source>Maximum cloud cover (%)</source>
            <translation>Couverture nuageuse maximale (%)</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="67" />
            <source>Maximum incidence angle (degrees)</source>
            <translation>Angle d'incidence maximal (degrés)</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="80" />
            <source>Maximum number of footprints</source>
            <translation>Nombre maximal d'emprises</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="51" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="62" />
            <source>Nearest neighbour</source>
            <translation>Plus proche voisin</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="72" />
            <source>New profile</source>
            <translation>Nouveau profil</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="109" />
            <source>No category</source>
            <translation>Sans catégorie</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/counts.py" line="50" />
            <source>no image</source>
            <translation>aucune image</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="110" />
            <source>No item to download: the layer (or its selection) is empty and no id was given.</source>
            <translation>Aucune image à télécharger : la couche (ou sa sélection) est vide et aucun identifiant n'a été donné.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="228" />
            <source>not checked</source>
            <translation>non vérifié</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="390" />
            <source>Not in the catalogue: {ids}.</source>
            <translation>Absents du catalogue : {ids}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="171" />
            <source>Not logged in to {profile}.</source>
            <translation>Non connecté à {profile}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="80" />
            <source>Not stated at login: your first download or request will tell whether your account is active.</source>
            <translation>Non indiqué à la connexion : votre premier téléchargement ou votre première demande dira si votre compte est actif.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="78" />
            <source>Nothing to count.</source>
            <translation>Rien à décompter.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="44" />
            <source>Open browser</source>
            <translation>Ouvrir le navigateur</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="73" />
            <source>Open the page below in your browser, log in to DINAMIS and enter this code:</source>
            <translation>Ouvrez la page ci-dessous dans votre navigateur, connectez-vous à DINAMIS et saisissez ce code :</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="43" />
            <source>Optional</source>
            <translation>Facultatif</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="48" />
            <source>Optional: found from the signing service</source>
            <translation>Facultatif : trouvé via le service de signature</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="52" />
            <source>Or area of interest (extent)</source>
            <translation>Ou zone d'intérêt (emprise)</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="52" />
            <source>Or item ids (separated by commas, spaces or lines)</source>
            <translation>Ou identifiants d'images (séparés par des virgules, des espaces ou des lignes)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="106" />
            <source>Private R&amp;D</source>
            <translation>R&amp;D privée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="41" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="35" />
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="104" />
            <source>Public actor (non-scientific institution)</source>
            <translation>Acteur public (institution non scientifique)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="564" />
            <source>QGIS is busy and did not switch the DINAMIS profile. Try again from the Python console.</source>
            <translation>QGIS est occupé et n'a pas changé de profil DINAMIS. Réessayez depuis la console Python.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/proxy.py" line="89" />
            <source>QGIS is set to use a SOCKS5 proxy, which needs the Python package PySocks. Install it (pip install PySocks) in QGIS's Python, or use an HTTP proxy in QGIS Options &gt; Network.</source>
            <translation>QGIS est configuré pour utiliser un proxy SOCKS5, qui nécessite le paquet Python PySocks. Installez-le (pip install PySocks) dans le Python de QGIS, ou utilisez un proxy HTTP dans Options de QGIS &gt; Réseau.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="87" />
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="262" />
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="353" />
            <source>Refreshing the DINAMIS account</source>
            <translation>Actualisation du compte DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="75" />
            <source>Remaining free quotas this year</source>
            <translation>Quotas gratuits restants cette année</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="105" />
            <source>Remove</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="105" />
            <source>Remove this criterion to search anyway.</source>
            <translation>Retirez ce critère pour lancer la recherche malgré tout.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="61" />
            <source>Resampling</source>
            <translation>Rééchantillonnage</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="207" />
            <source>Restoring the DINAMIS login</source>
            <translation>Restauration de la connexion DINAMIS</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="45" />
            <source>Resume parts, skip verified files (recommended)</source>
            <translation>Reprendre les fichiers partiels, ignorer les fichiers vérifiés (recommandé)</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="219" />
            <source>resumed</source>
            <translation>repris</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="164" />
            <source>Resuming your previous login…</source>
            <translation>Reprise de votre connexion précédente…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="160" />
            <source>Revoke</source>
            <translation>Révoquer</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="154" />
            <source>Revoke an API key</source>
            <translation>Révoquer une clé d'API</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="155" />
            <source>Revoke the API key {key}? Every script or machine using it loses access to DINAMIS. This cannot be undone.</source>
            <translation>Révoquer la clé d'API {key} ? Tout script ou toute machine qui l'utilise perd l'accès à DINAMIS. Cette action est irréversible.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="54" />
            <source>Revoke…</source>
            <translation>Révoquer…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="172" />
            <source>Revoking a DINAMIS API key</source>
            <translation>Révocation d'une clé d'API DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="171" />
            <source>Revoking the API key…</source>
            <translation>Révocation de la clé d'API…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="113" />
            <source>Rotated images cannot be clipped on their own grid; choose a target coordinate system.</source>
            <translation>Les images pivotées ne peuvent pas être découpées sur leur propre grille ; choisissez un système de coordonnées cible.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="102" />
            <source>Scientific</source>
            <translation>Scientifique</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="57" />
            <source>Search extent</source>
            <translation>Emprise de recherche</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="44" />
            <source>Search the DINAMIS catalogue</source>
            <translation>Rechercher dans le catalogue DINAMIS</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="50" />
            <source>Searches the catalogue of the active DINAMIS profile (plugin settings) and writes the footprint of every matching image, with its date, platform, cloud cover, incidence angle, availability and quicklook address. Every criterion is optional. Searching needs no login.</source>
            <translation>Interroge le catalogue du profil DINAMIS actif (paramètres de l'extension) et écrit l'emprise de chaque image correspondante, avec sa date, sa plateforme, sa couverture nuageuse, son angle d'incidence, sa disponibilité et l'adresse de son aperçu. Tous les critères sont facultatifs. La recherche ne nécessite pas de connexion.</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="154" />
            <source>Searching {url}</source>
            <translation>Recherche dans {url}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="31" />
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="120" />
            <source>Secret key</source>
            <translation>Clé secrète</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/plugin.py" line="69" />
            <source>Show or hide the DINAMIS account panel</source>
            <translation>Afficher ou masquer le panneau du compte DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="25" />
            <source>Shown once, at creation</source>
            <translation>Affichée une seule fois, à la création</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="65" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="53" />
            <source>Signing service address</source>
            <translation>Adresse du service de signature</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="227" />
            <source>size checked</source>
            <translation>taille vérifiée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="88" />
            <source>Sort by needs a property name, e.g. "-datetime" for the newest first.</source>
            <translation>Le tri nécessite un nom de propriété, par exemple « -datetime » pour les plus récentes en premier.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="64" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="52" />
            <source>STAC API address</source>
            <translation>Adresse de l'API STAC</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/catalogue.py" line="65" />
            <location filename="../dinamis_plugin/core/catalogue.py" line="147" />
            <source>STAC item search</source>
            <translation>la recherche d'items STAC</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="129" />
            <source>start date</source>
            <translation>date de début</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="64" />
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="76" />
            <source>Storage host "{host}": give a host name such as meso.umontpellier.fr, without https:// or a path.</source>
            <translation>Hôte de stockage « {host} » : donnez un nom d'hôte comme meso.umontpellier.fr, sans https:// ni chemin.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="55" />
            <source>Storage hosts</source>
            <translation>Hôtes de stockage</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="54" />
            <source>Target coordinate system (empty: the image's own)</source>
            <translation>Système de coordonnées cible (vide : celui de l'image)</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="57" />
            <source>Target resolution (target coordinate system units; empty: the image's own)</source>
            <translation>Résolution cible (unités du système cible ; vide : celle de l'image)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="145" />
            <source>the address has no host name.</source>
            <translation>l'adresse n'a pas de nom d'hôte.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="147" />
            <source>the address must not contain "?" or "#".</source>
            <translation>l'adresse ne doit contenir ni « ? » ni « # ».</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="149" />
            <source>the address must not contain a user name or password.</source>
            <translation>l'adresse ne doit contenir ni nom d'utilisateur ni mot de passe.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="142" />
            <source>the address must start with https:// (or http:// for a local test server).</source>
            <translation>l'adresse doit commencer par https:// (ou http:// pour un serveur de test local).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="77" />
            <source>The address {url} does not answer like a DINAMIS service. Check the endpoint addresses in the DINAMIS settings.</source>
            <translation>L'adresse {url} ne répond pas comme un service DINAMIS. Vérifiez les adresses des services dans les paramètres DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="72" />
            <source>The area of interest cannot be expressed in the image's coordinate system.</source>
            <translation>La zone d'intérêt ne peut pas être exprimée dans le système de coordonnées de l'image.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="93" />
            <source>The area of interest extent is empty.</source>
            <translation>L'emprise de la zone d'intérêt est vide.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="62" />
            <source>The area of interest is not a valid geometry.</source>
            <translation>La zone d'intérêt n'est pas une géométrie valide.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="86" />
            <source>The area of interest layer has no geometry (or none is selected).</source>
            <translation>La couche de zone d'intérêt n'a aucune géométrie (ou aucune n'est sélectionnée).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="339" />
            <source>The catalogue has no collection "{id}".</source>
            <translation>Le catalogue n'a pas de collection « {id} ».</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="341" />
            <source>The catalogue has no collections {ids}.</source>
            <translation>Le catalogue n'a pas les collections {ids}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="90" />
            <source>The code expires in {minutes}:{seconds:02d}.</source>
            <translation>Le code expire dans {minutes}:{seconds:02d}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="557" />
            <source>the connection failed or stalled ({kind})</source>
            <translation>la connexion a échoué ou s'est bloquée ({kind})</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="635" />
            <source>the connection was cut after {got} of {size} bytes</source>
            <translation>la connexion a été coupée après {got} octets sur {size}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="168" />
            <source>The DINAMIS login continues in the DINAMIS account panel: approve it in your browser. dinamis.whoami() tells who is logged in once it is done.</source>
            <translation>La connexion à DINAMIS se poursuit dans le panneau Compte DINAMIS : approuvez-la dans votre navigateur. dinamis.whoami() indique qui est connecté une fois que c'est fait.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/unsupported_python.py" line="27" />
            <source>The DINAMIS plugin needs QGIS with Python {needed} or newer; this QGIS runs Python {found}. Install a QGIS LTR release whose Python is recent enough (QGIS 3.34 or newer on Windows and macOS).</source>
            <translation>L’extension DINAMIS nécessite QGIS avec Python {needed} ou plus récent ; ce QGIS utilise Python {found}. Installez une version LTR de QGIS dont le Python est assez récent (QGIS 3.34 ou plus récent sous Windows et macOS).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="203" />
            <source>The DINAMIS service had a problem (HTTP {status}). Try again later; if it persists, contact the DINAMIS team.</source>
            <translation>Le service DINAMIS a rencontré un problème (HTTP {status}). Réessayez plus tard ; si le problème persiste, contactez l'équipe DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="90" />
            <source>The disk is full: no room to write in {folder}. The downloads stopped; free some space (or choose another folder) and run the same download again to resume.</source>
            <translation>Le disque est plein : plus de place pour écrire dans {folder}. Les téléchargements se sont arrêtés ; libérez de l'espace (ou choisissez un autre dossier) et relancez le même téléchargement pour le reprendre.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="105" />
            <source>The footprint layer needs the fields "id" and "collection", as made by "Search the DINAMIS catalogue".</source>
            <translation>La couche d'emprises doit avoir les champs « id » et « collection », comme celle produite par « Rechercher dans le catalogue DINAMIS ».</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="70" />
            <source>The geometry must be a GeoJSON geometry with a "type" and "coordinates" (e.g. a Polygon).</source>
            <translation>La géométrie doit être une géométrie GeoJSON avec un « type » et des « coordinates » (par exemple un Polygon).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="64" />
            <source>The HTTPS certificate of {url} is not trusted. If your organisation inspects HTTPS traffic, import its CA certificate in QGIS (Settings &gt; Options &gt; Authentication &gt; Certificate Manager) and trust it; the DINAMIS plugin trusts what QGIS trusts.</source>
            <translation>Le certificat HTTPS de {url} n'est pas reconnu. Si votre organisation inspecte le trafic HTTPS, importez son certificat d'autorité dans QGIS (Préférences &gt; Options &gt; Authentification &gt; Gestionnaire de certificats) et accordez-lui votre confiance ; l'extension DINAMIS fait confiance à ce que QGIS reconnaît.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="302" />
            <source>The image does not cover the area.</source>
            <translation>L'image ne couvre pas la zone.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/cog_window.py" line="65" />
            <source>The image store sent less than asked for {file}.</source>
            <translation>Le stockage des images a envoyé moins que demandé pour {file}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="243" />
            <source>The local reference server address is not valid: it must look like http://127.0.0.1:8765.</source>
            <translation>L'adresse du serveur de référence local n'est pas valide : elle doit ressembler à http://127.0.0.1:8765.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="80" />
            <source>The login client id must not be empty (DINAMIS uses "gdal").</source>
            <translation>L'identifiant du client de connexion ne doit pas être vide (DINAMIS utilise « gdal »).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="107" />
            <source>The login code expired before it was approved. Start the login again and approve it in your browser before it expires.</source>
            <translation>Le code de connexion a expiré avant d'être validé. Relancez la connexion et validez-la dans votre navigateur avant son expiration.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="118" />
            <source>The login was denied in the browser. Start the login again and approve it, or ask your entity's DINAMIS referent if your account is disabled.</source>
            <translation>La connexion a été refusée dans le navigateur. Relancez la connexion et validez-la, ou demandez au référent DINAMIS de votre structure si votre compte est désactivé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="74" />
            <source>The maximum cloud cover must be a number between 0 and 100 (percent).</source>
            <translation>La couverture nuageuse maximale doit être un nombre entre 0 et 100 (pourcents).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="77" />
            <source>The maximum incidence angle must be a number between 0 and 90 (degrees).</source>
            <translation>L'angle d'incidence maximal doit être un nombre entre 0 et 90 (degrés).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="95" />
            <source>The maximum number of results must be a whole number of at least 1.</source>
            <translation>Le nombre maximal de résultats doit être un nombre entier d'au moins 1.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="53" />
            <source>The naming pattern "{pattern}" has an unmatched brace.</source>
            <translation>Le modèle de nom « {pattern} » a une accolade sans pendant.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="47" />
            <source>The naming pattern is empty; use for example {example}.</source>
            <translation>Le modèle de nom est vide ; utilisez par exemple {example}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="65" />
            <source>The naming pattern must be a relative path inside the output folder.</source>
            <translation>Le modèle de nom doit être un chemin relatif dans le dossier de sortie.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="61" />
            <source>The naming pattern must contain {file} or {asset}, or two assets of an item would get the same name.</source>
            <translation>Le modèle de nom doit contenir {file} ou {asset}, sinon deux fichiers d'une même image auraient le même nom.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="57" />
            <source>The naming pattern uses {unknown}; the placeholders are {known}.</source>
            <translation>Le modèle de nom utilise {unknown} ; les champs disponibles sont {known}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="92" />
            <source>The page size must be a whole number between 1 and 10000.</source>
            <translation>La taille de page doit être un nombre entier entre 1 et 10000.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="63" />
            <source>The profile needs a name.</source>
            <translation>Le profil doit avoir un nom.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="105" />
            <location filename="../dinamis_plugin/core/search_params.py" line="108" />
            <source>The rectangle (bbox) must be four numbers: west, south, east, north in degrees.</source>
            <translation>Le rectangle (bbox) doit être composé de quatre nombres : ouest, sud, est, nord en degrés.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="118" />
            <source>The rectangle's south ({south}) is above its north ({north}): give west, south, east, north.</source>
            <translation>Le sud du rectangle ({south}) est au-dessus de son nord ({north}) : donnez ouest, sud, est, nord.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="115" />
            <source>The rectangle's south and north must be latitudes between -90 and 90 degrees.</source>
            <translation>Le sud et le nord du rectangle doivent être des latitudes entre -90 et 90 degrés.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="122" />
            <source>The rectangle's west ({west}) is east of its east ({east}): give west, south, east, north.</source>
            <translation>L'ouest du rectangle ({west}) est à l'est de son est ({east}) : donnez ouest, sud, est, nord.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="112" />
            <source>The rectangle's west and east must be longitudes between -180 and 180 degrees.</source>
            <translation>L'ouest et l'est du rectangle doivent être des longitudes entre -180 et 180 degrés.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="151" />
            <source>The results are not sorted as asked: this catalogue's STAC API cannot sort.</source>
            <translation>Les résultats ne sont pas triés comme demandé : l'API STAC de ce catalogue ne sait pas trier.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="154" />
            <source>The results are not sorted by "{field}": this catalogue sorts only by {fields}.</source>
            <translation>Les résultats ne sont pas triés par « {field} » : ce catalogue ne trie que par {fields}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="246" />
            <source>The search cannot run: {problems}</source>
            <translation>La recherche ne peut pas être lancée : {problems}</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="159" />
            <source>The search matches {count}.</source>
            <translation>La recherche correspond à {count}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="566" />
            <location filename="../dinamis_plugin/core/downloads.py" line="592" />
            <source>the server answered {status}</source>
            <translation>le serveur a répondu {status}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="574" />
            <source>the server refused to resume; starting again</source>
            <translation>le serveur a refusé la reprise ; nouveau départ</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="583" />
            <source>the server resumed at the wrong place; starting again</source>
            <translation>le serveur a repris au mauvais endroit ; nouveau départ</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="594" />
            <source>The server's file has {got} bytes, the catalogue says {size}: it was not downloaded.</source>
            <translation>Le fichier du serveur fait {got} octets, le catalogue indique {size} : il n'a pas été téléchargé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="158" />
            <location filename="../dinamis_plugin/core/errors.py" line="206" />
            <source>The service said: {detail}</source>
            <translation>Réponse du service : {detail}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/signer.py" line="83" />
            <source>The signing service did not sign every url it was given.</source>
            <translation>Le service de signature n'a pas signé toutes les URL fournies.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/signer.py" line="79" />
            <source>The signing service sent an answer that is not a list of signed urls.</source>
            <translation>Le service de signature a renvoyé une réponse qui n'est pas une liste d'URL signées.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="138" />
            <source>The start date is after the end date.</source>
            <translation>La date de début est postérieure à la date de fin.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="97" />
            <source>The status of your account is unknown.</source>
            <translation>L'état de votre compte est inconnu.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/secret_store.py" line="81" />
            <source>The system keyring refused to keep your DINAMIS login: it is kept in QGIS's authentication database instead, protected by the QGIS master password.</source>
            <translation>Le trousseau du système a refusé de conserver votre connexion DINAMIS : elle est conservée dans la base d'authentification de QGIS, protégée par le mot de passe principal de QGIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="144" />
            <source>The {criterion} filter is not applied: this catalogue does not offer "{property}" among the properties it can filter on.</source>
            <translation>Le filtre sur {criterion} n'est pas appliqué : ce catalogue ne propose pas « {property} » parmi les propriétés sur lesquelles il sait filtrer.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="142" />
            <source>The {criterion} filter is not applied: this catalogue's STAC API cannot filter on properties.</source>
            <translation>Le filtre sur {criterion} n'est pas appliqué : l'API STAC de ce catalogue ne sait pas filtrer sur les propriétés.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="134" />
            <source>The {label} "{value}" is not a date: use YYYY-MM-DD.</source>
            <translation>La {label} « {value} » n'est pas une date : utilisez AAAA-MM-JJ.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="139" />
            <source>To log in to DINAMIS, open {url} and enter the code {code} (the page should open by itself). Waiting for your approval...</source>
            <translation>Pour vous connecter à DINAMIS, ouvrez {url} et saisissez le code {code} (la page devrait s'ouvrir d'elle-même). En attente de votre validation...</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="72" />
            <source>To order</source>
            <translation>À commander</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="375" />
            <source>Unexpected problem ({kind}).</source>
            <translation>Problème inattendu ({kind}).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/tasks.py" line="26" />
            <source>Unexpected problem ({kind}). Try again; if it persists, report it to the plugin authors.</source>
            <translation>Problème inattendu ({kind}). Réessayez ; s'il persiste, signalez-le aux auteurs de l'extension.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="88" />
            <source>Unknown coordinate reference system: {crs}.</source>
            <translation>Système de coordonnées inconnu : {crs}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="97" />
            <source>Unknown DINAMIS profile "{name}". Known profiles: {names}; or pass an EndpointProfile.</source>
            <translation>Profil DINAMIS « {name} » inconnu. Profils connus : {names} ; ou passez un EndpointProfile.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="288" />
            <source>Unknown search criterion "{name}". Use: {names}.</source>
            <translation>Critère de recherche « {name} » inconnu. Critères possibles : {names}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="72" />
            <source>Unknown user</source>
            <translation>Utilisateur inconnu</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="85" />
            <source>Use an API key…</source>
            <translation>Utiliser une clé d'API…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="60" />
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="26" />
            <source>Waiting for the login code from DINAMIS...</source>
            <translation>En attente du code de connexion DINAMIS...</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="59" />
            <source>What the key is for, e.g. "laptop scripts"</source>
            <translation>À quoi sert la clé, par ex. « scripts du portable »</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="44" />
            <source>Which DINAMIS services to use</source>
            <translation>Services DINAMIS à utiliser</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="98" />
            <source>You are not logged in to DINAMIS, or your login has expired. Log in from the DINAMIS account panel (or dinamis.login() in the Python console).</source>
            <translation>Vous n'êtes pas connecté à DINAMIS, ou votre connexion a expiré. Connectez-vous depuis le panneau du compte DINAMIS (ou avec dinamis.login() dans la console Python).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="188" />
            <source>You have no API key.</source>
            <translation>Vous n'avez aucune clé d'API.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="92" />
            <source>Your account has expired. Ask your entity's DINAMIS referent to renew it.</source>
            <translation>Votre compte a expiré. Demandez au référent DINAMIS de votre structure de le renouveler.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="84" />
            <source>Your account is active until {date}.</source>
            <translation>Votre compte est actif jusqu'au {date}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="86" />
            <source>Your account is active.</source>
            <translation>Votre compte est actif.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="88" />
            <source>Your account is awaiting validation by your entity's DINAMIS referent. You can search the catalogue; downloads and requests need a validated account.</source>
            <translation>Votre compte est en attente de validation par le référent DINAMIS de votre structure. Vous pouvez interroger le catalogue ; les téléchargements et les demandes nécessitent un compte validé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="95" />
            <source>Your account is disabled. Contact your entity's DINAMIS referent or the DINAMIS team.</source>
            <translation>Votre compte est désactivé. Contactez le référent DINAMIS de votre structure ou l'équipe DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="140" />
            <source>Your DINAMIS account has expired. Ask your entity's DINAMIS referent to renew it, then try again.</source>
            <translation>Votre compte DINAMIS a expiré. Demandez au référent DINAMIS de votre structure de le renouveler, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="136" />
            <source>Your DINAMIS account is awaiting validation by your entity's DINAMIS referent. You can search the catalogue, but downloads and requests need a validated account; contact your referent.</source>
            <translation>Votre compte DINAMIS est en attente de validation par le référent DINAMIS de votre structure. Vous pouvez interroger le catalogue, mais les téléchargements et les demandes nécessitent un compte validé ; contactez votre référent.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="143" />
            <source>Your DINAMIS account is disabled. Contact your entity's DINAMIS referent or the DINAMIS team.</source>
            <translation>Votre compte DINAMIS est désactivé. Contactez le référent DINAMIS de votre structure ou l'équipe DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="146" />
            <source>Your DINAMIS account is not active. Contact your entity's DINAMIS referent.</source>
            <translation>Votre compte DINAMIS n'est pas actif. Contactez le référent DINAMIS de votre structure.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="89" />
            <source>Your new API key</source>
            <translation>Votre nouvelle clé d'API</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="64" />
            <source>{count} files to fetch into {folder}.</source>
            <translation>{count} fichiers à récupérer dans {folder}.</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="176" />
            <source>{count} footprints written.</source>
            <translation>{count} emprises écrites.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/counts.py" line="53" />
            <source>{count} images</source>
            <translation>{count} images</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="120" />
            <source>{count} images to clip into {folder}.</source>
            <translation>{count} images à découper dans {folder}.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="233" />
            <source>{done} of {total}, {rate}/s</source>
            <translation>{done} sur {total}, {rate}/s</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="164" />
            <source>{file} has no coordinate system: it cannot be clipped.</source>
            <translation>{file} n'a pas de système de coordonnées : il ne peut pas être découpé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/cog_window.py" line="105" />
            <source>{file} is not a GeoTIFF GDAL can read.</source>
            <translation>{file} n'est pas un GeoTIFF que GDAL sait lire.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="205" />
            <source>{file}: failed. {reason}</source>
            <translation>{file} : échec. {reason}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="498" />
            <source>{file}: the data received does not match its checksum, twice; the file on the server may be damaged. It was not kept.</source>
            <translation>{file} : les données reçues ne correspondent pas à leur somme de contrôle, deux fois ; le fichier sur le serveur est peut-être endommagé. Il n'a pas été conservé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="482" />
            <source>{file}: the server sent {got} bytes, the catalogue says {size}; the file was not kept.</source>
            <translation>{file} : le serveur a envoyé {got} octets, le catalogue indique {size} ; le fichier n'a pas été conservé.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="208" />
            <source>{file}: {status} ({checksum}).</source>
            <translation>{file} : {status} ({checksum}).</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="255" />
            <source>{h} h {m} min</source>
            <translation>{h} h {m} min</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="129" />
            <source>{item}: no such data file (it has: {known}).</source>
            <translation>{item} : pas de tel fichier de données (il a : {known}).</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="119" />
            <source>{item}: not in the catalogue.</source>
            <translation>{item} : absent du catalogue.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="73" />
            <source>{label}: {problem}</source>
            <translation>{label} : {problem}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="188" />
            <source>{login} (for this QGIS session only)</source>
            <translation>{login} (pour cette session de QGIS seulement)</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="254" />
            <source>{m} min {s} s</source>
            <translation>{m} min {s} s</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="164" />
            <source>{name} (built-in)</source>
            <translation>{name} (intégré)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="182" />
            <source>{sensor}: {remaining} km² of {free} km²</source>
            <translation>{sensor} : {remaining} km² sur {free} km²</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="252" />
            <source>{s} s</source>
            <translation>{s} s</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="237" />
            <source>{time} left</source>
            <translation>{time} restantes</translation>
        </message>
        <message>
            <source>An API key lets QGIS use DINAMIS without a browser login. Create one on the DINAMIS signing service, then paste both parts here.</source>
            <translation type="vanished">Une clé d'API permet à QGIS d'utiliser DINAMIS sans connexion par le navigateur. Créez-en une sur le service de signature DINAMIS, puis collez ici ses deux parties.</translation>
        </message>
        <message>
            <source>DINAMIS did not accept your credentials. Log in again, or check your API key in the DINAMIS settings.</source>
            <translation type="vanished">DINAMIS n'a pas accepté vos identifiants. Reconnectez-vous, ou vérifiez votre clé d'API dans les paramètres DINAMIS.</translation>
        </message>
        <message>
            <source>Downloading {item} / {asset}</source>
            <translation type="vanished">Téléchargement de {item} / {asset}</translation>
        </message>
        <message>
            <source>Downloads the image files of the footprints of a layer made by "Search the DINAMIS catalogue" (fields id and collection) into a folder, one sub-folder per image. Needs a login with an active DINAMIS account. Files already downloaded are skipped, so a stopped download resumes.</source>
            <translation type="vanished">Télécharge dans un dossier les fichiers image des emprises d'une couche produite par « Rechercher dans le catalogue DINAMIS » (champs id et collection), un sous-dossier par image. Nécessite une connexion avec un compte DINAMIS actif. Les fichiers déjà téléchargés sont ignorés : un téléchargement interrompu reprend là où il s'était arrêté.</translation>
        </message>
        <message>
            <source>Images matching the search</source>
            <translation type="vanished">Images correspondant à la recherche</translation>
        </message>
        <message>
            <source>Save profile</source>
            <translation type="vanished">Enregistrer le profil</translation>
        </message>
        <message>
            <source>Shown once, when the key was created</source>
            <translation type="vanished">Affichée une seule fois, à la création de la clé</translation>
        </message>
        <message>
            <source>The catalogue does not say how many images match.</source>
            <translation type="vanished">Le catalogue n'indique pas combien d'images correspondent.</translation>
        </message>
        <message>
            <source>You are not logged in to DINAMIS, or your login has expired. Log in from the DINAMIS settings.</source>
            <translation type="vanished">Vous n'êtes pas connecté à DINAMIS, ou votre connexion a expiré. Connectez-vous depuis les paramètres DINAMIS.</translation>
        </message>
        <message>
            <source>{item} has no asset {missing}; it has: {known}.</source>
            <translation type="vanished">{item} n'a pas d'asset {missing} ; ses assets : {known}.</translation>
        </message>
        <message>
            <source>{item}: no data file to download.</source>
            <translation type="vanished">{item} : aucun fichier de données à télécharger.</translation>
        </message>
        <message>
            <source>{matched} images match the search.</source>
            <translation type="vanished">{matched} images correspondent à la recherche.</translation>
        </message>
        <message>
            <source>{sensor}: {remaining:,.0f} km² of {free:,.0f} km²</source>
            <translation type="vanished">{sensor} : {remaining:,.0f} km² sur {free:,.0f} km²</translation>
        </message>
    </context>
</TS>
