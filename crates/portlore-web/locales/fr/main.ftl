# Messages du site portlore, français.

## Chrome
skip = Aller au contenu
search-label = Chercher un port, un service ou une menace
search-placeholder = 3147, rfio, MyDoom…
search-button = Chercher
lang-label = Langue
nav-home = Accueil
nav-ports = Tous les ports
nav-recent = Modifications récentes
footer-text = Les faits du registre viennent uniquement du registre de l'IANA. Les notes rédigées citent leurs sources. Ni cookies ni pistage.
footer-registry = Registre IANA des noms de service et numéros de port de protocole de transport, mis à jour le { $date }.
crumbs-label = Fil d'Ariane
crumb-ports = Ports

## Port page
title-port = Port { $port }
title-port-service = Port { $port } ({ $service })
desc-port = À quoi sert le port { $port } : son attribution IANA, son histoire, les menaces et comment voir ce qui l'écoute.
bar-label = Port { $port } dans l'intervalle 0–65535
range-system = Ports système
range-user = Ports enregistrés
range-dynamic = Ports dynamiques
range-system-text = Les ports système (bien connus) vont de { $start } à { $end }. Sous Linux et les autres systèmes de type Unix, seul root peut les écouter par défaut, et l'IANA les attribue après examen par l'IETF.
range-user-text = Les ports utilisateur (enregistrés) vont de { $start } à { $end }. N'importe quel processus peut les écouter ; un enregistrement IANA est une revendication, pas une garantie.
range-dynamic-text = Les ports dynamiques et privés vont de { $start } à { $end }. L'IANA ne les attribue jamais ; les systèmes y choisissent leurs ports sortants, et n'importe quoi peut y écouter.
range-ephemeral = Dans la plage éphémère par défaut de : { $systems }.
badge-system = plage système
badge-user = plage enregistrée
badge-dynamic = plage dynamique
badge-assigned = IANA : attribué
badge-reserved = IANA : réservé
badge-unassigned = IANA : non attribué
badge-other = IANA : listé sans service
badge-no-registry = IANA : registre absent
badge-deassigned = désattribué
badge-threat = historique de menaces
badge-exposure = risque d'exposition
badge-unofficial = usages non officiels
badge-ephemeral = éphémère sur certains systèmes
verdict-no-registry = Ce serveur n'a pas de copie du registre de l'IANA : l'attribution est inconnue ici.
verdict-assigned-by = Enregistré auprès de l'IANA par { $org }.
verdict-assigned = Enregistré auprès de l'IANA.
verdict-reserved = Réservé par l'IANA : rien ne devrait l'utiliser.
verdict-dynamic = Dans la plage dynamique : l'IANA ne l'attribue jamais, et les systèmes s'en servent pour des ports clients de courte durée.
verdict-unassigned = Non attribué par l'IANA : ce qui écoute ici a choisi ce numéro lui-même.
verdict-retired = Les notes marquent { $title } comme { $status }.
verdict-threat-port = { $name } ({ $year }) a utilisé ce port.
verdict-threat-range = { $name } ({ $year }) a utilisé la plage { $range }.
verdict-exposure = { $service } ne doit pas être exposé à Internet.
iana-title = Registre de l'IANA
iana-source = Source : registre de l'IANA, mis à jour le { $date }
iana-none = Aucun enregistrement de l'IANA ne couvre ce port.
iana-missing = Ce serveur n'a pas de copie du registre de l'IANA : les attributions ne sont pas affichées. Lancez portlore update pour l'installer.
iana-any-transport = tout transport
iana-ports = ports { $ports }
iana-unauthorized = Usage non autorisé signalé
iana-service-code = Code de service
iana-english = Les descriptions et notes sont citées du registre, en anglais.
col-description = Description
col-assignee = Titulaire
col-contact = Contact
col-registered = Enregistré
col-modified = Modifié
col-references = Références
col-notes = Note
col-port = Port
col-service = Service
col-status = État
col-date = Date
col-change = Changement
curated-english = Les notes ci-dessous sont rédigées en anglais et ne sont pas encore traduites.
history-title = Histoire
note-status = État : { $status }
note-made-by = créé par { $who }
note-today = Aujourd'hui :
status-active = actif
status-legacy = ancien
status-retired = abandonné
status-never-deployed = jamais déployé
status-unknown = inconnu
security-title = Sécurité
threat-history-note = Il s'agit d'histoire : ce que des logiciels malveillants et des attaquants ont fait de ce port, pas ce qui tourne dessus dans votre réseau.
threat-line = { $kind }, apparu en { $year }
threat-use = { $role } sur { $range } ({ $transports })
kind-worm = ver
kind-trojan = cheval de Troie
kind-backdoor = porte dérobée
kind-rat = cheval de Troie d'accès à distance
kind-botnet = botnet
kind-ransomware = rançongiciel
kind-scanner = scanner
kind-miner = mineur de cryptomonnaie
kind-c2-framework = framework de C2
kind-exploitation = campagne d'exploitation
kind-ics-malware = logiciel malveillant ICS
kind-other = autre menace
role-listening-backdoor = porte dérobée en écoute
role-scanning-target = cible de balayage
role-c2 = commande et contrôle
role-propagation = propagation
role-exfiltration = vol de données
role-amplification = attaques par amplification
role-other = autre usage
exposure-title = { $service } ne doit pas être exposé à Internet
severity-critical = critique
severity-high = risque élevé
severity-medium = risque moyen
exposure-advice = Que faire
unofficial-title = Aussi vu sur ce port
unofficial-mark = pas une attribution IANA
check-title = Vérifiez vous-même
check-intro = Commandes qui montrent ce qui écoute sur le port { $port } :
check-network = Depuis une autre machine
why-title = Pourquoi c'est important
why-assigned-system = Le port { $port } est un port système attribué par l'IANA : pare-feu, scanners et humains s'attendent à y trouver ce service, donc tout autre programme qui l'écoute mérite un coup d'œil.
why-assigned-user = Le port { $port } est enregistré, mais l'enregistrement n'est pas une garantie : n'importe quel programme peut l'écouter, et beaucoup le font.
why-assigned-dormant = Le port { $port } est enregistré pour un protocole qui n'est plus déployé : le trafic qu'on y voit aujourd'hui est sans doute autre chose.
why-reserved = Le port { $port } est réservé : aucun service légitime ne devrait l'écouter, donc un programme à l'écoute ici mérite une enquête.
why-unassigned = Le port { $port } n'a pas d'attribution IANA : le logiciel qui l'utilise a choisi le numéro lui-même, et le registre ne dit pas de quoi il s'agit.
why-dynamic = Le port { $port } est dans la plage dynamique : le voir sur des connexions sortantes est normal, mais un service qui l'écoute durablement a été configuré par quelqu'un.
why-threat = { $count ->
    [one] Un logiciel malveillant a utilisé le port { $port } : les outils de sécurité peuvent le signaler ; vérifiez le processus propriétaire avant de vous inquiéter.
   *[other] { $count } familles de logiciels malveillants ont utilisé le port { $port } : les outils de sécurité peuvent le signaler ; vérifiez le processus propriétaire avant de vous inquiéter.
}
why-exposure = Des services sur le port { $port } ont été attaqués lorsqu'ils étaient joignables depuis Internet : gardez-le derrière un pare-feu.
why-unofficial = Des logiciels connus utilisent le port { $port } sans attribution IANA : le registre seul vous induirait en erreur.
why-ephemeral = Certains systèmes attribuent le port { $port } aux connexions sortantes : un trafic bref sur ce port est généralement anodin.
why-quiet = Rien de notable n'est connu pour le port { $port } : si quelque chose l'écoute, seul son processus vous dira quoi.
related-title = Ports liés
rel-same-service = même service
rel-sibling-service = service apparenté
rel-same-threat = aussi utilisé par { $name }
rel-neighbour = voisin
refs-title = Références
ref-checked = vérifié le { $date }
vote-title = Cette page vous a-t-elle été utile ?
vote-unhelpful = Pas utile
vote-neutral = Moyennement utile
vote-helpful = Utile
vote-thanks = Merci pour votre avis.

## Home
home-title = Qu'y a-t-il sur ce port ?
home-intro = Consultez n'importe lequel des 65 536 ports : son attribution IANA, son histoire, les logiciels malveillants qui l'ont utilisé et comment voir ce qui l'écoute.
home-examples = Essayez :
home-stats = { $assigned } ports ont au moins une attribution IANA.
map-title = Carte de l'espace des ports
map-label = Carte des 65 536 ports en 256 blocs de 256 ports
map-legend-density = plus un bloc est foncé, plus il contient de ports attribués
map-legend-threat = bordure : un logiciel malveillant a utilisé un port du bloc
map-legend-blocks = Chaque bloc mène à la liste de ses 256 ports.

## Index
ports-title = Tous les ports
ports-intro = Les 65 536 ports, par pages de 256. Chaque numéro ouvre la page qui commence à ce port.
block-title = Ports { $start }–{ $end }
block-summary = { $assigned ->
    [0] Aucun port de ce bloc n'a d'attribution IANA.
    [one] Un port de ce bloc a une attribution IANA.
   *[other] { $assigned } ports de ce bloc ont une attribution IANA.
} { $threat ->
    [0] {""}
    [one] Un logiciel malveillant a utilisé l'un d'eux.
   *[other] Des logiciels malveillants ont utilisé { $threat } d'entre eux.
}
index-no-assignment = aucune attribution
pager-label = Pages
page-prev = Précédente
page-next = Suivante
page-of = Page { $page } sur { $pages }

## Search
search-title = Recherche
search-title-q = Recherche : { $q }
search-count = { $count ->
    [one] Un résultat pour « { $q } ».
   *[other] { $count } résultats pour « { $q } ».
}
search-none = Rien ne correspond à « { $q } ». Essayez un numéro de port, un nom de service IANA, une organisation ou un nom de logiciel malveillant.
search-go-port = Aller au port { $port }
search-empty = Cherchez par numéro de port, nom de service IANA, organisation, logiciel ou nom de logiciel malveillant.
hit-service = service IANA
hit-threat = menace
hit-unofficial = usage non officiel
hit-note = note

## Recent
recent-title = Modifications récentes du registre de l'IANA
recent-intro = Les enregistrements du registre selon leur dernière date d'enregistrement ou de modification, les plus récents d'abord.
recent-registered = enregistré
recent-modified = modifié

## Errors
err-404-title = Page introuvable
err-400-title = Requête invalide
err-port-range = { $input } n'est pas un port : les numéros de port vont de 0 à 65535.
err-port-form = « { $input } » n'est pas un numéro de port.
err-port-forms = Les pages de ports sont à /{ $lang }/ports/0 jusqu'à /{ $lang }/ports/65535, par exemple /{ $lang }/ports/3147.
err-block = « { $input } » n'est pas une page de l'index.
err-block-forms = Les pages de l'index vont de /{ $lang }/blocks/0 à /{ $lang }/blocks/255.
err-lang = « { $input } » n'est pas une langue de ce site.
err-lang-forms = Langues : { $langs }.
err-query = Les recherches sont limitées à { $max } caractères de texte.
err-query-forms = Essayez une recherche plus courte sur /{ $lang }/search?q=rfio.
err-notfound = Il n'y a pas de page à cette adresse.
err-encoding = Cette adresse n'est pas du texte valide : une fois décodée, elle contient des octets qui ne sont pas de l'UTF-8.
