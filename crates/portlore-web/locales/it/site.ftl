# Messaggi del sito: home, indice, blocchi, ricerca, modifiche recenti, opinioni dei lettori, riferimento dell'API.

nav-feedback = Opinioni dei lettori
map-how = Punta o seleziona un quadrato (256 porte) per intervallo, porte assegnate (IANA n), servizi noti e minacce (⚠); aprilo per l'elenco delle porte.
map-tip = { $start }–{ $end }, assegnate: { $assigned }
map-tip-threat = storia di minacce: { $names }
map-legend-shade = angolo rosso: minacce note hanno usato porte del blocco; più è scuro, più è ampia la parte del blocco
block-assigned = { $assigned ->
    [0] Nessuna porta di questo blocco ha un'assegnazione IANA.
    [one] Una porta di questo blocco ha un'assegnazione IANA.
   *[other] { $assigned } porte di questo blocco hanno un'assegnazione IANA.
}
block-family = { $name } compare nella storia delle minacce di { $ports ->
    [one] una di queste porte.
   *[other] { $ports } di queste porte.
}
block-families-rows = Famiglie di minacce indicate sotto su singole porte: { $count }.
col-transport = Trasporto
col-iana = Servizio IANA
col-usual = Di solito
feedback-title = Opinioni dei lettori
feedback-intro = I voti dei pulsanti «Questa pagina ti è stata utile?». Prima vengono le porte con più voti negativi: sono le pagine da migliorare.
feedback-summary = Voti: { $votes } su { $ports } porte ({ $unhelpful } non utile, { $neutral } abbastanza utile, { $helpful } utile).
feedback-col-votes = Voti
feedback-col-total = Totale
feedback-bar = Porta { $port }: { $unhelpful } non utile, { $neutral } abbastanza utile, { $helpful } utile
feedback-none = Ancora nessun voto.
feedback-unavailable = Le opinioni non sono disponibili su questo server.
feedback-data = Gli stessi dati:
feedback-bad-query = Questo indirizzo chiede qualcosa che la pagina non può mostrare; elenca al massimo { $max } porte.
feedback-refused-rate = Il tuo voto non è stato registrato: dal tuo indirizzo sono arrivati troppi voti in poco tempo. Riprova tra un minuto.
feedback-refused-invalid = Il tuo voto non è stato registrato: il modulo è arrivato incompleto o malformato. Torna alla pagina e scegli di nuovo una faccina.
feedback-refused-cross-site = Il tuo voto non è stato registrato: è stato inviato da un altro sito.
feedback-refused-unavailable = Il tuo voto non è stato registrato: l'archivio delle opinioni al momento non è disponibile. Riprova più tardi.
