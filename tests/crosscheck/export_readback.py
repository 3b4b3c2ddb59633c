#!/usr/bin/python3
"""export_readback.py — what `ckg export` writes, read back by other tools, is the graph.

For each scope given, the JSON export is the reference (its graph rebuilt as in
metrics_crosscheck.py); the GraphML export must read back with python-igraph
(Graph.Read_GraphML) and NetworkX (read_graphml), and the CSV export with Python's csv
module, with every vertex and edge and every attribute equal: ids, zh, en, alt, theme,
papers, edge weights, kinds and papers. `-o FILE` must write the same bytes as stdout.

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
import networkx as nx


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


def check_scope(ckg, base, scope, failures):
    args = []
    if scope != "all":
        paper, _, section = scope.partition("/")
        args = ["--paper", paper] + (["--section", section] if section else [])
    export = json.loads(run(ckg, base + ["export", "--format", "json"] + args))
    graphml = run(ckg, base + ["export", "--format", "graphml"] + args)

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

        h = nx.read_graphml(path)
        if h.graph.get("scope") != export["scope"] or not h.is_directed():
            failures.append(f"{scope}: networkx graph attributes {h.graph!r}")
        # networkx drops an empty <data> element (python-igraph, above, reads it as "")
        strings = ("label", "zh", "en", "alt", "theme", "papers")
        nodes = {n: dict({k: "" for k in strings}, **a) for n, a in h.nodes(data=True)}
        edges = {(a, b): dict(d) for a, b, d in h.edges(data=True)}
        compare(failures, f"{scope} networkx", nodes, edges, export, True)

    text = run(ckg, base + ["export", "--format", "csv"] + args).decode("utf-8")
    node_part, sep, edge_part = text.partition("\n\nsource,")
    if not sep:
        failures.append(f"{scope}: csv has no edges table after an empty line")
        return
    rows = list(csv.DictReader(io.StringIO(node_part + "\n", newline="")))
    nodes = {r["id"]: r for r in rows}
    for r in rows:
        r["n_papers"] = len(r["papers"].split(";")) if r["papers"] else 0
    rows = list(csv.DictReader(io.StringIO("source," + edge_part, newline="")))
    edges = {(r["source"], r["target"]): r for r in rows}
    for r in rows:
        if r["type"] != "Directed":
            failures.append(f"{scope}: csv edge type {r['type']!r}")
    compare(failures, f"{scope} csv", nodes, edges, export, False)
    only_nodes = run(ckg, base + ["export", "--format", "csv", "--nodes"] + args).decode("utf-8")
    only_edges = run(ckg, base + ["export", "--format", "csv", "--edges"] + args).decode("utf-8")
    if only_nodes != node_part + "\n" or only_edges != "source," + edge_part:
        failures.append(f"{scope}: --nodes/--edges differ from the two tables of csv")


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
    for scope in args.scopes:
        check_scope(args.ckg, base, scope, failures)
    for f in failures:
        print("MISMATCH", f, file=sys.stderr)
    print(f"readback: {len(args.scopes)} scopes ({', '.join(args.scopes)}) through GraphML "
          f"(python-igraph, networkx) and CSV; {len(failures)} mismatches")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
