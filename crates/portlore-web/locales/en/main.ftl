# portlore site messages, English (the reference locale: every other locale has every key).

## Chrome
skip = Skip to content
search-label = Search ports, services and threats
search-placeholder = 3147, rfio, MyDoom…
search-button = Search
lang-label = Language
nav-home = Home
nav-ports = All ports
nav-recent = Recently changed
footer-text = Registry facts come only from the IANA registry. Curated notes cite their sources. No cookies, no tracking.
footer-registry = IANA Service Name and Transport Protocol Port Number Registry, updated { $date }.
crumbs-label = Breadcrumbs
crumb-ports = Ports

## Port page
title-port = Port { $port }
title-port-service = Port { $port } ({ $service })
desc-port = What port { $port } is for: its IANA assignment, history, threats and how to check what is listening on it.
bar-label = Port { $port } within 0–65535
range-system = System ports
range-user = Registered ports
range-dynamic = Dynamic ports
range-system-text = System (well-known) ports run from { $start } to { $end }. On Linux and other Unix-like systems only root may listen on them by default, and IANA assigns them through IETF review.
range-user-text = User (registered) ports run from { $start } to { $end }. Any process may listen on them; an IANA registration is a claim, not an enforcement.
range-dynamic-text = Dynamic and private ports run from { $start } to { $end }. IANA never assigns them; operating systems pick outgoing ports from here, and anything may listen here.
range-ephemeral = Inside the default ephemeral range of: { $systems }.
badge-system = system range
badge-user = registered range
badge-dynamic = dynamic range
badge-assigned = IANA: assigned
badge-reserved = IANA: reserved
badge-unassigned = IANA: unassigned
badge-other = IANA: listed without a service
badge-no-registry = IANA: registry not loaded
badge-deassigned = de-assigned
badge-threat = threat history
badge-exposure = exposure risk
badge-unofficial = unofficial uses
badge-ephemeral = ephemeral on some systems
verdict-no-registry = This server has no copy of the IANA registry, so the assignment is unknown here.
verdict-assigned-by = Registered with IANA by { $org }.
verdict-assigned = Registered with IANA.
verdict-reserved = Reserved by IANA: nothing should use it.
verdict-dynamic = In the dynamic range: IANA never assigns it, and systems use it for short-lived client ports.
verdict-unassigned = Not assigned by IANA: whatever listens here chose the number itself.
verdict-retired = Curated notes mark { $title } as { $status }.
verdict-threat-port = { $name } ({ $year }) used this port.
verdict-threat-range = { $name } ({ $year }) used the range { $range }.
verdict-exposure = { $service } must not face the internet.
iana-title = IANA registry
iana-source = Source: IANA registry, updated { $date }
iana-none = No IANA record covers this port.
iana-missing = This server has no copy of the IANA registry, so assignments are not shown. Run portlore update to install it.
iana-any-transport = any transport
iana-ports = ports { $ports }
iana-unauthorized = Reported unauthorised use
iana-service-code = Service code
iana-english = Descriptions and notes are quoted from the registry, in English.
col-description = Description
col-assignee = Assignee
col-contact = Contact
col-registered = Registered
col-modified = Modified
col-references = References
col-notes = Note
col-port = Port
col-service = Service
col-status = Status
col-date = Date
col-change = Change
curated-english = The curated notes below are written in English and are not translated yet.
history-title = History
note-status = Status: { $status }
note-made-by = made by { $who }
note-today = Today:
status-active = active
status-legacy = legacy
status-retired = retired
status-never-deployed = never deployed
status-unknown = unknown
security-title = Security
threat-history-note = This is history: it says what malware and attackers once did with this port, not what runs on it in your network.
threat-line = { $kind }, first seen in { $year }
threat-use = { $role } on { $range } ({ $transports })
kind-worm = worm
kind-trojan = trojan
kind-backdoor = backdoor
kind-rat = remote access trojan
kind-botnet = botnet
kind-ransomware = ransomware
kind-scanner = scanner
kind-miner = coin miner
kind-c2-framework = C2 framework
kind-exploitation = exploitation campaign
kind-ics-malware = ICS malware
kind-other = other threat
role-listening-backdoor = listening backdoor
role-scanning-target = scanned for
role-c2 = command and control
role-propagation = spreading
role-exfiltration = data theft
role-amplification = amplification attacks
role-other = other use
exposure-title = { $service } must not face the internet
severity-critical = critical
severity-high = high risk
severity-medium = medium risk
exposure-advice = What to do
unofficial-title = Also seen on this port
unofficial-mark = not an IANA assignment
check-title = Check it yourself
check-intro = Commands that show what is listening on port { $port }:
check-network = From another machine
why-title = Why it matters
why-assigned-system = Port { $port } is a system port with an IANA assignment: firewalls, scanners and people expect that service here, so anything else listening on it deserves a look.
why-assigned-user = Port { $port } is registered, but registration is not enforcement: any program may listen here, and many do.
why-assigned-dormant = Port { $port } is registered to a protocol that is no longer deployed, so traffic on it today is probably something else.
why-reserved = Port { $port } is reserved: no legitimate service should listen on it, so a listener here is worth investigating.
why-unassigned = Port { $port } has no IANA assignment: software that uses it picked the number itself, and nothing in the registry tells you what it is.
why-dynamic = Port { $port } is in the dynamic range: seeing it on outgoing connections is normal, but a long-lived listener here was configured by someone.
why-threat = { $count ->
    [one] Malware once used port { $port }, so security tools may flag it; check the owning process before you worry.
   *[other] { $count } malware families once used port { $port }, so security tools may flag it; check the owning process before you worry.
}
why-exposure = Services on port { $port } have been attacked when reachable from the internet: keep it behind a firewall.
why-unofficial = Well-known software uses port { $port } without an IANA assignment, so the registry alone will mislead you.
why-ephemeral = Some operating systems hand out port { $port } for outgoing connections, so short-lived traffic on it is usually harmless.
why-quiet = Nothing notable is recorded for port { $port }: if something listens here, its process is the only reliable answer.
related-title = Related ports
rel-same-service = same service
rel-sibling-service = related service
rel-same-threat = also used by { $name }
rel-neighbour = neighbour
refs-title = References
ref-checked = checked { $date }
vote-title = Was this page helpful?
vote-unhelpful = Not helpful
vote-neutral = Somewhat helpful
vote-helpful = Helpful
vote-thanks = Thank you for your feedback.

## Home
home-title = What is on this port?
home-intro = Look up any of the 65,536 ports: its IANA assignment, its history, the malware that used it and how to check what is listening.
home-examples = Try:
home-stats = { $assigned } ports have at least one IANA assignment.
map-title = Map of the port space
map-label = Map of all 65,536 ports in 256 blocks of 256 ports
map-legend-density = darker blocks hold more assigned ports
map-legend-threat = outlined: malware used a port in the block
map-legend-blocks = Each block links to the list of its 256 ports.

## Index
ports-title = All ports
ports-intro = The 65,536 ports, in pages of 256. Each number opens the page that starts there.
block-title = Ports { $start }–{ $end }
block-summary = { $assigned ->
    [0] No port in this block has an IANA assignment.
    [one] One port in this block has an IANA assignment.
   *[other] { $assigned } ports in this block have an IANA assignment.
} { $threat ->
    [0] {""}
    [one] Malware used one of them.
   *[other] Malware used { $threat } of them.
}
index-no-assignment = no assignment
pager-label = Pages
page-prev = Previous
page-next = Next
page-of = Page { $page } of { $pages }

## Search
search-title = Search
search-title-q = Search: { $q }
search-count = { $count ->
    [one] One result for “{ $q }”.
   *[other] { $count } results for “{ $q }”.
}
search-none = Nothing matched “{ $q }”. Try a port number, an IANA service name, an organisation or a malware name.
search-go-port = Go to port { $port }
search-empty = Search by port number, IANA service name, organisation, software or malware name.
hit-service = IANA service
hit-threat = threat
hit-unofficial = unofficial use
hit-note = note

## Recent
recent-title = Recently changed in the IANA registry
recent-intro = Registry records by their latest registration or modification date, newest first.
recent-registered = registered
recent-modified = modified

## Errors
err-404-title = Page not found
err-400-title = Bad request
err-port-range = { $input } is not a port: port numbers run from 0 to 65535.
err-port-form = “{ $input }” is not a port number.
err-port-forms = Port pages live at /{ $lang }/ports/0 to /{ $lang }/ports/65535, for example /{ $lang }/ports/3147.
err-block = “{ $input }” is not an index page.
err-block-forms = Index pages run from /{ $lang }/blocks/0 to /{ $lang }/blocks/255.
err-lang = “{ $input }” is not one of this site's languages.
err-lang-forms = Languages: { $langs }.
err-query = Search queries are limited to { $max } characters of text.
err-query-forms = Try a shorter query at /{ $lang }/search?q=rfio.
err-notfound = There is no page at this address.
err-encoding = This address is not valid text: it contains bytes that are not UTF-8 once decoded.
