#!/usr/bin/python3
"""gexf_check.py — is a file GEXF 1.3, and what does NetworkX read from it?

The structure is checked with an XML parser against what the GEXF 1.3 schema requires
(gexf.rnc of github.com/gephi/gexf, specs/1.3): the root <gexf version="1.3"> in the
namespace http://gexf.net/1.3 with an optional <meta> (creator, keywords, description) and
one <graph>; a graph's <attributes> (class node or edge, each attribute with an id, a title
and one of the schema's types), then <nodes>, then <edges>; every node with an id, its
<attvalues> naming declared node attributes with values of their type, and at most one of
each viz element (color with r, g, b from 0 to 255 or hex, and a from 0 to 1; position with
x and y; size at least 0) in the namespace http://gexf.net/1.3/viz; every edge with a source
and a target among the nodes, a numeric weight, its attvalues naming declared edge
attributes; ids unique; the count attributes right.

When GEXF_SCHEMA_DIR names a folder holding the GEXF 1.3 schema files (gexf.rng and
gexf.xsd with their includes; not shipped here), xmllint validates the file against the
RELAX NG grammar, and against the XSD with the viz elements taken out: the 1.3 XSD files
(generated from the grammar) declare color, position and size in the gexf namespace, not in
the viz namespace that the grammar, the primer and Gephi use, so no file Gephi writes passes
them whole.

read_gexf13(path) reads a file with NetworkX's own GEXF reader, taught the 1.3 namespaces
(NetworkX 2.8 knows 1.1draft and 1.2draft only).

usage: gexf_check.py FILE...   (exit 1 listing the problems)"""
import math
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import networkx as nx
from networkx.readwrite.gexf import GEXFReader

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
TYPES = {"integer", "long", "double", "float", "boolean", "bigdecimal", "biginteger", "byte",
         "char", "short", "liststring", "listboolean", "listinteger", "listlong", "listfloat",
         "listdouble", "listbyte", "listshort", "listbigdecimal", "listbiginteger", "listchar",
         "string", "anyURI"}
NUMERIC = {"integer": int, "long": int, "short": int, "byte": int, "biginteger": int,
           "double": float, "float": float, "bigdecimal": float}


def q(tag, ns=NS):
    return f"{{{ns}}}{tag}"


def _number(text, kind):
    try:
        x = kind(text)
    except (TypeError, ValueError):
        return None
    return x if kind is int or math.isfinite(x) else None


def _viz(problems, where, el, allowed):
    seen = set()
    for child in el:
        if not child.tag.startswith(f"{{{VIZ}}}"):
            continue
        name = child.tag.split("}")[1]
        if name not in allowed:
            problems.append(f"{where}: viz:{name} is not allowed here")
        if name in seen:
            problems.append(f"{where}: viz:{name} twice")
        seen.add(name)
        if name == "color":
            if child.get("hex") is None:
                for ch in "rgb":
                    v = _number(child.get(ch), int)
                    if v is None or not 0 <= v <= 255:
                        problems.append(f"{where}: viz:color {ch}={child.get(ch)!r}")
            a = child.get("a")
            if a is not None and (_number(a, float) is None or not 0 <= float(a) <= 1):
                problems.append(f"{where}: viz:color a={a!r}")
        elif name == "position":
            for ch in ("x", "y") + (("z",) if child.get("z") is not None else ()):
                if _number(child.get(ch), float) is None:
                    problems.append(f"{where}: viz:position {ch}={child.get(ch)!r}")
        elif name in ("size", "thickness"):
            v = _number(child.get("value"), float)
            if v is None or v < 0:
                problems.append(f"{where}: viz:{name} value={child.get('value')!r}")


def _attvalues(problems, where, el, declared):
    blocks = el.findall(q("attvalues"))
    if len(blocks) > 1:
        problems.append(f"{where}: attvalues twice")
    seen = set()
    for block in blocks:
        for av in block:
            if av.tag != q("attvalue"):
                problems.append(f"{where}: {av.tag} inside attvalues")
                continue
            key, value = av.get("for"), av.get("value")
            if key not in declared:
                problems.append(f"{where}: attvalue for undeclared {key!r}")
                continue
            if key in seen:
                problems.append(f"{where}: attvalue for {key!r} twice")
            seen.add(key)
            if value is None:
                problems.append(f"{where}: attvalue {key!r} without a value")
            elif declared[key] in NUMERIC and _number(value, NUMERIC[declared[key]]) is None:
                problems.append(f"{where}: {key}={value!r} is not {declared[key]}")


def check_structure(path):
    """The problems of the file, as text lines; [] when it is GEXF 1.3."""
    problems = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return [f"{path}: not well-formed XML: {e}"]
    if root.tag != q("gexf"):
        return [f"{path}: the root is {root.tag}, not gexf in {NS}"]
    if root.get("version") != "1.3":
        problems.append(f"{path}: version={root.get('version')!r}")
    extra = set(root.attrib) - {"version", "variant"}
    if extra:
        problems.append(f"{path}: attributes the grammar does not allow on gexf: {sorted(extra)}")
    kids = list(root)
    names = [k.tag for k in kids]
    if names not in ([q("graph")], [q("meta"), q("graph")]):
        return problems + [f"{path}: gexf holds {names}, not [meta] graph"]
    if kids[0].tag == q("meta"):
        for m in kids[0]:
            if m.tag not in (q("creator"), q("keywords"), q("description")):
                problems.append(f"{path}: {m.tag} in meta")
    graph = kids[-1]
    if graph.get("defaultedgetype", "undirected") not in ("directed", "undirected", "mutual"):
        problems.append(f"{path}: defaultedgetype={graph.get('defaultedgetype')!r}")
    if graph.get("mode", "static") not in ("static", "dynamic"):
        problems.append(f"{path}: mode={graph.get('mode')!r}")
    order = [k.tag for k in graph]
    n_attr = sum(1 for t in order if t == q("attributes"))
    if order != [q("attributes")] * n_attr + [q("nodes"), q("edges")]:
        return problems + [f"{path}: graph holds {order}, not attributes* nodes edges"]
    declared = {"node": {}, "edge": {}}
    for block in graph.findall(q("attributes")):
        cls = block.get("class")
        if cls not in declared:
            problems.append(f"{path}: attributes class={cls!r}")
            continue
        for a in block:
            aid, title, typ = a.get("id"), a.get("title"), a.get("type")
            if a.tag != q("attribute") or aid is None or title is None:
                problems.append(f"{path}: {cls} attribute {a.attrib} lacks id or title")
            elif typ not in TYPES:
                problems.append(f"{path}: {cls} attribute {aid!r} has type {typ!r}")
            elif aid in declared[cls]:
                problems.append(f"{path}: {cls} attribute {aid!r} declared twice")
            else:
                declared[cls][aid] = typ
    nodes, edges = graph.find(q("nodes")), graph.find(q("edges"))
    ids = set()
    for n in nodes:
        where = f"{path}: node {n.get('id')!r}"
        if n.tag != q("node") or n.get("id") is None:
            problems.append(f"{path}: {n.tag} {n.attrib} in nodes")
            continue
        if n.get("id") in ids:
            problems.append(f"{where} twice")
        ids.add(n.get("id"))
        for child in n:
            if not (child.tag == q("attvalues") or child.tag.startswith(f"{{{VIZ}}}")):
                problems.append(f"{where}: holds {child.tag}")
        _attvalues(problems, where, n, declared["node"])
        _viz(problems, where, n, {"color", "position", "size", "shape"})
    if nodes.get("count") is not None and int(nodes.get("count")) != len(ids):
        problems.append(f"{path}: nodes count={nodes.get('count')}, {len(ids)} nodes")
    edge_ids = set()
    for e in edges:
        where = f"{path}: edge {e.get('id')!r}"
        if e.tag != q("edge"):
            problems.append(f"{path}: {e.tag} in edges")
            continue
        if e.get("id") is not None:
            if e.get("id") in edge_ids:
                problems.append(f"{where} twice")
            edge_ids.add(e.get("id"))
        for end in ("source", "target"):
            if e.get(end) not in ids:
                problems.append(f"{where}: {end}={e.get(end)!r} is no node")
        if e.get("weight") is not None and _number(e.get("weight"), float) is None:
            problems.append(f"{where}: weight={e.get('weight')!r}")
        if e.get("type", "directed") not in ("directed", "undirected", "mutual"):
            problems.append(f"{where}: type={e.get('type')!r}")
        for child in e:
            if not (child.tag == q("attvalues") or child.tag.startswith(f"{{{VIZ}}}")):
                problems.append(f"{where}: holds {child.tag}")
        _attvalues(problems, where, e, declared["edge"])
        _viz(problems, where, e, {"color", "thickness", "shape"})
    if edges.get("count") is not None and int(edges.get("count")) != len(edges):
        problems.append(f"{path}: edges count={edges.get('count')}, {len(edges)} edges")
    problems += check_schema(path)
    return problems


def check_schema(path):
    """xmllint against the 1.3 schema files in $GEXF_SCHEMA_DIR; [] when they are absent."""
    folder = os.environ.get("GEXF_SCHEMA_DIR")
    if not folder:
        return []
    rng, xsd = os.path.join(folder, "gexf.rng"), os.path.join(folder, "gexf.xsd")
    problems = []
    p = subprocess.run(["xmllint", "--noout", "--relaxng", rng, path], capture_output=True,
                       text=True)
    if p.returncode != 0:
        problems.append(f"{path}: RELAX NG: {p.stderr.strip()[-500:]}")
    tree = ET.parse(path)
    for parent in tree.iter():
        for child in [c for c in parent if c.tag.startswith(f"{{{VIZ}}}")]:
            parent.remove(child)
    with tempfile.NamedTemporaryFile(suffix=".gexf") as tmp:
        ET.register_namespace("", NS)
        tree.write(tmp.name, encoding="UTF-8", xml_declaration=True)
        p = subprocess.run(["xmllint", "--noout", "--schema", xsd, tmp.name],
                           capture_output=True, text=True)
        if p.returncode != 0:
            problems.append(f"{path}: XSD (viz elements taken out): {p.stderr.strip()[-500:]}")
    return problems


class GEXF13Reader(GEXFReader):
    """NetworkX's GEXF reader with the GEXF 1.3 namespaces added."""
    versions = dict(GEXFReader.versions)
    versions["1.3"] = {"NS_GEXF": NS, "NS_VIZ": VIZ,
                       "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
                       "SCHEMALOCATION": f"{NS} {NS}/gexf.xsd", "VERSION": "1.3"}

    def __init__(self):
        super().__init__(version="1.3")


def read_gexf13(path):
    with open(path, "rb") as f:
        return GEXF13Reader()(f)


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    problems = []
    for path in argv:
        problems += check_structure(path)
        try:
            g = read_gexf13(path)
            print(f"gexf_check: {path}: GEXF 1.3, {g.number_of_nodes()} nodes and "
                  f"{g.number_of_edges()} edges read back by NetworkX"
                  f"{'; schema checked' if os.environ.get('GEXF_SCHEMA_DIR') else ''}")
        except Exception as e:  # a reader failure is a finding, not a crash
            problems.append(f"{path}: NetworkX cannot read it: {e}")
    for p in problems:
        print("MISMATCH", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
