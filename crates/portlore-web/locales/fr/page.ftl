# Messages de la page d'un port (le modèle de page formulé pour le site). Chaque clé commence par pp-.
pp-title-transport = Port { $port }/{ $transport }
pp-head-usually-iana = { $title } — en général { $usual } ; IANA : { $service }
pp-head-usually = { $title } — en général { $usual }
pp-head-also = aussi { $names }
pp-list-sep = {", "}
pp-v-port-zero = Le port 0 n'est pas un port d'écoute : un programme qui se lie au port 0 demande au système n'importe quel port libre.
pp-v-usually = En général : { $what }.
pp-v-holder = Enregistré auprès de l'IANA au nom de { $holder } pour { $service }.
pp-v-holder-anon = Enregistré auprès de l'IANA pour { $service }.
pp-v-holder-other = L'IANA l'a enregistré au nom de { $holder } pour { $service }, un autre service.
pp-v-holder-other-anon = L'IANA l'a enregistré pour { $service }, un autre service.
pp-v-reserved = Réservé par l'IANA : rien ne devrait écouter ici.
pp-v-unassigned = Non attribué par l'IANA : ce qui écoute ici a choisi ce numéro lui-même.
pp-v-dynamic = Dans la plage dynamique, que l'IANA n'attribue jamais : les systèmes y prennent des ports clients de courte durée.
pp-v-no-registry = Ce serveur n'a pas de copie du registre de l'IANA : l'attribution est inconnue ici.
pp-v-retired = { $name } n'est plus utilisé.
pp-v-never-deployed = { $name } n'a jamais été déployé.
pp-v-legacy = { $name } est un protocole ancien : remplacé, mais encore rencontré.
pp-v-threat-port = { $name } a utilisé ce port en { $year }.
pp-v-threat-spread = { $name } s'est propagé par ce port en { $year }.
pp-v-threat-targeted = { $name } a ciblé ce port en { $year }.
pp-v-threat-listened = { $name } écoutait sur ce port en { $year }.
pp-v-threat-range = Dans la plage { $range } utilisée par { $name } en { $year }.
pp-v-threat-others = { $count ->
    [one] Une autre menace connue l'a aussi utilisé.
   *[other] { $count } autres menaces connues l'ont aussi utilisé.
}
pp-v-exposure = { $service } ne doit pas être exposé à Internet ({ $severity }).
pp-v-not-that = Le trafic d'aujourd'hui sur ce port n'est presque certainement pas { $name }.
pp-v-probably-not = Le trafic d'aujourd'hui sur ce port n'est probablement pas { $name }.
pp-badge-exposure = risque d'exposition : { $severity }
pp-badge-ephemeral = éphémère sur les systèmes actuels
pp-role-attack = attaques contre d'autres hôtes
pp-todo-title = Que faire
pp-security-title = Historique de sécurité
pp-left-out = Non affiché pour { $filter } : { $name } ne concerne que { $transports }.
pp-iana-also = aussi enregistré sous { $names }
pp-iana-transport = Transport
pp-iana-long-note = Longue note du registre (cliquer pour lire)
pp-os-linux = Linux
pp-os-windows = Windows (Vista et suivants)
pp-os-windows-legacy = Windows XP, Server 2003 et antérieurs
pp-os-freebsd = FreeBSD
pp-os-macos = macOS
pp-os-solaris = Solaris
pp-os-aix = AIX
pp-os-other = un autre système
pp-w-port-zero = Le port 0 est un joker, pas un service : liez-vous au port 0 et le système choisit un port libre pour vous. Du trafic qui arrive vraiment sur le port 0 est malformé ou provient d'un balayage.
pp-w-system = Le port { $port } est un port système : sous Linux et les autres systèmes de type Unix, seul root peut l'écouter par défaut, et l'IANA attribue ces ports après examen par l'IETF.
pp-w-user = Le port { $port } est un port enregistré (utilisateur) : n'importe quel programme peut l'écouter, et un enregistrement IANA est une revendication, pas une garantie.
pp-w-dynamic = Le port { $port } est dans la plage dynamique 49152–65535, que l'IANA n'attribue jamais : les systèmes y prennent leurs ports sortants, et n'importe quoi peut y écouter.
pp-w-assigned = Les pare-feu, les scanners et les personnes s'attendent à trouver ici le service enregistré : tout autre programme qui écoute mérite un examen.
pp-w-dormant = { $name } a le statut « { $status } » : le trafic sur ce port aujourd'hui est probablement autre chose.
pp-w-reserved = Le port est réservé : aucun service légitime ne devrait l'écouter, un programme qui l'écoute mérite donc une enquête.
pp-w-unassigned = Il n'a pas d'attribution IANA : le logiciel qui l'utilise a choisi ce numéro lui-même, et le registre ne peut pas dire de quoi il s'agit.
pp-w-no-registry = Sans copie du registre de l'IANA, l'attribution est inconnue ici.
pp-w-threat-port = { $count ->
    [one] Une menace connue a utilisé ce port : les outils de sécurité peuvent le signaler ; vérifiez le processus propriétaire avant de vous inquiéter.
   *[other] { $count } menaces connues (logiciels malveillants, outils d'attaque, campagnes d'exploitation) ont utilisé ce port : les outils de sécurité peuvent le signaler ; vérifiez le processus propriétaire avant de vous inquiéter.
}
pp-w-threat-range = { $count ->
    [one] Une menace connue a utilisé une plage qui contient ce port : les outils de sécurité peuvent le signaler ; vérifiez le processus propriétaire avant de vous inquiéter.
   *[other] { $count } menaces connues (logiciels malveillants, outils d'attaque, campagnes d'exploitation) ont utilisé ce port ou une plage qui le contient : les outils de sécurité peuvent le signaler ; vérifiez le processus propriétaire avant de vous inquiéter.
}
pp-w-exposure = Les services sur ce port ont été attaqués lorsqu'ils étaient joignables depuis Internet : gardez-le derrière un pare-feu.
pp-w-unofficial = Des logiciels connus utilisent ce port sans attribution IANA : le registre seul vous induira en erreur.
pp-w-ephemeral = { $systems } prennent leurs ports sortants (éphémères) dans une plage qui contient celui-ci : une connexion brève qui l'utilise est normale, un programme qui l'écoute longtemps ne l'est pas.
pp-w-ephemeral-legacy = Seuls d'anciens systèmes ({ $systems }) prenaient leurs ports sortants dans une plage qui contient celui-ci ; sur les systèmes actuels, une connexion sur ce port n'est pas un port éphémère.
pp-rel-knowledge = même famille
pp-search-none = Rien ne correspond à « { $q } ». Essayez un nom de service IANA, un programme, une organisation ou un nom de logiciel malveillant.
pp-search-none-js = Rien ne correspond à « %q% ». Essayez un nom de service IANA, un programme, une organisation ou un nom de logiciel malveillant.
pp-search-count-js = Résultats pour « %q% » : %n%
pp-threat-line = { $kind }, { $year }
pp-threat-group = { $role } — { $range } ({ $transports })
pp-refs-checked = Liens vérifiés le { $date }.
pp-refs-checked-most = Liens vérifiés le { $date }, sauf autre date indiquée.
