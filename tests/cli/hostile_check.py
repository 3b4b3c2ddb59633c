#!/usr/bin/python3
"""hostile_check.py — every text of a hostile ontology comes back out of every data format.

    hostile_check.py FIXTURE OUTDIR

FIXTURE is an ontology whose every text field carries markup, entities, quotes, CDATA ends,
Graphviz escapes and control characters (tests/fixtures/render/hostile). OUTDIR holds what
test_hostile.sh had ckg write from it, one file per command and format. Each file is read
back with a real parser (json, csv, xml.dom.minidom, Graphviz's own DOT reader through
`dot -Tjson`); then every YAML text the format is meant to carry must be found among the
strings the parser returned, transformed only by the format's documented rule:

  JSON, CSV   exact, every character (control characters included)
  GraphML,    exact, except characters XML 1.0 cannot hold (C0 controls other than tab, LF
  GEXF        and CR; U+FFFE, U+FFFF), each replaced by U+FFFD (GEXF's texts are attribute
              values: line breaks and tabs are written as character references and must
              come back as themselves)
  DOT         escString escaping read back (a backslash is \\\\, a line break \\n); other C0
              controls and DEL become a space
  SVG         display text: controls dropped, line breaks and tabs are spaces; compared with
              runs of white space collapsed, since labels wrap over lines
  atlas       the page's data (JSON inside a <script>) exact, with no raw <, > or & in it;
              each quote's <mark> (a slice of its paragraph) the quote as shown: white space
              and controls aside, markdown escapes and bold markers read, PDF glyphs shown
              as what they stand for; the maps (zlib in base64) by the SVG rule

Markup must stay text: no element of an XML output may come from the ontology, the DOT
files must hold exactly the graph's nodes and edges, and the atlas page must hold only its
own elements and scripts. Prints one line per failure; exits 1
when any.
"""
import base64
import csv
import html.parser
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.dom.minidom
import zlib

import yaml

FAILURES = []


def fail(msg):
    FAILURES.append(msg)


# ------------------------------------------------------------------ the ontology's texts

def load_fixture(root):
    """{category: [(owner, text)]} of every text field of the fixture."""
    def read(path):
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)

    texts = {k: [] for k in ("name", "alt", "definition", "theme", "kind", "title", "venue",
                             "author", "quote", "pair")}
    for t in read(os.path.join(root, "themes.yaml"))["themes"]:
        texts["theme"] += [(t["id"], t["zh"]), (t["id"], t["en"])]
    for k in read(os.path.join(root, "relations.yaml"))["relations"]:
        texts["kind"] += [(k["id"], k["zh"]), (k["id"], k["en"]),
                          (k["id"], k["inverse"]["zh"]), (k["id"], k["inverse"]["en"])]
    for name in sorted(os.listdir(os.path.join(root, "concepts"))):
        for c in read(os.path.join(root, "concepts", name))["concepts"]:
            texts["name"] += [(c["id"], c["zh"]), (c["id"], c["en"])]
            texts["alt"] += [(c["id"], a) for a in c.get("alt", [])]
            texts["definition"] += [(c["id"], c["definition"]["zh"]), (c["id"], c["definition"]["en"])]
    for name in sorted(os.listdir(os.path.join(root, "papers"))):
        p = read(os.path.join(root, "papers", name))
        meta = p["paper"]
        texts["title"].append((meta["id"], meta["title"]))
        texts["venue"].append((meta["id"], meta["venue"]))
        texts["author"] += [(meta["id"], a) for a in meta["authors"]]
        # a mention's quotes belong to its concept, a relation's to "from>to"
        for m in p.get("mentions", []):
            texts["quote"] += [(m["concept"], e["quote"]) for e in m["evidence"]]
        for r in p.get("relations", []):
            texts["quote"] += [(r["from"] + ">" + r["to"], e["quote"]) for e in r["evidence"]]
            texts["pair"].append((r["from"], r["to"]))
    texts["concept"] = sorted({owner for owner, _ in texts["name"]})
    texts["pair"] = sorted(set(texts["pair"]))
    return texts


# ------------------------------------------------------------------ the formats' rules

def is_xml_illegal(ch):
    cp = ord(ch)
    return (cp < 0x20 and ch not in "\t\n\r") or cp in (0xFFFE, 0xFFFF)


def graphml_rule(s):
    return "".join("\ufffd" if is_xml_illegal(ch) else ch for ch in s)


def dot_rule(s):
    return "".join(" " if (ord(ch) < 0x20 and ch != "\n") or ord(ch) == 0x7F else ch for ch in s)


def svg_rule(s):
    out = []
    for ch in s:
        cp = ord(ch)
        if ch in "\t\n\r":
            out.append(" ")
        elif not (cp < 0x20 or 0x7F <= cp <= 0x9F or cp in (0xFFFE, 0xFFFF)):
            out.append(ch)
    return collapse("".join(out))


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def escstring_decode(s):
    """A DOT escString as written back into the text it stands for: \\\\ and \\n."""
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "\\n":
            out.append("\\" if s[i + 1] == "\\" else "\n")
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


# ------------------------------------------------------------------ reading the outputs back

def json_strings(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    found = []

    def walk(x):
        if isinstance(x, str):
            found.append(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(doc)
    return found


def csv_strings(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    found = []
    # a file may hold several tables, each after an empty line; every row of a table has its
    # header's number of fields
    for block in re.split(r"\r?\n\r?\n(?=[^\n]*,)", text):
        rows = list(csv.reader(io.StringIO(block), strict=True))
        rows = [r for r in rows if r]
        if not rows:
            continue
        width = len(rows[0])
        for r in rows:
            if len(r) != width:
                fail(f"{path}: a row has {len(r)} fields, its header {width}: {r[:3]}")
            for cell in r:
                found.append(cell)
                found += cell.split(";")  # lists (alt names, authors) are joined by ';'
    return found


ONTOLOGY_TAGS = ("script", "b", "i", "br", "alt", "venue", "title-x")


def xml_strings(path, markup_ok=()):
    try:
        doc = xml.dom.minidom.parse(path)
    except Exception as e:  # noqa: BLE001 - any parse error is the failure reported
        fail(f"{path}: not well-formed XML: {e}")
        return []
    for tag in ONTOLOGY_TAGS:
        if tag not in markup_ok and doc.getElementsByTagName(tag):
            fail(f"{path}: holds a <{tag}> element from the ontology's text")
    found = []

    def walk(n):
        values = []
        if n.nodeType in (n.TEXT_NODE, n.CDATA_SECTION_NODE):
            values.append(n.data)
        if n.attributes:
            values.extend(a.value for a in n.attributes.values())
        for v in values:
            found.append(v)
            found.extend(v.split(";"))  # lists (alt names) are joined by ';'
        for k in n.childNodes:
            walk(k)
    walk(doc)
    # the title of each element, whole, and the text of each node group joined (labels are
    # written one line per <text>)
    for g in doc.getElementsByTagName("g"):
        texts = [t.firstChild.data for t in g.getElementsByTagName("text") if t.firstChild]
        if texts:
            found.append(" ".join(texts))
    return found


def dot_strings(path, nodes, edges):
    r = subprocess.run(["dot", "-Tjson", path], capture_output=True, text=True)
    if r.returncode:
        fail(f"{path}: Graphviz cannot read it: {r.stderr.strip()[:200]}")
        return []
    doc = json.loads(r.stdout)
    objects = [o for o in doc.get("objects", []) if "nodes" not in o]
    if nodes is not None and len(objects) != nodes:
        fail(f"{path}: Graphviz reads {len(objects)} nodes, the graph has {nodes}")
    if edges is not None and len(doc.get("edges", [])) != edges:
        fail(f"{path}: Graphviz reads {len(doc.get('edges', []))} edges, the graph has {edges}")
    found = []
    for item in objects + doc.get("edges", []):
        for k, v in item.items():
            if isinstance(v, str) and not k.startswith("_"):
                found.append(escstring_decode(v))
                found += escstring_decode(v).split(";")
    return found


def dot_to_svg(path):
    out = path + ".svg"
    r = subprocess.run(["dot", "-Tsvg", path, "-o", out], capture_output=True, text=True)
    if r.returncode:
        fail(f"{path}: Graphviz cannot read it: {r.stderr.strip()[:200]}")
        return None
    return out


def atlas_rule(s):
    """A source text as the atlas shows it, for comparing a <mark> with its quote: bold
    markers, <sup>/<sub> tags and the backslash of markdown escapes gone, the PDF glyphs
    as what they stand for, no white space, controls or noncharacters."""
    s = s.replace("**", "")
    s = re.sub(r"</?su[pb]>", "", s)
    s = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s)
    s = s.translate({0xA3AC: "，", 0xA3AE: "。", 0xA3BB: "；", 0xAB: "《", 0xBB: "》"})
    return "".join(ch for ch in s if not (ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")
                                          or (ord(ch) & 0xFFFE) == 0xFFFE
                                          or 0xFDD0 <= ord(ch) <= 0xFDEF))


# The elements of the atlas page's own markup (src/atlas/atlas.html).
ATLAS_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "div", "label",
              "span", "select", "input", "ul", "button", "main", "section", "p", "aside",
              "noscript", "script"}


class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self.current = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "script":
            self.current = (dict(attrs), [])

    def handle_data(self, data):
        if self.current is not None:
            self.current[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.current is not None:
            self.scripts.append((self.current[0], "".join(self.current[1])))
            self.current = None


def atlas_read(path):
    """The atlas page: (its data, the strings of the data, the strings of its maps)."""
    with open(path, encoding="utf-8") as f:
        page = f.read()
    p = PageParser()
    p.feed(page)
    stray = sorted(set(p.tags) - ATLAS_TAGS)
    if stray:
        fail(f"{path}: elements that are not the page's own: {stray}")
    kinds = [a.get("type") for a, _ in p.scripts]
    data_text = [t for a, t in p.scripts if a.get("id") == "atlas-data"]
    maps = [t for a, t in p.scripts if a.get("type") == "application/x-ckg-map"]
    if kinds.count(None) != 1 or len(data_text) != 1 or len(p.scripts) != len(maps) + 2:
        fail(f"{path}: scripts other than the page's one, its data and its maps: {kinds}")
        return None, [], []
    if re.search(r"[<>&]", data_text[0]):
        fail(f"{path}: the data holds a raw <, > or &")
    try:
        data = json.loads(data_text[0])
    except ValueError as e:
        fail(f"{path}: the data is not JSON: {e}")
        return None, [], []
    strings = []

    def walk(x):
        if isinstance(x, str):
            strings.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(data)
    svg_strings = []
    for i, m in enumerate(maps):
        with tempfile.NamedTemporaryFile("wb", suffix=".svg", delete=False) as f:
            f.write(zlib.decompress(base64.b64decode(m)))
        svg_strings += xml_strings(f.name)
        os.unlink(f.name)
    return data, strings, svg_strings


def atlas_marks(path, data, texts):
    """Every quote of the data is marked in its paragraph as the quote reads; the paragraphs'
    own markup is text. Returns the number of quotes checked."""
    quotes = []
    for c in data["concepts"]:
        for p in c["papers"]:
            quotes += p["quotes"]
        for link in c["links"]:
            quotes += link["quotes"]
    n = 0
    for q in quotes:
        if q["para"] is None:
            fail(f"{path}: the quote {q['quote']!r} has no paragraph")
            continue
        units = data["paragraphs"][q["para"]]["text"].encode("utf-16-le")
        mark = units[2 * q["mark"][0]:2 * q["mark"][1]].decode("utf-16-le")
        if atlas_rule(mark) != atlas_rule(q["quote"]):
            fail(f"{path}: the mark {mark!r} is not the quote {q['quote']!r}")
        n += 1
    own = {t for _, t in texts["quote"]}
    if {q["quote"] for q in quotes} != own:
        fail(f"{path}: the data's quotes are not the fixture's")
    for para in data["paragraphs"]:
        if "<img src=x onerror=" not in para["text"]:
            fail(f"{path}: a paragraph lost the source's markup: {para['text'][:60]!r}")
    return n


# ------------------------------------------------------------------ the expectations

ALL_CONCEPTS = ("script-concept", "entity-concept", "control-concept", "long-concept")


def expect(path, found, texts, categories, rule=lambda s: s, owners=None, whole=True,
           one_per_owner=False):
    """Every text of categories (of owners, when given) comes back as one of found, or, when
    not whole, inside one of them; with one_per_owner, at least one text of each owner (a
    map's tooltip quotes one piece of evidence of several)."""
    if rule is svg_rule:
        found = [collapse(f.replace("\u2060", "")) for f in found]
    pool = set(found)
    joined = "\x00".join(found)
    checked = 0
    for cat in categories:
        missing = {}
        for owner, text in texts[cat]:
            if owners is not None and owner not in owners:
                continue
            want = rule(text)
            if not want:
                continue
            checked += 1
            ok = want in pool if whole else want in joined
            missing.setdefault(owner, [])
            if not ok:
                missing[owner].append((text, want))
        for owner, lost in missing.items():
            given = sum(1 for o, _ in texts[cat] if o == owner)
            if one_per_owner and len(lost) < given:
                continue
            for text, want in lost:
                fail(f"{os.path.basename(path)}: the {cat} {text!r} of {owner} does not come "
                     f"back (expected {want!r})")
    if checked == 0:
        fail(f"{os.path.basename(path)}: nothing to check (the expectation is wrong)")
    return checked


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    texts = load_fixture(argv[1])
    out = argv[2]

    def p(name):
        return os.path.join(out, name)

    n = 0
    relations = ("script-concept>entity-concept", "entity-concept>control-concept",
                 "control-concept>long-concept", "long-concept>script-concept")
    # export: the whole graph in every format, names and the relations' linking phrases
    # (the kind's zh)
    names = ("name", "alt")
    kinds_zh = dict(texts, kind=texts["kind"][0::4])
    n_nodes, n_edges = len(texts["concept"]), len(texts["pair"])
    for name, found, rule in (("export.csv", csv_strings(p("export.csv")), None),
                              ("export.graphml", xml_strings(p("export.graphml")), graphml_rule),
                              ("export.gexf", xml_strings(p("export.gexf")), graphml_rule),
                              ("export.dot", dot_strings(p("export.dot"), n_nodes, n_edges),
                               dot_rule)):
        n += expect(name, found, kinds_zh, names + ("kind",), rule or (lambda s: s))
    # the definitions the graph formats but DOT carry, line breaks and all (GEXF keeps them
    # in attribute values as character references)
    for name, found, rule in (("export.csv", csv_strings(p("export.csv")), None),
                              ("export.graphml", xml_strings(p("export.graphml")), graphml_rule),
                              ("export.gexf", xml_strings(p("export.gexf")), graphml_rule)):
        n += expect(name, found, texts, ("definition",), rule or (lambda s: s))
    n += expect("export.json", json_strings(p("export.json")), texts,
                names + ("title", "venue", "author"))

    # the query commands' data formats
    for name in ("metrics.json", "metrics.csv", "compare.json", "compare.csv"):
        found = json_strings(p(name)) if name.endswith("json") else csv_strings(p(name))
        n += expect(name, found, texts, ("name",), whole=False)
    # neighbors of script-concept, with the quotes of its relations
    near = ("script-concept>entity-concept", "long-concept>script-concept")
    for name in ("neighbors.json", "neighbors.csv"):
        found = json_strings(p(name)) if name.endswith("json") else csv_strings(p(name))
        n += expect(name, found, texts, ("name",), owners=("entity-concept", "long-concept"))
        n += expect(name, found, kinds_zh, ("kind",), owners=("causes",))
        n += expect(name, found, texts, ("quote",), owners=near, whole=False)
    n += expect("show.json", json_strings(p("show.json")), texts,
                names + ("definition", "quote"), owners=("script-concept",))
    n += expect("show.json", json_strings(p("show.json")), texts, ("title",))
    for name in ("search.json", "search.csv"):
        found = json_strings(p(name)) if name.endswith("json") else csv_strings(p(name))
        n += expect(name, found, texts, ("name",), owners=("control-concept",), whole=False)
    n += expect("path.json", json_strings(p("path.json")), texts, ("name",),
                owners=("script-concept", "entity-concept", "control-concept"), whole=False)
    n += expect("path.json", json_strings(p("path.json")), texts, ("quote",),
                owners=relations[:2], whole=False)
    n += expect("diff.json", json_strings(p("diff.json")), texts, ("name",), whole=False)
    n += expect("diff.json", json_strings(p("diff.json")), texts, ("title",), owners=("hostile",))

    # render: the SVG ckg writes, and the DOT it hands Graphviz read by dot itself
    for name in ("render.svg", "render-dot.svg"):
        path = p(name) if name == "render.svg" else dot_to_svg(p("render.dot"))
        if path is None:
            continue
        found = xml_strings(path)
        n += expect(name, found, texts, ("name", "definition", "author"), svg_rule,
                    whole=False)
        n += expect(name, found, texts, ("quote",), svg_rule, whole=False, one_per_owner=True)
        n += expect(name, found, texts, ("theme",), svg_rule, whole=False)
    dot_strings(p("render.dot"), None, None)
    # a diff map: its legend names both papers (authors, title), its tooltips quote each
    found = xml_strings(p("render-diff.svg"))
    n += expect("render-diff.svg", found, texts, ("name", "title", "author"), svg_rule,
                whole=False)
    n += expect("render-diff.svg", found, texts, ("quote",), svg_rule, whole=False,
                one_per_owner=True)

    # the atlas: its data exact, its marks the quotes, its maps by the SVG rule
    if os.path.exists(p("atlas.html")):
        data, strings, svg = atlas_read(p("atlas.html"))
        if data is not None:
            n += expect("atlas.html", strings, texts,
                        names + ("definition", "theme", "kind", "title", "venue", "author",
                                 "quote"))
            n += atlas_marks("atlas.html", data, texts)
            n += expect("atlas.html (maps)", svg, texts, ("name", "theme", "title", "author"),
                        svg_rule, whole=False)
    else:
        fail("atlas.html: missing")

    for f in FAILURES:
        print(f)
    print(f"hostile_check: {n} texts checked, {len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
