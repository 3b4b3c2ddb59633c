"""vocabulary_audit.py — how the relation kinds are used across the papers (issue 16).

usage: /usr/bin/python3 tools/vocabulary_audit.py [ONTOLOGY_DIR] [--json]

Reads the ontology's YAML (PyYAML; no ckg needed) and prints:
  - relations per kind and per family, and the share of `promotes`;
  - concept pairs (ordered) carrying two or more kinds, overall and within one paper;
  - ordered pairs in two or more families within one paper (what `ckg check` now refuses);
  - ordered pairs stated by several papers, and how many of them sit in one family across
    those papers (a `note` on a relation does not change the count: it explains it);
  - the kinds of the relations whose quotes contain 基础 (the catch-all the issue found);
  - concepts mentioned in a paper and in no relation of that paper, per paper.
A kind's family is its `family` in relations.yaml; for a vocabulary from before the families
(no `family` keys) the grouping of issue 16 is used, so old and new numbers compare.
"""
import collections
import json
import os
import sys

import yaml

# The grouping of the old kinds that issue 16 proposes, for vocabularies without `family`.
DEFAULT_FAMILY = {
    "causes": "drives", "promotes": "drives",
    "constrains": "hinders",
    "enables": "conditions", "requires": "conditions", "supports": "conditions",
    "carrier_of": "conditions",
    "part_of": "structure", "is_a": "structure", "core_of": "structure",
    "characteristic_of": "characterizes", "indicator_of": "characterizes",
    "adapts_to": "fits",
}


def load(root):
    def read(path):
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    kinds = read(os.path.join(root, "relations.yaml"))["relations"]
    family = {k["id"]: k.get("family", DEFAULT_FAMILY.get(k["id"], "?")) for k in kinds}
    papers = []
    for name in sorted(os.listdir(os.path.join(root, "papers"))):
        if name.endswith(".yaml"):
            papers.append(read(os.path.join(root, "papers", name)))
    return [k["id"] for k in kinds], family, papers


def audit(root):
    kind_ids, family, papers = load(root)
    rels = [(p["paper"]["id"], r) for p in papers for r in (p.get("relations") or [])]
    by_kind = collections.Counter(r["kind"] for _, r in rels)
    by_family = collections.Counter(family[r["kind"]] for _, r in rels)

    # pairs (ordered) and the kinds each paper states for them
    pair_kinds = collections.defaultdict(set)
    pair_paper_kinds = collections.defaultdict(lambda: collections.defaultdict(set))
    for pid, r in rels:
        pair = (r["from"], r["to"])
        pair_kinds[pair].add(r["kind"])
        pair_paper_kinds[pair][pid].add(r["kind"])
    multi_kind = [p for p, ks in pair_kinds.items() if len(ks) > 1]
    multi_kind_in_paper = sorted((p, pid) for p, per in pair_paper_kinds.items()
                                 for pid, ks in per.items() if len(ks) > 1)
    multi_family_in_paper = sorted(
        (pair, pid, sorted(ks)) for pair, per in pair_paper_kinds.items()
        for pid, ks in per.items() if len({family[k] for k in ks}) > 1)
    shared = {p: per for p, per in pair_paper_kinds.items() if len(per) > 1}
    one_family = [p for p, per in shared.items()
                  if len({family[k] for ks in per.values() for k in ks}) == 1]
    differing = sorted(
        (p, {pid: sorted(ks) for pid, ks in per.items()}) for p, per in shared.items()
        if p not in set(one_family))

    # the most kinds on one pair (the 战略性新兴产业 -> 新质生产力)
    most = max(pair_kinds.items(), key=lambda kv: (len(kv[1]), kv[0]), default=(None, set()))

    jichu = collections.Counter()
    for _, r in rels:
        if any("基础" in e["quote"] for e in r["evidence"]):
            jichu[r["kind"]] += 1

    isolated = {}
    for p in papers:
        pid = p["paper"]["id"]
        ends = {c for r in (p.get("relations") or []) for c in (r["from"], r["to"])}
        isolated[pid] = sorted(m["concept"] for m in (p.get("mentions") or [])
                               if m["concept"] not in ends)

    pairs_unordered = {tuple(sorted(p)) for p in pair_kinds}
    return {
        "relations": len(rels),
        "kinds": {k: by_kind.get(k, 0) for k in kind_ids},
        "families": dict(sorted(by_family.items())),
        "promotes_share": round(by_kind.get("promotes", 0) / len(rels), 3) if rels else 0,
        "ordered_pairs": len(pair_kinds),
        "unordered_pairs": len(pairs_unordered),
        "pairs_with_several_kinds": len(multi_kind),
        "pairs_with_several_kinds_within_a_paper": len(multi_kind_in_paper),
        "pairs_in_several_families_within_a_paper": [
            {"from": a, "to": b, "paper": pid, "kinds": ks}
            for (a, b), pid, ks in multi_family_in_paper],
        "pairs_stated_by_several_papers": len(shared),
        "of_which_in_one_family": len(one_family),
        "pairs_in_several_families_across_papers": [
            {"from": a, "to": b, "papers": per} for (a, b), per in differing],
        "most_kinds_on_one_pair": {"pair": list(most[0] or []), "kinds": sorted(most[1])},
        "kinds_of_quotes_with_jichu": dict(jichu.most_common()),
        "isolated_mentions": {pid: {"count": len(c), "concepts": c} for pid, c in isolated.items()},
        "isolated_total": sum(len(c) for c in isolated.values()),
    }


def main():
    if any(a in ("-h", "--help") for a in sys.argv[1:]):
        print(__doc__.strip())
        return 0
    unknown = [a for a in sys.argv[1:] if a.startswith("-") and a != "--json"]
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    if unknown or len(args) > 1:
        print("usage: vocabulary_audit.py [ONTOLOGY_DIR] [--json]  (-h for help)", file=sys.stderr)
        return 2
    root = args[0] if args else "ontology"
    if not os.path.isfile(os.path.join(root, "relations.yaml")):
        print(f"vocabulary_audit.py: {root}: no relations.yaml here; give the ontology folder",
              file=sys.stderr)
        return 2
    a = audit(root)
    if "--json" in sys.argv:
        json.dump(a, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    n = a["relations"]
    print(f"relations: {n}")
    print("per kind: " + ", ".join(f"{k} {c}" for k, c in a["kinds"].items()))
    print("per family: " + ", ".join(f"{k} {c} ({c / n:.0%})" for k, c in a["families"].items()))
    print(f"share of promotes: {a['promotes_share']:.1%}")
    print(f"concept pairs: {a['unordered_pairs']} unordered, {a['ordered_pairs']} ordered")
    print(f"ordered pairs with two or more kinds: {a['pairs_with_several_kinds']}; "
          f"(paper, pair) with two or more kinds: {a['pairs_with_several_kinds_within_a_paper']}")
    fam = a["pairs_in_several_families_within_a_paper"]
    print(f"ordered pairs in two or more families within one paper: {len(fam)}")
    for x in fam:
        print(f"  {x['paper']}: {x['from']} -> {x['to']}: {', '.join(x['kinds'])}")
    print(f"ordered pairs stated by several papers: {a['pairs_stated_by_several_papers']}, "
          f"in one family across them: {a['of_which_in_one_family']}")
    for x in a["pairs_in_several_families_across_papers"]:
        print(f"  {x['from']} -> {x['to']}: " +
              "; ".join(f"{pid} {'/'.join(ks)}" for pid, ks in sorted(x["papers"].items())))
    m = a["most_kinds_on_one_pair"]
    print(f"most kinds on one pair: {' -> '.join(m['pair'])}: {', '.join(m['kinds'])}")
    print("kinds of relations quoting 基础: " +
          ", ".join(f"{k} {c}" for k, c in a["kinds_of_quotes_with_jichu"].items()))
    print(f"concepts mentioned without a relation in the paper: {a['isolated_total']}")
    for pid, x in a["isolated_mentions"].items():
        print(f"  {pid} {x['count']}: {', '.join(x['concepts'])}")


if __name__ == "__main__":
    sys.exit(main())
