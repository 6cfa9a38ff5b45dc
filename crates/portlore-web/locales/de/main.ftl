# Meldungen der portlore-Website, Deutsch.

## Chrome
skip = Zum Inhalt springen
search-label = Ports, Dienste und Bedrohungen suchen
search-placeholder = 3147, rfio, MyDoom…
search-button = Suchen
lang-label = Sprache
nav-home = Startseite
nav-ports = Alle Ports
nav-recent = Kürzlich geändert
footer-text = Registerfakten stammen ausschließlich aus dem IANA-Register. Redaktionelle Notizen nennen ihre Quellen. Keine Cookies, kein Tracking.
footer-registry = IANA-Register der Dienstnamen und Transportprotokoll-Portnummern, Stand { $date }.
crumbs-label = Brotkrumen
crumb-ports = Ports

## Port page
title-port = Port { $port }
title-port-service = Port { $port } ({ $service })
desc-port = Wofür Port { $port } da ist: IANA-Zuweisung, Geschichte, Bedrohungen und wie man prüft, was darauf lauscht.
bar-label = Port { $port } im Bereich 0–65535
range-system = System-Ports
range-user = Registrierte Ports
range-dynamic = Dynamische Ports
range-system-text = System-Ports (Well-known Ports) reichen von { $start } bis { $end }. Unter Linux und anderen Unix-artigen Systemen darf standardmäßig nur root auf ihnen lauschen; die IANA vergibt sie nach IETF-Prüfung.
range-user-text = User-Ports (registrierte Ports) reichen von { $start } bis { $end }. Jeder Prozess darf auf ihnen lauschen; eine IANA-Registrierung ist ein Anspruch, keine Durchsetzung.
range-dynamic-text = Dynamische und private Ports reichen von { $start } bis { $end }. Die IANA vergibt sie nie; Betriebssysteme wählen hier ausgehende Ports, und alles darf hier lauschen.
range-ephemeral = Im voreingestellten ephemeren Bereich von: { $systems }.
badge-system = System-Bereich
badge-user = registrierter Bereich
badge-dynamic = dynamischer Bereich
badge-assigned = IANA: zugewiesen
badge-reserved = IANA: reserviert
badge-unassigned = IANA: nicht zugewiesen
badge-other = IANA: ohne Dienst gelistet
badge-no-registry = IANA: Register nicht geladen
badge-deassigned = Zuweisung aufgehoben
badge-threat = bekannte Bedrohungen
badge-exposure = Expositionsrisiko
badge-unofficial = inoffizielle Nutzung
badge-ephemeral = auf manchen Systemen ephemer
verdict-no-registry = Dieser Server hat keine Kopie des IANA-Registers, daher ist die Zuweisung hier unbekannt.
verdict-assigned-by = Bei der IANA registriert von { $org }.
verdict-assigned = Bei der IANA registriert.
verdict-reserved = Von der IANA reserviert: Nichts sollte ihn benutzen.
verdict-dynamic = Im dynamischen Bereich: Die IANA vergibt ihn nie, und Systeme nutzen ihn für kurzlebige Client-Ports.
verdict-unassigned = Nicht von der IANA zugewiesen: Was hier lauscht, hat sich die Nummer selbst ausgesucht.
verdict-retired = Die Notizen führen { $title } als { $status }.
verdict-threat-port = { $name } ({ $year }) nutzte diesen Port.
verdict-threat-range = { $name } ({ $year }) nutzte den Bereich { $range }.
verdict-exposure = { $service } darf nicht aus dem Internet erreichbar sein.
iana-title = IANA-Register
iana-source = Quelle: IANA-Register, Stand { $date }
iana-none = Kein IANA-Eintrag deckt diesen Port ab.
iana-missing = Dieser Server hat keine Kopie des IANA-Registers, daher werden keine Zuweisungen angezeigt. Mit portlore update wird es installiert.
iana-any-transport = jedes Transportprotokoll
iana-ports = Ports { $ports }
iana-unauthorized = Gemeldete unerlaubte Nutzung
iana-service-code = Dienstcode
iana-english = Beschreibungen und Anmerkungen sind auf Englisch aus dem Register zitiert.
col-description = Beschreibung
col-assignee = Inhaber
col-contact = Kontakt
col-registered = Registriert
col-modified = Geändert
col-references = Referenzen
col-notes = Anmerkung
col-port = Port
col-service = Dienst
col-status = Status
col-date = Datum
col-change = Änderung
curated-english = Die folgenden Notizen sind auf Englisch verfasst und noch nicht übersetzt.
history-title = Geschichte
note-status = Status: { $status }
note-made-by = entwickelt von { $who }
note-today = Heute:
status-active = aktiv
status-legacy = veraltet
status-retired = eingestellt
status-never-deployed = nie eingesetzt
status-unknown = unbekannt
security-title = Sicherheit
threat-history-note = Das ist Geschichte: Es beschreibt, was Schadsoftware und Angreifer einmal mit diesem Port taten, nicht was in Ihrem Netz darauf läuft.
threat-line = { $kind }, erstmals { $year } gesehen
threat-use = { $role } auf { $range } ({ $transports })
kind-worm = Wurm
kind-trojan = Trojaner
kind-backdoor = Hintertür
kind-rat = Fernzugriffs-Trojaner
kind-botnet = Botnetz
kind-ransomware = Erpressungstrojaner
kind-scanner = Scanner
kind-miner = Krypto-Miner
kind-c2-framework = C2-Framework
kind-exploitation = Ausnutzungskampagne
kind-ics-malware = ICS-Schadsoftware
kind-other = andere Bedrohung
role-listening-backdoor = lauschende Hintertür
role-scanning-target = Scan-Ziel
role-c2 = Steuerung (C2)
role-propagation = Verbreitung
role-exfiltration = Datendiebstahl
role-amplification = Verstärkungsangriffe
role-other = andere Nutzung
exposure-title = { $service } darf nicht aus dem Internet erreichbar sein
severity-critical = kritisch
severity-high = hohes Risiko
severity-medium = mittleres Risiko
exposure-advice = Was zu tun ist
unofficial-title = Ebenfalls auf diesem Port
unofficial-mark = keine IANA-Zuweisung
check-title = Selbst prüfen
check-intro = Befehle, die zeigen, was auf Port { $port } lauscht:
check-network = Von einem anderen Rechner
why-title = Warum das wichtig ist
why-assigned-system = Port { $port } ist ein System-Port mit IANA-Zuweisung: Firewalls, Scanner und Menschen erwarten hier diesen Dienst, also verdient alles andere, was hier lauscht, einen genauen Blick.
why-assigned-user = Port { $port } ist registriert, aber eine Registrierung wird nicht durchgesetzt: Jedes Programm darf hier lauschen, und viele tun es.
why-assigned-dormant = Port { $port } ist für ein Protokoll registriert, das nicht mehr eingesetzt wird; Verkehr auf ihm ist heute wahrscheinlich etwas anderes.
why-reserved = Port { $port } ist reserviert: Kein legitimer Dienst sollte hier lauschen, also lohnt sich bei einem Listener eine Untersuchung.
why-unassigned = Port { $port } hat keine IANA-Zuweisung: Software, die ihn nutzt, hat die Nummer selbst gewählt, und das Register sagt nicht, was es ist.
why-dynamic = Port { $port } liegt im dynamischen Bereich: Auf ausgehenden Verbindungen ist er normal, aber ein dauerhafter Listener hier wurde von jemandem eingerichtet.
why-threat = { $count ->
    [one] Schadsoftware nutzte einmal Port { $port }, daher schlagen Sicherheitswerkzeuge womöglich an; prüfen Sie den zugehörigen Prozess, bevor Sie sich sorgen.
   *[other] { $count } Schadsoftware-Familien nutzten einmal Port { $port }, daher schlagen Sicherheitswerkzeuge womöglich an; prüfen Sie den zugehörigen Prozess, bevor Sie sich sorgen.
}
why-exposure = Dienste auf Port { $port } wurden angegriffen, wenn sie aus dem Internet erreichbar waren: Halten Sie ihn hinter einer Firewall.
why-unofficial = Bekannte Software nutzt Port { $port } ohne IANA-Zuweisung; das Register allein führt hier in die Irre.
why-ephemeral = Manche Betriebssysteme vergeben Port { $port } für ausgehende Verbindungen; kurzlebiger Verkehr darauf ist meist harmlos.
why-quiet = Zu Port { $port } ist nichts Auffälliges bekannt: Wenn hier etwas lauscht, gibt nur sein Prozess verlässlich Auskunft.
related-title = Verwandte Ports
rel-same-service = gleicher Dienst
rel-sibling-service = verwandter Dienst
rel-same-threat = auch genutzt von { $name }
rel-neighbour = Nachbar
refs-title = Quellen
ref-checked = geprüft am { $date }
vote-title = War diese Seite hilfreich?
vote-unhelpful = Nicht hilfreich
vote-neutral = Teilweise hilfreich
vote-helpful = Hilfreich
vote-thanks = Danke für Ihre Rückmeldung.

## Home
home-title = Was läuft auf diesem Port?
home-intro = Schlagen Sie jeden der 65.536 Ports nach: seine IANA-Zuweisung, seine Geschichte, die Schadsoftware, die ihn nutzte, und wie man prüft, was darauf lauscht.
home-examples = Beispiele:
home-stats = { $assigned } Ports haben mindestens eine IANA-Zuweisung.
map-title = Karte des Portraums
map-label = Karte aller 65.536 Ports in 256 Blöcken zu je 256 Ports
map-legend-density = dunklere Blöcke enthalten mehr zugewiesene Ports
map-legend-threat = umrandet: Schadsoftware nutzte einen Port im Block
map-legend-blocks = Jeder Block verweist auf die Liste seiner 256 Ports.

## Index
ports-title = Alle Ports
ports-intro = Die 65.536 Ports in Seiten zu 256. Jede Zahl öffnet die Seite, die dort beginnt.
block-title = Ports { $start }–{ $end }
block-summary = { $assigned ->
    [0] Kein Port in diesem Block hat eine IANA-Zuweisung.
    [one] Ein Port in diesem Block hat eine IANA-Zuweisung.
   *[other] { $assigned } Ports in diesem Block haben eine IANA-Zuweisung.
} { $threat ->
    [0] {""}
    [one] Schadsoftware nutzte einen davon.
   *[other] Schadsoftware nutzte { $threat } davon.
}
index-no-assignment = keine Zuweisung
pager-label = Seiten
page-prev = Zurück
page-next = Weiter
page-of = Seite { $page } von { $pages }

## Search
search-title = Suche
search-title-q = Suche: { $q }
search-count = { $count ->
    [one] Ein Ergebnis für „{ $q }“.
   *[other] { $count } Ergebnisse für „{ $q }“.
}
search-none = Nichts passt zu „{ $q }“. Versuchen Sie eine Portnummer, einen IANA-Dienstnamen, eine Organisation oder den Namen einer Schadsoftware.
search-go-port = Zu Port { $port }
search-empty = Suchen Sie nach Portnummer, IANA-Dienstname, Organisation, Software oder Schadsoftware.
hit-service = IANA-Dienst
hit-threat = Bedrohung
hit-unofficial = inoffizielle Nutzung
hit-note = Notiz

## Recent
recent-title = Kürzlich im IANA-Register geändert
recent-intro = Registereinträge nach ihrem letzten Registrierungs- oder Änderungsdatum, neueste zuerst.
recent-registered = registriert
recent-modified = geändert

## Errors
err-404-title = Seite nicht gefunden
err-400-title = Ungültige Anfrage
err-port-range = { $input } ist kein Port: Portnummern reichen von 0 bis 65535.
err-port-form = „{ $input }“ ist keine Portnummer.
err-port-forms = Port-Seiten liegen unter /{ $lang }/ports/0 bis /{ $lang }/ports/65535, zum Beispiel /{ $lang }/ports/3147.
err-block = „{ $input }“ ist keine Indexseite.
err-block-forms = Indexseiten reichen von /{ $lang }/blocks/0 bis /{ $lang }/blocks/255.
err-lang = „{ $input }“ ist keine Sprache dieser Website.
err-lang-forms = Sprachen: { $langs }.
err-query = Suchanfragen sind auf { $max } Zeichen Text begrenzt.
err-query-forms = Versuchen Sie eine kürzere Anfrage unter /{ $lang }/search?q=rfio.
err-notfound = Unter dieser Adresse gibt es keine Seite.
err-encoding = Diese Adresse ist kein gültiger Text: Dekodiert enthält sie Bytes, die kein UTF-8 sind.
