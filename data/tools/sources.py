#!/usr/bin/env python3
"""Counts the sources of every entry kind (threats, exposure, notes, unofficial uses) by
class: primary, reputable secondary (press) or weak, per data/README.md and issue 15.

    python3 data/tools/sources.py            # the working tree
    python3 data/tools/sources.py --rev REV  # the files as they were at a git revision
    python3 data/tools/sources.py --list     # every source with its class

A source is weak when its host is on the README's refused-host list or in WEAK below;
primary when its host is in PRIMARY (CERTs and governments, vendors' and researchers' own
pages, standards and project documentation) or PROJECT_DOCS (a project's or vendor's own
manual, for the defaults of its own software), or it is a code-hosting page with an
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
# A project's or vendor's own documentation site, each looked at for the entries citing it
# (batch 15): it states the defaults of the software it documents. An OS's own manual pages
# count for the daemons that OS ships. Package indexes (pkg.go.dev, docs.rs, pypi.org) are
# not here: anyone can publish there, so they are code hosts in the README and need an origin.
PROJECT_DOCS = """
istio.io clickhouse.com developer.hashicorp.com docs.cloudera.com neo4j.com docs.influxdata.com
docs.oracle.com docs.gitlab.com docs.datastax.com api.docs.cpanel.net rabbitmq.com help.splunk.com
docs.couchbase.com synology.com docs.yugabyte.com docs.redhat.com docs.ezmeral.hpe.com
docs.emqx.com jfrog.com grafana.com support.plex.tv opensource.apple.com support.apple.com help.minecraft.net
developer.valvesoftware.com docs.saltproject.io dev.mysql.com squid-cache.org
docs.victoriametrics.com winccoa.com jenkins.io documentation.wazuh.com ossec.net
developer.android.com documentation.ubuntu.com opentelemetry.io paradigmxyz.github.io
flask.palletsprojects.com help.mikrotik.com x.org tinc-vpn.org docs.hazelcast.org
monitoring.docs.scylladb.com caddyserver.com docs.fluentd.org cloud.google.com cockroachlabs.com
docs.couchdb.org docs.tenable.com docs.replicated.com nodered.org docs.fortinet.com
help.hcl-software.com docs.cosmos.network docs.cometbft.com rethinkdb.com git-scm.com
svnbook.red-bean.com privoxy.org tigervnc.org twilio.com docs.nats.io doc.cc.in2p3.fr
indico.cern.ch support.novell.com solr.apache.org cockpit-project.org nextjs.org cr.yp.to 9p.io
winscp.net h2o-release.s3.amazonaws.com icinga.com
man.netbsd.org man.openbsd.org man.freebsd.org manpages.ubuntu.com
""".split()
# Standards bodies and the specifications they publish (the RFC Editor is in PRIMARY).
STANDARDS = """
docs.oasis-open.org bittorrent.org modbus.org dicom.nema.org pubs.opengroup.org itu.int
loc.gov
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
# Weak hosts not (yet) on the refused list: reposts, aggregators and blogs seen in data/; from
# batch 15 also a fan wiki, a third-party toolkit, a man-page mirror, a distribution's packaging,
# a press copy of a report, a package gallery, a personal blog, a tool's wiki and a book.
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
minecraft.gamepedia.com kb.heathen.group man.cx build.opensuse.org scan.netsecurity.ne.jp
powershellgallery.com utcc.utoronto.ca wiki.wireshark.org oreilly.com
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
    if within(h, PRIMARY) or within(h, PROJECT_DOCS) or within(h, STANDARDS):
        return "primary"
    if within(h, PRESS):
        return "press"
    return "weak"


# Each entry kind, as its table is named, with the folder that holds it.
KINDS = {"threat": "data/threats", "exposure": "data/exposure", "note": "data/notes", "unofficial": "data/unofficial"}


def files(rev):
    if rev is None:
        out = subprocess.run(["git", "ls-files", *KINDS.values()], capture_output=True, text=True, check=True).stdout
        return {p: open(p, "rb").read() for p in out.split() if p.endswith(".toml")}
    out = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, *KINDS.values()], capture_output=True, text=True, check=True).stdout
    return {p: subprocess.run(["git", "show", f"{rev}:{p}"], capture_output=True, check=True).stdout for p in out.split() if p.endswith(".toml")}


def main():
    rev = sys.argv[sys.argv.index("--rev") + 1] if "--rev" in sys.argv else None
    readme = open("data/README.md").read()
    refused, code = readme_hosts(readme, "refused-hosts"), readme_hosts(readme, "code-hosts")
    counts = {}
    entries = {kind: [0, 0, 0] for kind in KINDS}  # total, with a primary, weak only
    for path, data in sorted(files(rev).items()):
        doc = tomllib.loads(data.decode())
        for kind in KINDS:
            for e in doc.get(kind, []):
                classes = [classify(s, refused, code) for s in e["sources"]]
                for s, c in zip(e["sources"], classes):
                    counts[(kind, c)] = counts.get((kind, c), 0) + 1
                    if "--list" in sys.argv:
                        print(f"{c:8} {kind:10} {e['id']:28} {s['url']}")
                entries[kind][0] += 1
                entries[kind][1] += "primary" in classes
                entries[kind][2] += all(c == "weak" for c in classes)
    # The total line sums the kinds.
    entries["total"] = [sum(v[i] for v in entries.values()) for i in range(3)]
    for kind, c in list(counts):
        counts[("total", c)] = counts.get(("total", c), 0) + counts[(kind, c)]
    for kind in entries:
        p, s, w = (counts.get((kind, c), 0) for c in ("primary", "press", "weak"))
        n = p + s + w
        print(f"{kind:10}: {n} sources: {p} primary ({100*p/max(n,1):.0f}%), {s} press ({100*s/max(n,1):.0f}%), {w} weak ({100*w/max(n,1):.0f}%); "
              f"{entries[kind][0]} entries, {entries[kind][1]} with a primary source, {entries[kind][2]} on weak sources only")

if __name__ == "__main__":
    main()
