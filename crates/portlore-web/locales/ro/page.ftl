# Mesajele paginii unui port (modelul paginii formulat pentru site). Fiecare cheie începe cu pp-.
pp-title-transport = Portul { $port }/{ $transport }
pp-head-usually-iana = { $title } — de obicei { $usual }; IANA: { $service }
pp-head-usually = { $title } — de obicei { $usual }
pp-head-also = și { $names }
pp-list-sep = {", "}
pp-v-port-zero = Portul 0 nu este un port de ascultare: un program care se leagă la 0 cere sistemului orice port liber.
pp-v-usually = De obicei: { $what }.
pp-v-holder = Înregistrat la IANA pe numele { $holder } ca { $service }.
pp-v-holder-anon = Înregistrat la IANA ca { $service }.
pp-v-holder-other = IANA l-a înregistrat pe numele { $holder } pentru { $service }, un alt serviciu.
pp-v-holder-other-anon = IANA l-a înregistrat pentru { $service }, un alt serviciu.
pp-v-reserved = Rezervat de IANA: nimic nu ar trebui să asculte aici.
pp-v-unassigned = Nealocat de IANA: ce ascultă aici și-a ales singur numărul.
pp-v-dynamic = În intervalul dinamic, pe care IANA nu îl alocă niciodată: sistemele aleg aici porturi client de scurtă durată.
pp-v-no-registry = Acest server nu are o copie a registrului IANA, așa că alocarea este necunoscută aici.
pp-v-retired = { $name } este scos din uz.
pp-v-never-deployed = { $name } nu a fost niciodată folosit în practică.
pp-v-legacy = { $name } este un protocol vechi: înlocuit, dar încă întâlnit.
pp-v-threat-port = { $name } a folosit acest port în { $year }.
pp-v-threat-spread = { $name } s-a răspândit prin acest port în { $year }.
pp-v-threat-targeted = { $name } a țintit acest port în { $year }.
pp-v-threat-listened = { $name } asculta pe acest port în { $year }.
pp-v-threat-range = În intervalul { $range } folosit de { $name } în { $year }.
pp-v-threat-others = { $count ->
    [one] L-a mai folosit o amenințare cunoscută.
    [few] L-au mai folosit alte { $count } amenințări cunoscute.
   *[other] L-au mai folosit alte { $count } de amenințări cunoscute.
}
pp-v-exposure = { $service } nu trebuie expus la Internet ({ $severity }).
pp-v-not-that = Traficul de azi pe acest port aproape sigur nu este { $name }.
pp-v-probably-not = Traficul de azi pe acest port probabil nu este { $name }.
pp-badge-exposure = risc de expunere: { $severity }
pp-badge-ephemeral = efemer pe sistemele actuale
pp-role-attack = atacuri asupra altor gazde
pp-todo-title = Ce e de făcut
pp-security-title = Istoric de securitate
pp-left-out = Nu este afișat pentru { $filter }: { $name } privește doar { $transports }.
pp-iana-also = înregistrat și ca { $names }
pp-iana-transport = Transport
pp-iana-long-note = Notă lungă din registru (clic pentru a citi)
pp-os-linux = Linux
pp-os-windows = Windows (Vista și ulterioare)
pp-os-windows-legacy = Windows XP, Server 2003 și anterioare
pp-os-freebsd = FreeBSD
pp-os-macos = macOS
pp-os-solaris = Solaris
pp-os-aix = AIX
pp-os-other = alt sistem
pp-w-port-zero = Portul 0 este un joker, nu un serviciu: leagă-te la 0 și sistemul îți alege un port liber. Traficul care sosește chiar pe portul 0 este malformat sau vine de la o scanare.
pp-w-system = Portul { $port } este un port de sistem: pe Linux și pe alte sisteme de tip Unix doar root poate asculta pe el implicit, iar IANA alocă aceste porturi după evaluarea IETF.
pp-w-user = Portul { $port } este un port înregistrat (utilizator): orice program poate asculta pe el, iar o înregistrare IANA este o revendicare, nu o impunere.
pp-w-dynamic = Portul { $port } este în intervalul dinamic 49152–65535, pe care IANA nu îl alocă niciodată: sistemele aleg de aici porturile de ieșire, și orice poate asculta aici.
pp-w-assigned = Firewall-urile, scanerele și oamenii se așteaptă să găsească aici serviciul înregistrat, așa că orice altceva care ascultă merită o privire.
pp-w-dormant = { $name } are starea „{ $status }”, așa că traficul de azi pe acest port este probabil altceva.
pp-w-reserved = Portul este rezervat: niciun serviciu legitim nu ar trebui să asculte pe el, așa că un program care o face merită investigat.
pp-w-unassigned = Nu are o alocare IANA: programul care îl folosește și-a ales singur numărul, iar registrul nu îți poate spune ce este.
pp-w-no-registry = Fără o copie a registrului IANA, alocarea este necunoscută aici.
pp-w-threat-port = { $count ->
    [one] O amenințare cunoscută a folosit acest port, așa că uneltele de securitate îl pot semnala; verifică procesul care îl deține înainte să te îngrijorezi.
   *[other] { $count } amenințări cunoscute (programe malițioase, unelte de atac, campanii de exploatare) au folosit acest port, așa că uneltele de securitate îl pot semnala; verifică procesul care îl deține înainte să te îngrijorezi.
}
pp-w-threat-range = { $count ->
    [one] O amenințare cunoscută a folosit un interval care conține acest port, așa că uneltele de securitate îl pot semnala; verifică procesul care îl deține înainte să te îngrijorezi.
   *[other] { $count } amenințări cunoscute (programe malițioase, unelte de atac, campanii de exploatare) au folosit acest port sau un interval care îl conține, așa că uneltele de securitate îl pot semnala; verifică procesul care îl deține înainte să te îngrijorezi.
}
pp-w-exposure = Serviciile de pe acest port au fost atacate când erau accesibile din Internet: ține-l în spatele unui firewall.
pp-w-unofficial = Programe cunoscute folosesc acest port fără alocare IANA, așa că doar registrul te va induce în eroare.
pp-w-ephemeral = { $systems } își aleg porturile de ieșire (efemere) dintr-un interval care îl conține pe acesta: o conexiune scurtă care îl folosește este normală; un program care ascultă mult timp pe el nu este.
pp-w-ephemeral-legacy = Doar sisteme vechi ({ $systems }) își alegeau porturile de ieșire dintr-un interval care îl conține pe acesta; pe sistemele actuale, o conexiune pe el nu este un port efemer.
pp-rel-knowledge = aceeași familie
pp-search-none = Nimic nu se potrivește cu „{ $q }”. Încearcă un nume de serviciu IANA, un program, o organizație sau numele unui program malițios.
pp-search-none-js = Nimic nu se potrivește cu „%q%”. Încearcă un nume de serviciu IANA, un program, o organizație sau numele unui program malițios.
pp-search-count-js = Rezultate pentru „%q%”: %n%
pp-threat-line = { $kind }, { $year }
pp-threat-group = { $role } — { $range } ({ $transports })
pp-refs-checked = Linkuri verificate la { $date }.
pp-refs-checked-most = Linkuri verificate la { $date }, dacă nu este indicată altă dată.
