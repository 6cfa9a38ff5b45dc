#!/usr/bin/env python3
"""Counts the sources of data/threats and data/exposure by class: primary, reputable
secondary (press) or weak, per data/README.md and issue 15.

    python3 data/tools/sources.py            # the working tree
    python3 data/tools/sources.py --rev REV  # the files as they were at a git revision
    python3 data/tools/sources.py --list     # every source with its class

A source is weak when its host is on the README's refused-host list or in WEAK below;
primary when its host is in PRIMARY (CERTs and governments, vendors' and researchers' own
pages, standards and project documentation) or it is a code-hosting page with an
`origin`; press when its host is in PRESS. Anything else counts as weak: a host earns
a better class only by being named here, after someone has looked at it.
"""
import re
import subprocess
import sys
import tomllib

PRIMARY = """
cisa.gov us-cert.gov cert.org vuls.cert.org cve.org nvd.nist.gov cyber.gc.ca cyber.nj.gov cert.govt.nz
digital.nhs.uk europol.europa.eu justice.gov rfc-editor.org attack.mitre.org
symantec.com f-secure.com trendmicro.com pandasecurity.com fortiguard.com fortinet.com
eset.com welivesecurity.com microsoft.com learn.microsoft.com news.sophos.com sophos.com
unit42.paloaltonetworks.com security.paloaltonetworks.com proofpoint.com recordedfuture.com
fireeye.com mandiant.com securelist.com radware.com snort.org services.netscreen.com
akamai.com aquasec.com blog.aquasec.com acunetix.com isc.sans.edu sans.org usenix.org
computer.org staff.washington.edu fish2.com cisco.com ibm.com securityintelligence.com
docs.docker.com kubernetes.io redis.io mongodb.com hadoop.apache.org docs.ray.io
blog.couchdb.org datadoghq.com alibabacloud.com manageengine.com comparitech.com
ics-cert.kaspersky.com kaspersky.com netcraft.com github.blog socprime.com logpoint.com
elastic.co influxdata.com prometheus.io spark.apache.org bitdefender.com
binarydefense.com blog.knowbe4.com hunt.io upguard.com lacework.com incibe.es incibe-cert.es
""".split()
PRESS = """
theregister.com theregister.co.uk zdnet.com news.zdnet.co.uk arstechnica.com
computerworld.com searchsecurity.techtarget.com helpnetsecurity.com securityweek.com
darkreading.com bankinfosecurity.com heise.de derstandard.at infosecurity-magazine.com
csoonline.com computerweekly.com v3.co.uk itprotoday.com rcpmag.com techadvisor.co.uk
amp.theage.com.au esecurityplanet.com scworld.com silicon.co.uk containerjournal.com
itmagazine.ch itreseller.ch siliconangle.com bloomberg.com crn.com thenewstack.io
informationweek.com theguardian.com computing.co.uk securityledger.com version2.dk
it-administrator.de mybroadband.co.za fiercecio.com pcgamer.com techzine.eu
thehackernews.com informit.com ectnews.com webwereld.nl computerwoche.de internetnews.com
techspot.com krebsonsecurity.com
""".split()
# Weak hosts not (yet) on the refused list: reposts, aggregators and blogs seen in data/.
WEAK = """
iototsecnews.jp thecyberthrone.in cybersecurity-review.com securebulletin.com
blog.veronym.com latesthackingnews.com ophtek.com glock.co.uk blue.tymyrddin.dev
shiftsixsecurity.com armorinnovate.com wellforceit.com smartermsp.com cysec-rco.com
pda.phys.org itsecurityguru.org stoelprivacyblog.com docs.dnswatchdog.io
knowledge-base.secureflag.com csidb.net oodaloop.com news.lt hotforsecurity.bitdefender.com
opensourceforu.com speartip.com truxgoservers.com medium.com newsme.com.ua thedatadriver.com
conetrix.com infopackets.com security.worldtrendnow.com infosectoday.com
hipaacompliancejournal.com ansi.ancs.tn rules.evebox.org rassegna.lbit-solution.it
securityonscreen.com xynik.com idstrong.com arrowcommunications.co.uk it.slashdot.org
ioupdate.com informationsecuritybuzz.com admin-ahead.com itsc.cuhk.edu.hk imss.caltech.edu
hobrasoft.cz docs.kakaocloud.com rstreet.org base4sec.com
c3.hu riff.org peterbassill.com zillman.blogspot.com wikipedia.org en.wikipedia.org
""".split()


def host(url):
    return re.sub(r"^https?://", "", url).split("/")[0].split(":")[0].lower().rstrip(".")


def within(h, domains):
    return any(h == d or h.endswith("." + d) for d in domains)


def readme_hosts(text, name):
    body = text.split(f"<!-- {name} -->")[1].split(f"<!-- /{name} -->")[0]
    return [l.split("|")[1].strip().strip("`") for l in body.splitlines() if l.startswith("| `")]


def classify(src, refused, code):
    h = host(src["url"])
    if within(h, refused) or within(h, WEAK):
        return "weak"
    if within(h, code):
        return "primary" if src.get("origin") else "weak"
    if within(h, PRIMARY):
        return "primary"
    if within(h, PRESS):
        return "press"
    return "weak"


def files(rev):
    if rev is None:
        out = subprocess.run(["git", "ls-files", "data/threats", "data/exposure"], capture_output=True, text=True, check=True).stdout
        return {p: open(p, "rb").read() for p in out.split() if p.endswith(".toml")}
    out = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "data/threats", "data/exposure"], capture_output=True, text=True, check=True).stdout
    return {p: subprocess.run(["git", "show", f"{rev}:{p}"], capture_output=True, check=True).stdout for p in out.split() if p.endswith(".toml")}


def main():
    rev = sys.argv[sys.argv.index("--rev") + 1] if "--rev" in sys.argv else None
    readme = open("data/README.md").read()
    refused, code = readme_hosts(readme, "refused-hosts"), readme_hosts(readme, "code-hosts")
    counts = {}
    entries = {"threat": [0, 0, 0], "exposure": [0, 0, 0]}  # total, with a primary, weak only
    for path, data in sorted(files(rev).items()):
        doc = tomllib.loads(data.decode())
        for kind in ("threat", "exposure"):
            for e in doc.get(kind, []):
                classes = [classify(s, refused, code) for s in e["sources"]]
                for s, c in zip(e["sources"], classes):
                    counts[(kind, c)] = counts.get((kind, c), 0) + 1
                    if "--list" in sys.argv:
                        print(f"{c:8} {kind:8} {e['id']:28} {s['url']}")
                entries[kind][0] += 1
                entries[kind][1] += "primary" in classes
                entries[kind][2] += all(c == "weak" for c in classes)
    for kind in ("threat", "exposure"):
        p, s, w = (counts.get((kind, c), 0) for c in ("primary", "press", "weak"))
        n = p + s + w
        print(f"{kind:8}: {n} sources: {p} primary ({100*p/max(n,1):.0f}%), {s} press ({100*s/max(n,1):.0f}%), {w} weak ({100*w/max(n,1):.0f}%); "
              f"{entries[kind][0]} entries, {entries[kind][1]} with a primary source, {entries[kind][2]} on weak sources only")


if __name__ == "__main__":
    main()
