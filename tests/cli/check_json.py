"""check_json.py — validates the JSON the query commands print, for the CLI tests.

usage: check_json.py SHAPE FILE [ONTOLOGY CONCEPT]

SHAPE is neighbors, neighbors-evidence, show, path or search: the file must parse and have
the shape doc/design.md fixes for the command. With ONTOLOGY and
CONCEPT (an id), the depth-1 neighbors are also recomputed from the YAML files, independently
of ckg, and must be exactly the entries of the file. Exits 1 with a message on the first
problem.
"""
import glob
import json
import os
import sys

import yaml


def fail(msg):
    print("check_json: " + msg, file=sys.stderr)
    sys.exit(1)


def need(obj, keys, where, types=str):
    for k in keys:
        if k not in obj:
            fail("%s lacks %r" % (where, k))
        if types is not None and not isinstance(obj[k], types):
            fail("%s: %r is %r, not %s" % (where, k, obj[k], types))


def concept_obj(c, where):
    need(c, ("id", "zh", "en"), where)


def evidence_list(ev, where):
    if not isinstance(ev, list) or not ev:
        fail(where + ": evidence must be a non-empty list")
    for e in ev:
        need(e, ("paper", "from", "kind", "to", "quote"), where + " evidence")
        if not (e["line"] is None or (isinstance(e["line"], int) and e["line"] > 0)):
            fail(where + ": line must be a positive integer or null")


def link_obj(n, where, evidence):
    need(n, ("id", "zh", "en", "theme", "kind"), where)
    if n.get("direction") not in ("out", "in"):
        fail(where + ": direction must be 'out' or 'in'")
    if not isinstance(n.get("depth"), int) or isinstance(n["depth"], bool) or n["depth"] < 1:
        fail(where + ": depth must be an integer >= 1")
    papers = n.get("papers")
    if not isinstance(papers, list) or not papers or not all(isinstance(p, str) for p in papers):
        fail(where + ": papers must be a non-empty list of ids")
    if evidence:
        evidence_list(n.get("evidence"), where)


def neighbors(d, evidence):
    need(d, ("concept", "neighbors"), "top level", None)
    concept_obj(d["concept"], "concept")
    if not isinstance(d["neighbors"], list):
        fail("neighbors must be a list")
    seen = set()
    for i, n in enumerate(d["neighbors"]):
        link_obj(n, "neighbors[%d]" % i, evidence)
        key = (n["id"], n["kind"], n["direction"])
        if key in seen:
            fail("two entries for %r" % (key,))
        seen.add(key)


def oracle(d, ontology, concept):
    """Depth-1 neighbors of concept straight from the YAML files."""
    want = {}
    for f in sorted(glob.glob(os.path.join(ontology, "papers", "*.yaml"))):
        doc = yaml.safe_load(open(f, encoding="utf-8"))
        pid = doc["paper"]["id"]
        for r in doc.get("relations") or []:
            if r["from"] == r["to"]:
                continue
            if r["from"] == concept:
                want.setdefault((r["to"], r["kind"], "out"), set()).add(pid)
            if r["to"] == concept:
                want.setdefault((r["from"], r["kind"], "in"), set()).add(pid)
    got = {(n["id"], n["kind"], n["direction"]): set(n["papers"])
           for n in d["neighbors"] if n["depth"] == 1}
    if d["concept"]["id"] != concept:
        fail("concept is %r, not %r" % (d["concept"]["id"], concept))
    if got != want:
        fail("neighbors differ from the YAML:\n  only in ckg: %r\n  only in YAML: %r\n"
             "  papers differ: %r" % (
                 sorted(set(got) - set(want)), sorted(set(want) - set(got)),
                 sorted(k for k in set(got) & set(want) if got[k] != want[k])))


def show(d):
    need(d, ("id", "zh", "en", "theme"), "show")
    need(d, ("alt", "broader", "narrower", "centrality", "papers", "relations"), "show", list)
    need(d["definition"], ("zh", "en"), "definition")
    for c in d["centrality"]:
        need(c, ("scope",), "centrality")
        for m in ("degree", "in_degree", "out_degree", "pagerank"):
            need(c[m], ("value", "rank"), "centrality " + m, (int, float))
    for p in d["papers"]:
        need(p, ("id", "title"), "paper")
    for i, n in enumerate(d["relations"]):
        link_obj(n, "relations[%d]" % i, False)


def path(d):
    need(d, ("from", "to"), "path", dict)
    need(d, ("paths",), "path", list)
    for p in d["paths"]:
        if len(p["concepts"]) != d["length"] + 1 or len(p["steps"]) != d["length"]:
            fail("a path's concepts and steps do not match its length")
        for k, s in enumerate(p["steps"]):
            if s["from"] != p["concepts"][k] or s["to"] != p["concepts"][k + 1]:
                fail("step %d does not join concepts %d and %d" % (k, k, k + 1))
            if not s["relations"]:
                fail("step %d has no relation" % k)
            for r in s["relations"]:
                link_obj(r, "step %d" % k, "evidence" in r)


def search(d):
    need(d, ("query",), "search")
    need(d, ("concepts", "quotes"), "search", list)
    for c in d["concepts"]:
        need(c, ("id", "zh", "en", "match", "field", "text"), "concept hit")
    for q in d["quotes"]:
        need(q, ("paper", "quote"), "quote hit")
        if not q["uses"]:
            fail("a quote hit without uses")


def main():
    if len(sys.argv) not in (3, 5):
        fail(__doc__)
    shape, path_ = sys.argv[1], sys.argv[2]
    try:
        d = json.load(open(path_, encoding="utf-8"))
    except ValueError as e:
        fail("not JSON: %s" % e)
    if shape in ("neighbors", "neighbors-evidence"):
        neighbors(d, shape == "neighbors-evidence")
        if len(sys.argv) == 5:
            oracle(d, sys.argv[3], sys.argv[4])
    elif shape == "show":
        show(d)
    elif shape == "path":
        path(d)
    elif shape == "search":
        search(d)
    else:
        fail("unknown shape " + shape)


main()
