# Site messages: home, index, blocks, search, recent changes, feedback overview, API reference.

nav-feedback = Reader feedback
map-how = Point at or focus a square (256 ports) for its range, assigned ports (IANA n), best-known services and threats (⚠); open it to list its ports.
map-tip = { $start }–{ $end }, { $assigned } assigned
map-tip-threat = threat history: { $names }
map-legend-shade = red corner: known threats used ports of the block; darker means more of the block
block-assigned = { $assigned ->
    [0] No port in this block has an IANA assignment.
    [one] One port in this block has an IANA assignment.
   *[other] { $assigned } ports in this block have an IANA assignment.
}
block-family = { $name } appears in the threat history of { $ports ->
    [one] one of these ports.
   *[other] { $ports } of these ports.
}
block-families-rows = Threat families named on single ports below: { $count }.
col-transport = Transport
col-iana = IANA service
col-usual = Usually there
feedback-title = Reader feedback
feedback-intro = Votes from the "Was this page helpful?" buttons. Ports with the most unhelpful votes come first: they are the pages to improve.
feedback-summary = Votes: { $votes } on { $ports } ports ({ $unhelpful } not helpful, { $neutral } somewhat helpful, { $helpful } helpful).
feedback-col-votes = Votes
feedback-col-total = Total
feedback-bar = Port { $port }: { $unhelpful } not helpful, { $neutral } somewhat helpful, { $helpful } helpful
feedback-none = No votes yet.
feedback-unavailable = Feedback is not available on this server.
feedback-data = The same data:
feedback-bad-query = This address asks for something the page cannot show; it lists up to { $max } ports.
feedback-refused-rate = Your vote was not recorded: too many votes came from your address in a short time. Please try again in a minute.
feedback-refused-invalid = Your vote was not recorded: the form arrived incomplete or malformed. Please go back to the page and choose a face again.
feedback-refused-cross-site = Your vote was not recorded: it was sent from another site.
feedback-refused-unavailable = Your vote was not recorded: the feedback store is unavailable right now. Please try again later.
