# Meldungen der Port-Seite (das Seitenmodell, für die Website formuliert). Jeder Schlüssel beginnt mit pp-.
pp-title-transport = Port { $port }/{ $transport }
pp-head-usually-iana = { $title } — meist { $usual }; IANA: { $service }
pp-head-usually = { $title } — meist { $usual }
pp-head-also = auch { $names }
pp-list-sep = {", "}
pp-v-port-zero = Port 0 ist kein Port zum Lauschen: Ein Programm, das sich an Port 0 bindet, bittet das System um irgendeinen freien Port.
pp-v-usually = Meist: { $what }.
pp-v-holder = Bei der IANA für { $holder } als { $service } registriert.
pp-v-holder-anon = Bei der IANA als { $service } registriert.
pp-v-holder-other = Die IANA hat ihn für { $holder } als { $service } registriert, einen anderen Dienst.
pp-v-holder-other-anon = Die IANA hat ihn als { $service } registriert, einen anderen Dienst.
pp-v-reserved = Von der IANA reserviert: Hier sollte nichts lauschen.
pp-v-unassigned = Nicht von der IANA vergeben: Was hier lauscht, hat die Nummer selbst gewählt.
pp-v-dynamic = Im dynamischen Bereich, den die IANA nie vergibt: Systeme wählen hier kurzlebige Client-Ports.
pp-v-no-registry = Dieser Server hat keine Kopie des IANA-Registers, daher ist die Vergabe hier unbekannt.
pp-v-retired = { $name } ist außer Gebrauch.
pp-v-never-deployed = { $name } wurde nie eingesetzt.
pp-v-legacy = { $name } ist ein Altprotokoll: abgelöst, aber noch anzutreffen.
pp-v-threat-port = { $name } hat diesen Port { $year } benutzt.
pp-v-threat-spread = { $name } hat sich { $year } über diesen Port verbreitet.
pp-v-threat-targeted = { $name } hat { $year } diesen Port angegriffen.
pp-v-threat-listened = { $name } hat { $year } auf diesem Port gelauscht.
pp-v-threat-range = Im Bereich { $range }, den { $name } { $year } benutzt hat.
pp-v-threat-others = { $count ->
    [one] Eine weitere bekannte Bedrohung hat ihn ebenfalls benutzt.
   *[other] { $count } weitere bekannte Bedrohungen haben ihn ebenfalls benutzt.
}
pp-v-exposure = { $service } darf nicht aus dem Internet erreichbar sein ({ $severity }).
pp-v-not-that = Verkehr auf diesem Port ist heute fast sicher nicht { $name }.
pp-v-probably-not = Verkehr auf diesem Port ist heute wahrscheinlich nicht { $name }.
pp-badge-exposure = Expositionsrisiko: { $severity }
pp-badge-ephemeral = flüchtig auf aktuellen Systemen
pp-role-attack = Angriffe auf andere Hosts
pp-todo-title = Was tun
pp-security-title = Sicherheitsgeschichte
pp-left-out = Für { $filter } nicht angezeigt: { $name } betrifft nur { $transports }.
pp-iana-also = auch registriert als { $names }
pp-iana-transport = Transport
pp-iana-long-note = Lange Registernotiz (zum Lesen anklicken)
pp-os-linux = Linux
pp-os-windows = Windows (ab Vista)
pp-os-windows-legacy = Windows XP, Server 2003 und älter
pp-os-freebsd = FreeBSD
pp-os-macos = macOS
pp-os-solaris = Solaris
pp-os-aix = AIX
pp-os-other = ein anderes System
pp-w-port-zero = Port 0 ist ein Platzhalter, kein Dienst: Wer sich an Port 0 bindet, bekommt vom System einen freien Port. Verkehr, der wirklich auf Port 0 ankommt, ist fehlerhaft oder stammt von einem Scan.
pp-w-system = Port { $port } ist ein System-Port: Unter Linux und anderen Unix-artigen Systemen darf standardmäßig nur root auf ihm lauschen, und die IANA vergibt diese Ports nach Prüfung durch die IETF.
pp-w-user = Port { $port } ist ein registrierter (User-)Port: Jedes Programm darf auf ihm lauschen, und eine IANA-Registrierung ist ein Anspruch, keine Durchsetzung.
pp-w-dynamic = Port { $port } liegt im dynamischen Bereich 49152–65535, den die IANA nie vergibt: Systeme wählen dort ausgehende Ports, und alles darf dort lauschen.
pp-w-assigned = Firewalls, Scanner und Menschen erwarten hier den registrierten Dienst; alles andere, was hier lauscht, verdient einen Blick.
pp-w-dormant = { $name } hat den Status „{ $status }“, daher ist Verkehr auf diesem Port heute wahrscheinlich etwas anderes.
pp-w-reserved = Der Port ist reserviert: Kein legitimer Dienst sollte auf ihm lauschen, ein Programm, das es tut, ist also eine Untersuchung wert.
pp-w-unassigned = Er hat keine IANA-Vergabe: Software, die ihn nutzt, hat die Nummer selbst gewählt, und das Register kann nicht sagen, was es ist.
pp-w-no-registry = Ohne Kopie des IANA-Registers ist die Vergabe hier unbekannt.
pp-w-threat-port = { $count ->
    [one] Eine bekannte Bedrohung hat diesen Port einmal benutzt, Sicherheitswerkzeuge können ihn daher melden; prüfen Sie den zugehörigen Prozess, bevor Sie sich sorgen.
   *[other] { $count } bekannte Bedrohungen (Schadsoftware, Angriffswerkzeuge, Ausnutzungskampagnen) haben diesen Port einmal benutzt, Sicherheitswerkzeuge können ihn daher melden; prüfen Sie den zugehörigen Prozess, bevor Sie sich sorgen.
}
pp-w-threat-range = { $count ->
    [one] Eine bekannte Bedrohung hat einmal einen Bereich benutzt, der diesen Port enthält, Sicherheitswerkzeuge können ihn daher melden; prüfen Sie den zugehörigen Prozess, bevor Sie sich sorgen.
   *[other] { $count } bekannte Bedrohungen (Schadsoftware, Angriffswerkzeuge, Ausnutzungskampagnen) haben diesen Port oder einen Bereich mit ihm benutzt, Sicherheitswerkzeuge können ihn daher melden; prüfen Sie den zugehörigen Prozess, bevor Sie sich sorgen.
}
pp-w-exposure = Dienste auf diesem Port wurden angegriffen, wenn sie aus dem Internet erreichbar waren: Halten Sie ihn hinter einer Firewall.
pp-w-unofficial = Bekannte Software nutzt diesen Port ohne IANA-Vergabe, das Register allein führt Sie also in die Irre.
pp-w-ephemeral = { $systems } wählen ausgehende (flüchtige) Ports aus einem Bereich, der diesen enthält: Eine kurze Verbindung über ihn ist normal, ein dauerhaft lauschendes Programm nicht.
pp-w-ephemeral-legacy = Nur alte Systeme ({ $systems }) wählten ausgehende Ports aus einem Bereich, der diesen enthält; auf aktuellen Systemen ist eine Verbindung über ihn kein flüchtiger Port.
pp-rel-knowledge = gleiche Familie
pp-search-none = Nichts passt zu „{ $q }“. Versuchen Sie einen IANA-Dienstnamen, ein Programm, eine Organisation oder einen Schadsoftware-Namen.
pp-search-none-js = Nichts passt zu „%q%“. Versuchen Sie einen IANA-Dienstnamen, ein Programm, eine Organisation oder einen Schadsoftware-Namen.
pp-search-count-js = Ergebnisse für „%q%“: %n%
pp-threat-line = { $kind }, { $year }
pp-threat-group = { $role } — { $range } ({ $transports })
pp-refs-checked = Links geprüft am { $date }.
pp-refs-checked-most = Links geprüft am { $date }, sofern kein anderes Datum steht.
