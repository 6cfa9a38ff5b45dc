# Mesajele site-ului: pagina principală, index, blocuri, căutare, modificări recente, părerile cititorilor, referința API.

nav-feedback = Părerile cititorilor
map-how = Indicați sau focalizați un pătrat (256 de porturi) pentru interval, porturi atribuite (IANA n), servicii cunoscute și amenințări (⚠); deschideți-l pentru lista porturilor.
map-tip = { $start }–{ $end }, atribuite: { $assigned }
map-tip-threat = istoric de amenințări: { $names }
map-legend-shade = colț roșu: amenințări cunoscute au folosit porturi din bloc; cu cât e mai închis, cu atât partea din bloc e mai mare
block-assigned = Porturi din acest bloc cu atribuire IANA: { $assigned }.
block-family = { $name } apare în istoricul amenințărilor pentru porturi din acest bloc: { $ports }.
block-families-rows = Familii de amenințări numite mai jos la porturi individuale: { $count }.
col-transport = Transport
col-iana = Serviciu IANA
col-usual = De obicei
feedback-title = Părerile cititorilor
feedback-intro = Voturile de la butoanele „A fost utilă această pagină?”. Primele sunt porturile cu cele mai multe voturi negative: acestea sunt paginile de îmbunătățit.
feedback-summary = Voturi: { $votes } pentru { $ports } porturi ({ $unhelpful } nu a fost utilă, { $neutral } oarecum utilă, { $helpful } utilă).
feedback-col-votes = Voturi
feedback-col-total = Total
feedback-bar = Portul { $port }: { $unhelpful } nu a fost utilă, { $neutral } oarecum utilă, { $helpful } utilă
feedback-none = Încă nu există voturi.
feedback-unavailable = Părerile nu sunt disponibile pe acest server.
feedback-data = Aceleași date:
feedback-bad-query = Această adresă cere ceva ce pagina nu poate afișa; pagina listează cel mult { $max } porturi.
feedback-refused-rate = Votul dumneavoastră nu a fost înregistrat: de la adresa dumneavoastră au venit prea multe voturi într-un timp scurt. Încercați din nou peste un minut.
feedback-refused-invalid = Votul dumneavoastră nu a fost înregistrat: formularul a sosit incomplet sau greșit. Reveniți la pagină și alegeți din nou o față.
feedback-refused-cross-site = Votul dumneavoastră nu a fost înregistrat: a fost trimis de pe alt site.
feedback-refused-unavailable = Votul dumneavoastră nu a fost înregistrat: stocarea părerilor nu este disponibilă acum. Încercați mai târziu.
