# Meldungen der Website: Startseite, Index, Blöcke, Suche, letzte Änderungen, Leserfeedback, API-Referenz.

nav-feedback = Leserfeedback
map-how = Zeigen Sie auf ein Quadrat (256 Ports) oder fokussieren Sie es: Bereich, zugewiesene Ports (IANA n), bekannte Dienste, Bedrohungen (⚠); öffnen Sie es für seine Portliste.
map-tip = { $start }–{ $end }, zugewiesen: { $assigned }
map-tip-threat = Bedrohungen: { $names }
map-legend-shade = rote Ecke: bekannte Bedrohungen haben Ports des Blocks benutzt; je dunkler, desto mehr vom Block
block-assigned = { $assigned ->
    [0] Kein Port dieses Blocks hat eine IANA-Zuweisung.
    [one] Ein Port dieses Blocks hat eine IANA-Zuweisung.
   *[other] { $assigned } Ports dieses Blocks haben eine IANA-Zuweisung.
}
block-family = { $name } steht in der Bedrohungsgeschichte von { $ports ->
    [one] einem dieser Ports.
   *[other] { $ports } dieser Ports.
}
block-families-rows = Bedrohungsfamilien, die unten bei einzelnen Ports genannt sind: { $count }.
col-transport = Transport
col-iana = IANA-Dienst
col-usual = Üblicherweise dort
feedback-title = Leserfeedback
feedback-intro = Die Stimmen der Schaltflächen „War diese Seite hilfreich?“. Ports mit den meisten negativen Stimmen stehen oben: Diese Seiten sollten verbessert werden.
feedback-summary = Stimmen: { $votes } zu { $ports } Ports ({ $unhelpful } nicht hilfreich, { $neutral } einigermaßen hilfreich, { $helpful } hilfreich).
feedback-col-votes = Stimmen
feedback-col-total = Summe
feedback-bar = Port { $port }: { $unhelpful } nicht hilfreich, { $neutral } einigermaßen hilfreich, { $helpful } hilfreich
feedback-none = Noch keine Stimmen.
feedback-unavailable = Feedback ist auf diesem Server nicht verfügbar.
feedback-data = Dieselben Daten:
feedback-bad-query = Diese Adresse verlangt etwas, das die Seite nicht zeigen kann; sie listet höchstens { $max } Ports.
feedback-refused-rate = Ihre Stimme wurde nicht gespeichert: Von Ihrer Adresse kamen in kurzer Zeit zu viele Stimmen. Bitte versuchen Sie es in einer Minute erneut.
feedback-refused-invalid = Ihre Stimme wurde nicht gespeichert: Das Formular kam unvollständig oder fehlerhaft an. Bitte kehren Sie zur Seite zurück und wählen Sie erneut ein Gesicht.
feedback-refused-cross-site = Ihre Stimme wurde nicht gespeichert: Sie wurde von einer anderen Website gesendet.
feedback-refused-unavailable = Ihre Stimme wurde nicht gespeichert: Der Feedback-Speicher ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut.
