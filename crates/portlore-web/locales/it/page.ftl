# Messaggi della pagina di una porta (il modello di pagina formulato per il sito). Ogni chiave inizia con pp-.
pp-title-transport = Porta { $port }/{ $transport }
pp-head-usually-iana = { $title } — di solito { $usual }; IANA: { $service }
pp-head-usually = { $title } — di solito { $usual }
pp-head-also = anche { $names }
pp-list-sep = {", "}
pp-v-port-zero = La porta 0 non è una porta di ascolto: un programma che si lega alla porta 0 chiede al sistema una qualsiasi porta libera.
pp-v-usually = Di solito: { $what }.
pp-v-holder = Registrata presso la IANA a nome di { $holder } come { $service }.
pp-v-holder-anon = Registrata presso la IANA come { $service }.
pp-v-holder-other = La IANA l'ha registrata a nome di { $holder } per { $service }, un altro servizio.
pp-v-holder-other-anon = La IANA l'ha registrata per { $service }, un altro servizio.
pp-v-reserved = Riservata dalla IANA: qui non dovrebbe ascoltare nulla.
pp-v-unassigned = Non assegnata dalla IANA: ciò che ascolta qui ha scelto il numero da sé.
pp-v-dynamic = Nell'intervallo dinamico, che la IANA non assegna mai: i sistemi vi scelgono porte client di breve durata.
pp-v-no-registry = Questo server non ha una copia del registro IANA, quindi qui l'assegnazione è sconosciuta.
pp-v-retired = { $name } è dismesso.
pp-v-never-deployed = { $name } non è mai stato adottato.
pp-v-legacy = { $name } è un protocollo obsoleto: sostituito, ma ancora presente.
pp-v-threat-port = { $name } ha usato questa porta nel { $year }.
pp-v-threat-spread = { $name } si è diffuso attraverso questa porta nel { $year }.
pp-v-threat-targeted = { $name } ha preso di mira questa porta nel { $year }.
pp-v-threat-listened = { $name } era in ascolto su questa porta nel { $year }.
pp-v-threat-range = Nell'intervallo { $range } usato da { $name } nel { $year }.
pp-v-threat-others = { $count ->
    [one] Anche un'altra minaccia nota l'ha usata.
   *[other] Anche altre { $count } minacce note l'hanno usata.
}
pp-v-exposure = { $service } non deve essere esposto a Internet ({ $severity }).
pp-v-not-that = Il traffico di oggi su questa porta quasi certamente non è { $name }.
pp-v-probably-not = Il traffico di oggi su questa porta probabilmente non è { $name }.
pp-badge-exposure = rischio di esposizione: { $severity }
pp-badge-ephemeral = effimera sui sistemi attuali
pp-role-attack = attacchi ad altri host
pp-todo-title = Cosa fare
pp-security-title = Storia della sicurezza
pp-left-out = Non mostrato per { $filter }: { $name } riguarda solo { $transports }.
pp-iana-also = registrata anche come { $names }
pp-iana-transport = Trasporto
pp-iana-long-note = Nota lunga del registro (clicca per leggere)
pp-os-linux = Linux
pp-os-windows = Windows (Vista e successivi)
pp-os-windows-legacy = Windows XP, Server 2003 e precedenti
pp-os-freebsd = FreeBSD
pp-os-macos = macOS
pp-os-solaris = Solaris
pp-os-aix = AIX
pp-os-other = un altro sistema
pp-w-port-zero = La porta 0 è un jolly, non un servizio: legati alla porta 0 e il sistema sceglie per te una porta libera. Il traffico che arriva davvero sulla porta 0 è malformato o viene da una scansione.
pp-w-system = La porta { $port } è una porta di sistema: su Linux e sugli altri sistemi di tipo Unix solo root può ascoltarvi per impostazione predefinita, e la IANA assegna queste porte dopo una revisione dell'IETF.
pp-w-user = La porta { $port } è una porta registrata (utente): qualsiasi programma può ascoltarvi, e una registrazione IANA è una rivendicazione, non un obbligo.
pp-w-dynamic = La porta { $port } è nell'intervallo dinamico 49152–65535, che la IANA non assegna mai: i sistemi vi scelgono le porte in uscita, e chiunque può ascoltarvi.
pp-w-assigned = Firewall, scanner e persone si aspettano qui il servizio registrato, quindi qualsiasi altra cosa in ascolto merita un'occhiata.
pp-w-dormant = { $name } ha lo stato «{ $status }», quindi il traffico di oggi su questa porta è probabilmente altro.
pp-w-reserved = La porta è riservata: nessun servizio legittimo dovrebbe ascoltarvi, quindi un programma che lo fa merita un'indagine.
pp-w-unassigned = Non ha un'assegnazione IANA: il software che la usa ha scelto il numero da sé, e il registro non può dire di cosa si tratta.
pp-w-no-registry = Senza una copia del registro IANA, qui l'assegnazione è sconosciuta.
pp-w-threat-port = { $count ->
    [one] Una minaccia nota ha usato questa porta, quindi gli strumenti di sicurezza possono segnalarla; controlla il processo proprietario prima di preoccuparti.
   *[other] { $count } minacce note (malware, strumenti di attacco, campagne di sfruttamento) hanno usato questa porta, quindi gli strumenti di sicurezza possono segnalarla; controlla il processo proprietario prima di preoccuparti.
}
pp-w-threat-range = { $count ->
    [one] Una minaccia nota ha usato un intervallo che contiene questa porta, quindi gli strumenti di sicurezza possono segnalarla; controlla il processo proprietario prima di preoccuparti.
   *[other] { $count } minacce note (malware, strumenti di attacco, campagne di sfruttamento) hanno usato questa porta o un intervallo che la contiene, quindi gli strumenti di sicurezza possono segnalarla; controlla il processo proprietario prima di preoccuparti.
}
pp-w-exposure = I servizi su questa porta sono stati attaccati quando erano raggiungibili da Internet: tienila dietro un firewall.
pp-w-unofficial = Software noto usa questa porta senza assegnazione IANA, quindi il solo registro ti trarrà in inganno.
pp-w-ephemeral = { $systems } scelgono le porte in uscita (effimere) da un intervallo che contiene questa: una connessione breve che la usa è normale; un programma in ascolto a lungo no.
pp-w-ephemeral-legacy = Solo sistemi vecchi ({ $systems }) sceglievano le porte in uscita da un intervallo che contiene questa; sui sistemi attuali una connessione su di essa non è una porta effimera.
pp-rel-knowledge = stessa famiglia
pp-search-none = Nessun risultato per «{ $q }». Prova un nome di servizio IANA, un programma, un'organizzazione o il nome di un malware.
pp-search-none-js = Nessun risultato per «%q%». Prova un nome di servizio IANA, un programma, un'organizzazione o il nome di un malware.
pp-search-count-js = Risultati per «%q%»: %n%
pp-threat-line = { $kind }, { $year }
pp-threat-group = { $role } — { $range } ({ $transports })
pp-refs-checked = Link verificati il { $date }.
pp-refs-checked-most = Link verificati il { $date }, salvo diversa data indicata.
