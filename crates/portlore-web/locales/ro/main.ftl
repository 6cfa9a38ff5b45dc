# Mesajele site-ului portlore, română.

## Chrome
skip = Salt la conținut
search-label = Căutați porturi, servicii și amenințări
search-placeholder = 3147, rfio, MyDoom…
search-button = Caută
lang-label = Limbă
nav-home = Acasă
nav-ports = Toate porturile
nav-recent = Modificări recente
footer-text = Datele registrului provin doar din registrul IANA. Notele redactate își citează sursele. Fără cookie-uri, fără urmărire.
footer-registry = Registrul IANA al numelor de servicii și numerelor de port ale protocoalelor de transport, actualizat la { $date }.
crumbs-label = Navigare
crumb-ports = Porturi

## Port page
title-port = Portul { $port }
title-port-service = Portul { $port } ({ $service })
desc-port = La ce folosește portul { $port }: atribuirea IANA, istoria, amenințările și cum verificați ce ascultă pe el.
bar-label = Portul { $port } în intervalul 0–65535
range-system = Porturi de sistem
range-user = Porturi înregistrate
range-dynamic = Porturi dinamice
range-system-text = Porturile de sistem (bine cunoscute) merg de la { $start } la { $end }. Pe Linux și pe alte sisteme de tip Unix doar root poate asculta pe ele în mod implicit, iar IANA le atribuie după o evaluare IETF.
range-user-text = Porturile de utilizator (înregistrate) merg de la { $start } la { $end }. Orice proces poate asculta pe ele; o înregistrare IANA este o revendicare, nu o garanție.
range-dynamic-text = Porturile dinamice și private merg de la { $start } la { $end }. IANA nu le atribuie niciodată; sistemele își aleg de aici porturile de ieșire, și orice poate asculta aici.
range-ephemeral = În intervalul efemer implicit al: { $systems }.
badge-system = interval de sistem
badge-user = interval înregistrat
badge-dynamic = interval dinamic
badge-assigned = IANA: atribuit
badge-reserved = IANA: rezervat
badge-unassigned = IANA: neatribuit
badge-other = IANA: listat fără serviciu
badge-no-registry = IANA: registru neîncărcat
badge-deassigned = atribuire retrasă
badge-threat = istoric de amenințări
badge-exposure = risc de expunere
badge-unofficial = utilizări neoficiale
badge-ephemeral = efemer pe unele sisteme
verdict-no-registry = Acest server nu are o copie a registrului IANA, deci atribuirea nu este cunoscută aici.
verdict-assigned-by = Înregistrat la IANA de { $org }.
verdict-assigned = Înregistrat la IANA.
verdict-reserved = Rezervat de IANA: nimic nu ar trebui să-l folosească.
verdict-dynamic = În intervalul dinamic: IANA nu îl atribuie niciodată, iar sistemele îl folosesc pentru porturi de client de scurtă durată.
verdict-unassigned = Neatribuit de IANA: ce ascultă aici și-a ales singur numărul.
verdict-retired = Notele marchează { $title } ca { $status }.
verdict-threat-port = { $name } ({ $year }) a folosit acest port.
verdict-threat-range = { $name } ({ $year }) a folosit intervalul { $range }.
verdict-exposure = { $service } nu trebuie expus la internet.
iana-title = Registrul IANA
iana-source = Sursa: registrul IANA, actualizat la { $date }
iana-none = Nicio înregistrare IANA nu acoperă acest port.
iana-missing = Acest server nu are o copie a registrului IANA, deci atribuirile nu sunt afișate. Rulați portlore update pentru a-l instala.
iana-any-transport = orice transport
iana-ports = porturile { $ports }
iana-unauthorized = Utilizare neautorizată raportată
iana-service-code = Cod de serviciu
iana-english = Descrierile și notele sunt citate din registru, în engleză.
col-description = Descriere
col-assignee = Titular
col-contact = Contact
col-registered = Înregistrat
col-modified = Modificat
col-references = Referințe
col-notes = Notă
col-port = Port
col-service = Serviciu
col-status = Stare
col-date = Dată
col-change = Modificare
curated-english = Notele de mai jos sunt scrise în engleză și nu sunt încă traduse.
history-title = Istorie
note-status = Stare: { $status }
note-made-by = creat de { $who }
note-today = Astăzi:
status-active = activ
status-legacy = învechit
status-retired = retras
status-never-deployed = niciodată folosit
status-unknown = necunoscut
security-title = Securitate
threat-history-note = Aceasta este istorie: spune ce au făcut odată programele malițioase și atacatorii cu acest port, nu ce rulează pe el în rețeaua dumneavoastră.
threat-line = { $kind }, apărut în { $year }
threat-use = { $role } pe { $range } ({ $transports })
kind-worm = vierme
kind-trojan = troian
kind-backdoor = ușă din spate
kind-rat = troian de acces la distanță
kind-botnet = botnet
kind-ransomware = ransomware
kind-scanner = scaner
kind-miner = miner de criptomonede
kind-c2-framework = framework C2
kind-exploitation = campanie de exploatare
kind-ics-malware = malware ICS
kind-other = altă amenințare
role-listening-backdoor = ușă din spate în ascultare
role-scanning-target = țintă de scanare
role-c2 = comandă și control
role-propagation = răspândire
role-exfiltration = furt de date
role-amplification = atacuri de amplificare
role-other = altă utilizare
exposure-title = { $service } nu trebuie expus la internet
severity-critical = critic
severity-high = risc ridicat
severity-medium = risc mediu
exposure-advice = Ce este de făcut
unofficial-title = Văzut și pe acest port
unofficial-mark = nu este o atribuire IANA
check-title = Verificați singur
check-intro = Comenzi care arată ce ascultă pe portul { $port }:
check-network = De pe altă mașină
why-title = De ce contează
why-assigned-system = Portul { $port } este un port de sistem atribuit de IANA: firewall-urile, scanerele și oamenii se așteaptă să găsească aici acel serviciu, deci orice altceva care ascultă merită verificat.
why-assigned-user = Portul { $port } este înregistrat, dar înregistrarea nu este impusă: orice program poate asculta aici, și multe o fac.
why-assigned-dormant = Portul { $port } este înregistrat pentru un protocol care nu mai este folosit, deci traficul de azi pe el este probabil altceva.
why-reserved = Portul { $port } este rezervat: niciun serviciu legitim nu ar trebui să asculte pe el, deci un proces în ascultare merită investigat.
why-unassigned = Portul { $port } nu are atribuire IANA: software-ul care îl folosește și-a ales singur numărul, iar registrul nu spune ce este.
why-dynamic = Portul { $port } este în intervalul dinamic: pe conexiuni de ieșire este normal, dar un serviciu care ascultă aici în mod durabil a fost configurat de cineva.
why-threat = { $count ->
    [one] Un malware a folosit portul { $port }, deci instrumentele de securitate îl pot semnala; verificați procesul care îl deține înainte să vă îngrijorați.
    [few] { $count } familii de malware au folosit portul { $port }, deci instrumentele de securitate îl pot semnala; verificați procesul care îl deține înainte să vă îngrijorați.
   *[other] { $count } de familii de malware au folosit portul { $port }, deci instrumentele de securitate îl pot semnala; verificați procesul care îl deține înainte să vă îngrijorați.
}
why-exposure = Serviciile de pe portul { $port } au fost atacate când erau accesibile din internet: țineți-l în spatele unui firewall.
why-unofficial = Programe cunoscute folosesc portul { $port } fără atribuire IANA, deci registrul singur vă va induce în eroare.
why-ephemeral = Unele sisteme de operare atribuie portul { $port } conexiunilor de ieșire, deci traficul scurt pe el este de obicei inofensiv.
why-quiet = Nu este înregistrat nimic notabil pentru portul { $port }: dacă ceva ascultă aici, doar procesul său vă poate spune sigur ce este.
related-title = Porturi înrudite
rel-same-service = același serviciu
rel-sibling-service = serviciu înrudit
rel-same-threat = folosit și de { $name }
rel-neighbour = vecin
refs-title = Referințe
ref-checked = verificat la { $date }
vote-title = A fost utilă această pagină?
vote-unhelpful = Nu a fost utilă
vote-neutral = Oarecum utilă
vote-helpful = Utilă
vote-thanks = Vă mulțumim pentru părere.

## Home
home-title = Ce este pe acest port?
home-intro = Căutați oricare dintre cele 65.536 de porturi: atribuirea IANA, istoria, malware-ul care l-a folosit și cum verificați ce ascultă pe el.
home-examples = Încercați:
home-stats = { $assigned } de porturi au cel puțin o atribuire IANA.
map-title = Harta spațiului de porturi
map-label = Harta tuturor celor 65.536 de porturi în 256 de blocuri a câte 256
map-legend-density = blocurile mai închise conțin mai multe porturi atribuite
map-legend-threat = conturat: un malware a folosit un port din bloc
map-legend-blocks = Fiecare bloc duce la lista celor 256 de porturi ale sale.

## Index
ports-title = Toate porturile
ports-intro = Cele 65.536 de porturi, în pagini de câte 256. Fiecare număr deschide pagina care începe acolo.
block-title = Porturile { $start }–{ $end }
block-summary = { $assigned ->
    [0] Niciun port din acest bloc nu are atribuire IANA.
    [one] Un port din acest bloc are atribuire IANA.
    [few] { $assigned } porturi din acest bloc au atribuire IANA.
   *[other] { $assigned } de porturi din acest bloc au atribuire IANA.
} { $threat ->
    [0] {""}
    [one] Un malware a folosit unul dintre ele.
   *[other] Malware a folosit { $threat } dintre ele.
}
index-no-assignment = fără atribuire
pager-label = Pagini
page-prev = Înapoi
page-next = Înainte
page-of = Pagina { $page } din { $pages }

## Search
search-title = Căutare
search-title-q = Căutare: { $q }
search-count = { $count ->
    [one] Un rezultat pentru „{ $q }”.
    [few] { $count } rezultate pentru „{ $q }”.
   *[other] { $count } de rezultate pentru „{ $q }”.
}
search-none = Nimic nu se potrivește cu „{ $q }”. Încercați un număr de port, un nume de serviciu IANA, o organizație sau numele unui malware.
search-go-port = Mergi la portul { $port }
search-empty = Căutați după număr de port, nume de serviciu IANA, organizație, program sau nume de malware.
hit-service = serviciu IANA
hit-threat = amenințare
hit-unofficial = utilizare neoficială
hit-note = notă

## Recent
recent-title = Modificări recente în registrul IANA
recent-intro = Înregistrările registrului după cea mai recentă dată de înregistrare sau modificare, cele mai noi întâi.
recent-registered = înregistrat
recent-modified = modificat

## Errors
err-404-title = Pagina nu a fost găsită
err-400-title = Cerere greșită
err-port-range = { $input } nu este un port: numerele de port merg de la 0 la 65535.
err-port-form = „{ $input }” nu este un număr de port.
err-port-forms = Paginile porturilor sunt la /{ $lang }/ports/0 până la /{ $lang }/ports/65535, de exemplu /{ $lang }/ports/3147.
err-block = „{ $input }” nu este o pagină a indexului.
err-block-forms = Paginile indexului merg de la /{ $lang }/blocks/0 la /{ $lang }/blocks/255.
err-lang = „{ $input }” nu este una dintre limbile acestui site.
err-lang-forms = Limbi: { $langs }.
err-query = Căutările sunt limitate la { $max } de caractere de text.
err-query-forms = Încercați o căutare mai scurtă la /{ $lang }/search?q=rfio.
err-notfound = Nu există nicio pagină la această adresă.
err-encoding = Această adresă nu este text valid: după decodare conține octeți care nu sunt UTF-8.
