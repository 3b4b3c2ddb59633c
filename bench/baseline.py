#!/usr/bin/python3
"""baseline.py - what a researcher would script with Debian packages, for `make bench`.

PyYAML with its C loader (python3-yaml over libyaml) and python-igraph (python3-igraph),
doing what ckg does, so the benchmark compares like with like:

    baseline.py load ONTOLOGY                 parse every YAML file (nothing else)
    baseline.py neighbors ONTOLOGY CONCEPT    load, build the graph, list the concept's
                                              neighbors (depth 1, both directions) as JSON
    baseline.py metrics ONTOLOGY              load, build the graph, compute the metrics of
                                              doc/design.md for every concept, print JSON

The graph is the one of doc/design.md: a vertex per concept, an edge per distinct ordered pair
(from, to) stated by some paper, weighted by the number of papers stating it; degrees,
PageRank (0.85) and hub/authority on the directed graph; betweenness (normalized),
harmonic centrality (normalized), coreness and communities (multilevel) on the undirected
collapse. Run with /usr/bin/python3 (Debian's modules).
"""
import glob
import json
import os
import sys

import igraph
import yaml

LOADER = yaml.CSafeLoader


def read(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=LOADER)


def load(onto):
    """The files ckg reads, in the order it reads them."""
    data = {"themes": read(os.path.join(onto, "themes.yaml")),
            "relations": read(os.path.join(onto, "relations.yaml")),
            "concepts": [], "papers": []}
    for path in sorted(glob.glob(os.path.join(onto, "concepts", "*.yaml"))):
        data["concepts"].extend(read(path)["concepts"] or [])
    for path in sorted(glob.glob(os.path.join(onto, "papers", "*.yaml"))):
        data["papers"].append(read(path))
    return data


def build(data):
    concepts = data["concepts"]
    index = {c["id"]: i for i, c in enumerate(concepts)}
    pairs = {}  # (from, to) -> {"kinds": set, "papers": list}
    for doc in data["papers"]:
        pid = doc["paper"]["id"]
        for r in doc.get("relations") or []:
            key = (index[r["from"]], index[r["to"]])
            e = pairs.setdefault(key, {"kinds": set(), "papers": []})
            e["kinds"].add(r["kind"])
            if not e["papers"] or e["papers"][-1] != pid:
                e["papers"].append(pid)
    edges = sorted(pairs)
    g = igraph.Graph(n=len(concepts), edges=edges, directed=True)
    g.es["weight"] = [len(pairs[e]["papers"]) for e in edges]
    return g, index, edges, pairs


def resolve(data, index, name):
    if name in index:
        return index[name]
    folded = name.casefold().replace(" ", "")
    for i, c in enumerate(data["concepts"]):
        names = [c["zh"], c["en"]] + list(c.get("alt") or [])
        if any(n.casefold().replace(" ", "") == folded for n in names):
            return i
    return None


def neighbors(onto, name):
    data = load(onto)
    g, index, edges, pairs = build(data)
    v = resolve(data, index, name)
    if v is None:
        print(f"unknown concept '{name}'", file=sys.stderr)
        return 1
    concepts = data["concepts"]
    out = []
    for mode, direction in (("out", "out"), ("in", "in")):
        for eid in g.incident(v, mode=mode):
            e = g.es[eid]
            w = e.target if direction == "out" else e.source
            info = pairs[(e.source, e.target)]
            c = concepts[w]
            out.append({"id": c["id"], "zh": c["zh"], "en": c["en"], "theme": c["theme"],
                        "kind": sorted(info["kinds"])[0], "direction": direction, "depth": 1,
                        "papers": info["papers"]})
    c = concepts[v]
    json.dump({"concept": {"id": c["id"], "zh": c["zh"], "en": c["en"]}, "neighbors": out},
              sys.stdout, ensure_ascii=False)
    print()
    return 0


def metrics(onto):
    data = load(onto)
    g, index, edges, pairs = build(data)
    concepts = data["concepts"]
    u = g.as_undirected(mode="collapse")
    degree = g.degree()
    indeg = g.indegree()
    outdeg = g.outdegree()
    pagerank = g.pagerank(damping=0.85, directed=True)
    hub = g.hub_score()
    authority = g.authority_score()
    betweenness = u.betweenness(directed=False)
    n = u.vcount()
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    betweenness = [b * scale for b in betweenness]
    harmonic = u.harmonic_centrality(normalized=True)
    coreness = u.coreness()
    communities = u.community_multilevel()
    themes = sorted({c["theme"] for c in concepts})
    theme_of = {t: i for i, t in enumerate(themes)}
    theme_modularity = u.modularity([theme_of[c["theme"]] for c in concepts])
    rows = []
    for i, c in enumerate(concepts):
        rows.append({"id": c["id"], "zh": c["zh"], "degree": degree[i],
                     "in_degree": indeg[i], "out_degree": outdeg[i],
                     "betweenness": betweenness[i], "harmonic": harmonic[i],
                     "pagerank": pagerank[i], "hub": hub[i], "authority": authority[i],
                     "coreness": coreness[i], "community": communities.membership[i]})
    json.dump({"scope": "all", "nodes": g.vcount(), "edges": g.ecount(), "concepts": rows,
               "graph": {"density": g.density(), "communities": len(communities),
                         "modularity": communities.modularity,
                         "theme_modularity": theme_modularity}},
              sys.stdout, ensure_ascii=False)
    print()
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "load":
        data = load(argv[2])
        print(f"{len(data['concepts'])} concepts, {len(data['papers'])} papers")
        return 0
    if len(argv) == 4 and argv[1] == "neighbors":
        return neighbors(argv[2], argv[3])
    if len(argv) == 3 and argv[1] == "metrics":
        return metrics(argv[2])
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
