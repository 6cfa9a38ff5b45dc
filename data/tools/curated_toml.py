"""Small helpers to read and write the curated TOML files of data/ (threats and exposure).

Used by sources.py (source classes) and by one-off clean-ups. Writing keeps a file's
leading comment block and emits each entry's fields in the order data/README.md uses.
"""
import json
import re
import tomllib

ORDER = {
    "threat": ["id", "name", "aliases", "variants", "year", "kind", "summary"],
    "uses": ["ports", "transports", "role", "detail", "variants"],
    "unported": ["variant", "reason"],
    "exposure": ["id", "service", "ports", "transports", "severity", "incident", "advice"],
    "source": ["url", "title", "checked", "origin"],
}


def load(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def header(path):
    lines = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or (lines and not line.strip()):
            lines.append(line.rstrip("\n"))
            if not line.strip():
                break
        else:
            break
    return "\n".join(lines).rstrip() + "\n"


def value(v):
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    raise TypeError(v)


def fields(d, order):
    out = []
    for k in order:
        if k in d and d[k] not in (None, []):
            out.append(f"{k} = {value(d[k])}")
    for k in d:
        if k not in order and k not in ("uses", "sources", "unported"):
            out.append(f"{k} = {value(d[k])}")
    return out


def dump(path, kind, entries, head):
    parts = [head]
    for e in entries:
        parts.append(f"\n[[{kind}]]")
        parts.extend(fields(e, ORDER[kind]))
        if kind == "threat":
            for u in e["uses"]:
                parts.append("\n[[threat.uses]]")
                parts.extend(fields(u, ORDER["uses"]))
            for u in e.get("unported", []):
                parts.append("\n[[threat.unported]]")
                parts.extend(fields(u, ORDER["unported"]))
            for s in e["sources"]:
                parts.append("\n[[threat.sources]]")
                parts.extend(fields(s, ORDER["source"]))
        else:
            parts.append(
                "sources = [\n"
                + "".join(
                    "  { " + ", ".join(f.replace(" = ", " = ", 1) for f in fields(s, ORDER["source"])) + " },\n"
                    for s in e["sources"]
                )
                + "]"
            )
    open(path, "w", encoding="utf-8").write("\n".join(parts) + "\n")


MARK = re.compile(r"\[(\d+)\]")
SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def drop_sources(text, dropped, renumber):
    """Removes markers of dropped sources, drops sentences left without a marker, renumbers."""
    kept = []
    for s in SENT.split(text):
        marks = [int(m) for m in MARK.findall(s)]
        if marks and all(m in dropped for m in marks):
            continue
        s = MARK.sub(lambda m: "" if int(m.group(1)) in dropped else f"[{renumber[int(m.group(1))]}]", s)
        s = re.sub(r"\s+([.,;])", r"\1", s).replace("  ", " ")
        kept.append(s.strip())
    return " ".join(kept).strip()
