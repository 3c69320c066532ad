<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
    <context>
        <name>dinamis</name>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="118" />
            <source>"{name}" holds no geometry to search with: choose a file with points, lines or polygons.</source>
            <translation>« {name} » ne contient aucune géométrie avec laquelle chercher : choisissez un fichier de points, de lignes ou de polygones.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="120" />
            <source>"{name}" holds no polygon</source>
            <translation>« {name} » ne contient aucun polygone</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/settings.py" line="103" />
            <source>"{name}" is a built-in profile name; choose another name.</source>
            <translation>« {name} » est le nom d'un profil intégré ; choisissez un autre nom.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="147" />
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
            <location filename="../dinamis_plugin/core/search_params.py" line="88" />
            <source>A collection id is empty.</source>
            <translation>Un identifiant de collection est vide.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="622" />
            <source>A DINAMIS login is in progress: approve it in your browser (the DINAMIS login window shows the code) or cancel it there, then try again.</source>
            <translation>Une connexion à DINAMIS est en cours : approuvez-la dans votre navigateur (la fenêtre de connexion DINAMIS affiche le code) ou annulez-la depuis cette fenêtre, puis réessayez.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demands.py" line="92" />
            <source>a JSON answer</source>
            <translation>une réponse JSON</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="143" />
            <source>A note for DINAMIS (optional)</source>
            <translation>Une note pour DINAMIS (facultative)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/settings.py" line="106" />
            <source>A profile named "{name}" already exists.</source>
            <translation>Un profil nommé « {name} » existe déjà.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="220" />
            <source>A scientific project states its objectives, methodology and expected results.</source>
            <translation>Un projet scientifique indique ses objectifs, sa méthodologie et ses résultats attendus.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/catalogue.py" line="66" />
            <source>a STAC API</source>
            <translation>une API STAC</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="38" />
            <source>Accepted</source>
            <translation>Acceptée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="56" />
            <source>Accepted: the images will be acquired or produced.</source>
            <translation>Acceptée : les images vont être acquises ou produites.</translation>
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
            <location filename="../dinamis_plugin/gui/search_form.py" line="75" />
            <source>Acquired from</source>
            <translation>Acquise du</translation>
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
            <location filename="../dinamis_plugin/gui/request_form.py" line="115" />
            <source>Acquisition</source>
            <translation>Acquisition</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="286" />
            <source>Acquisition from {start} to {end}</source>
            <translation>Acquisition du {start} au {end}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="117" />
            <source>Active profile</source>
            <translation>Profil actif</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="59" />
            <source>Add as one mosaic ({count} images)</source>
            <translation>Ajouter en une mosaïque ({count} images)</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="34" />
            <source>Add DINAMIS images to the map</source>
            <translation>Ajouter des images DINAMIS à la carte</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="69" />
            <source>Add the images to the map when done</source>
            <translation>Ajouter les images à la carte à la fin</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="55" />
            <source>Add to map</source>
            <translation>Ajouter à la carte</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="56" />
            <source>Add to map ({count})</source>
            <translation>Ajouter à la carte ({count})</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="499" />
            <source>add_to_map works inside QGIS (its Python console). Elsewhere, sign the items with dinamis.sign(items) and open the signed hrefs with GDAL ("/vsicurl/" + href).</source>
            <translation>add_to_map fonctionne dans QGIS (sa console Python). Ailleurs, signez les items avec dinamis.sign(items) et ouvrez les adresses signées avec GDAL ("/vsicurl/" + href).</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="81" />
            <source>Added {name}</source>
            <translation>Ajouté : {name}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="257" />
            <source>Adding DINAMIS images to the map</source>
            <translation>Ajout d'images DINAMIS à la carte</translation>
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
            <location filename="../dinamis_plugin/gui/project_form.py" line="52" />
            <source>agriculture, forest, coast…</source>
            <translation>agriculture, forêt, littoral…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="55" />
            <source>All but</source>
            <translation>Toutes sauf</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="58" />
            <source>All collections</source>
            <translation>Toutes les collections</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="67" />
            <location filename="../processing_provider/search_catalogue.py" line="72" />
            <source>All images</source>
            <translation>Toutes les images</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="530" />
            <source>All of them</source>
            <translation>Toutes</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="62" />
            <source>All statuses</source>
            <translation>Tous les statuts</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="262" />
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
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="369" />
            <source>an unknown number of images</source>
            <translation>un nombre inconnu d'images</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="22" />
            <source>Angle</source>
            <translation>Angle</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="262" />
            <source>angle ≤ {value}°</source>
            <translation>angle ≤ {value}°</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="282" />
            <location filename="../dinamis_plugin/gui/search_form.py" line="284" />
            <source>any</source>
            <translation>indifférent</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="73" />
            <location filename="../dinamis_plugin/gui/search_form.py" line="74" />
            <source>any date</source>
            <translation>toute date</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="128" />
            <source>Anywhere (no area)</source>
            <translation>Partout (pas de zone)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="98" />
            <source>anywhere (no area)</source>
            <translation>partout (pas de zone)</translation>
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
            <location filename="../dinamis_plugin/core/demand_models.py" line="67" />
            <location filename="../processing_provider/estimate_request.py" line="61" />
            <source>Archive</source>
            <translation>Archive</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="78" />
            <source>Archive (an orderable image)</source>
            <translation>Archive (une image à commander)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="99" />
            <source>Archive image</source>
            <translation>Image d'archive</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="51" />
            <location filename="../dinamis_plugin/gui/area_panel.py" line="99" />
            <source>Area</source>
            <translation>Zone</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="75" />
            <source>Area (km²)</source>
            <translation>Surface (km²)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="43" />
            <location filename="../dinamis_plugin/qgis_glue/aoi_layer.py" line="131" />
            <source>Area of interest</source>
            <translation>Zone d'intérêt</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="49" />
            <source>Area of interest (layer)</source>
            <translation>Zone d'intérêt (couche)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="153" />
            <source>Area of interest from a vector file</source>
            <translation>Zone d'intérêt depuis un fichier vecteur</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="356" />
            <source>Area saved to {path}</source>
            <translation>Zone enregistrée dans {path}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="432" />
            <source>area: {label}</source>
            <translation>zone : {label}</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="58" />
            <source>Areas of interest</source>
            <translation>Zones d'intérêt</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="66" />
            <source>Ask DINAMIS to confirm each figure (one request per feature)</source>
            <translation>Faire confirmer chaque chiffre par DINAMIS (une requête par entité)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="320" />
            <source>Asking DINAMIS for a quote</source>
            <translation>Demande de devis à DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="492" />
            <source>Asking DINAMIS to confirm…</source>
            <translation>Confirmation demandée à DINAMIS…</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="56" />
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
            <location filename="../dinamis_plugin/gui/results_model.py" line="23" />
            <location filename="../processing_provider/search_catalogue.py" line="71" />
            <source>Availability</source>
            <translation>Disponibilité</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="57" />
            <source>Availability is applied by collection: the catalogue cannot filter on it.</source>
            <translation>La disponibilité est appliquée par collection : le catalogue ne sait pas filtrer sur ce critère.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="60" />
            <source>Availability is checked image by image as results arrive: the catalogue cannot filter on it, so counts are bounds.</source>
            <translation>La disponibilité est vérifiée image par image à l'arrivée des résultats : le catalogue ne sait pas filtrer sur ce critère, les nombres sont donc des bornes.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="81" />
            <source>Availability must be "all", "downloadable" or "orderable", not "{value}".</source>
            <translation>La disponibilité doit être « all », « downloadable » ou « orderable », et non « {value} ».</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="62" />
            <source>Average</source>
            <translation>Moyenne</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="82" />
            <source>Back to the area before the last change made here.</source>
            <translation>Revenir à la zone d'avant la dernière modification faite ici.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="277" />
            <source>being filed</source>
            <translation>en cours de dépôt</translation>
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
            <location filename="../processing_provider/download_algorithm.py" line="263" />
            <source>cancelled</source>
            <translation>annulé</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="320" />
            <location filename="../dinamis_plugin/core/clip.py" line="335" />
            <location filename="../dinamis_plugin/core/downloads.py" line="444" />
            <location filename="../dinamis_plugin/qgis_glue/tasks.py" line="72" />
            <source>Cancelled.</source>
            <translation>Annulé.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="198" />
            <source>Cancelled: run the same download again to resume.</source>
            <translation>Annulé : relancez le même téléchargement pour le reprendre.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="184" />
            <source>Cannot open {file} remotely</source>
            <translation>Impossible d'ouvrir {file} à distance</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="53" />
            <source>Cannot reach the DINAMIS service at {url}. Check your network or proxy settings, or the endpoint in the DINAMIS settings.</source>
            <translation>Impossible de joindre le service DINAMIS à l'adresse {url}. Vérifiez votre réseau ou vos paramètres de proxy, ou l'adresse du service dans les paramètres DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="113" />
            <source>Cannot read "{name}" as a vector file (GeoPackage, shapefile, GeoJSON, KML...).</source>
            <translation>Impossible de lire « {name} » comme fichier vecteur (GeoPackage, shapefile, GeoJSON, KML…).</translation>
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
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="161" />
            <source>Cannot write "{name}": {reason}</source>
            <translation>Impossible d'écrire « {name} » : {reason}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="805" />
            <source>Cannot write in the folder {folder}: {problem}. Choose another folder.</source>
            <translation>Impossible d'écrire dans le dossier {folder} : {problem}. Choisissez un autre dossier.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="205" />
            <source>Cannot write the clipped part of {file}</source>
            <translation>Impossible d'écrire la partie découpée de {file}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="202" />
            <location filename="../dinamis_plugin/core/downloads.py" line="812" />
            <source>Cannot write {path}: {problem}</source>
            <translation>Impossible d'écrire {path} : {problem}</translation>
        </message>
        <message>
            <location filename="../processing_provider/catalogue_algorithm.py" line="12" />
            <source>Catalogue</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="63" />
            <source>Category</source>
            <translation>Catégorie</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="105" />
            <source>Change it in the New request tab, then submit it again</source>
            <translation>La modifier dans l'onglet Nouvelle demande, puis la soumettre à nouveau</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="37" />
            <source>Changes requested</source>
            <translation>Modifications demandées</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="279" />
            <source>Changes to {id}</source>
            <translation>Modifications de {id}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="172" />
            <source>Checking the API key; the DINAMIS account panel shows the result.</source>
            <translation>Vérification de la clé d'API ; le panneau Compte DINAMIS affiche le résultat.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="250" />
            <source>Checking your DINAMIS requests</source>
            <translation>Vérification de vos demandes DINAMIS</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="269" />
            <source>checksum verified</source>
            <translation>somme de contrôle vérifiée</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="88" />
            <source>Choose a footprint layer or give item ids.</source>
            <translation>Choisissez une couche d'emprises ou indiquez des identifiants d'images.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="556" />
            <source>Choose a project (or create one).</source>
            <translation>Choisissez un projet (ou créez-en un).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="378" />
            <source>Choose a project…</source>
            <translation>Choisissez un projet…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="560" />
            <source>Choose a sensor.</source>
            <translation>Choisissez un capteur.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="73" />
            <source>Choose an area of interest: a layer or an extent.</source>
            <translation>Choisissez une zone d'intérêt : une couche ou une emprise.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="395" />
            <source>Chosen in the DINAMIS web form</source>
            <translation>Choisi dans le formulaire web DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="85" />
            <source>City, department, sensor, keyword…</source>
            <translation>Ville, département, capteur, mot-clé…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="83" />
            <source>Clear</source>
            <translation>Effacer</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="114" />
            <source>Clear every filter and the area</source>
            <translation>Effacer tous les filtres et la zone</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="204" />
            <source>Clear the quicklook cache</source>
            <translation>Vider le cache des aperçus</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="564" />
            <source>Clearing the quicklook cache</source>
            <translation>Vidage du cache des aperçus</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="165" />
            <source>Click the corners of the area; right-click or double-click to finish, Esc to cancel.</source>
            <translation>Cliquez les sommets de la zone ; clic droit ou double-clic pour terminer, Échap pour annuler.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="67" />
            <source>Click the vertices on the map; right-click or double-click to finish, Backspace removes the last vertex.</source>
            <translation>Cliquez les sommets sur la carte ; clic droit ou double-clic pour terminer, Retour arrière supprime le dernier sommet.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="42" />
            <source>Closed</source>
            <translation>Clôturée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="60" />
            <source>Closed.</source>
            <translation>Clôturée.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="22" />
            <source>Cloud</source>
            <translation>Nuages</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="132" />
            <source>cloud cover</source>
            <translation>la couverture nuageuse</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="79" />
            <source>Cloud cover</source>
            <translation>Couverture nuageuse</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/quicklook_viewer.py" line="72" />
            <location filename="../dinamis_plugin/qgis_glue/browser.py" line="165" />
            <source>cloud cover {value} %</source>
            <translation>nuages {value} %</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="66" />
            <source>Cloud-Optimized GeoTIFF</source>
            <translation>GeoTIFF optimisé pour le cloud (COG)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="259" />
            <source>clouds ≤ {value} %</source>
            <translation>nuages ≤ {value} %</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="23" />
            <source>Collection</source>
            <translation>Collection</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="231" />
            <source>Collection: {collection}</source>
            <translation>Collection : {collection}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="63" />
            <location filename="../dinamis_plugin/qgis_glue/browser.py" line="100" />
            <source>Collections</source>
            <translation>Collections</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="77" />
            <source>Collections (ids separated by commas; empty for all)</source>
            <translation>Collections (identifiants séparés par des virgules ; vide pour toutes)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="59" />
            <source>Collections listed by the catalogue; none checked means all of them</source>
            <translation>Collections listées par le catalogue ; aucune cochée signifie toutes</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="86" />
            <source>Collections must be a list of collection ids.</source>
            <translation>Les collections doivent être une liste d'identifiants de collection.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="399" />
            <source>Confirmed by DINAMIS: {area} km², {price} €.</source>
            <translation>Confirmé par DINAMIS : {area} km², {price} €.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="226" />
            <source>Converted from {crs} to longitude/latitude (WGS 84), as DINAMIS takes areas.</source>
            <translation>Convertie de {crs} en longitude/latitude (WGS 84), comme DINAMIS reçoit les zones.</translation>
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
            <location filename="../dinamis_plugin/gui/result_actions.py" line="68" />
            <source>Copy id</source>
            <translation>Copier l'identifiant</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="69" />
            <source>Copy ids ({count})</source>
            <translation>Copier les identifiants ({count})</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="106" />
            <source>Copy the secret key now and keep it somewhere safe, such as a password manager: it is shown only this once and is gone when this window closes. Anyone with both parts can use your DINAMIS account; revoke the key if it leaks.</source>
            <translation>Copiez la clé secrète maintenant et conservez-la en lieu sûr, par exemple dans un gestionnaire de mots de passe : elle n'est affichée que cette fois et disparaît à la fermeture de cette fenêtre. Quiconque possède les deux parties peut utiliser votre compte DINAMIS ; révoquez la clé si elle fuite.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="272" />
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
            <source>Counted from the date of the only matching image.</source>
            <translation>Décompte établi à partir de la date de la seule image correspondante.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="71" />
            <source>Counted from the dates of all {count} matching images.</source>
            <translation>Décompte établi à partir des dates des {count} images correspondantes.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="74" />
            <source>Counted from the {count} most recent images only: months before {month} are incomplete.</source>
            <translation>Décompte établi à partir des {count} images les plus récentes seulement : les mois antérieurs à {month} sont incomplets.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="78" />
            <source>Counted from {count} images only: the counts are incomplete.</source>
            <translation>Décompte établi à partir de {count} images seulement : les nombres sont incomplets.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="66" />
            <source>Counted with one search per month ({requests} requests).</source>
            <translation>Décompte établi par une recherche par mois ({requests} requêtes).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="471" />
            <source>Counting DINAMIS images per month</source>
            <translation>Comptage mensuel des images DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="458" />
            <source>Counting images per month…</source>
            <translation>Comptage des images par mois…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="416" />
            <source>covers {covered} km²</source>
            <translation>couvre {covered} km²</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="60" />
            <source>Create a key</source>
            <translation>Créer une clé</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="78" />
            <location filename="../dinamis_plugin/gui/project_form.py" line="159" />
            <source>Create the project</source>
            <translation>Créer le projet</translation>
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
            <location filename="../dinamis_plugin/qgis_glue/browser.py" line="136" />
            <source>Current search</source>
            <translation>Recherche en cours</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="22" />
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="71" />
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="248" />
            <source>Delete this draft, its area and what you typed in it? This cannot be undone.</source>
            <translation>Supprimer ce brouillon, sa zone et ce que vous y avez saisi ? C'est définitif.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="41" />
            <source>Delivered</source>
            <translation>Livrée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="59" />
            <source>Delivered: the images are in the DINAMIS catalogue.</source>
            <translation>Livrée : les images sont dans le catalogue DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="68" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="54" />
            <source>Demand manager address</source>
            <translation>Adresse du gestionnaire de demandes</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="214" />
            <source>Describe the project.</source>
            <translation>Décrivez le projet.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="43" />
            <location filename="../dinamis_plugin/gui/project_form.py" line="63" />
            <source>Description</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="80" />
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="164" />
            <location filename="../dinamis_plugin/gui/result_actions.py" line="105" />
            <location filename="../dinamis_plugin/plugin.py" line="110" />
            <location filename="../dinamis_plugin/plugin.py" line="122" />
            <location filename="../dinamis_plugin/plugin.py" line="336" />
            <location filename="../dinamis_plugin/plugin.py" line="384" />
            <location filename="../dinamis_plugin/qgis_glue/browser.py" line="88" />
            <location filename="../dinamis_plugin/requests_entry.py" line="96" />
            <location filename="../dinamis_plugin/requests_entry.py" line="143" />
            <location filename="../processing_provider/provider.py" line="29" />
            <source>DINAMIS</source>
            <translation>DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="330" />
            <source>DINAMIS ({author})</source>
            <translation>DINAMIS ({author})</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="30" />
            <location filename="../dinamis_plugin/plugin.py" line="93" />
            <source>DINAMIS account</source>
            <translation>Compte DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="32" />
            <source>DINAMIS API keys</source>
            <translation>Clés d'API DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_layer.py" line="50" />
            <source>DINAMIS area of interest</source>
            <translation>Zone d'intérêt DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="54" />
            <source>DINAMIS asks you to change it: read the messages, edit it, then submit it again.</source>
            <translation>DINAMIS vous demande de la modifier : lisez les messages, modifiez-la, puis soumettez-la à nouveau.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="52" />
            <location filename="../dinamis_plugin/plugin.py" line="102" />
            <source>DINAMIS catalogue</source>
            <translation>Catalogue DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="401" />
            <source>DINAMIS computes {area} km², {price} € (its figures are the ones that count).</source>
            <translation>DINAMIS calcule {area} km², {price} € (ce sont ses chiffres qui font foi).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="666" />
            <source>DINAMIS could not confirm the estimate: {reason}</source>
            <translation>DINAMIS n'a pas pu confirmer l'estimation : {reason}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="184" />
            <source>DINAMIS could not find {url}. It may have been removed, or the endpoint in the DINAMIS settings is wrong.</source>
            <translation>DINAMIS n'a pas trouvé {url}. La ressource a peut-être été supprimée, ou l'adresse du service dans les paramètres DINAMIS est erronée.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/signed_layers.py" line="409" />
            <source>DINAMIS could not open {names} even freshly signed: the image may have been removed from the storage.</source>
            <translation>DINAMIS n'a pas pu ouvrir {names}, même avec une signature neuve : l'image a peut-être été retirée du stockage.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="89" />
            <source>DINAMIS did not accept your credentials. Log in again from the DINAMIS account panel (or dinamis.login() in the Python console), or check your API key.</source>
            <translation>DINAMIS n'a pas accepté vos identifiants. Reconnectez-vous depuis le panneau du compte DINAMIS (ou avec dinamis.login() dans la console Python), ou vérifiez votre clé d'API.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="402" />
            <source>DINAMIS footprints</source>
            <translation>Emprises DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="424" />
            <source>DINAMIS footprints ({filters})</source>
            <translation>Emprises DINAMIS ({filters})</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="148" />
            <source>DINAMIS has no sensor "{sensor}"; it lists: {known}.</source>
            <translation>DINAMIS n'a pas de capteur « {sensor} » ; il propose : {known}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/requests_entry.py" line="146" />
            <source>DINAMIS images delivered</source>
            <translation>Images DINAMIS livrées</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="53" />
            <source>DINAMIS is examining it (arbitration).</source>
            <translation>DINAMIS l'examine (arbitrage).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="193" />
            <source>DINAMIS is receiving too many requests. Wait a minute and try again.</source>
            <translation>DINAMIS reçoit trop de requêtes. Patientez une minute puis réessayez.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="621" />
            <source>DINAMIS is resuming your previous login; try again in a moment.</source>
            <translation>DINAMIS reprend votre connexion précédente ; réessayez dans un instant.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="137" />
            <source>DINAMIS project</source>
            <translation>Projet DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/quicklook_viewer.py" line="26" />
            <source>DINAMIS quicklook</source>
            <translation>Aperçu DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/quicklook_layer.py" line="175" />
            <source>DINAMIS quicklooks</source>
            <translation>Aperçus DINAMIS</translation>
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
            <location filename="../dinamis_plugin/gui/request_form.py" line="670" />
            <location filename="../dinamis_plugin/gui/request_list.py" line="382" />
            <source>DINAMIS request</source>
            <translation>Demande DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/requests_dock.py" line="28" />
            <location filename="../dinamis_plugin/requests_entry.py" line="37" />
            <source>DINAMIS requests</source>
            <translation>Demandes DINAMIS</translation>
        </message>
        <message>
            <location filename="../processing_provider/provider.py" line="32" />
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
            <location filename="../dinamis_plugin/plugin.py" line="98" />
            <source>DINAMIS settings…</source>
            <translation>Paramètres DINAMIS…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="512" />
            <source>DINAMIS: added {names}</source>
            <translation>DINAMIS : ajouté {names}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="513" />
            <source>DINAMIS: no image added.</source>
            <translation>DINAMIS : aucune image ajoutée.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="529" />
            <source>DINAMIS: {count} images here</source>
            <translation>DINAMIS : {count} images ici</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="525" />
            <source>DINAMIS: {image}</source>
            <translation>DINAMIS : {image}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="515" />
            <location filename="../dinamis_plugin/api.py" line="519" />
            <source>DINAMIS: {problem}</source>
            <translation>DINAMIS : {problem}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="60" />
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="64" />
            <source>Download ({count})…</source>
            <translation>Télécharger ({count})…</translation>
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
            <location filename="../processing_provider/download_algorithm.py" line="73" />
            <source>Download report</source>
            <translation>Rapport de téléchargement</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="27" />
            <location filename="../dinamis_plugin/gui/search_form.py" line="251" />
            <location filename="../dinamis_plugin/qgis_glue/footprints.py" line="155" />
            <source>Downloadable</source>
            <translation>Téléchargeable</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="68" />
            <location filename="../processing_provider/search_catalogue.py" line="72" />
            <source>Downloadable now</source>
            <translation>Téléchargeables maintenant</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="261" />
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
            <location filename="../dinamis_plugin/gui/result_actions.py" line="63" />
            <source>Download…</source>
            <translation>Télécharger…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="34" />
            <location filename="../dinamis_plugin/gui/request_form.py" line="66" />
            <source>Draft</source>
            <translation>Brouillon</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/browser.py" line="199" />
            <source>Drag onto the map, or double-click, to add it</source>
            <translation>Glissez-le sur la carte, ou double-cliquez, pour l'ajouter</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="113" />
            <source>Draw a polygon (right-click to finish)</source>
            <translation>Dessiner un polygone (clic droit pour terminer)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="112" />
            <source>Draw a rectangle</source>
            <translation>Dessiner un rectangle</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="65" />
            <source>Draw a rectangle on the map: press, drag, release.</source>
            <translation>Tracez un rectangle sur la carte : appuyez, glissez, relâchez.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="275" />
            <source>Draw or import an area first; then its vertices can be edited.</source>
            <translation>Tracez ou importez d'abord une zone ; ses sommets pourront ensuite être modifiés.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="164" />
            <source>Draw the area of interest on the map.</source>
            <translation>Dessinez la zone d'intérêt sur la carte.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="564" />
            <source>Draw the area of interest.</source>
            <translation>Tracez la zone d'intérêt.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="228" />
            <source>Drawing: the figures follow each vertex.</source>
            <translation>Tracé en cours : les chiffres suivent chaque sommet.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="241" />
            <source>Drawn on the map</source>
            <translation>Tracée sur la carte</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="185" />
            <source>Drawn polygon</source>
            <translation>Polygone dessiné</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/search_area.py" line="77" />
            <source>Drawn rectangle</source>
            <translation>Rectangle dessiné</translation>
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
            <location filename="../dinamis_plugin/gui/area_panel.py" line="70" />
            <source>Edit vertices</source>
            <translation>Modifier les sommets</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="104" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="104" />
            <source>Edit…</source>
            <translation>Modifier…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="132" />
            <source>end date</source>
            <translation>date de fin</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="125" />
            <source>Endpoint profiles</source>
            <translation>Profils de services</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="274" />
            <source>Enlarge to {minimum} km²</source>
            <translation>Agrandir à {minimum} km²</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="257" />
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
            <location filename="../processing_provider/estimate_request.py" line="42" />
            <source>Estimate a request</source>
            <translation>Estimer une demande</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="69" />
            <source>Estimates</source>
            <translation>Estimations</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="157" />
            <source>Every collection is excluded: include at least one.</source>
            <translation>Toutes les collections sont exclues : gardez-en au moins une.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="69" />
            <source>Expected results</source>
            <translation>Résultats attendus</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="347" />
            <source>Export the area of interest</source>
            <translation>Exporter la zone d'intérêt</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="163" />
            <source>Export the area…</source>
            <translation>Exporter la zone…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="78" />
            <source>Export…</source>
            <translation>Exporter…</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="262" />
            <source>failed</source>
            <translation>échec</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="65" />
            <source>File format</source>
            <translation>Format de fichier</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="62" />
            <source>File naming pattern ({collection} {item} {asset} {file} {stem} {ext})</source>
            <translation>Modèle de nom des fichiers ({collection} {item} {asset} {file} {stem} {ext})</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="158" />
            <source>File the request on the DINAMIS website</source>
            <translation>Déposer la demande sur le site de DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="639" />
            <source>Filed as {id}. (The connection had dropped, but DINAMIS had received it: it exists once.)</source>
            <translation>Déposée sous le numéro {id}. (La connexion avait été coupée, mais DINAMIS l'avait reçue : elle n'existe qu'une fois.)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="642" />
            <source>Filed as {id}. Follow it in the Requests tab.</source>
            <translation>Déposée sous le numéro {id}. Suivez-la dans l'onglet Mes demandes.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="52" />
            <source>Filed: DINAMIS will examine it.</source>
            <translation>Déposée : DINAMIS va l'examiner.</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="55" />
            <source>Files (asset keys separated by commas; empty for every image file)</source>
            <translation>Fichiers (clés d'assets séparées par des virgules ; vide pour tous les fichiers image)</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="44" />
            <source>Files already in the folder</source>
            <translation>Fichiers déjà présents dans le dossier</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="77" />
            <source>Files already present</source>
            <translation>Fichiers déjà présents</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="75" />
            <source>Files downloaded</source>
            <translation>Fichiers téléchargés</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="78" />
            <source>Files failed</source>
            <translation>Fichiers en échec</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="65" />
            <source>Files fetched at the same time</source>
            <translation>Fichiers récupérés simultanément</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="76" />
            <source>Files resumed</source>
            <translation>Fichiers repris</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="618" />
            <source>Filing the request…</source>
            <translation>Dépôt de la demande…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="367" />
            <source>Filing your DINAMIS request</source>
            <translation>Dépôt de votre demande DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="295" />
            <source>Fill the holes</source>
            <translation>Boucher les trous</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="96" />
            <source>Filters</source>
            <translation>Filtres</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="105" />
            <source>Find</source>
            <translation>Chercher</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="67" />
            <source>Folder of the clipped images</source>
            <translation>Dossier des images découpées</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="116" />
            <source>Follow the map</source>
            <translation>Suivre la carte</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="346" />
            <source>Footprint of {id}</source>
            <translation>Emprise de {id}</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="50" />
            <location filename="../processing_provider/search_catalogue.py" line="84" />
            <source>Footprints</source>
            <translation>Emprises</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="50" />
            <source>Footprints (fields id and collection, as the search writes them)</source>
            <translation>Emprises (champs id et collection, tels que la recherche les écrit)</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="86" />
            <source>Footprints written</source>
            <translation>Emprises écrites</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="48" />
            <source>For each polygon of the layer (any CRS): its ellipsoidal area in km², the part your remaining free quota for the sensor covers, the paid part and its price in €, as DINAMIS would split a request of that area, plus the warnings and problems (minimum order, invalid outline...). Quotas and prices come from the DINAMIS demand manager with your login; without it only the areas and checks are written. Each feature counts as a request of its own. Optionally DINAMIS confirms each figure with its own quote.</source>
            <translation>Pour chaque polygone de la couche (dans n'importe quel SCR) : sa surface ellipsoïdale en km², la part couverte par votre quota gratuit restant pour le capteur, la part payante et son prix en €, comme DINAMIS répartirait une demande de cette surface, avec les avertissements et problèmes (commande minimale, contour invalide…). Quotas et prix viennent du gestionnaire de demandes DINAMIS avec votre connexion ; sans elle, seules les surfaces et les vérifications sont écrites. Chaque entité compte comme une demande à part. DINAMIS peut confirmer chaque chiffre par son propre devis.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="190" />
            <source>For scientific projects:</source>
            <translation>Pour les projets scientifiques :</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="108" />
            <source>Foreign scientific</source>
            <translation>Scientifique étranger</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="336" />
            <source>Forgetting the logins of removed DINAMIS profiles</source>
            <translation>Oubli des connexions des profils DINAMIS supprimés</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="101" />
            <source>Free quota</source>
            <translation>Quota gratuit</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="75" />
            <source>Free text</source>
            <translation>Texte libre</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="121" />
            <source>Free text search is not available on this catalogue: its STAC API does not offer it for images. Remove the text and search by place, date or collection instead.</source>
            <translation>La recherche en texte libre n'est pas disponible sur ce catalogue : son API STAC ne la propose pas pour les images. Retirez le texte et cherchez plutôt par lieu, par date ou par collection.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="126" />
            <source>From a vector file…</source>
            <translation>Depuis un fichier vecteur…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="72" />
            <source>From selection</source>
            <translation>Depuis la sélection</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="255" />
            <source>from {date}</source>
            <translation>depuis le {date}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="113" />
            <source>GDAL could not build the mosaic of these images.</source>
            <translation>GDAL n'a pas pu construire la mosaïque de ces images.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="266" />
            <source>GDAL said: {detail}</source>
            <translation>GDAL a indiqué : {detail}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="40" />
            <source>GeoJSON (*.geojson)</source>
            <translation>GeoJSON (*.geojson)</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="66" />
            <source>GeoTIFF</source>
            <translation>GeoTIFF</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="165" />
            <source>Give both the API key's access key and its secret key, or neither to log in with your browser.</source>
            <translation>Donnez à la fois l'identifiant et la clé secrète de la clé d'API, ou aucun des deux pour vous connecter avec votre navigateur.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="69" />
            <source>Give either a rectangle (bbox) or a geometry, not both.</source>
            <translation>Donnez soit un rectangle (bbox), soit une géométrie, pas les deux.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="271" />
            <source>Give either a SearchParameters or keyword criteria, not both.</source>
            <translation>Donnez soit un SearchParameters, soit des critères nommés, pas les deux.</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="88" />
            <source>Give footprints (a layer made by "Search the DINAMIS catalogue") or item ids: there is no image to add.</source>
            <translation>Donnez des emprises (une couche produite par « Rechercher dans le catalogue DINAMIS ») ou des identifiants d'items : il n'y a aucune image à ajouter.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api_requests.py" line="57" />
            <source>Give the area of interest as GeoJSON, as (west, south, east, north) in degrees, or as a QgsGeometry in longitude/latitude.</source>
            <translation>Donnez la zone d'intérêt en GeoJSON, en (ouest, sud, est, nord) en degrés, ou en QgsGeometry en longitude/latitude.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="78" />
            <source>Give the host name of the object storage holding the images (DINAMIS: meso.umontpellier.fr): only asset addresses there are sent for signing.</source>
            <translation>Indiquez le nom d'hôte du stockage objet qui contient les images (DINAMIS : meso.umontpellier.fr) : seules les adresses de fichiers qui s'y trouvent sont envoyées à la signature.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="558" />
            <source>Give the orderable image to order.</source>
            <translation>Indiquez l'image à commander.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="212" />
            <source>Give the project a title.</source>
            <translation>Donnez un titre au projet.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="314" />
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="316" />
            <source>Given area</source>
            <translation>Zone donnée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="45" />
            <source>Host names of the object storage holding the images, separated by spaces: only asset addresses there are sent for signing (DINAMIS: meso.umontpellier.fr).</source>
            <translation>Noms d'hôte du stockage objet qui contient les images, séparés par des espaces : seules les adresses de fichiers qui s'y trouvent sont envoyées à la signature (DINAMIS : meso.umontpellier.fr).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="104" />
            <source>Id of an orderable catalogue image</source>
            <translation>Identifiant d'une image du catalogue à commander</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="108" />
            <source>Image</source>
            <translation>Image</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="36" />
            <source>Image format</source>
            <translation>Format d'image</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="284" />
            <source>Image {id}</source>
            <translation>Image {id}</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="85" />
            <source>Images matching the search (-1 when not known exactly)</source>
            <translation>Images correspondant à la recherche (-1 si le nombre exact n'est pas connu)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="303" />
            <source>Import an area of interest</source>
            <translation>Importer une zone d'intérêt</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="311" />
            <source>Imported from {name}</source>
            <translation>Importée de {name}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="75" />
            <source>Import…</source>
            <translation>Importer…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="112" />
            <source>In a Python script on this machine, log in once with dinamis.login(api_key="&lt;access key&gt;", secret_key="&lt;secret key&gt;"): the key is then kept in the system keyring. In QGIS, "Use an API key…" in the DINAMIS account panel.</source>
            <translation>Dans un script Python sur cette machine, connectez-vous une fois avec dinamis.login(api_key="&lt;clé d'accès&gt;", secret_key="&lt;clé secrète&gt;") : la clé est ensuite conservée dans le trousseau du système. Dans QGIS, « Utiliser une clé d'API… » dans le panneau Compte DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="40" />
            <source>In production</source>
            <translation>En production</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="133" />
            <source>incidence angle</source>
            <translation>l'angle d'incidence</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="81" />
            <source>Incidence angle</source>
            <translation>Angle d'incidence</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/quicklook_viewer.py" line="74" />
            <source>incidence {value}°</source>
            <translation>incidence {value}°</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="543" />
            <source>Inside QGIS the console uses the DINAMIS plugin's profiles: add this one in the DINAMIS settings (or change its addresses there), then choose it. Known profiles: {names}.</source>
            <translation>Dans QGIS, la console utilise les profils de l'extension DINAMIS : ajoutez celui-ci dans les paramètres DINAMIS (ou modifiez-y ses adresses), puis choisissez-le. Profils connus : {names}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="344" />
            <source>It lists no collections.</source>
            <translation>Il ne liste aucune collection.</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="53" />
            <source>Item ids (separated by commas or spaces)</source>
            <translation>Identifiants d'items (séparés par des virgules ou des espaces)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="343" />
            <source>Its collections are: {ids}.</source>
            <translation>Ses collections sont : {ids}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="291" />
            <source>Keep the largest part</source>
            <translation>Garder la plus grande partie</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="46" />
            <source>Keep them without checking them</source>
            <translation>Les garder sans les vérifier</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="202" />
            <source>Keep these footprints (the next search makes a new layer)</source>
            <translation>Garder ces emprises (la prochaine recherche crée une nouvelle couche)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="61" />
            <source>Keep these values; OK saves the settings</source>
            <translation>Garder ces valeurs ; OK enregistre les paramètres</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="74" />
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="60" />
            <source>Kind of request</source>
            <translation>Type de demande</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="40" />
            <source>KML (*.kml)</source>
            <translation>KML (*.kml)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="33" />
            <source>Least cloudy first</source>
            <translation>Les moins nuageuses d'abord</translation>
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
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="386" />
            <source>Load all ({count})</source>
            <translation>Tout charger ({count})</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="379" />
            <source>Load {count} more</source>
            <translation>Charger {count} de plus</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="558" />
            <source>Loading a DINAMIS quicklook</source>
            <translation>Chargement d'un aperçu DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/quicklook_viewer.py" line="82" />
            <source>Loading the quicklook…</source>
            <translation>Chargement de l'aperçu…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="129" />
            <location filename="../dinamis_plugin/qgis_glue/settings.py" line="27" />
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
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="121" />
            <source>Log in to DINAMIS (account panel) to file requests.</source>
            <translation>Connectez-vous à DINAMIS (panneau du compte) pour déposer des demandes.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="178" />
            <source>Log in to DINAMIS (account panel) to see your requests.</source>
            <translation>Connectez-vous à DINAMIS (panneau du compte) pour voir vos demandes.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="511" />
            <source>log in to see your quota</source>
            <translation>connectez-vous pour voir votre quota</translation>
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
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="466" />
            <source>Logged in for this QGIS session only: neither the system keyring nor QGIS's authentication database could keep your login, so you will have to log in again after restarting QGIS.</source>
            <translation>Connecté pour cette session de QGIS seulement : ni le trousseau du système ni la base d'authentification de QGIS n'ont pu conserver votre connexion ; il faudra vous reconnecter après avoir redémarré QGIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="77" />
            <source>Logged in with an API key. The account's details are not available with an API key; log in with your DINAMIS account to see them.</source>
            <translation>Connecté avec une clé d'API. Les détails du compte ne sont pas disponibles avec une clé d'API ; connectez-vous avec votre compte DINAMIS pour les voir.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/device_login.py" line="34" />
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="240" />
            <source>Logging in to DINAMIS</source>
            <translation>Connexion à DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="269" />
            <source>Logging in to DINAMIS with an API key</source>
            <translation>Connexion à DINAMIS avec une clé d'API</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="162" />
            <source>Logging in…</source>
            <translation>Connexion en cours…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="313" />
            <source>Logging out of DINAMIS</source>
            <translation>Déconnexion de DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="72" />
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
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="111" />
            <location filename="../dinamis_plugin/qgis_glue/search_area.py" line="77" />
            <source>Map extent</source>
            <translation>Emprise de la carte</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/timeline.py" line="147" />
            <source>max {count}</source>
            <translation>max {count}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="130" />
            <source>Maximum cloud cover</source>
            <translation>Couverture nuageuse maximale</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="63" />
            <source>Maximum cloud cover (%)</source>
            <translation>Couverture nuageuse maximale (%)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="134" />
            <source>Maximum incidence angle</source>
            <translation>Angle d'incidence maximal</translation>
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
            <location filename="../dinamis_plugin/gui/project_form.py" line="68" />
            <source>Methodology</source>
            <translation>Méthodologie</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="100" />
            <source>Minimum order</source>
            <translation>Commande minimale</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="126" />
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="71" />
            <source>Mono</source>
            <translation>Mono</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="123" />
            <source>More</source>
            <translation>Plus</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/streamable.py" line="119" />
            <location filename="../dinamis_plugin/qgis_glue/layer_metadata.py" line="99" />
            <source>Mosaic of {count} images</source>
            <translation>Mosaïque de {count} images</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="34" />
            <source>Most vertical first</source>
            <translation>Les plus verticales d'abord</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="70" />
            <source>Move, add or delete vertices with QGIS's vertex tool (undo with Ctrl+Z).</source>
            <translation>Déplacez, ajoutez ou supprimez des sommets avec l'outil de sommets de QGIS (annuler avec Ctrl+Z).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/requests_dock.py" line="39" />
            <source>My requests</source>
            <translation>Mes demandes</translation>
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
            <location filename="../dinamis_plugin/gui/request_form.py" line="70" />
            <source>New</source>
            <translation>Nouveau</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="72" />
            <source>New profile</source>
            <translation>Nouveau profil</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="40" />
            <location filename="../dinamis_plugin/gui/project_form.py" line="149" />
            <source>New project</source>
            <translation>Nouveau projet</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="90" />
            <source>New project…</source>
            <translation>Nouveau projet…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/requests_dock.py" line="41" />
            <source>New request</source>
            <translation>Nouvelle demande</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="31" />
            <source>Newest first</source>
            <translation>Les plus récentes d'abord</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/quicklook_viewer.py" line="48" />
            <source>Next ▶</source>
            <translation>Suivante ▶</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="215" />
            <source>No area of interest yet: draw one on the map, take the selected features of a layer, or import a file.</source>
            <translation>Pas encore de zone d'intérêt : tracez-en une sur la carte, prenez les entités sélectionnées d'une couche ou importez un fichier.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="109" />
            <source>No category</source>
            <translation>Sans catégorie</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="78" />
            <source>No feature is selected in "{layer}": select the polygons of your area first.</source>
            <translation>Aucune entité n'est sélectionnée dans « {layer} » : sélectionnez d'abord les polygones de votre zone.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/counts.py" line="50" />
            <source>no image</source>
            <translation>aucune image</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="372" />
            <location filename="../dinamis_plugin/gui/timeline.py" line="58" />
            <source>No image matches these filters.</source>
            <translation>Aucune image ne correspond à ces filtres.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="193" />
            <source>No image to add to the map.</source>
            <translation>Aucune image à ajouter à la carte.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="99" />
            <source>No item to download: the layer (or its selection) is empty and no id was given.</source>
            <translation>Aucune image à télécharger : la couche (ou sa sélection) est vide et aucun identifiant n'a été donné.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="385" />
            <source>No project yet: create one</source>
            <translation>Pas encore de projet : créez-en un</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="184" />
            <source>No request yet: prepare one in the New request tab.</source>
            <translation>Pas encore de demande : préparez-en une dans l'onglet Nouvelle demande.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/browser.py" line="145" />
            <source>No search yet: use the DINAMIS catalogue dock.</source>
            <translation>Pas encore de recherche : utilisez le panneau Catalogue DINAMIS.</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="109" />
            <source>None of these items is in the catalogue.</source>
            <translation>Aucun de ces items n'est dans le catalogue.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="109" />
            <source>None of these items is in the catalogue: {ids}.</source>
            <translation>Aucune de ces images n'est dans le catalogue : {ids}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/streamable.py" line="24" />
            <source>Not a STAC item: give pystac Items or STAC item dicts.</source>
            <translation>Ce n'est pas un item STAC : donnez des Items pystac ou des dictionnaires d'items STAC.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="513" />
            <source>not available for this account</source>
            <translation>non disponible pour ce compte</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="271" />
            <source>not checked</source>
            <translation>non vérifié</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="264" />
            <source>not covering the area</source>
            <translation>ne couvre pas la zone</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="106" />
            <source>Not in the catalogue: {ids}</source>
            <translation>Absents du catalogue : {ids}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="395" />
            <source>Not in the catalogue: {ids}.</source>
            <translation>Absents du catalogue : {ids}.</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="152" />
            <source>Not logged in to DINAMIS: areas only, no quota or price. Log in from the DINAMIS account panel (or dinamis.login() in the Python console).</source>
            <translation>Non connecté à DINAMIS : surfaces seulement, sans quota ni prix. Connectez-vous depuis le panneau du compte DINAMIS (ou avec dinamis.login() dans la console Python).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="171" />
            <source>Not logged in to {profile}.</source>
            <translation>Non connecté à {profile}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="509" />
            <source>not published by these services</source>
            <translation>non publié par ces services</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="80" />
            <source>Not stated at login: your first download or request will tell whether your account is active.</source>
            <translation>Non indiqué à la connexion : votre premier téléchargement ou votre première demande dira si votre compte est actif.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="248" />
            <source>not {collection}</source>
            <translation>sauf {collection}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/monthly_counts.py" line="80" />
            <source>Nothing to count.</source>
            <translation>Rien à décompter.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="142" />
            <source>Nothing to download: none of these items has the files asked for (see the warnings above).</source>
            <translation>Rien à télécharger : aucune de ces images n'a les fichiers demandés (voir les avertissements ci-dessus).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="67" />
            <source>Objectives</source>
            <translation>Objectifs</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="32" />
            <source>Oldest first</source>
            <translation>Les plus anciennes d'abord</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="58" />
            <source>One mosaic per file</source>
            <translation>Une mosaïque par fichier</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="74" />
            <source>One publication per line</source>
            <translation>Une publication par ligne</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="54" />
            <source>Only</source>
            <translation>Seulement</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="44" />
            <source>Open browser</source>
            <translation>Ouvrir le navigateur</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="164" />
            <source>Open the DINAMIS web form</source>
            <translation>Ouvrir le formulaire web DINAMIS</translation>
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
            <location filename="../processing_provider/download_algorithm.py" line="53" />
            <source>Or item ids (separated by commas, spaces or lines)</source>
            <translation>Ou identifiants d'images (séparés par des virgules, des espaces ou des lignes)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="93" />
            <source>Order</source>
            <translation>Ordre</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/footprints.py" line="157" />
            <source>Other</source>
            <translation>Autre</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="75" />
            <source>Owner</source>
            <translation>Propriétaire</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="102" />
            <source>Paid part</source>
            <translation>Part payante</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="202" />
            <source>pair</source>
            <translation>couple</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="124" />
            <source>Period</source>
            <translation>Période</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="38" />
            <source>Pixel coding</source>
            <translation>Codage des pixels</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/quicklook_layer.py" line="170" />
            <source>Placing DINAMIS quicklooks on the map</source>
            <translation>Placement des aperçus DINAMIS sur la carte</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="22" />
            <source>Platform</source>
            <translation>Satellite</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="67" />
            <source>Polygon</source>
            <translation>Polygone</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="323" />
            <source>Press Find (or Enter) to read this image from the catalogue.</source>
            <translation>Appuyez sur Chercher (ou Entrée) pour lire cette image dans le catalogue.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="566" />
            <source>Press Find to read the image from the catalogue: its footprint gives the area and the price.</source>
            <translation>Appuyez sur Chercher pour lire l'image dans le catalogue : son emprise donne la surface et le prix.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="103" />
            <source>Price</source>
            <translation>Prix</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="75" />
            <source>Prior publications</source>
            <translation>Publications antérieures</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="106" />
            <source>Private R&amp;D</source>
            <translation>R&amp;D privée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="36" />
            <source>Processing level</source>
            <translation>Niveau de traitement</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="71" />
            <source>Product type</source>
            <translation>Type de produit</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="137" />
            <source>Production options</source>
            <translation>Options de production</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="41" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="35" />
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="67" />
            <source>Programming</source>
            <translation>Programmation</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="77" />
            <location filename="../processing_provider/estimate_request.py" line="61" />
            <source>Programming (new acquisition)</source>
            <translation>Programmation (nouvelle acquisition)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="93" />
            <source>Project</source>
            <translation>Projet</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/requests_dock.py" line="40" />
            <source>Projects</source>
            <translation>Projets</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="386" />
            <source>Projects are kept on the DINAMIS website</source>
            <translation>Les projets se gèrent sur le site web DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="104" />
            <source>Public actor (non-scientific institution)</source>
            <translation>Acteur public (institution non scientifique)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="608" />
            <source>QGIS is busy and did not switch the DINAMIS profile. Try again from the Python console.</source>
            <translation>QGIS est occupé et n'a pas changé de profil DINAMIS. Réessayez depuis la console Python.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/proxy.py" line="89" />
            <source>QGIS is set to use a SOCKS5 proxy, which needs the Python package PySocks. Install it (pip install PySocks) in QGIS's Python, or use an HTTP proxy in QGIS Options &gt; Network.</source>
            <translation>QGIS est configuré pour utiliser un proxy SOCKS5, qui nécessite le paquet Python PySocks. Installez-le (pip install PySocks) dans le Python de QGIS, ou utilisez un proxy HTTP dans Options de QGIS &gt; Réseau.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/quicklook_layer.py" line="154" />
            <source>quicklook</source>
            <translation>aperçu</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/quicklook_viewer.py" line="49" />
            <location filename="../dinamis_plugin/gui/result_actions.py" line="51" />
            <source>Quicklook on map</source>
            <translation>Aperçu sur la carte</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="52" />
            <source>Quicklooks on map ({count})</source>
            <translation>Aperçus sur la carte ({count})</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="37" />
            <source>Radiometric processing</source>
            <translation>Traitement radiométrique</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="76" />
            <source>Read the polygons of a vector file (GeoPackage, shapefile, GeoJSON, KML…).</source>
            <translation>Lire les polygones d'un fichier vecteur (GeoPackage, shapefile, GeoJSON, KML…).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="137" />
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="142" />
            <source>Reading the area of interest</source>
            <translation>Lecture de la zone d'intérêt</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="379" />
            <source>Reading the catalogue item</source>
            <translation>Lecture de l'image du catalogue</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="304" />
            <source>Reading the catalogue…</source>
            <translation>Lecture du catalogue…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="249" />
            <source>Reading the DINAMIS catalogue</source>
            <translation>Lecture du catalogue DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="201" />
            <source>Reading the DINAMIS request options</source>
            <translation>Lecture des options de demande DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="335" />
            <source>Reading the messages…</source>
            <translation>Lecture des messages…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="426" />
            <source>Reading the request's messages</source>
            <translation>Lecture des messages de la demande</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="296" />
            <source>Reading the selected features of "{layer}"…</source>
            <translation>Lecture des entités sélectionnées de « {layer} »…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="269" />
            <source>Reading your DINAMIS quotas</source>
            <translation>Lecture de vos quotas DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="234" />
            <source>Reading your DINAMIS requests</source>
            <translation>Lecture de vos demandes DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="180" />
            <source>Reading your requests…</source>
            <translation>Lecture de vos demandes…</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="101" />
            <source>Reading {count} items from the catalogue</source>
            <translation>Lecture de {count} items dans le catalogue</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="309" />
            <source>Reading {name}…</source>
            <translation>Lecture de {name}…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="65" />
            <source>Rectangle</source>
            <translation>Rectangle</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="87" />
            <location filename="../dinamis_plugin/gui/request_list.py" line="64" />
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="295" />
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="393" />
            <source>Refreshing the DINAMIS account</source>
            <translation>Actualisation du compte DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="39" />
            <source>Rejected</source>
            <translation>Refusée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="57" />
            <source>Rejected: the messages say why.</source>
            <translation>Refusée : les messages disent pourquoi.</translation>
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
            <location filename="../dinamis_plugin/core/search_plan.py" line="101" />
            <source>Remove this criterion to search anyway.</source>
            <translation>Retirez ce critère pour lancer la recherche malgré tout.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/chips.py" line="103" />
            <source>Remove this filter and search again</source>
            <translation>Retirer ce filtre et relancer la recherche</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_layer.py" line="111" />
            <source>Replace the area of interest</source>
            <translation>Remplacer la zone d'intérêt</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="74" />
            <source>Request</source>
            <translation>Demande</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="81" />
            <source>Request these archives ({count})…</source>
            <translation>Demander ces archives ({count})…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="80" />
            <source>Request this archive…</source>
            <translation>Demander cette archive…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="70" />
            <source>Request web form address</source>
            <translation>Adresse du formulaire web des demandes</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_watch.py" line="31" />
            <source>Request {id}: {old} → {new}.</source>
            <translation>Demande {id} : {old} → {new}.</translation>
        </message>
        <message>
            <location filename="../processing_provider/requests_algorithm.py" line="8" />
            <source>Requests for new imagery</source>
            <translation>Demandes de nouvelles images</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="189" />
            <source>Required for scientific projects:</source>
            <translation>Obligatoire pour les projets scientifiques :</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="61" />
            <source>Resampling</source>
            <translation>Rééchantillonnage</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="113" />
            <source>Reset</source>
            <translation>Réinitialiser</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="23" />
            <source>Resolution</source>
            <translation>Résolution</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/plugin_session.py" line="230" />
            <source>Restoring the DINAMIS login</source>
            <translation>Restauration de la connexion DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="192" />
            <source>Results per load</source>
            <translation>Résultats par chargement</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="45" />
            <source>Resume parts, skip verified files (recommended)</source>
            <translation>Reprendre les fichiers partiels, ignorer les fichiers vérifiés (recommandé)</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="261" />
            <source>resumed</source>
            <translation>repris</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="164" />
            <source>Resuming your previous login…</source>
            <translation>Reprise de votre connexion précédente…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="543" />
            <source>Retry filing the request</source>
            <translation>Redéposer la demande</translation>
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
            <location filename="../dinamis_plugin/core/clip.py" line="114" />
            <source>Rotated images cannot be clipped on their own grid; choose a target coordinate system.</source>
            <translation>Les images pivotées ne peuvent pas être découpées sur leur propre grille ; choisissez un système de coordonnées cible.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="79" />
            <source>Save the area as GeoJSON, KML or a zipped shapefile (for the DINAMIS web form).</source>
            <translation>Enregistrer la zone en GeoJSON, KML ou shapefile zippé (pour le formulaire web DINAMIS).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="176" />
            <source>Save the changes</source>
            <translation>Enregistrer les modifications</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="51" />
            <source>Saved on DINAMIS but not submitted yet: submit it when it is ready.</source>
            <translation>Enregistrée chez DINAMIS mais pas encore soumise : soumettez-la quand elle est prête.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="422" />
            <source>Saving the project</source>
            <translation>Enregistrement du projet</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="102" />
            <source>Scientific</source>
            <translation>Scientifique</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="109" />
            <source>Search</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="118" />
            <source>Search again for the map extent whenever the map is panned or zoomed</source>
            <translation>Relancer la recherche sur l'emprise de la carte à chaque déplacement ou zoom</translation>
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
            <location filename="../dinamis_plugin/plugin.py" line="106" />
            <source>Search the DINAMIS catalogue: footprints, quicklooks, timeline</source>
            <translation>Chercher dans le catalogue DINAMIS : emprises, aperçus, frise chronologique</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="50" />
            <source>Searches the catalogue of the active DINAMIS profile (plugin settings) and writes the footprint of every matching image, with its date, platform, cloud cover, incidence angle, availability and quicklook address. Every criterion is optional. Searching needs no login.</source>
            <translation>Interroge le catalogue du profil DINAMIS actif (paramètres de l'extension) et écrit l'emprise de chaque image correspondante, avec sa date, sa plateforme, sa couverture nuageuse, son angle d'incidence, sa disponibilité et l'adresse de son aperçu. Tous les critères sont facultatifs. La recherche ne nécessite pas de connexion.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/footprint_search.py" line="130" />
            <source>Searching the DINAMIS catalogue</source>
            <translation>Recherche dans le catalogue DINAMIS</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="158" />
            <source>Searching {url}</source>
            <translation>Recherche dans {url}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="360" />
            <source>Searching… {shown} images so far</source>
            <translation>Recherche… {shown} images pour l'instant</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="362" />
            <source>Searching… {shown} of {matched} images</source>
            <translation>Recherche… {shown} images sur {matched}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="31" />
            <location filename="../dinamis_plugin/gui/api_key_manager.py" line="120" />
            <source>Secret key</source>
            <translation>Clé secrète</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="276" />
            <source>Select a request to see its history and messages.</source>
            <translation>Sélectionnez une demande pour voir son historique et ses messages.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="76" />
            <source>Select polygons in a vector layer first (the active layer).</source>
            <translation>Sélectionnez d'abord des polygones dans une couche vecteur (la couche active).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="288" />
            <source>Select polygons in another layer: this one is the area itself.</source>
            <translation>Sélectionnez des polygones dans une autre couche : celle-ci est la zone elle-même.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="74" />
            <source>Select the stereo pair or triplet</source>
            <translation>Sélectionner le couple ou triplet stéréo</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="75" />
            <source>Select these stereo groups ({count} images)</source>
            <translation>Sélectionner ces groupes stéréo ({count} images)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="298" />
            <source>Selected features of "{layer}"</source>
            <translation>Entités sélectionnées de « {layer} »</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="118" />
            <source>Selected features of a layer</source>
            <translation>Entités sélectionnées d'une couche</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="121" />
            <source>Selected features of a layer (select some first)</source>
            <translation>Entités sélectionnées d'une couche (sélectionnez-en d'abord)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="97" />
            <source>Send</source>
            <translation>Envoyer</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="545" />
            <source>Send the changes and submit again</source>
            <translation>Envoyer les modifications et soumettre à nouveau</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="98" />
            <source>Send to DINAMIS (Ctrl+Enter)</source>
            <translation>Envoyer à DINAMIS (Ctrl+Entrée)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="407" />
            <source>Sending your changes</source>
            <translation>Envoi de vos modifications</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="591" />
            <source>Sending your changes…</source>
            <translation>Envoi de vos modifications…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="432" />
            <source>Sending your message</source>
            <translation>Envoi de votre message</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="96" />
            <location filename="../dinamis_plugin/gui/request_list.py" line="74" />
            <source>Sensor</source>
            <translation>Capteur</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="63" />
            <source>Sensor (id as DINAMIS lists it: pleiades, pleiades-neo, spot-6-7…)</source>
            <translation>Capteur (identifiant tel que DINAMIS le liste : pleiades, pleiades-neo, spot-6-7…)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="347" />
            <source>Set the filters and the area, then press Search.</source>
            <translation>Réglez les filtres et la zone, puis cliquez sur Rechercher.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="58" />
            <source>Set…</source>
            <translation>Définir…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/requests_entry.py" line="97" />
            <source>Show</source>
            <translation>Afficher</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/plugin.py" line="96" />
            <source>Show or hide the DINAMIS account panel</source>
            <translation>Afficher ou masquer le panneau du compte DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/requests_entry.py" line="40" />
            <source>Show or hide the DINAMIS requests panel: projects, requests for new imagery, their status and messages</source>
            <translation>Afficher ou masquer le panneau des demandes DINAMIS : projets, demandes de nouvelles images, leur statut et leurs messages</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="103" />
            <source>Show the images in the catalogue</source>
            <translation>Voir les images dans le catalogue</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="49" />
            <source>Show the quicklook</source>
            <translation>Afficher l'aperçu</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/api_key_dialog.py" line="25" />
            <source>Shown once, at creation</source>
            <translation>Affichée une seule fois, à la création</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="66" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="53" />
            <source>Signing service address</source>
            <translation>Adresse du service de signature</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/signed_layers.py" line="385" />
            <source>Signing the DINAMIS images of the map again</source>
            <translation>Nouvelle signature des images DINAMIS de la carte</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="279" />
            <source>Simplify to {limit} vertices</source>
            <translation>Simplifier à {limit} sommets</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="270" />
            <source>size checked</source>
            <translation>taille vérifiée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="236" />
            <source>Some coordinates are not longitudes and latitudes on the Earth: the layer's CRS is probably wrong (metres read as degrees?). Fix it in the layer's properties.</source>
            <translation>Des coordonnées ne sont pas des longitudes et latitudes terrestres : le SCR de la couche est probablement faux (des mètres lus comme des degrés ?). Corrigez-le dans les propriétés de la couche.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="90" />
            <source>Sort by needs a property name, e.g. "-datetime" for the newest first.</source>
            <translation>Le tri nécessite un nom de propriété, par exemple « -datetime » pour les plus récentes en premier.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="245" />
            <source>Split at the antimeridian</source>
            <translation>Couper à l'antiméridien</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="65" />
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="52" />
            <source>STAC API address</source>
            <translation>Adresse de l'API STAC</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/catalogue.py" line="68" />
            <location filename="../dinamis_plugin/core/catalogue.py" line="153" />
            <source>STAC item search</source>
            <translation>la recherche d'items STAC</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="61" />
            <source>Start and end</source>
            <translation>Début et fin</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="131" />
            <source>start date</source>
            <translation>date de début</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="64" />
            <location filename="../dinamis_plugin/gui/request_list.py" line="74" />
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="71" />
            <location filename="../dinamis_plugin/gui/results_model.py" line="22" />
            <source>Stereo</source>
            <translation>Stéréo</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="148" />
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="83" />
            <source>Storage host "{host}": give a host name such as meso.umontpellier.fr, without https:// or a path.</source>
            <translation>Hôte de stockage « {host} » : donnez un nom d'hôte comme meso.umontpellier.fr, sans https:// ni chemin.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="55" />
            <source>Storage hosts</source>
            <translation>Hôtes de stockage</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/layer_metadata.py" line="111" />
            <source>Streamed from the DINAMIS storage through presigned urls, signed again by the DINAMIS plugin whenever needed.</source>
            <translation>Diffusée depuis le stockage DINAMIS par des adresses présignées, signées à nouveau par l'extension DINAMIS chaque fois que nécessaire.</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="59" />
            <source>Streamed layers</source>
            <translation>Couches diffusées</translation>
        </message>
        <message>
            <location filename="../processing_provider/add_images.py" line="37" />
            <source>Streams DINAMIS images into the map without downloading them: the image files of the footprints of a layer made by "Search the DINAMIS catalogue" (fields id and collection; tick "Selected features only" for a selection) and of the item ids you list. Each image file becomes a layer in natural colour, named after its platform, date and file, with the item's metadata; or, with "One mosaic per file", the same file of all the items becomes one layer. Needs a login with an active DINAMIS account. The layers keep working as long as QGIS is open and when the project is opened again: the plugin signs them again, and never saves a signed address in the project.</source>
            <translation>Diffuse des images DINAMIS dans la carte sans les télécharger : les fichiers image des emprises d'une couche produite par « Rechercher dans le catalogue DINAMIS » (champs id et collection ; cochez « Entités sélectionnées uniquement » pour une sélection) et des identifiants d'items que vous indiquez. Chaque fichier image devient une couche en couleurs naturelles, nommée d'après sa plateforme, sa date et son fichier, avec les métadonnées de l'item ; ou, avec « Une mosaïque par fichier », le même fichier de tous les items devient une seule couche. Nécessite une connexion avec un compte DINAMIS actif. Les couches continuent de fonctionner tant que QGIS reste ouvert et quand le projet est rouvert : l'extension les signe à nouveau et n'enregistre jamais d'adresse signée dans le projet.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="107" />
            <source>Submit again</source>
            <translation>Soumettre à nouveau</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="172" />
            <location filename="../dinamis_plugin/gui/request_form.py" line="547" />
            <source>Submit the request</source>
            <translation>Soumettre la demande</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="35" />
            <source>Submitted</source>
            <translation>Soumise</translation>
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
            <location filename="../dinamis_plugin/gui/search_form.py" line="87" />
            <source>Text</source>
            <translation>Texte</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="571" />
            <source>The acquisition period ends before it starts.</source>
            <translation>La période d'acquisition se termine avant de commencer.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="573" />
            <source>The acquisition period starts in the past ({start}): new images can only be acquired from today on.</source>
            <translation>La période d'acquisition commence dans le passé ({start}) : de nouvelles images ne peuvent être acquises qu'à partir d'aujourd'hui.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="152" />
            <source>the address has no host name.</source>
            <translation>l'adresse n'a pas de nom d'hôte.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="154" />
            <source>the address must not contain "?" or "#".</source>
            <translation>l'adresse ne doit contenir ni « ? » ni « # ».</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="156" />
            <source>the address must not contain a user name or password.</source>
            <translation>l'adresse ne doit contenir ni nom d'utilisateur ni mot de passe.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="149" />
            <source>the address must start with https:// (or http:// for a local test server).</source>
            <translation>l'adresse doit commencer par https:// (ou http:// pour un serveur de test local).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="77" />
            <source>The address {url} does not answer like a DINAMIS service. Check the endpoint addresses in the DINAMIS settings.</source>
            <translation>L'adresse {url} ne répond pas comme un service DINAMIS. Vérifiez les adresses des services dans les paramètres DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_estimate.py" line="55" />
            <source>The area ({area} km²) exceeds your free quota of {remaining} km² for {sensor}: {paid} km² will be charged at {rate} €/km², {price} € in total.</source>
            <translation>La surface ({area} km²) dépasse votre quota gratuit de {remaining} km² pour {sensor} : {paid} km² seront facturés à {rate} €/km², soit {price} € au total.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_estimate.py" line="51" />
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="271" />
            <source>The area ({area} km²) is below the minimum order of {minimum} km².</source>
            <translation>La surface ({area} km²) est inférieure à la commande minimale de {minimum} km².</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="242" />
            <source>The area crosses the antimeridian (180° longitude). DINAMIS needs it split in two parts, one on each side.</source>
            <translation>La zone traverse l'antiméridien (180° de longitude). DINAMIS la veut coupée en deux parties, une de chaque côté.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="293" />
            <source>The area has holes ({holes}); their surface is not counted.</source>
            <translation>La zone a des trous ({holes}) ; leur surface n'est pas comptée.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="80" />
            <source>The area has many vertices: it was simplified for the search (it still covers the same region).</source>
            <translation>La zone a beaucoup de sommets : elle a été simplifiée pour la recherche (elle couvre toujours la même région).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="276" />
            <source>The area has {count} vertices; DINAMIS accepts at most {limit}.</source>
            <translation>La zone a {count} sommets ; DINAMIS en accepte au plus {limit}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="289" />
            <source>The area has {parts} separate parts; DINAMIS counts their total area.</source>
            <translation>La zone a {parts} parties séparées ; DINAMIS compte leur surface totale.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="285" />
            <source>The area is split at the antimeridian into {parts} parts, as DINAMIS needs.</source>
            <translation>La zone est coupée à l'antiméridien en {parts} parties, comme DINAMIS le demande.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="610" />
            <source>The area is unusually large ({area} km²). File it anyway?</source>
            <translation>La zone est exceptionnellement grande ({area} km²). La déposer quand même ?</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="281" />
            <source>The area is {area} km², larger than France: check the layer's CRS and what you drew before submitting.</source>
            <translation>La zone fait {area} km², plus que la France : vérifiez le SCR de la couche et votre tracé avant de soumettre.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="75" />
            <source>The area of interest cannot be expressed in the image's coordinate system.</source>
            <translation>La zone d'intérêt ne peut pas être exprimée dans le système de coordonnées de l'image.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="96" />
            <source>The area of interest extent has no coordinate reference system: give it after the coordinates, e.g. "3.80,3.90,43.60,43.70 [EPSG:4326]".</source>
            <translation>L'emprise de la zone d'intérêt n'a pas de système de coordonnées : indiquez-le après les coordonnées, par exemple « 3.80,3.90,43.60,43.70 [EPSG:4326] ».</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="101" />
            <source>The area of interest extent is empty.</source>
            <translation>L'emprise de la zone d'intérêt est vide.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/search_area.py" line="86" />
            <source>The area of interest is empty: draw or select a polygon.</source>
            <translation>La zone d'intérêt est vide : dessinez ou sélectionnez un polygone.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="65" />
            <source>The area of interest is not a valid geometry.</source>
            <translation>La zone d'intérêt n'est pas une géométrie valide.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="89" />
            <source>The area of interest layer has no coordinate reference system: set it in the layer's properties (Source), then run again.</source>
            <translation>La couche de la zone d'intérêt n'a pas de système de coordonnées : définissez-le dans les propriétés de la couche (Source), puis relancez.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="86" />
            <source>The area of interest layer has no geometry (or none is selected).</source>
            <translation>La couche de zone d'intérêt n'a aucune géométrie (ou aucune n'est sélectionnée).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="221" />
            <source>The area of interest must be a polygon; this geometry is a point or a line.</source>
            <translation>La zone d'intérêt doit être un polygone ; cette géométrie est un point ou une ligne.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="248" />
            <source>The area spans more than 180° of longitude. Draw a smaller area.</source>
            <translation>La zone s'étend sur plus de 180° de longitude. Tracez une zone plus petite.</translation>
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
            <location filename="../dinamis_plugin/core/demand_items.py" line="70" />
            <source>The catalogue has no image with the id "{id}".</source>
            <translation>Le catalogue n'a pas d'image d'identifiant « {id} ».</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/requests_entry.py" line="143" />
            <source>The catalogue search for the delivered images failed.</source>
            <translation>La recherche des images livrées dans le catalogue a échoué.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/device_login_dialog.py" line="90" />
            <source>The code expires in {minutes}:{seconds:02d}.</source>
            <translation>Le code expire dans {minutes}:{seconds:02d}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="640" />
            <source>the connection failed or stalled ({kind})</source>
            <translation>la connexion a échoué ou s'est bloquée ({kind})</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demands.py" line="54" />
            <source>The connection to DINAMIS failed while your request was being filed, and the retries got no answer either. It may or may not have been filed. Press "Retry" when the connection is back: the very same request is sent again, and DINAMIS will not file it twice.</source>
            <translation>La connexion à DINAMIS a échoué pendant le dépôt de votre demande, et les nouvelles tentatives n'ont pas eu de réponse non plus. Elle a peut-être été déposée, peut-être pas. Appuyez sur « Redéposer » quand la connexion est revenue : exactement la même demande est renvoyée, et DINAMIS ne la déposera pas deux fois.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="718" />
            <source>the connection was cut after {got} of {size} bytes</source>
            <translation>la connexion a été coupée après {got} octets sur {size}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/browser.py" line="90" />
            <source>The DINAMIS catalogue (the active profile of the DINAMIS settings)</source>
            <translation>Le catalogue DINAMIS (le profil actif des paramètres DINAMIS)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="169" />
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
            <location filename="../dinamis_plugin/gui/request_form.py" line="531" />
            <source>The DINAMIS services of "{profile}" have no interface for filing requests from QGIS, so nothing is sent from here. The area, its size and the estimate are computed here: export the area (GeoJSON, KML or zipped shapefile), open the DINAMIS web form, and import the file there.</source>
            <translation>Les services DINAMIS de « {profile} » n'ont pas d'interface pour déposer des demandes depuis QGIS : rien n'est envoyé d'ici. La zone, sa surface et l'estimation sont calculées ici : exportez la zone (GeoJSON, KML ou shapefile zippé), ouvrez le formulaire web DINAMIS et importez-y le fichier.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demands.py" line="44" />
            <source>The DINAMIS services of "{profile}" have no interface for requests from QGIS. Prepare the area here, export it, and file the request in the DINAMIS web form.</source>
            <translation>Les services DINAMIS de « {profile} » n'ont pas d'interface pour les demandes depuis QGIS. Préparez la zone ici, exportez-la et déposez la demande dans le formulaire web DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="100" />
            <source>The disk is full: no room to write in {folder}. The downloads stopped; free some space (or choose another folder) and run the same download again to resume.</source>
            <translation>Le disque est plein : plus de place pour écrire dans {folder}. Les téléchargements se sont arrêtés ; libérez de l'espace (ou choisissez un autre dossier) et relancez le même téléchargement pour le reprendre.</translation>
        </message>
        <message>
            <location filename="../processing_provider/catalogue_algorithm.py" line="28" />
            <source>The footprint layer needs the fields "id" and "collection", as made by "Search the DINAMIS catalogue".</source>
            <translation>La couche d'emprises doit avoir les champs « id » et « collection », comme celle produite par « Rechercher dans le catalogue DINAMIS ».</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="71" />
            <source>The geometry must be a GeoJSON geometry with a "type" and "coordinates" (e.g. a Polygon).</source>
            <translation>La géométrie doit être une géométrie GeoJSON avec un « type » et des « coordinates » (par exemple un Polygon).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/quicklook_layer.py" line="117" />
            <source>The georeferenced quicklook could not be opened.</source>
            <translation>L'aperçu géoréférencé n'a pas pu être ouvert.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/errors.py" line="64" />
            <source>The HTTPS certificate of {url} is not trusted. If your organisation inspects HTTPS traffic, import its CA certificate in QGIS (Settings &gt; Options &gt; Authentication &gt; Certificate Manager) and trust it; the DINAMIS plugin trusts what QGIS trusts.</source>
            <translation>Le certificat HTTPS de {url} n'est pas reconnu. Si votre organisation inspecte le trafic HTTPS, importez son certificat d'autorité dans QGIS (Préférences &gt; Options &gt; Authentification &gt; Gestionnaire de certificats) et accordez-lui votre confiance ; l'extension DINAMIS fait confiance à ce que QGIS reconnaît.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="338" />
            <source>The image does not cover the area.</source>
            <translation>L'image ne couvre pas la zone.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="181" />
            <source>The image storage at {url} could not be reached for {minutes} min: check your network connection and proxy settings. The downloads stopped; files not yet complete are kept as parts: run the same download again to resume.</source>
            <translation>Le stockage des images à {url} est resté injoignable pendant {minutes} min : vérifiez votre connexion réseau et les paramètres de proxy. Les téléchargements se sont arrêtés ; les fichiers inachevés sont conservés en parties : relancez le même téléchargement pour reprendre.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="58" />
            <source>The images are being acquired or produced.</source>
            <translation>Les images sont en cours d'acquisition ou de production.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/browser.py" line="138" />
            <source>The images found by the DINAMIS catalogue dock</source>
            <translation>Les images trouvées par le panneau Catalogue DINAMIS</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="243" />
            <source>The local reference server address is not valid: it must look like http://127.0.0.1:8765.</source>
            <translation>L'adresse du serveur de référence local n'est pas valide : elle doit ressembler à http://127.0.0.1:8765.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="87" />
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
            <location filename="../dinamis_plugin/core/search_params.py" line="75" />
            <source>The maximum cloud cover must be a number between 0 and 100 (percent).</source>
            <translation>La couverture nuageuse maximale doit être un nombre entre 0 et 100 (pourcents).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="78" />
            <source>The maximum incidence angle must be a number between 0 and 90 (degrees).</source>
            <translation>L'angle d'incidence maximal doit être un nombre entre 0 et 90 (degrés).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="97" />
            <source>The maximum number of results must be a whole number of at least 1.</source>
            <translation>Le nombre maximal de résultats doit être un nombre entier d'au moins 1.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="113" />
            <source>The naming pattern "{pattern}" gives two files the same name ({name}): add {{item}} and {{file}} to it, as in "{example}".</source>
            <translation>Le modèle de nommage « {pattern} » donne le même nom à deux fichiers ({name}) : ajoutez-y {{item}} et {{file}}, comme dans « {example} ».</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="52" />
            <source>The naming pattern "{pattern}" has an unmatched brace.</source>
            <translation>Le modèle de nom « {pattern} » a une accolade sans pendant.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="46" />
            <source>The naming pattern is empty; use for example {example}.</source>
            <translation>Le modèle de nom est vide ; utilisez par exemple {example}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="64" />
            <source>The naming pattern must be a relative path inside the output folder.</source>
            <translation>Le modèle de nom doit être un chemin relatif dans le dossier de sortie.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="60" />
            <source>The naming pattern must contain {file} or {asset}, or two assets of an item would get the same name.</source>
            <translation>Le modèle de nom doit contenir {file} ou {asset}, sinon deux fichiers d'une même image auraient le même nom.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/download_plan.py" line="56" />
            <source>The naming pattern uses {unknown}; the placeholders are {known}.</source>
            <translation>Le modèle de nom utilise {unknown} ; les champs disponibles sont {known}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="258" />
            <source>The outline crosses itself (or a hole crosses it), so its area is undefined. The repaired shape covers {area} km².</source>
            <translation>Le contour se recoupe (ou un trou le traverse) : sa surface n'est pas définie. La forme réparée couvre {area} km².</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="339" />
            <source>The outline encloses no area (its vertices lie on a line or repeat one another). Draw it again, or undo the last change.</source>
            <translation>Le contour n'enferme aucune surface (ses sommets sont alignés ou se répètent). Redessinez-le ou annulez la dernière modification.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="94" />
            <source>The page size must be a whole number between 1 and 10000.</source>
            <translation>La taille de page doit être un nombre entier entre 1 et 10000.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="64" />
            <source>The profile needs a name.</source>
            <translation>Le profil doit avoir un nom.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="216" />
            <source>The project ends before it starts.</source>
            <translation>Le projet se termine avant de commencer.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="133" />
            <source>The project form has changes that are not saved. Discard them?</source>
            <translation>Le formulaire du projet contient des modifications non enregistrées. Les abandonner ?</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="581" />
            <source>The project's last search is ready: press Search to run it.</source>
            <translation>La dernière recherche du projet est prête : cliquez sur Rechercher pour la lancer.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/quicklook_viewer.py" line="94" />
            <source>The quicklook could not be loaded: {reason}</source>
            <translation>L'aperçu n'a pas pu être chargé : {reason}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/quicklook_layer.py" line="98" />
            <location filename="../dinamis_plugin/qgis_glue/quicklook_layer.py" line="102" />
            <source>The quicklook could not be placed on its footprint.</source>
            <translation>L'aperçu n'a pas pu être placé sur son emprise.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/quicklook_layer.py" line="85" />
            <source>The quicklook is not an image GDAL can read.</source>
            <translation>L'aperçu n'est pas une image lisible par GDAL.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="107" />
            <location filename="../dinamis_plugin/core/search_params.py" line="110" />
            <source>The rectangle (bbox) must be four numbers: west, south, east, north in degrees.</source>
            <translation>Le rectangle (bbox) doit être composé de quatre nombres : ouest, sud, est, nord en degrés.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="120" />
            <source>The rectangle's south ({south}) is above its north ({north}): give west, south, east, north.</source>
            <translation>Le sud du rectangle ({south}) est au-dessus de son nord ({north}) : donnez ouest, sud, est, nord.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="117" />
            <source>The rectangle's south and north must be latitudes between -90 and 90 degrees.</source>
            <translation>Le sud et le nord du rectangle doivent être des latitudes entre -90 et 90 degrés.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="124" />
            <source>The rectangle's west ({west}) is east of its east ({east}): give west, south, east, north.</source>
            <translation>L'ouest du rectangle ({west}) est à l'est de son est ({east}) : donnez ouest, sud, est, nord.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="114" />
            <source>The rectangle's west and east must be longitudes between -180 and 180 degrees.</source>
            <translation>L'ouest et l'est du rectangle doivent être des longitudes entre -180 et 180 degrés.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="147" />
            <source>The results are not sorted as asked: this catalogue's STAC API cannot sort.</source>
            <translation>Les résultats ne sont pas triés comme demandé : l'API STAC de ce catalogue ne sait pas trier.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="150" />
            <source>The results are not sorted by "{field}": this catalogue sorts only by {fields}.</source>
            <translation>Les résultats ne sont pas triés par « {field} » : ce catalogue ne trie que par {fields}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="263" />
            <source>The search cannot run: {problems}</source>
            <translation>La recherche ne peut pas être lancée : {problems}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="365" />
            <source>The search failed.</source>
            <translation>La recherche a échoué.</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="163" />
            <source>The search matches {count}.</source>
            <translation>La recherche correspond à {count}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="367" />
            <source>The search matches {count}; {shown} shown.</source>
            <translation>La recherche correspond à {count} ; {shown} affichées.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="94" />
            <source>The selected features of "{layer}" are not polygons</source>
            <translation>Les entités sélectionnées de « {layer} » ne sont pas des polygones</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="91" />
            <source>The selected features of "{layer}" have no geometry: select features with a shape on the map.</source>
            <translation>Les entités sélectionnées de « {layer} » n'ont pas de géométrie : sélectionnez des entités qui ont une forme sur la carte.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="649" />
            <location filename="../dinamis_plugin/core/downloads.py" line="675" />
            <source>the server answered {status}</source>
            <translation>le serveur a répondu {status}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="657" />
            <source>the server refused to resume; starting again</source>
            <translation>le serveur a refusé la reprise ; nouveau départ</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="666" />
            <source>the server resumed at the wrong place; starting again</source>
            <translation>le serveur a repris au mauvais endroit ; nouveau départ</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/thumbnails.py" line="67" />
            <source>The server sent something other than a picture for this quicklook. Try again later.</source>
            <translation>Le serveur a envoyé autre chose qu'une image pour cet aperçu. Réessayez plus tard.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="677" />
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
            <location filename="../dinamis_plugin/core/search_params.py" line="140" />
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
            <location filename="../dinamis_plugin/core/clip.py" line="245" />
            <source>The target resolution {resolution} is coarser than the area itself ({width:.6g} x {height:.6g} in the target coordinate system's units): choose a finer resolution (in degrees for a geographic system such as EPSG:4326).</source>
            <translation>La résolution cible {resolution} est plus grossière que la zone elle-même ({width:.6g} x {height:.6g} dans les unités du système de coordonnées cible) : choisissez une résolution plus fine (en degrés pour un système géographique comme EPSG:4326).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/timeline.py" line="36" />
            <source>The timeline appears after a search.</source>
            <translation>La frise chronologique apparaît après une recherche.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/timeline.py" line="59" />
            <source>The timeline is not available for this catalogue.</source>
            <translation>La frise chronologique n'est pas disponible pour ce catalogue.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="140" />
            <source>The {criterion} filter is not applied: this catalogue does not offer "{property}" among the properties it can filter on.</source>
            <translation>Le filtre sur {criterion} n'est pas appliqué : ce catalogue ne propose pas « {property} » parmi les propriétés sur lesquelles il sait filtrer.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_plan.py" line="138" />
            <source>The {criterion} filter is not applied: this catalogue's STAC API cannot filter on properties.</source>
            <translation>Le filtre sur {criterion} n'est pas appliqué : l'API STAC de ce catalogue ne sait pas filtrer sur les propriétés.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/search_params.py" line="136" />
            <source>The {label} "{value}" is not a date: use YYYY-MM-DD.</source>
            <translation>La {label} « {value} » n'est pas une date : utilisez AAAA-MM-JJ.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="53" />
            <source>Themes</source>
            <translation>Thématiques</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="343" />
            <source>There is no area to export yet.</source>
            <translation>Il n'y a pas encore de zone à exporter.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api_requests.py" line="124" />
            <source>These DINAMIS services have no demand manager, and computing the area here needs QGIS: run this in the QGIS Python console.</source>
            <translation>Ces services DINAMIS n'ont pas de gestionnaire de demandes, et calculer la surface ici demande QGIS : lancez ceci dans la console Python de QGIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="176" />
            <source>These DINAMIS services have no interface for requests from QGIS.</source>
            <translation>Ces services DINAMIS n'ont pas d'interface pour les demandes depuis QGIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="118" />
            <source>These DINAMIS services have no interface for requests from QGIS: export the area and use the DINAMIS web form.</source>
            <translation>Ces services DINAMIS n'ont pas d'interface pour les demandes depuis QGIS : exportez la zone et utilisez le formulaire web DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/quicklook_layer.py" line="129" />
            <source>These images have no quicklook to place on the map.</source>
            <translation>Ces images n'ont pas d'aperçu à placer sur la carte.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="150" />
            <source>This catalogue cannot filter on cloud cover: that filter is off.</source>
            <translation>Ce catalogue ne peut pas filtrer sur la couverture nuageuse : ce filtre est désactivé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="152" />
            <source>This catalogue cannot filter on the incidence angle: that filter is off.</source>
            <translation>Ce catalogue ne peut pas filtrer sur l'angle d'incidence : ce filtre est désactivé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="146" />
            <source>This catalogue cannot sort results: they come in its own order.</source>
            <translation>Ce catalogue ne peut pas trier les résultats : ils arrivent dans son propre ordre.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="135" />
            <source>This catalogue offers no free-text search: the text filter is off.</source>
            <translation>Ce catalogue n'offre pas de recherche en texte libre : le filtre texte est désactivé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api_requests.py" line="141" />
            <source>This draft was filed already as {id}; make a new draft for another request.</source>
            <translation>Ce brouillon a déjà été déposé sous le numéro {id} ; créez un nouveau brouillon pour une autre demande.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="204" />
            <source>This geometry cannot be converted from {crs} to longitude/latitude: is the layer's CRS right?</source>
            <translation>Cette géométrie ne peut pas être convertie de {crs} en longitude/latitude : le SCR de la couche est-il juste ?</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="190" />
            <source>This geometry has no coordinate reference system. Set the layer's CRS in its properties, then take the area again.</source>
            <translation>Cette géométrie n'a pas de système de coordonnées de référence. Définissez le SCR de la couche dans ses propriétés, puis reprenez la zone.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/quicklook_viewer.py" line="80" />
            <source>This image has no quicklook.</source>
            <translation>Cette image n'a pas d'aperçu.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="336" />
            <source>this image is downloadable already: no request is needed, download it from the catalogue.</source>
            <translation>cette image est déjà téléchargeable : inutile de la demander, téléchargez-la depuis le catalogue.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/thumbnails.py" line="244" />
            <source>This quicklook is damaged: it cannot be shown.</source>
            <translation>Cet aperçu est endommagé : il ne peut pas être affiché.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/thumbnails.py" line="64" />
            <source>This quicklook is larger than a quicklook can be ({mb} MB): it was not loaded.</source>
            <translation>Cet aperçu est plus gros qu'un aperçu ne peut l'être ({mb} Mo) : il n'a pas été chargé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="604" />
            <source>This request goes beyond your free quota: {paid} km² will be charged, {price} € in total. File it?</source>
            <translation>Cette demande dépasse votre quota gratuit : {paid} km² seront facturés, soit {price} € au total. La déposer ?</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="50" />
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="140" />
            <source>To log in to DINAMIS, open {url} and enter the code {code} (the page should open by itself). Waiting for your approval...</source>
            <translation>Pour vous connecter à DINAMIS, ouvrez {url} et saisissez le code {code} (la page devrait s'ouvrir d'elle-même). En attente de votre validation...</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="27" />
            <location filename="../dinamis_plugin/gui/search_form.py" line="253" />
            <location filename="../dinamis_plugin/qgis_glue/footprints.py" line="155" />
            <location filename="../processing_provider/search_catalogue.py" line="72" />
            <source>To order</source>
            <translation>À commander</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="69" />
            <source>To order (archive)</source>
            <translation>À commander (archive)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/browser.py" line="167" />
            <source>to order: footprint and quicklook only</source>
            <translation>à commander : emprise et aperçu seulement</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="70" />
            <source>Total area (km²)</source>
            <translation>Surface totale (km²)</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="71" />
            <source>Total price (€)</source>
            <translation>Prix total (€)</translation>
        </message>
        <message>
            <location filename="../processing_provider/estimate_request.py" line="125" />
            <source>Total: {area} km², {price} €.</source>
            <translation>Total : {area} km², {price} €.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="72" />
            <source>Tri-stereo</source>
            <translation>Tri-stéréo</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="202" />
            <source>triplet</source>
            <translation>triplet</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="36" />
            <source>Under instruction</source>
            <translation>En instruction</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="81" />
            <source>Undo</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="329" />
            <location filename="../dinamis_plugin/core/downloads.py" line="431" />
            <source>Unexpected problem ({kind}).</source>
            <translation>Problème inattendu ({kind}).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/tasks.py" line="26" />
            <source>Unexpected problem ({kind}). Try again; if it persists, report it to the plugin authors.</source>
            <translation>Problème inattendu ({kind}). Réessayez ; s'il persiste, signalez-le aux auteurs de l'extension.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="45" />
            <location filename="../dinamis_plugin/gui/results_model.py" line="28" />
            <source>Unknown</source>
            <translation>Inconnue</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="91" />
            <source>Unknown coordinate reference system: {crs}.</source>
            <translation>Système de coordonnées inconnu : {crs}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="98" />
            <source>Unknown DINAMIS profile "{name}". Known profiles: {names}; or pass an EndpointProfile.</source>
            <translation>Profil DINAMIS « {name} » inconnu. Profils connus : {names} ; ou passez un EndpointProfile.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="364" />
            <source>Unknown mode "{mode}": use one of {modes}.</source>
            <translation>Mode « {mode} » inconnu : utilisez l'un de {modes}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/api.py" line="289" />
            <source>Unknown search criterion "{name}". Use: {names}.</source>
            <translation>Critère de recherche « {name} » inconnu. Critères possibles : {names}.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="113" />
            <source>Unknown target coordinate system "{crs}": choose one in the list, or leave it empty to keep each image's own.</source>
            <translation>Système de coordonnées cible inconnu « {crs} » : choisissez-en un dans la liste, ou laissez vide pour garder celui de chaque image.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/account.py" line="72" />
            <source>Unknown user</source>
            <translation>Utilisateur inconnu</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="76" />
            <source>until</source>
            <translation>jusqu'au</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="257" />
            <source>until {date}</source>
            <translation>jusqu'au {date}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="75" />
            <source>Updated</source>
            <translation>Mise à jour</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/demand_service.py" line="443" />
            <source>Updating the request</source>
            <translation>Mise à jour de la demande</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="85" />
            <source>Use an API key…</source>
            <translation>Utiliser une clé d'API…</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi.py" line="262" />
            <source>Use the repaired shape</source>
            <translation>Utiliser la forme réparée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="73" />
            <source>Use the selected polygons of the active layer (any CRS).</source>
            <translation>Utiliser les polygones sélectionnés de la couche active (n'importe quel SCR).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="60" />
            <source>User name</source>
            <translation>Nom d'utilisateur</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="304" />
            <source>Vector files (*.gpkg *.shp *.zip *.geojson *.json *.kml *.gml);;All files (*)</source>
            <translation>Fichiers vecteur (*.gpkg *.shp *.zip *.geojson *.json *.kml *.gml);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/device_login.py" line="77" />
            <source>Waiting for the DINAMIS login approval</source>
            <translation>En attente de l'approbation de la connexion DINAMIS</translation>
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
            <location filename="../dinamis_plugin/gui/request_list.py" line="108" />
            <source>Withdraw</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="372" />
            <source>Withdraw the request {id}? DINAMIS will not process it any more; this cannot be undone.</source>
            <translation>Retirer la demande {id} ? DINAMIS ne la traitera plus ; c'est définitif.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/demand_models.py" line="43" />
            <source>Withdrawn</source>
            <translation>Retirée</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="93" />
            <source>Write to DINAMIS about this request…</source>
            <translation>Écrire à DINAMIS au sujet de cette demande…</translation>
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
            <location filename="../dinamis_plugin/core/demand_models.py" line="61" />
            <source>You withdrew it.</source>
            <translation>Vous l'avez retirée.</translation>
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
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="41" />
            <source>Zipped shapefile (*.zip)</source>
            <translation>Shapefile zippé (*.zip)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/result_actions.py" line="47" />
            <source>Zoom to</source>
            <translation>Zoomer sur</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="408" />
            <source>{area} km²</source>
            <translation>{area} km²</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="293" />
            <source>{area} km² ({sensor}): {free} km² on your free quota, {paid} km² paid, {price} €.</source>
            <translation>{area} km² ({sensor}) : {free} km² sur votre quota gratuit, {paid} km² payants, {price} €.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/plugin.py" line="336" />
            <source>{count} DINAMIS image(s) of this project wait for your login: log in from the DINAMIS account panel and they will appear.</source>
            <translation>{count} image(s) DINAMIS de ce projet attendent votre connexion : connectez-vous depuis le panneau du compte DINAMIS et elles apparaîtront.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_images.py" line="60" />
            <source>{count} files to fetch into {folder}.</source>
            <translation>{count} fichiers à récupérer dans {folder}.</translation>
        </message>
        <message>
            <location filename="../processing_provider/search_catalogue.py" line="180" />
            <source>{count} footprints written.</source>
            <translation>{count} emprises écrites.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/counts.py" line="53" />
            <source>{count} images</source>
            <translation>{count} images</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_clipped.py" line="128" />
            <source>{count} images to clip into {folder}.</source>
            <translation>{count} images à découper dans {folder}.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="200" />
            <source>{count} of {total} files failed (the reasons are above and in the report table). Run the same download again with the same folder: only what is missing or failed is fetched.</source>
            <translation>{count} fichiers sur {total} ont échoué (les raisons sont ci-dessus et dans la table du rapport). Relancez le même téléchargement avec le même dossier : seul ce qui manque ou a échoué est récupéré.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/quicklook_layer.py" line="165" />
            <source>{count} quicklooks could not be placed on the map (missing or not an image).</source>
            <translation>{count} aperçus n'ont pas pu être placés sur la carte (absents ou pas des images).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="186" />
            <source>{count} request(s).</source>
            <translation>{count} demande(s).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/search_area.py" line="115" />
            <source>{count} selected in {layer}</source>
            <translation>{count} sélectionnées dans {layer}</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="276" />
            <source>{done} of {total}, {rate}/s</source>
            <translation>{done} sur {total}, {rate}/s</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="326" />
            <source>{event}: {comment}</source>
            <translation>{event} : {comment}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/clip.py" line="192" />
            <source>{file} has no coordinate system: it cannot be clipped.</source>
            <translation>{file} n'a pas de système de coordonnées : il ne peut pas être découpé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="111" />
            <source>{file} is larger than the file system of {folder} allows (FAT32, common on USB drives, stops at 4 GB): choose a folder on a disk formatted exFAT, NTFS or ext4 and run the same download again.</source>
            <translation>{file} dépasse la taille que permet le système de fichiers de {folder} (FAT32, courant sur les clés USB, s'arrête à 4 Go) : choisissez un dossier sur un disque formaté en exFAT, NTFS ou ext4 et relancez le même téléchargement.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="244" />
            <source>{file}: failed. {reason}</source>
            <translation>{file} : échec. {reason}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="561" />
            <source>{file}: the data received does not match its checksum, twice; the file on the server may be damaged. It was not kept.</source>
            <translation>{file} : les données reçues ne correspondent pas à leur somme de contrôle, deux fois ; le fichier sur le serveur est peut-être endommagé. Il n'a pas été conservé.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/downloads.py" line="545" />
            <source>{file}: the server sent {got} bytes, the catalogue says {size}; the file was not kept.</source>
            <translation>{file} : le serveur a envoyé {got} octets, le catalogue indique {size} ; le fichier n'a pas été conservé.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="247" />
            <source>{file}: {reason}</source>
            <translation>{file} : {reason}</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="250" />
            <source>{file}: {status} ({checksum}).</source>
            <translation>{file} : {status} ({checksum}).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/streamable.py" line="115" />
            <source>{first} to {last}</source>
            <translation>du {first} au {last}</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="301" />
            <source>{h} h {m} min</source>
            <translation>{h} h {m} min</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/project_form.py" line="165" />
            <source>{id} (owner {owner})</source>
            <translation>{id} (propriétaire : {owner})</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_form.py" line="653" />
            <source>{id} was changed and submitted again.</source>
            <translation>{id} a été modifiée et soumise à nouveau.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="69" />
            <source>{item} has no asset "{asset}" that can be streamed.</source>
            <translation>{item} n'a pas d'asset « {asset} » diffusable.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="72" />
            <source>{item} has no image file to stream (an orderable image: request it from the catalogue).</source>
            <translation>{item} n'a pas de fichier image à diffuser (une image à commander : demandez-la depuis le catalogue).</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="135" />
            <source>{item}: no such data file (it has: {known}).</source>
            <translation>{item} : pas de tel fichier de données (il a : {known}).</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="113" />
            <source>{item}: not in the catalogue.</source>
            <translation>{item} : absent du catalogue.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/core/profiles.py" line="76" />
            <source>{label}: {problem}</source>
            <translation>{label} : {problem}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/aoi_picker.py" line="123" />
            <source>{layer} ({count} selected)</source>
            <translation>{layer} ({count} sélectionnées)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="188" />
            <source>{login} (for this QGIS session only)</source>
            <translation>{login} (pour cette session de QGIS seulement)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="371" />
            <source>{matched} images match; all shown.</source>
            <translation>{matched} images correspondent ; toutes affichées.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/catalogue_dock.py" line="374" />
            <source>{matched} images match; {shown} shown.</source>
            <translation>{matched} images correspondent ; {shown} affichées.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="410" />
            <source>{minimum} km²</source>
            <translation>{minimum} km²</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="300" />
            <source>{m} min {s} s</source>
            <translation>{m} min {s} s</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/settings_dialog.py" line="164" />
            <source>{name} (built-in)</source>
            <translation>{name} (intégré)</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="221" />
            <source>{name} could not be opened from the DINAMIS storage. Try again in a moment; if it persists, download it instead (right-click › Download).</source>
            <translation>{name} n'a pas pu être ouvert depuis le stockage DINAMIS. Réessayez dans un moment ; si cela persiste, téléchargez-le plutôt (clic droit › Télécharger).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="180" />
            <source>{name}: QGIS cannot read this file as an image. Download it instead (right-click › Download) and open it from your disk.</source>
            <translation>{name} : QGIS ne peut pas lire ce fichier comme une image. Téléchargez-le plutôt (clic droit › Télécharger) et ouvrez-le depuis votre disque.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="182" />
            <source>{name}: the DINAMIS storage answered with an error ({status}). Try again in a moment; if it persists, download it instead (right-click › Download).</source>
            <translation>{name} : le stockage DINAMIS a répondu par une erreur ({status}). Réessayez dans un moment ; si cela persiste, téléchargez-le plutôt (clic droit › Télécharger).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="168" />
            <source>{name}: the DINAMIS storage cannot be reached. Check your network connection and QGIS's proxy settings (Settings › Options › Network), then try again.</source>
            <translation>{name} : le stockage DINAMIS est injoignable. Vérifiez votre connexion réseau et les réglages de proxy de QGIS (Préférences › Options › Réseau), puis réessayez.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="172" />
            <source>{name}: the DINAMIS storage refused access. Log in again from the DINAMIS panel and try again; if it persists, your account may not give access to this collection.</source>
            <translation>{name} : le stockage DINAMIS a refusé l'accès. Reconnectez-vous depuis le panneau DINAMIS et réessayez ; si cela persiste, votre compte ne donne peut-être pas accès à cette collection.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/stream_layers.py" line="176" />
            <source>{name}: this file is not in the DINAMIS storage (any more). Run the search again; if the image is still listed, report its id to DINAMIS support.</source>
            <translation>{name} : ce fichier n'est pas (ou plus) dans le stockage DINAMIS. Relancez la recherche ; si l'image est toujours listée, signalez son identifiant au support DINAMIS.</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="287" />
            <source>{n} B</source>
            <translation>{n} o</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="288" />
            <source>{n} GB</source>
            <translation>{n} Go</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="288" />
            <source>{n} KB</source>
            <translation>{n} Ko</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="288" />
            <source>{n} MB</source>
            <translation>{n} Mo</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="292" />
            <source>{n} TB</source>
            <translation>{n} To</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/results_model.py" line="203" />
            <source>{n} views</source>
            <translation>{n} vues</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="420" />
            <source>{paid} km² at {rate} €/km²</source>
            <translation>{paid} km² à {rate} €/km²</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/timeline.py" line="190" />
            <source>{period}: {count} images — click to search only then</source>
            <translation>{period} : {count} images — cliquez pour ne chercher que cette période</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="423" />
            <source>{price} €</source>
            <translation>{price} €</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/requests_dock.py" line="76" />
            <source>{profile}: log in (DINAMIS account panel) to file and follow requests.</source>
            <translation>{profile} : connectez-vous (panneau du compte DINAMIS) pour déposer et suivre des demandes.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/requests_dock.py" line="72" />
            <source>{profile}: no interface for requests from QGIS. Prepare and export the area here; file the request in the DINAMIS web form.</source>
            <translation>{profile} : pas d'interface pour les demandes depuis QGIS. Préparez et exportez la zone ici ; déposez la demande dans le formulaire web DINAMIS.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/requests_dock.py" line="83" />
            <source>{profile}: requests of {user}.</source>
            <translation>{profile} : demandes de {user}.</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/requests_dock.py" line="79" />
            <source>{profile}: your requests and those of {entity} (you are its DINAMIS referent).</source>
            <translation>{profile} : vos demandes et celles de {entity} (vous en êtes le référent DINAMIS).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/area_panel.py" line="413" />
            <source>{remaining} km² left for {sensor}</source>
            <translation>{remaining} km² restants pour {sensor}</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/account_panel.py" line="182" />
            <source>{sensor}: {remaining} km² of {free} km²</source>
            <translation>{sensor} : {remaining} km² sur {free} km²</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="298" />
            <source>{s} s</source>
            <translation>{s} s</translation>
        </message>
        <message>
            <location filename="../processing_provider/download_algorithm.py" line="280" />
            <source>{time} left</source>
            <translation>{time} restantes</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/qgis_glue/aoi_files.py" line="67" />
            <source>{what}: an area of interest must be a polygon. Select or draw polygons, or first make polygons around your points or lines (Vector › Geoprocessing Tools › Buffer).</source>
            <translation>{what} : une zone d'intérêt doit être un polygone. Sélectionnez ou dessinez des polygones, ou faites d'abord des polygones autour de vos points ou lignes (Vecteur › Outils de géotraitement › Tampon).</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/request_list.py" line="323" />
            <source>{who} moved it to “{status}”</source>
            <translation>{who} l'a passée à « {status} »</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="283" />
            <source>≤ {value} %</source>
            <translation>≤ {value} %</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/search_form.py" line="285" />
            <source>≤ {value}°</source>
            <translation>≤ {value}°</translation>
        </message>
        <message>
            <location filename="../dinamis_plugin/gui/quicklook_viewer.py" line="47" />
            <source>◀ Previous</source>
            <translation>◀ Précédente</translation>
        </message>
        <message>
            <source>"{file}" could not be read as a vector file (GeoPackage, Shapefile, GeoJSON, KML…).</source>
            <translation type="vanished">« {file} » n'a pas pu être lu comme un fichier vecteur (GeoPackage, Shapefile, GeoJSON, KML…).</translation>
        </message>
        <message>
            <source>"{file}" has no geometry to search with.</source>
            <translation type="vanished">« {file} » ne contient aucune géométrie pour la recherche.</translation>
        </message>
        <message>
            <source>"{name}" has no polygon.</source>
            <translation type="vanished">« {name} » ne contient aucun polygone.</translation>
        </message>
        <message>
            <source>&lt;b&gt;New project&lt;/b&gt;</source>
            <translation type="vanished">&lt;b&gt;Nouveau projet&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;{id}&lt;/b&gt; (owner {owner})</source>
            <translation type="vanished">&lt;b&gt;{id}&lt;/b&gt; (propriétaire : {owner})</translation>
        </message>
        <message>
            <source>An API key lets QGIS use DINAMIS without a browser login. Create one on the DINAMIS signing service, then paste both parts here.</source>
            <translation type="vanished">Une clé d'API permet à QGIS d'utiliser DINAMIS sans connexion par le navigateur. Créez-en une sur le service de signature DINAMIS, puis collez ici ses deux parties.</translation>
        </message>
        <message>
            <source>Cannot reach the image store for {file}.</source>
            <translation type="vanished">Impossible de joindre le stockage des images pour {file}.</translation>
        </message>
        <message>
            <source>Counted from all {count} results (this catalogue has no aggregation)</source>
            <translation type="vanished">Compté sur les {count} résultats (ce catalogue n'offre pas d'agrégation)</translation>
        </message>
        <message>
            <source>Counted from the {count} results loaded only (this catalogue has no aggregation)</source>
            <translation type="vanished">Compté sur les {count} résultats chargés seulement (ce catalogue n'offre pas d'agrégation)</translation>
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
            <source>Excluded collections must first be resolved against the catalogue's collections (resolved()).</source>
            <translation type="vanished">Les collections exclues doivent d'abord être résolues d'après les collections du catalogue (resolved()).</translation>
        </message>
        <message>
            <source>Images matching the search</source>
            <translation type="vanished">Images correspondant à la recherche</translation>
        </message>
        <message>
            <source>Loading DINAMIS quicklooks</source>
            <translation type="vanished">Chargement des aperçus DINAMIS</translation>
        </message>
        <message>
            <source>Save profile</source>
            <translation type="vanished">Enregistrer le profil</translation>
        </message>
        <message>
            <source>Select one or more features of "{layer}" first (or pick another layer).</source>
            <translation type="vanished">Sélectionnez d'abord une ou plusieurs entités de « {layer} » (ou choisissez une autre couche).</translation>
        </message>
        <message>
            <source>Shown once, when the key was created</source>
            <translation type="vanished">Affichée une seule fois, à la création de la clé</translation>
        </message>
        <message>
            <source>The area has {holes} hole(s); they are not counted in the area.</source>
            <translation type="vanished">La zone a {holes} trou(s) ; ils ne sont pas comptés dans la surface.</translation>
        </message>
        <message>
            <source>The catalogue does not say how many images match.</source>
            <translation type="vanished">Le catalogue n'indique pas combien d'images correspondent.</translation>
        </message>
        <message>
            <source>The image store sent less than asked for {file}.</source>
            <translation type="vanished">Le stockage des images a envoyé moins que demandé pour {file}.</translation>
        </message>
        <message>
            <source>The selected features of "{layer}" are not polygons.</source>
            <translation type="vanished">Les entités sélectionnées de « {layer} » ne sont pas des polygones.</translation>
        </message>
        <message>
            <source>This catalogue cannot filter on properties: cloud cover, incidence angle and product type are off.</source>
            <translation type="vanished">Ce catalogue ne peut pas filtrer sur les propriétés : couverture nuageuse, angle d'incidence et type de produit sont désactivés.</translation>
        </message>
        <message>
            <source>You are not logged in to DINAMIS, or your login has expired. Log in from the DINAMIS settings.</source>
            <translation type="vanished">Vous n'êtes pas connecté à DINAMIS, ou votre connexion a expiré. Connectez-vous depuis les paramètres DINAMIS.</translation>
        </message>
        <message>
            <source>{file} is not a GeoTIFF GDAL can read.</source>
            <translation type="vanished">{file} n'est pas un GeoTIFF que GDAL sait lire.</translation>
        </message>
        <message>
            <source>{item} / {asset} could not be opened from the DINAMIS storage.</source>
            <translation type="vanished">{item} / {asset} n'a pas pu être ouvert depuis le stockage DINAMIS.</translation>
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
            <source>{name} could not be opened from the DINAMIS storage.</source>
            <translation type="vanished">{name} n'a pas pu être ouvert depuis le stockage DINAMIS.</translation>
        </message>
        <message>
            <source>{sensor}: {remaining:,.0f} km² of {free:,.0f} km²</source>
            <translation type="vanished">{sensor} : {remaining:,.0f} km² sur {free:,.0f} km²</translation>
        </message>
        <message>
            <source>{shown} images shown; all of them.</source>
            <translation type="vanished">{shown} images affichées ; toutes.</translation>
        </message>
        <message>
            <source>{shown} images shown; the catalogue does not say how many match.</source>
            <translation type="vanished">{shown} images affichées ; le catalogue ne dit pas combien correspondent.</translation>
        </message>
    </context>
</TS>
