#!/usr/bin/python3
"""diff_crosscheck.py — `ckg diff` and `ckg compare` recomputed with scipy.

For every pair of papers and every pair of sections of a paper that declares them, the JSON
of `ckg diff A B` is checked against what Python computes from `ckg metrics --format json`
(the values of each scope, themselves cross-checked by metrics_crosscheck.py) and `ckg
export --format json` (the concepts and relations of each scope):

  - shared / only_a / only_b and both Jaccard indexes, from the sets;
  - every value of every shared concept in a and b, its rank by every measure within its
    scope (scipy.stats.rankdata of the negated values, method 'average'), and the deltas;
  - Spearman's rho (scipy.stats.spearmanr) and Kendall's tau-b (scipy.stats.kendalltau) of
    every measure over the shared concepts; spearman_pagerank always, spearman_M and
    kendall_M with --measure M;
  - the theme shares of concepts and of relation ends; the relations each states alone,
    their kinds, and every order diff.h defines (movers, ranks, relations).

Relations are compared under the key of --by (diff.h): (from, family, to) by default,
(from, kind, to) with --by kind, (from, to) with --by pair. The family of each kind is read
from the ontology's relations.yaml with PyYAML, not from ckg, so a wrong family in ckg's
loader or diff shows as a mismatch; the in-both counts of all three keys
(shared_relations_by) are checked on every run.

`ckg compare` (all papers, and the sections of each paper that has them) is checked the
same way: the Jaccard and correlation matrices, the pairs, every rank and value of the
concept × scope matrix and its order.

usage: diff_crosscheck.py CKG [--ontology DIR]
Exits 1 with every mismatch listed, 0 when all agree.
"""
import argparse
import itertools
import json
import math
import subprocess
import sys

import os

import numpy as np
import yaml
from scipy import stats

TOL = 1e-12
MEASURES = ["degree", "in_degree", "out_degree", "betweenness", "harmonic", "pagerank",
            "hub", "authority", "coreness", "community"]
RANKED = [m for m in MEASURES if m != "community"]


class Checker:
    def __init__(self):
        self.failures = []
        self.checks = 0

    def close(self, where, what, got, want, tol=TOL):
        """got equals want to tol (relative above 1); None / NaN stand for undefined."""
        self.checks += 1
        if want is not None and isinstance(want, float) and math.isnan(want):
            want = None
        if got is None or want is None:
            ok = got is None and want is None
        else:
            ok = abs(got - want) <= tol * max(1.0, abs(want))
        if not ok:
            self.failures.append(f"{where}: {what}: ckg {got!r}, expected {want!r}")

    def equal(self, where, what, got, want):
        self.checks += 1
        if got != want:
            self.failures.append(f"{where}: {what}: ckg {got!r}, expected {want!r}")


def run(ckg, args):
    p = subprocess.run([ckg] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit(f"crosscheck: ckg {' '.join(args)} exited {p.returncode}:\n"
                 f"{p.stderr.decode(errors='replace')}")
    return json.loads(p.stdout)


class Scope:
    """One scope as metrics and export report it."""

    def __init__(self, ckg, onto, name):
        paper, _, section = name.partition("/")
        args = onto + ["--paper", paper] + (["--section", section] if section else [])
        self.name = name
        met = run(ckg, onto + ["metrics", "--format", "json", "--sort", "id"] + args[len(onto):])
        exp = run(ckg, onto + ["export", "--format", "json"] + args[len(onto):])
        self.values = {c["id"]: c for c in met["concepts"]}
        self.ids = sorted(self.values)
        self.theme = {c["id"]: c["theme"] for c in exp["concepts"]}
        self.kinds = {}
        for r in exp["relations"]:
            self.kinds.setdefault((r["from"], r["to"]), set()).add(r["kind"])
        self.ranks = {}
        for m in RANKED:
            v = np.array([float(self.values[i][m]) for i in self.ids])
            r = stats.rankdata(-v, method="average")
            self.ranks[m] = dict(zip(self.ids, (float(x) for x in r)))
        self.order = {m: sorted(self.ids, key=lambda i: (-float(self.values[i][m]), i))
                      for m in RANKED}


FAMILY = {}  # kind id -> family name, from relations.yaml
KEYS = ("family", "kind", "pair")


def load_families(onto_dir):
    with open(os.path.join(onto_dir, "relations.yaml"), encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    for k in doc["relations"]:
        FAMILY[k["id"]] = k.get("family")


def units(s, by):
    """The relations of scope s under key by: (from, to, key), key None by pair."""
    out = set()
    for (f, t), kinds in s.kinds.items():
        if by == "pair":
            out.add((f, t, None))
        else:
            for k in kinds:
                out.add((f, t, FAMILY[k] if by == "family" else k))
    return out


def kinds_under(s, p, key, by):
    """The kinds s states for pair p under key, sorted; None when it states none."""
    ks = sorted(k for k in s.kinds.get(p, ())
                if by == "pair" or (FAMILY[k] if by == "family" else k) == key)
    return ks or None


def family_of(a, b, p, key, by):
    if by == "family":
        return key
    if by == "kind":
        return FAMILY[key]
    fams = {FAMILY[k] for s in (a, b) for k in s.kinds.get(p, ())}
    return fams.pop() if len(fams) == 1 else None


def jaccard(a, b):
    u = len(a | b)
    return len(a & b) / u if u else None


def correlations(a, b, shared, m):
    if len(shared) < 2:
        return None, None
    x = [float(a.values[i][m]) for i in shared]
    y = [float(b.values[i][m]) for i in shared]
    if len(set(x)) < 2 or len(set(y)) < 2:
        return None, None
    rho = stats.spearmanr(x, y).correlation
    tau = stats.kendalltau(x, y).correlation  # variant b, ties corrected
    return float(rho), float(tau)


def check_diff(ck, d, a, b, measure, by="family"):
    where = f"diff {a.name} {b.name} --measure {measure} --by {by}"
    A, B = set(a.ids), set(b.ids)
    shared = sorted(A & B)
    ck.equal(where, "a, b", (d["a"], d["b"]), (a.name, b.name))
    ck.equal(where, "measure", d["measure"], measure)
    ck.equal(where, "by", d["by"], by)
    ck.equal(where, "shared_relations_by", d["shared_relations_by"],
             {k: len(units(a, k) & units(b, k)) for k in KEYS})
    ck.equal(where, "shared", sorted(d["shared"]), shared)
    ck.equal(where, "only_a", sorted(d["only_a"]), sorted(A - B))
    ck.equal(where, "only_b", sorted(d["only_b"]), sorted(B - A))
    ck.close(where, "jaccard", d["jaccard"], jaccard(A, B))
    RA, RB = units(a, by), units(b, by)
    ck.close(where, "jaccard_relations", d["jaccard_relations"], jaccard(RA, RB))

    # every shared concept: values, ranks, deltas; movers first
    ck.equal(where, "concepts", [c["id"] for c in d["concepts"]], d["shared"])
    for c in d["concepts"]:
        i = c["id"]
        for side, s in (("a", a), ("b", b)):
            for m in MEASURES:
                ck.close(where, f"{i} {side}.{m}", c[side][m], float(s.values[i][m]))
            for m in RANKED:
                ck.close(where, f"{i} {side}.ranks.{m}", c[side]["ranks"][m], s.ranks[m][i])
            ck.close(where, f"{i} {side}.rank", c[side]["rank"], s.ranks[measure][i])
        for m in RANKED:
            ck.close(where, f"{i} delta.{m}", c["delta"][m],
                     float(b.values[i][m]) - float(a.values[i][m]))
        ck.close(where, f"{i} delta.rank", c["delta"]["rank"],
                 b.ranks[measure][i] - a.ranks[measure][i])
    movers = sorted(shared, key=lambda i: (-abs(b.ranks[measure][i] - a.ranks[measure][i]),
                                           min(a.ranks[measure][i], b.ranks[measure][i]), i))
    ck.equal(where, "movers order", d["shared"], movers)
    for side, s, key in (("a", a, "only_a"), ("b", b, "only_b")):
        want = sorted(set(s.ids) - (B if side == "a" else A), key=lambda i: (s.ranks[measure][i], i))
        ck.equal(where, f"{key} order", d[key], want)
        for c in d[key + "_concepts"]:
            ck.close(where, f"{c['id']} {side}.rank", c[side]["rank"], s.ranks[measure][c["id"]])

    # correlations of every measure
    for m in RANKED:
        rho, tau = correlations(a, b, shared, m)
        ck.equal(where, f"correlations.{m}.n", d["correlations"][m]["n"], len(shared))
        ck.close(where, f"spearman {m}", d["correlations"][m]["spearman"], rho)
        ck.close(where, f"kendall {m}", d["correlations"][m]["kendall"], tau)
    for m in {"pagerank", measure}:
        rho, tau = correlations(a, b, shared, m)
        ck.close(where, f"spearman_{m}", d[f"spearman_{m}"], rho)
        ck.close(where, f"kendall_{m}", d[f"kendall_{m}"], tau)

    # themes: shares of concepts and of relation ends
    for t, x in d["themes"].items():
        for side, s in (("a", a), ("b", b)):
            n = len(s.ids)
            k = sum(1 for i in s.ids if s.theme[i] == t)
            ends = sum((s.theme[f] == t) + (s.theme[to] == t) for f, to in s.kinds)
            ck.equal(where, f"themes.{t}.{side}_concepts", x[f"{side}_concepts"], k)
            ck.close(where, f"themes.{t}.{side}", x[side], k / n if n else None)
            ck.equal(where, f"themes.{t}.{side}_relation_ends", x[f"{side}_relation_ends"], ends)
            ck.close(where, f"themes.{t}.{side}_relation_share", x[f"{side}_relation_share"],
                     ends / (2 * len(s.kinds)) if s.kinds else None)

    # relations: sets under the key, family, kind, kinds, ends_shared, order
    rel = d["relations"]
    both = A & B

    def key(r):
        k = r["family"] if by == "family" else r["kind"] if by == "kind" else None
        return (r["from"], r["to"], k)

    ck.equal(where, "relations.shared", sorted(map(key, rel["shared"])), sorted(RA & RB))
    ck.equal(where, "relations.only_a", sorted(map(key, rel["only_a"])), sorted(RA - RB))
    ck.equal(where, "relations.only_b", sorted(map(key, rel["only_b"])), sorted(RB - RA))
    for group in ("shared", "only_a", "only_b"):
        for r in rel[group]:
            u = key(r)
            p, k = u[:2], u[2]
            ck.equal(where, f"{u} family", r["family"], family_of(a, b, p, k, by))
            ck.equal(where, f"{u} kind", r["kind"], k if by == "kind" else None)
            ck.equal(where, f"{u} kinds_a", r["kinds_a"] and sorted(r["kinds_a"]),
                     kinds_under(a, p, k, by))
            ck.equal(where, f"{u} kinds_b", r["kinds_b"] and sorted(r["kinds_b"]),
                     kinds_under(b, p, k, by))
            ck.equal(where, f"{u} pair_kinds_a", r["pair_kinds_a"] and sorted(r["pair_kinds_a"]),
                     sorted(a.kinds[p]) if p in a.kinds else None)
            ck.equal(where, f"{u} pair_kinds_b", r["pair_kinds_b"] and sorted(r["pair_kinds_b"]),
                     sorted(b.kinds[p]) if p in b.kinds else None)
            ck.equal(where, f"{u} ends_shared", r["ends_shared"], p[0] in both and p[1] in both)

    def rsum(s, p):
        return s.ranks[measure][p[0]] + s.ranks[measure][p[1]]

    def order(u):
        return (u[0], u[1], u[2] or "")

    ck.equal(where, "shared relations order", [key(r) for r in rel["shared"]],
             sorted(RA & RB, key=lambda u: (rsum(a, u), order(u))))
    for group, s, mine, other in (("only_a", a, RA, RB), ("only_b", b, RB, RA)):
        want = sorted(mine - other, key=lambda u: (not (u[0] in both and u[1] in both),
                                                   rsum(s, u), order(u)))
        ck.equal(where, f"{group} relations order", [key(r) for r in rel[group]], want)


def check_compare(ck, c, scopes, measure, label, by="family"):
    where = f"compare {label} --by {by}"
    n = len(scopes)
    ck.equal(where, "scopes", [s["scope"] for s in c["scopes"]], [s.name for s in scopes])
    ck.equal(where, "by", c["by"], by)
    for s, js in zip(scopes, c["scopes"]):
        ck.equal(where, f"{s.name} nodes", js["nodes"], len(s.ids))
        ck.equal(where, f"{s.name} edges", js["edges"], len(s.kinds))
        ck.equal(where, f"{s.name} relations", js["relations"], len(units(s, by)))
        ck.equal(where, f"{s.name} top", [t["id"] for t in js["top"]], s.order[measure][:5])
    pairs = {(p["a"], p["b"]): p for p in c["pairs"]}
    ck.equal(where, "pairs", len(pairs), n * (n - 1) // 2)
    for i, j in itertools.product(range(n), range(n)):
        a, b = scopes[i], scopes[j]
        A, B = set(a.ids), set(b.ids)
        shared = sorted(A & B)
        rho, tau = correlations(a, b, shared, measure)
        jc, jr = jaccard(A, B), jaccard(units(a, by), units(b, by))
        ck.close(where, f"jaccard concepts [{i}][{j}]", c["jaccard"]["concepts"][i][j], jc)
        ck.close(where, f"jaccard relations [{i}][{j}]", c["jaccard"]["relations"][i][j], jr)
        ck.close(where, f"spearman [{i}][{j}]", c[f"spearman_{measure}"][i][j], rho)
        ck.close(where, f"kendall [{i}][{j}]", c[f"kendall_{measure}"][i][j], tau)
        if i < j:
            p = pairs[(a.name, b.name)]
            ck.equal(where, f"{a.name}-{b.name} shared", (p["shared_concepts"], p["n"]),
                     (len(shared), len(shared)))
            ck.equal(where, f"{a.name}-{b.name} shared relations", p["shared_relations"],
                     len(units(a, by) & units(b, by)))
            ck.close(where, f"{a.name}-{b.name} jaccard", p["jaccard"], jc)
            ck.close(where, f"{a.name}-{b.name} spearman", p[f"spearman_{measure}"], rho)
            ck.close(where, f"{a.name}-{b.name} kendall", p[f"kendall_{measure}"], tau)
    union = set().union(*(set(s.ids) for s in scopes))

    def best(i):
        rs = [s.ranks[measure][i] for s in scopes if i in s.ranks[measure]]
        return (min(rs), -len(rs), i)

    ck.equal(where, "concept order", [x["id"] for x in c["concepts"]], sorted(union, key=best))
    for x in c["concepts"]:
        for s in scopes:
            want_r = s.ranks[measure].get(x["id"])
            want_v = float(s.values[x["id"]][measure]) if x["id"] in s.values else None
            ck.close(where, f"{x['id']} rank in {s.name}", x["ranks"][s.name], want_r)
            ck.close(where, f"{x['id']} value in {s.name}", x["values"][s.name], want_v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ckg")
    ap.add_argument("--ontology")
    args = ap.parse_args()
    onto = ["--ontology", args.ontology] if args.ontology else []
    load_families(args.ontology or "ontology")
    export = run(args.ckg, onto + ["export", "--format", "json"])
    papers = [p["id"] for p in export["papers"]]
    sections = {p["id"]: [f"{p['id']}/{s['id']}" for s in (p.get("sections") or [])]
                for p in export["papers"]}
    cache = {}

    def scope(name):
        if name not in cache:
            cache[name] = Scope(args.ckg, onto, name)
        return cache[name]

    ck = Checker()
    pairs = list(itertools.combinations(papers, 2))
    for p, secs in sections.items():
        pairs += list(itertools.combinations(secs, 2))
        if secs:
            pairs.append((p, secs[0]))  # a paper against one of its own sections
    if len(papers) > 1:
        pairs.append((papers[1], papers[0]))  # reversed: deltas change sign
    runs = 0
    for a, b in pairs:
        d = run(args.ckg, onto + ["diff", a, b, "--format", "json"])
        check_diff(ck, d, scope(a), scope(b), "pagerank")
        runs += 1
    for m in ("betweenness", "degree", "authority"):
        a, b = pairs[0]
        d = run(args.ckg, onto + ["diff", a, b, "--format", "json", "--measure", m])
        check_diff(ck, d, scope(a), scope(b), m)
        runs += 1
    for by in ("kind", "pair"):  # every pair of papers, and the first of sections
        for a, b in pairs[:len(papers) * (len(papers) - 1) // 2 + 1]:
            d = run(args.ckg, onto + ["diff", a, b, "--format", "json", "--by", by])
            check_diff(ck, d, scope(a), scope(b), "pagerank", by)
            runs += 1
    for m in ("pagerank", "harmonic"):
        c = run(args.ckg, onto + ["compare", "--format", "json", "--measure", m])
        check_compare(ck, c, [scope(p) for p in papers], m, f"papers by {m}")
        runs += 1
    for by in ("kind", "pair"):
        c = run(args.ckg, onto + ["compare", "--format", "json", "--by", by])
        check_compare(ck, c, [scope(p) for p in papers], "pagerank", "papers", by)
        runs += 1
    for p, secs in sections.items():
        if secs:
            c = run(args.ckg, onto + ["compare", "--sections", p, "--format", "json"])
            check_compare(ck, c, [scope(s) for s in secs], "pagerank", f"--sections {p}")
            runs += 1
    where = args.ontology or "the shipped ontology"
    if ck.failures:
        for f in ck.failures[:60]:
            print("MISMATCH " + f, file=sys.stderr)
        print(f"diff_crosscheck ({where}): {len(ck.failures)} of {ck.checks} checks failed",
              file=sys.stderr)
        sys.exit(1)
    print(f"diff_crosscheck ({where}): {ck.checks} checks over {runs} diff/compare runs "
          f"agree with scipy")


if __name__ == "__main__":
    main()
