#!/usr/bin/python3
"""export_readback.py — what `ckg export` writes, read back by other tools, is the graph.

For each scope given, the JSON export is the reference (its graph rebuilt as in
metrics_crosscheck.py); the GraphML export must read back with python-igraph
(Graph.Read_GraphML) and NetworkX (read_graphml), the GEXF export with NetworkX's GEXF
reader (taught the 1.3 namespaces, gexf_check.py) after gexf_check's structure check, and
the CSV tables (--table nodes, --table edges) with Python's csv module, with every vertex
and edge and every attribute equal: ids, zh, en, alt, theme, papers, edge weights, kinds
and papers; and, read from elsewhere, the theme colors (`ckg themes`), the definitions and
the evidence counts (the ontology's YAML read with PyYAML and counted here), and every
measure (`ckg metrics --format json` of the scope, itself recomputed by
metrics_crosscheck.py). In GEXF each node's viz color is its theme's, its size 10 to 50 by
PageRank and its position given; the bytes are the same on a second run. `-o FILE` must
write the same bytes as stdout, a name ending in .gexf must choose GEXF, and --bom must
only add the byte order mark.

usage: export_readback.py CKG [--ontology DIR] [SCOPE ...]   (SCOPE: all, P or P/S;
       default: all, every paper and every section)
"""
import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

import igraph as ig
import math
import networkx as nx
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gexf_check  # noqa: E402

MEASURES = ("degree", "in_degree", "out_degree", "betweenness", "harmonic", "pagerank", "hub",
            "authority", "coreness", "community")


def run(ckg, args):
    p = subprocess.run([ckg] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit(f"readback: ckg {' '.join(args)} exited {p.returncode}:\n"
                 f"{p.stderr.decode(errors='replace')}")
    return p.stdout


def split_alt(s):
    """Splits an alt list joined by ';' with '\\;' and '\\\\' escapes."""
    if s == "":
        return []
    out, cur, i = [], "", 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            cur += s[i + 1]
            i += 2
        elif s[i] == ";":
            out.append(cur)
            cur = ""
            i += 1
        else:
            cur += s[i]
            i += 1
    out.append(cur)
    return out


def xml_text(s):
    """What an XML 1.0 reader gives back for s: forbidden controls are U+FFFD."""
    return "".join("\ufffd" if ord(ch) < 0x20 and ch not in "\t\n\r" else ch for ch in s)


def reference(export):
    ids = [c["id"] for c in export["concepts"]]
    edges = {}
    for r in export["relations"]:
        e = edges.setdefault((r["from"], r["to"]), {"kinds": [], "papers": set()})
        e["kinds"].append(r["kind"])
        e["papers"].update(r["papers"])
    return ids, edges


def compare(failures, where, nodes, edges, export, xml):
    """nodes: id -> attrs; edges: (from, to) -> attrs; as read back by one tool."""
    fix = xml_text if xml else (lambda s: s)
    ids, ref_edges = reference(export)
    if list(nodes) != ids:
        failures.append(f"{where}: vertices differ: {len(nodes)} read, {len(ids)} exported")
    for c in export["concepts"]:
        got = nodes.get(c["id"])
        if got is None:
            continue
        want = {"zh": fix(c["zh"]), "label": fix(c["zh"]), "en": fix(c["en"]),
                "theme": c["theme"], "papers": ";".join(c["papers"]),
                "alt": [fix(a) for a in c["alt"]]}
        if "n_papers" in got:
            want["n_papers"] = len(c["papers"])
        for k, v in want.items():
            g = split_alt(got.get(k)) if k == "alt" else got.get(k)
            if k == "n_papers" and g is not None:
                g = int(g)  # CSV reads text
            if g != v:
                failures.append(f"{where}: {c['id']}.{k}: read {g!r}, exported {v!r}")
    if set(edges) != set(ref_edges):
        failures.append(f"{where}: edges differ: {sorted(set(edges) ^ set(ref_edges))[:5]}")
    for key, ref in ref_edges.items():
        got = edges.get(key)
        if got is None:
            continue
        want = {"weight": float(len(ref["papers"])),
                "kinds": ";".join(sorted(set(ref["kinds"]), key=ref["kinds"].index)),
                "papers": None}
        if float(got["weight"]) != want["weight"]:
            failures.append(f"{where}: {key} weight: read {got['weight']!r}, want {want['weight']}")
        if set(got["kinds"].split(";")) != set(ref["kinds"]):
            failures.append(f"{where}: {key} kinds: read {got['kinds']!r}, want {ref['kinds']}")
        if set(got["papers"].split(";")) != ref["papers"]:
            failures.append(f"{where}: {key} papers: read {got['papers']!r}, want {ref['papers']}")


def yaml_reference(onto, scope):
    """Definitions of every concept, and evidence counts of each vertex and pair in scope,
    from the ontology's files."""
    paper_id, _, section = scope.partition("/") if scope != "all" else ("", "", "")
    definitions, vertex, edge = {}, {}, {}
    for name in sorted(os.listdir(os.path.join(onto, "concepts"))):
        with open(os.path.join(onto, "concepts", name), encoding="utf-8") as f:
            for c in (yaml.safe_load(f) or {}).get("concepts") or []:
                d = c.get("definition") or {}
                definitions[c["id"]] = (d.get("zh") or "", d.get("en") or "")
    for name in sorted(os.listdir(os.path.join(onto, "papers"))):
        with open(os.path.join(onto, "papers", name), encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        if paper_id and doc["paper"]["id"] != paper_id:
            continue

        def quotes(ev):
            return sum(1 for q in ev or [] if not section or q.get("section") == section)
        for m in doc.get("mentions") or []:
            vertex[m["concept"]] = vertex.get(m["concept"], 0) + quotes(m.get("evidence"))
        for r in doc.get("relations") or []:
            key = (r["from"], r["to"])
            edge[key] = edge.get(key, 0) + quotes(r.get("evidence"))
    return definitions, vertex, edge


def close(a, b):
    return a == b or (isinstance(a, float) and isinstance(b, float) and
                      abs(a - b) <= 1e-12 * max(1.0, abs(b)))


def compare_more(failures, where, nodes, edges, export, more, xml):
    """The attributes besides the graph: colors, definitions, evidence, measures."""
    fix = xml_text if xml else (lambda s: s)
    colors, definitions, vertex_ev, edge_ev, measures = more
    for c in export["concepts"]:
        got = nodes.get(c["id"])
        if got is None:
            continue
        dzh, den = definitions.get(c["id"], ("", ""))
        want = {"color": colors.get(c["theme"], "#E69F00"), "definition_zh": fix(dzh),
                "definition_en": fix(den), "n_papers": len(c["papers"]),
                "evidence": vertex_ev.get(c["id"], 0)}
        want.update(measures[c["id"]])
        for k, v in want.items():
            g = got.get(k)
            if isinstance(v, int) and not isinstance(v, bool) and g is not None:
                g = int(float(g)) if float(g) == int(float(g)) else float(g)
            elif isinstance(v, float) and g is not None:
                g = float(g)
            if not close(g, v):
                failures.append(f"{where}: {c['id']}.{k}: read {g!r}, want {v!r}")
    for key, got in edges.items():
        if int(float(got.get("evidence", -1))) != edge_ev.get(key, 0):
            failures.append(f"{where}: {key} evidence: read {got.get('evidence')!r}, "
                            f"want {edge_ev.get(key, 0)}")


def check_gexf(failures, scope, path, export, more):
    for p in gexf_check.check_structure(path):
        failures.append(f"{scope} gexf: {p}")
    try:
        g = gexf_check.read_gexf13(path)
    except Exception as e:
        failures.append(f"{scope} gexf: NetworkX cannot read it: {e}")
        return
    if not g.is_directed():
        failures.append(f"{scope} gexf: read as undirected")
    strings = ("zh", "en", "alt", "theme", "papers", "definition_zh", "definition_en")
    nodes = {}
    for n, a in g.nodes(data=True):
        nodes[n] = dict({k: "" for k in strings}, **a)
        nodes[n]["label"] = a.get("label")
    edges = {(a, b): dict(d) for a, b, d in g.edges(data=True)}
    compare(failures, f"{scope} gexf", nodes, edges, export, True)
    compare_more(failures, f"{scope} gexf", nodes, edges, export, more, True)
    colors, measures = more[0], more[4]
    top = max((m["pagerank"] for m in measures.values()), default=0)
    for c in export["concepts"]:
        viz = nodes.get(c["id"], {}).get("viz", {})
        hexa = colors.get(c["theme"], "#E69F00")
        rgb = {"r": int(hexa[1:3], 16), "g": int(hexa[3:5], 16), "b": int(hexa[5:7], 16)}
        if {k: viz.get("color", {}).get(k) for k in "rgb"} != rgb:
            failures.append(f"{scope} gexf: {c['id']} viz color {viz.get('color')}, want {rgb}")
        want = 10 + 40 * (math.sqrt(measures[c["id"]]["pagerank"] / top) if top > 0 else 0)
        if abs(viz.get("size", -1) - want) > 0.006:
            failures.append(f"{scope} gexf: {c['id']} viz size {viz.get('size')}, want {want:.2f}")
        pos = viz.get("position", {})
        if not all(math.isfinite(pos.get(k, math.nan)) for k in ("x", "y")):
            failures.append(f"{scope} gexf: {c['id']} has no position ({pos})")
    for key, d in edges.items():
        if d.get("label") is None:
            failures.append(f"{scope} gexf: edge {key} has no label")


def check_scope(ckg, base, onto, scope, failures):
    args = []
    if scope != "all":
        paper, _, section = scope.partition("/")
        args = ["--paper", paper] + (["--section", section] if section else [])
    export = json.loads(run(ckg, base + ["export", "--format", "json"] + args))
    graphml = run(ckg, base + ["export", "--format", "graphml"] + args)
    colors = {t["id"]: t["color"] for t in json.loads(run(ckg, base + ["themes", "--format",
                                                                        "json"]))["themes"]}
    metrics = json.loads(run(ckg, base + ["metrics", "--format", "json"] + args))
    measures = {c["id"]: {k: c[k] for k in MEASURES} for c in metrics["concepts"]}
    more = (colors,) + yaml_reference(onto, export["scope"]) + (measures,)

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "g.graphml")
        run(ckg, base + ["export", "--format", "graphml", "-o", path] + args)
        with open(path, "rb") as f:
            if f.read() != graphml:
                failures.append(f"{scope}: -o FILE differs from stdout")
        if [n for n in os.listdir(tmp) if n != "g.graphml"]:
            failures.append(f"{scope}: -o left a temporary file behind: {os.listdir(tmp)}")

        g = ig.Graph.Read_GraphML(path)
        if g["scope"] != export["scope"]:
            failures.append(f"{scope}: python-igraph graph scope {g['scope']!r}")
        if not g.is_directed():
            failures.append(f"{scope}: python-igraph reads an undirected graph")
        nodes = {v["id"]: v.attributes() for v in g.vs}
        edges = {(g.vs[e.source]["id"], g.vs[e.target]["id"]): e.attributes() for e in g.es}
        compare(failures, f"{scope} python-igraph", nodes, edges, export, True)
        compare_more(failures, f"{scope} python-igraph", nodes, edges, export, more, True)

        h = nx.read_graphml(path)
        if h.graph.get("scope") != export["scope"] or not h.is_directed():
            failures.append(f"{scope}: networkx graph attributes {h.graph!r}")
        # networkx drops an empty <data> element (python-igraph, above, reads it as "")
        strings = ("label", "zh", "en", "alt", "theme", "papers", "definition_zh",
                   "definition_en")
        nodes = {n: dict({k: "" for k in strings}, **a) for n, a in h.nodes(data=True)}
        edges = {(a, b): dict(d) for a, b, d in h.edges(data=True)}
        compare(failures, f"{scope} networkx", nodes, edges, export, True)
        compare_more(failures, f"{scope} networkx", nodes, edges, export, more, True)

        # GEXF, chosen by the file's name; the same bytes as --format gexf, and again
        gexf = os.path.join(tmp, "g.gexf")
        run(ckg, base + ["export", "-o", gexf] + args)
        with open(gexf, "rb") as f:
            if f.read() != run(ckg, base + ["export", "--format", "gexf"] + args):
                failures.append(f"{scope}: -o g.gexf differs from --format gexf (or a rerun)")
        check_gexf(failures, scope, gexf, export, more)

    node_text = run(ckg, base + ["export", "--format", "csv", "--table", "nodes"] + args)
    edge_text = run(ckg, base + ["export", "--format", "csv", "--table", "edges"] + args)
    rows = list(csv.DictReader(io.StringIO(node_text.decode("utf-8"), newline="")))
    nodes = {r["id"]: r for r in rows}
    rows = list(csv.DictReader(io.StringIO(edge_text.decode("utf-8"), newline="")))
    edges = {(r["source"], r["target"]): r for r in rows}
    for r in rows:
        if r["type"] != "Directed":
            failures.append(f"{scope}: csv edge type {r['type']!r}")
    compare(failures, f"{scope} csv", nodes, edges, export, False)
    compare_more(failures, f"{scope} csv", nodes, edges, export, more, False)
    if (run(ckg, base + ["export", "--format", "csv", "--nodes"] + args) != node_text or
            run(ckg, base + ["export", "--format", "csv", "--edges"] + args) != edge_text):
        failures.append(f"{scope}: --nodes/--edges differ from --table nodes/edges")
    bom = run(ckg, base + ["export", "--format", "csv", "--table", "nodes", "--bom"] + args)
    if bom != b"\xef\xbb\xbf" + node_text:
        failures.append(f"{scope}: --bom is not the byte order mark before the same table")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ckg")
    ap.add_argument("--ontology")
    ap.add_argument("scopes", nargs="*", help="default: all, every paper, every section")
    args = ap.parse_intermixed_args()
    base = ["--ontology", args.ontology] if args.ontology else []
    if not args.scopes:
        everything = json.loads(run(args.ckg, base + ["export"]))
        args.scopes = ["all"] + [p["id"] for p in everything["papers"]] + [
            f"{p['id']}/{s['id']}" for p in everything["papers"] for s in p.get("sections", [])]
    failures = []
    onto = args.ontology or "ontology"
    for scope in args.scopes:
        check_scope(args.ckg, base, onto, scope, failures)
    for f in failures:
        print("MISMATCH", f, file=sys.stderr)
    print(f"readback: {len(args.scopes)} scopes ({', '.join(args.scopes)}) through GraphML "
          f"(python-igraph, networkx), GEXF (structure, networkx) and CSV; "
          f"{len(failures)} mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
