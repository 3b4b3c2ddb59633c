#!/usr/bin/python3
"""metrics_crosscheck.py — every measure of `ckg metrics` recomputed independently.

For each scope (all papers, every paper, every declared section), weighted and not, the
graph is rebuilt from `ckg export --format json` alone (one edge per distinct ordered pair,
weight = the number of distinct papers over its relations), and every measure and figure of
`ckg metrics --format json` is computed again with python-igraph and with NetworkX (a
second, unrelated implementation), then compared to 1e-9. Hub and authority scores are
computed from their definition with numpy (all ones projected onto the principal
eigenspace of A·Aᵀ, resp. Aᵀ·1 onto that of Aᵀ·A) and compared with python-igraph too
when that eigenspace is one-dimensional (otherwise ARPACK's answer is arbitrary). Communities come from a
seeded RNG that Python does not share, so the partition is checked for what it must be:
a partition numbered 1..k by size, its communities connected (Leiden), and its modularity
equal to ckg's.

usage: metrics_crosscheck.py CKG [--ontology DIR] [--louvain] [--scope S]...
Exits 1 with every mismatch listed, 0 when all agree.
"""
import argparse
import json
import math
import subprocess
import sys
from fractions import Fraction

import igraph as ig
import networkx as nx
import numpy as np

TOL = 1e-9
MEASURES = ["degree", "in_degree", "out_degree", "betweenness", "harmonic", "pagerank",
            "hub", "authority", "coreness", "community"]


class Checker:
    def __init__(self):
        self.failures = []
        self.checks = 0

    def close(self, where, what, got, want, tol=TOL):
        """got equals want to tol (relative above 1); None stands for an undefined value."""
        self.checks += 1
        if got is None or want is None:
            ok = got is None and want is None
        else:
            ok = abs(got - want) <= tol * max(1.0, abs(want))
        if not ok:
            self.failures.append(f"{where}: {what}: ckg {got!r}, expected {want!r}")

    def true(self, where, what, cond):
        self.checks += 1
        if not cond:
            self.failures.append(f"{where}: {what}")


def run(ckg, args):
    p = subprocess.run([ckg] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit(f"crosscheck: ckg {' '.join(args)} exited {p.returncode}:\n"
                 f"{p.stderr.decode(errors='replace')}")
    return json.loads(p.stdout)


def rebuild(export):
    """Vertices in export order; edges (from, to) sorted, weight = distinct papers."""
    ids = [c["id"] for c in export["concepts"]]
    index = {c: i for i, c in enumerate(ids)}
    papers = {}
    for r in export["relations"]:
        key = (index[r["from"]], index[r["to"]])
        papers.setdefault(key, set()).update(r["papers"])
    edges = sorted(papers)
    weights = [float(len(papers[e])) for e in edges]
    themes = sorted({c["theme"] for c in export["concepts"]})
    theme_of = [themes.index(c["theme"]) for c in export["concepts"]]
    return ids, edges, weights, theme_of


def collapse(n, edges, weights, weighted):
    """Undirected pairs {a, b} with summed weights (1 each when unweighted)."""
    pairs = {}
    for (a, b), w in zip(edges, weights):
        key = (min(a, b), max(a, b))
        pairs[key] = pairs.get(key, 0.0) + w if weighted else 1.0
    keys = sorted(pairs)
    return keys, [pairs[k] for k in keys]


def expected_igraph(n, edges, weights, weighted, membership, theme_of):
    D = ig.Graph(n=n, edges=edges, directed=True)
    w = weights if weighted else None
    upairs, uweights = collapse(n, edges, weights, weighted)
    U = ig.Graph(n=n, edges=upairs, directed=False)
    uw = uweights if weighted else None
    lengths = [1.0 / x for x in uweights] if weighted else None
    e = {}
    if weighted:
        e["degree"] = D.strength(mode="all", weights=w)
        e["in_degree"] = D.strength(mode="in", weights=w)
        e["out_degree"] = D.strength(mode="out", weights=w)
    else:
        e["degree"] = D.degree(mode="all")
        e["in_degree"] = D.degree(mode="in")
        e["out_degree"] = D.degree(mode="out")
    e["pagerank"] = D.pagerank(damping=0.85, weights=w, directed=True)
    e["hub"] = D.hub_score(weights=w, scale=True)
    e["authority"] = D.authority_score(weights=w, scale=True)
    b = U.betweenness(directed=False, weights=lengths)
    e["betweenness"] = [x * 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0 for x in b]
    e["harmonic"] = U.harmonic_centrality(weights=lengths, normalized=True) if n > 1 else [0.0] * n
    e["coreness"] = U.coreness()
    fig = {
        "density": D.density(loops=False) if n > 1 else 0.0,
        "components": len(D.connected_components(mode="weak")),
        "largest_component": max(D.connected_components(mode="weak").sizes(), default=0),
        "diameter": U.diameter(directed=False, unconn=True) if U.ecount() else 0,
        "undirected_edges": U.ecount(),
        "modularity": U.modularity([c - 1 for c in membership], weights=uw) if U.ecount() else None,
        "theme_modularity": U.modularity(theme_of, weights=uw) if U.ecount() else None,
    }
    return e, fig, U


def expected_networkx(n, edges, weights, weighted, membership, theme_of):
    D = nx.DiGraph()
    D.add_nodes_from(range(n))
    for (a, b), x in zip(edges, weights):
        D.add_edge(a, b, weight=x)
    upairs, uweights = collapse(n, edges, weights, weighted)
    U = nx.Graph()
    U.add_nodes_from(range(n))
    # exact lengths: with floats, 1/3 + 1/6 and 1/2 need not compare equal, and NetworkX
    # (unlike igraph, which compares with a tolerance) would miss such tied shortest paths
    for (a, b), x in zip(upairs, uweights):
        U.add_edge(a, b, weight=x, length=Fraction(1, int(x)))
    wkey = "weight" if weighted else None
    lkey = "length" if weighted else None
    e = {}
    e["degree"] = [D.degree(v, weight=wkey) for v in range(n)]
    e["in_degree"] = [D.in_degree(v, weight=wkey) for v in range(n)]
    e["out_degree"] = [D.out_degree(v, weight=wkey) for v in range(n)]
    pr = nx.pagerank(D, alpha=0.85, weight=wkey, tol=1e-15, max_iter=100000)
    e["pagerank"] = [pr[v] for v in range(n)]
    bc = nx.betweenness_centrality(U, normalized=True, weight=lkey)
    e["betweenness"] = [float(bc[v]) if n > 2 else 0.0 for v in range(n)]
    hc = nx.harmonic_centrality(U, distance=lkey)
    e["harmonic"] = [float(hc[v]) / (n - 1) if n > 1 else 0.0 for v in range(n)]
    core = nx.core_number(U)
    e["coreness"] = [core[v] for v in range(n)]
    comps = list(nx.weakly_connected_components(D))
    diameter = 0
    for comp in nx.connected_components(U):
        if len(comp) > 1:
            diameter = max(diameter, nx.diameter(U.subgraph(comp)))
    groups = {}
    for v, c in enumerate(membership):
        groups.setdefault(c, set()).add(v)
    themes = {}
    for v, t in enumerate(theme_of):
        themes.setdefault(t, set()).add(v)
    has_edges = U.number_of_edges() > 0
    fig = {
        "density": nx.density(D),
        "components": len(comps),
        "largest_component": max((len(c) for c in comps), default=0),
        "diameter": diameter,
        "undirected_edges": U.number_of_edges(),
        "modularity": nx.community.modularity(U, groups.values(), weight=wkey) if has_edges else None,
        "theme_modularity": nx.community.modularity(U, themes.values(), weight=wkey) if has_edges else None,
    }
    return e, fig


def principal_projection(M, x):
    """The projection of x onto the eigenspace of M's largest eigenvalue (to 1e-9)."""
    vals, vecs = np.linalg.eigh(M)
    top = vals.max()
    basis = vecs[:, vals >= top - 1e-9 * max(1.0, abs(top))]
    return basis @ (basis.T @ x), int(basis.shape[1])


def scaled(v):
    m = v.max()
    return v / m if m > 0 else v


def expected_hits(n, edges, weights, weighted):
    """Hubs: all ones projected onto the principal eigenspace of A·Aᵀ (what Kleinberg's
    iteration from ones converges to; the principal eigenvector when it is unique);
    authorities: Aᵀ·1 projected onto that of Aᵀ·A. Largest 1. Also the multiplicity."""
    if not edges:
        return [1.0] * n, [1.0] * n, n
    A = np.zeros((n, n))
    for (a, b), x in zip(edges, weights):
        A[a, b] = x if weighted else 1.0
    ones = np.ones(n)
    h, k = principal_projection(A @ A.T, ones)
    a, _ = principal_projection(A.T @ A, A.T @ ones)
    return list(scaled(h)), list(scaled(a)), k


def check_hits(chk, where, ids, edges, weights, weighted, hub, auth, e_ig):
    n = len(ids)
    h, a, multiplicity = expected_hits(n, edges, weights, weighted)
    for v in range(n):
        chk.close(where, f"{ids[v]} hub (numpy)", hub[v], float(h[v]))
        chk.close(where, f"{ids[v]} authority (numpy)", auth[v], float(a[v]))
    # python-igraph's ARPACK answer is meaningful only when the eigenvalue is simple
    if multiplicity == 1:
        for v in range(n):
            chk.close(where, f"{ids[v]} hub (python-igraph)", hub[v], e_ig["hub"][v])
            chk.close(where, f"{ids[v]} authority (python-igraph)", auth[v],
                      e_ig["authority"][v])
    return multiplicity


def check_partition(chk, where, U, membership, figures, method):
    k = figures["communities"]
    labels = set(membership)
    chk.true(where, f"community labels are 1..{k}, got {sorted(labels)[:5]}...",
             labels == set(range(1, k + 1)))
    if labels != set(range(1, k + 1)):
        return
    sizes = [membership.count(c) for c in range(1, k + 1)]
    first = [membership.index(c) for c in range(1, k + 1)]
    chk.true(where, "communities are numbered by size, largest first, ties by first vertex",
             all((sizes[i], -first[i]) > (sizes[i + 1], -first[i + 1]) for i in range(k - 1)))
    if method == "leiden":
        for c in range(1, k + 1):
            sub = U.induced_subgraph([v for v, x in enumerate(membership) if x == c])
            chk.true(where, f"community {c} is connected (Leiden guarantees it)",
                     sub.vcount() <= 1 or sub.is_connected())


def check_scope(chk, ckg, base, scope_args, weighted, method):
    export = run(ckg, base + ["export", "--format", "json"] + scope_args)
    margs = base + ["metrics", "--format", "json", "--method", method] + scope_args
    if weighted:
        margs.append("--weighted")
    metrics = run(ckg, margs)
    where = f"{metrics['scope']}{' weighted' if weighted else ''} {method}"
    ids, edges, weights, theme_of = rebuild(export)
    n = len(ids)
    chk.close(where, "nodes", metrics["nodes"], n)
    chk.close(where, "edges", metrics["edges"], len(edges))
    by_id = {c["id"]: c for c in metrics["concepts"]}
    chk.true(where, "metrics lists every concept of the export once",
             sorted(by_id) == sorted(ids) and len(metrics["concepts"]) == n)
    for c in metrics["concepts"]:
        for m in MEASURES:
            chk.true(where, f"{c['id']} has {m}", m in c)
    got = {m: [by_id[i][m] for i in ids] for m in MEASURES}
    membership = got["community"]
    graph = metrics["graph"]
    chk.close(where, "graph.communities", graph["communities"], len(set(membership)))

    e_ig, f_ig, U = expected_igraph(n, edges, weights, weighted, membership, theme_of)
    e_nx, f_nx = expected_networkx(n, edges, weights, weighted, membership, theme_of)
    for source, e, f in (("python-igraph", e_ig, f_ig), ("networkx", e_nx, f_nx)):
        for m, values in e.items():
            if m in ("hub", "authority"):
                continue  # check_hits
            for v in range(n):
                chk.close(where, f"{ids[v]} {m} ({source})", got[m][v], float(values[v]))
        for k, want in f.items():
            chk.close(where, f"graph.{k} ({source})", graph[k],
                      None if want is None else float(want))
    k = check_hits(chk, where, ids, edges, weights, weighted, got["hub"], got["authority"], e_ig)
    check_partition(chk, where, U, membership, graph, method)
    return where + (f" (hits eigenvalue x{k})" if k > 1 else "")


def scope_args(scope):
    if scope == "all":
        return []
    paper, _, section = scope.partition("/")
    return ["--paper", paper] + (["--section", section] if section else [])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ckg")
    ap.add_argument("--ontology")
    ap.add_argument("--louvain", action="store_true", help="also check Louvain on every scope")
    ap.add_argument("--scope", action="append",
                    help="check only this scope (all, P or P/S); default: every scope")
    args = ap.parse_args()
    base = ["--ontology", args.ontology] if args.ontology else []

    if args.scope:
        scopes = [scope_args(s) for s in args.scope]
    else:
        everything = run(args.ckg, base + ["export", "--format", "json"])
        scopes = [[]]
        for p in everything["papers"]:
            scopes.append(["--paper", p["id"]])
        for p in everything["papers"]:
            for s in p.get("sections", []):
                scopes.append(["--paper", p["id"], "--section", s["id"]])

    chk = Checker()
    done = []
    for scope in scopes:
        for weighted in (False, True):
            methods = ["leiden", "louvain"] if args.louvain or not scope else ["leiden"]
            for method in methods:
                done.append(check_scope(chk, args.ckg, base, scope, weighted, method))
    for f in chk.failures:
        print("MISMATCH", f, file=sys.stderr)
    print(f"crosscheck: {len(done)} runs ({', '.join(done)}); {chk.checks} comparisons, "
          f"{len(chk.failures)} mismatches")
    return 1 if chk.failures else 0


if __name__ == "__main__":
    sys.exit(main())
