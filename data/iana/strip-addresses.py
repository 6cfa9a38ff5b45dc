#!/usr/bin/env python3
"""Writes the IANA port registry without people's e-mail addresses or telephone numbers.

Usage: strip-addresses.py SOURCE.xml > service-names-port-numbers.xml

Everything else is kept byte for byte. In <people>, a mailto: URI keeps only its host
(the part after the last @, which IANA writes as &): portlore shows a person's
organisation from that host when <org> is missing, so what portlore shows does not change.
tel: URIs are dropped. In record text, an address in angle brackets becomes
"(address removed)".
"""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
split = text.index("<people>")
records, people = text[:split], text[split:]

in_text = re.compile(r"&lt;[A-Za-z0-9._%+!-]+(?:@|&amp;)[A-Za-z0-9.-]+&gt;")
records, n = in_text.subn("&lt;(address removed)&gt;", records)

uri = re.compile(r"\n[ \t]*<uri>mailto:([^<]*)</uri>")
def keep_host(m):
    indent = m.group(0)[: m.group(0).index("<uri>")]
    address = m.group(1)
    parts = re.split(r"@|&amp;", address)
    if len(parts) < 2 or not parts[-1]:
        return ""
    return f"{indent}<uri>mailto:&amp;{parts[-1]}</uri>"
people, m = uri.subn(keep_host, people)
people, t = re.subn(r"\n[ \t]*<uri>tel:[^<]*</uri>", "", people)

out = records + people
left = re.findall(r"[A-Za-z0-9._%+!-]+(?:@|&amp;)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", out)
if left:
    sys.exit(f"addresses left: {left[:5]}")
sys.stderr.write(f"{n} addresses in records, {m} mailto and {t} tel URIs in people\n")
sys.stdout.write(out)
