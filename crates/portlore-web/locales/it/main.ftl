# Messaggi del sito portlore, italiano.

## Chrome
skip = Vai al contenuto
search-label = Cerca porte, servizi e minacce
search-placeholder = 3147, rfio, MyDoom…
search-button = Cerca
lang-label = Lingua
nav-home = Home
nav-ports = Tutte le porte
nav-recent = Modifiche recenti
footer-text = I dati del registro provengono solo dal registro IANA. Le note redazionali citano le loro fonti. Niente cookie, niente tracciamento.
footer-registry = Registro IANA dei nomi di servizio e dei numeri di porta dei protocolli di trasporto, aggiornato al { $date }.
crumbs-label = Percorso
crumb-ports = Porte

## Port page
title-port = Porta { $port }
title-port-service = Porta { $port } ({ $service })
desc-port = A cosa serve la porta { $port }: assegnazione IANA, storia, minacce e come verificare cosa è in ascolto.
bar-label = Porta { $port } nell'intervallo 0–65535
range-system = Porte di sistema
range-user = Porte registrate
range-dynamic = Porte dinamiche
range-system-text = Le porte di sistema (note) vanno da { $start } a { $end }. Su Linux e sugli altri sistemi di tipo Unix, per impostazione predefinita solo root può mettersi in ascolto su di esse, e la IANA le assegna dopo una revisione dell'IETF.
range-user-text = Le porte utente (registrate) vanno da { $start } a { $end }. Qualsiasi processo può mettersi in ascolto; una registrazione IANA è una rivendicazione, non un obbligo.
range-dynamic-text = Le porte dinamiche e private vanno da { $start } a { $end }. La IANA non le assegna mai; i sistemi vi scelgono le porte in uscita, e qualsiasi cosa può ascoltare qui.
range-ephemeral = Nell'intervallo effimero predefinito di: { $systems }.
badge-system = intervallo di sistema
badge-user = intervallo registrato
badge-dynamic = intervallo dinamico
badge-assigned = IANA: assegnata
badge-reserved = IANA: riservata
badge-unassigned = IANA: non assegnata
badge-other = IANA: elencata senza servizio
badge-no-registry = IANA: registro non caricato
badge-deassigned = assegnazione revocata
badge-threat = storia di minacce
badge-exposure = rischio di esposizione
badge-unofficial = usi non ufficiali
badge-ephemeral = effimera su alcuni sistemi
verdict-no-registry = Questo server non ha una copia del registro IANA, quindi qui l'assegnazione è sconosciuta.
verdict-assigned-by = Registrata presso la IANA da { $org }.
verdict-assigned = Registrata presso la IANA.
verdict-reserved = Riservata dalla IANA: niente dovrebbe usarla.
verdict-dynamic = Nell'intervallo dinamico: la IANA non la assegna mai, e i sistemi la usano per porte client di breve durata.
verdict-unassigned = Non assegnata dalla IANA: ciò che ascolta qui ha scelto il numero da sé.
verdict-retired = Le note indicano { $title } come { $status }.
verdict-threat-port = { $name } ({ $year }) ha usato questa porta.
verdict-threat-range = { $name } ({ $year }) ha usato l'intervallo { $range }.
verdict-exposure = { $service } non deve essere esposto a Internet.
iana-title = Registro IANA
iana-source = Fonte: registro IANA, aggiornato il { $date }
iana-none = Nessun record IANA copre questa porta.
iana-missing = Questo server non ha una copia del registro IANA, quindi le assegnazioni non sono mostrate. Esegui portlore update per installarlo.
iana-any-transport = qualsiasi trasporto
iana-ports = porte { $ports }
iana-unauthorized = Uso non autorizzato segnalato
iana-service-code = Codice di servizio
iana-english = Descrizioni e note sono citate dal registro, in inglese.
col-description = Descrizione
col-assignee = Titolare
col-contact = Contatto
col-registered = Registrata
col-modified = Modificata
col-references = Riferimenti
col-notes = Nota
col-port = Porta
col-service = Servizio
col-status = Stato
col-date = Data
col-change = Modifica
curated-english = Le note qui sotto sono scritte in inglese e non sono ancora tradotte.
history-title = Storia
note-status = Stato: { $status }
note-made-by = creato da { $who }
note-today = Oggi:
status-active = attivo
status-legacy = obsoleto
status-retired = dismesso
status-never-deployed = mai adottato
status-unknown = sconosciuto
security-title = Sicurezza
threat-history-note = Questa è storia: racconta cosa hanno fatto malware e attaccanti con questa porta, non cosa gira su di essa nella tua rete.
threat-line = { $kind }, visto per la prima volta nel { $year }
threat-use = { $role } su { $range } ({ $transports })
kind-worm = worm
kind-trojan = trojan
kind-backdoor = backdoor
kind-rat = trojan di accesso remoto
kind-botnet = botnet
kind-ransomware = ransomware
kind-scanner = scanner
kind-miner = miner di criptovalute
kind-c2-framework = framework C2
kind-exploitation = campagna di sfruttamento
kind-ics-malware = malware ICS
kind-other = altra minaccia
role-listening-backdoor = backdoor in ascolto
role-scanning-target = bersaglio di scansioni
role-c2 = comando e controllo
role-propagation = propagazione
role-exfiltration = furto di dati
role-amplification = attacchi di amplificazione
role-other = altro uso
exposure-title = { $service } non deve essere esposto a Internet
severity-critical = critico
severity-high = rischio alto
severity-medium = rischio medio
exposure-advice = Cosa fare
unofficial-title = Visto anche su questa porta
unofficial-mark = non è un'assegnazione IANA
check-title = Verifica da te
check-intro = Comandi che mostrano cosa è in ascolto sulla porta { $port }:
check-network = Da un'altra macchina
why-title = Perché è importante
why-assigned-system = La porta { $port } è una porta di sistema assegnata dalla IANA: firewall, scanner e persone si aspettano qui quel servizio, quindi qualsiasi altra cosa in ascolto merita un controllo.
why-assigned-user = La porta { $port } è registrata, ma la registrazione non è un obbligo: qualsiasi programma può ascoltare qui, e molti lo fanno.
why-assigned-dormant = La porta { $port } è registrata per un protocollo non più in uso, quindi il traffico che vi si vede oggi è probabilmente altro.
why-reserved = La porta { $port } è riservata: nessun servizio legittimo dovrebbe ascoltare su di essa, quindi un processo in ascolto merita un'indagine.
why-unassigned = La porta { $port } non ha assegnazione IANA: il software che la usa ha scelto il numero da sé, e il registro non dice cosa sia.
why-dynamic = La porta { $port } è nell'intervallo dinamico: vederla su connessioni in uscita è normale, ma un servizio in ascolto duraturo qui è stato configurato da qualcuno.
why-threat = { $count ->
    [one] Un malware ha usato la porta { $port }, quindi gli strumenti di sicurezza possono segnalarla; controlla il processo proprietario prima di preoccuparti.
   *[other] { $count } famiglie di malware hanno usato la porta { $port }, quindi gli strumenti di sicurezza possono segnalarla; controlla il processo proprietario prima di preoccuparti.
}
why-exposure = I servizi sulla porta { $port } sono stati attaccati quando raggiungibili da Internet: tienila dietro un firewall.
why-unofficial = Software noto usa la porta { $port } senza assegnazione IANA, quindi il registro da solo ti trarrà in inganno.
why-ephemeral = Alcuni sistemi operativi assegnano la porta { $port } alle connessioni in uscita, quindi il traffico breve su di essa è di solito innocuo.
why-quiet = Per la porta { $port } non risulta nulla di notevole: se qualcosa ascolta qui, solo il suo processo può dirti cosa sia.
related-title = Porte correlate
rel-same-service = stesso servizio
rel-sibling-service = servizio correlato
rel-same-threat = usata anche da { $name }
rel-neighbour = vicina
refs-title = Riferimenti
ref-checked = verificato il { $date }
vote-title = Questa pagina ti è stata utile?
vote-unhelpful = Non utile
vote-neutral = Abbastanza utile
vote-helpful = Utile
vote-thanks = Grazie per il tuo parere.

## Home
home-title = Cosa c'è su questa porta?
home-intro = Consulta una qualsiasi delle 65.536 porte: l'assegnazione IANA, la storia, i malware che l'hanno usata e come verificare cosa è in ascolto.
home-examples = Prova:
home-stats = { $assigned } porte hanno almeno un'assegnazione IANA.
map-title = Mappa dello spazio delle porte
map-label = Mappa delle 65.536 porte in 256 blocchi da 256 porte
map-legend-density = i blocchi più scuri contengono più porte assegnate
map-legend-threat = con bordo: un malware ha usato una porta del blocco
map-legend-blocks = Ogni blocco porta all'elenco delle sue 256 porte.

## Index
ports-title = Tutte le porte
ports-intro = Le 65.536 porte, in pagine da 256. Ogni numero apre la pagina che inizia da lì.
block-title = Porte { $start }–{ $end }
block-summary = { $assigned ->
    [0] Nessuna porta di questo blocco ha un'assegnazione IANA.
    [one] Una porta di questo blocco ha un'assegnazione IANA.
   *[other] { $assigned } porte di questo blocco hanno un'assegnazione IANA.
} { $threat ->
    [0] {""}
    [one] Un malware ne ha usata una.
   *[other] Dei malware ne hanno usate { $threat }.
}
index-no-assignment = nessuna assegnazione
pager-label = Pagine
page-prev = Precedente
page-next = Successiva
page-of = Pagina { $page } di { $pages }

## Search
search-title = Ricerca
search-title-q = Ricerca: { $q }
search-count = { $count ->
    [one] Un risultato per «{ $q }».
   *[other] { $count } risultati per «{ $q }».
}
search-none = Nessun risultato per «{ $q }». Prova un numero di porta, un nome di servizio IANA, un'organizzazione o il nome di un malware.
search-go-port = Vai alla porta { $port }
search-empty = Cerca per numero di porta, nome di servizio IANA, organizzazione, software o nome di malware.
hit-service = servizio IANA
hit-threat = minaccia
hit-unofficial = uso non ufficiale
hit-note = nota

## Recent
recent-title = Modifiche recenti nel registro IANA
recent-intro = Record del registro ordinati per data di registrazione o modifica più recente, dai più nuovi.
recent-registered = registrata
recent-modified = modificata

## Errors
err-404-title = Pagina non trovata
err-400-title = Richiesta non valida
err-port-range = { $input } non è una porta: i numeri di porta vanno da 0 a 65535.
err-port-form = «{ $input }» non è un numero di porta.
err-port-forms = Le pagine delle porte sono in /{ $lang }/ports/0 fino a /{ $lang }/ports/65535, per esempio /{ $lang }/ports/3147.
err-block = «{ $input }» non è una pagina dell'indice.
err-block-forms = Le pagine dell'indice vanno da /{ $lang }/blocks/0 a /{ $lang }/blocks/255.
err-lang = «{ $input }» non è una delle lingue di questo sito.
err-lang-forms = Lingue: { $langs }.
err-query = Le ricerche sono limitate a { $max } caratteri di testo.
err-query-forms = Prova una ricerca più breve su /{ $lang }/search?q=rfio.
err-notfound = Non c'è nessuna pagina a questo indirizzo.
err-encoding = Questo indirizzo non è testo valido: una volta decodificato contiene byte che non sono UTF-8.
