# Port page messages (the page model worded for the site). Every key starts with pp-.
pp-title-transport = Port { $port }/{ $transport }
pp-head-usually-iana = { $title } — usually { $usual }; IANA: { $service }
pp-head-usually = { $title } — usually { $usual }
pp-head-also = also { $names }
pp-list-sep = {", "}
pp-v-port-zero = Port 0 is not a port to listen on: a program that binds to 0 asks the system for any free port.
pp-v-usually = Usually { $what }.
pp-v-holder = Registered with IANA to { $holder } as { $service }.
pp-v-holder-anon = Registered with IANA as { $service }.
pp-v-holder-other = IANA registered it to { $holder } for { $service }, a different service.
pp-v-holder-other-anon = IANA registered it for { $service }, a different service.
pp-v-reserved = Reserved by IANA: nothing should listen here.
pp-v-unassigned = Not assigned by IANA: whatever listens here chose the number itself.
pp-v-dynamic = In the dynamic range, which IANA never assigns: systems pick short-lived client ports here.
pp-v-no-registry = This server has no copy of the IANA registry, so the assignment is unknown here.
pp-v-retired = { $name } is retired.
pp-v-never-deployed = { $name } was never deployed.
pp-v-legacy = { $name } is legacy: superseded, though still found.
pp-v-threat-port = { $name } used this port in { $year }.
pp-v-threat-spread = { $name } spread through this port in { $year }.
pp-v-threat-targeted = { $name } targeted this port in { $year }.
pp-v-threat-listened = { $name } listened on this port in { $year }.
pp-v-threat-range = Inside the range { $range } that { $name } used in { $year }.
pp-v-threat-others = { $count ->
    [one] One other known threat used it too.
   *[other] { $count } other known threats used it too.
}
pp-v-exposure = { $service } must not face the internet ({ $severity }).
pp-v-not-that = Traffic here today is almost certainly not { $name }.
pp-v-probably-not = Traffic here today is probably not { $name }.
pp-badge-exposure = exposure risk: { $severity }
pp-badge-ephemeral = ephemeral on current systems
pp-role-attack = attacks on other hosts
pp-todo-title = What to do
pp-security-title = Security history
pp-left-out = Not shown for { $filter }: { $name } concerns { $transports } only.
pp-iana-also = also registered as { $names }
pp-iana-transport = Transport
pp-iana-long-note = Long registry note (click to read)
pp-os-linux = Linux
pp-os-windows = Windows (Vista and later)
pp-os-windows-legacy = Windows XP, Server 2003 and earlier
pp-os-freebsd = FreeBSD
pp-os-macos = macOS
pp-os-solaris = Solaris
pp-os-aix = AIX
pp-os-other = another system
pp-w-port-zero = Port 0 is a wildcard, not a service: bind to 0 and the system picks a free port for you. Traffic that really arrives on port 0 is malformed or a scan.
pp-w-system = Port { $port } is a system port: on Linux and other Unix-like systems only root may listen on it by default, and IANA assigns these ports through IETF review.
pp-w-user = Port { $port } is a registered (user) port: any program may listen on it, and an IANA registration is a claim, not an enforcement.
pp-w-dynamic = Port { $port } is in the dynamic range 49152–65535, which IANA never assigns: systems pick outgoing ports from it, and anything may listen on it.
pp-w-assigned = Firewalls, scanners and people expect the registered service here, so anything else listening deserves a look.
pp-w-dormant = { $name } is { $status }, so traffic on this port today is probably something else.
pp-w-reserved = The port is reserved: no legitimate service should listen on it, so a listener is worth investigating.
pp-w-unassigned = It has no IANA assignment: software that uses it picked the number itself, and the registry cannot tell you what it is.
pp-w-no-registry = Without a copy of the IANA registry, the assignment is unknown here.
pp-w-threat-port = { $count ->
    [one] A known threat once used this port, so security tools may flag it; check the owning process before you worry.
   *[other] { $count } known threats (malware, attack tools, exploitation campaigns) once used this port, so security tools may flag it; check the owning process before you worry.
}
pp-w-threat-range = { $count ->
    [one] A known threat once used a range that holds this port, so security tools may flag it; check the owning process before you worry.
   *[other] { $count } known threats (malware, attack tools, exploitation campaigns) once used this port or a range holding it, so security tools may flag it; check the owning process before you worry.
}
pp-w-exposure = Services on this port have been attacked when reachable from the internet: keep it behind a firewall.
pp-w-unofficial = Well-known software uses this port without an IANA assignment, so the registry alone will mislead you.
pp-w-ephemeral = { $systems } pick outgoing (ephemeral) ports from a range holding this one, so a short-lived connection using it is normal; a long-lived listener is not.
pp-w-ephemeral-legacy = Only old systems ({ $systems }) picked outgoing ports from a range holding this one; on current systems a connection on it is not an ephemeral port.
pp-rel-knowledge = same family
pp-search-none = Nothing matched “{ $q }”. Try an IANA service name, a program, an organisation or a malware name.
pp-search-none-js = Nothing matched “%q%”. Try an IANA service name, a program, an organisation or a malware name.
pp-search-count-js = Results for “%q%”: %n%
pp-threat-line = { $kind }, { $year }
pp-threat-group = { $role } — { $range } ({ $transports })
pp-refs-checked = Links checked { $date }.
pp-refs-checked-most = Links checked { $date } unless another date is given.
