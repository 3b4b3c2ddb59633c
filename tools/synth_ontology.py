#!/usr/bin/python3
"""synth_ontology.py — a large synthetic ontology for timing ckg (not for its content).

usage: synth_ontology.py OUT [--concepts N] [--relations M] [--papers P] [--seed S]

Writes OUT/themes.yaml, relations.yaml, concepts/<theme>.yaml and papers/p<i>.yaml in the
layout of DESIGN.md: N concepts over five themes, M relations (distinct from -> to pairs
within a paper, ends drawn with a preferential bias so degrees are skewed like a real
concept graph), spread over P papers, each mention and relation with one quote. The quotes
are made up, so `ckg check` needs --no-quotes on it.
"""
import argparse
import os
import random

THEMES = ["core", "technology", "factors", "industry", "institutions"]
KINDS = ["causes", "enables", "requires", "part_of", "is_a", "supports", "carrier_of",
         "indicator_of", "constrains", "adapts_to"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--concepts", type=int, default=20000)
    ap.add_argument("--relations", type=int, default=60000)
    ap.add_argument("--papers", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(os.path.join(a.out, "concepts"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "papers"), exist_ok=True)
    with open(os.path.join(a.out, "themes.yaml"), "w") as f:
        f.write("themes:\n")
        for t in THEMES:
            f.write(f"  - id: {t}\n    zh: 主题{t}\n    en: theme {t}\n")
    with open(os.path.join(a.out, "relations.yaml"), "w") as f:
        f.write("relations:\n")
        for k in KINDS:
            f.write(f"  - id: {k}\n    zh: 关系{k}\n    en: {k}\n"
                    f"    inverse: {{zh: 逆{k}, en: inverse {k}}}\n")
    ids = [f"c{i:06d}" for i in range(a.concepts)]
    by_theme = {t: [] for t in THEMES}
    for i, c in enumerate(ids):
        by_theme[THEMES[i % len(THEMES)]].append(c)
    for t, cs in by_theme.items():
        with open(os.path.join(a.out, "concepts", t + ".yaml"), "w") as f:
            f.write("concepts:\n")
            for c in cs:
                f.write(f"  - id: {c}\n    zh: 概念{c}\n    en: concept {c}\n    theme: {t}\n"
                        f"    definition:\n      zh: 合成概念{c}。\n      en: Synthetic {c}.\n")
    # preferential ends: a pool where each concept appears once plus once per edge end
    pool = list(range(a.concepts))
    per_paper = [set() for _ in range(a.papers)]
    made = 0
    while made < a.relations:
        x, y = rnd.choice(pool), rnd.choice(pool)
        p = rnd.randrange(a.papers)
        if x == y or (x, y) in per_paper[p]:
            continue
        per_paper[p].add((x, y))
        pool.extend((x, y))
        made += 1
    for p in range(a.papers):
        rels = sorted(per_paper[p])
        named = sorted({v for e in rels for v in e})
        with open(os.path.join(a.out, "papers", f"p{p}.yaml"), "w") as f:
            f.write(f"paper:\n  id: p{p}\n  source: p{p}.txt\n  title: 合成文本{p}\n"
                    f"  authors: [合成作者]\n  venue: 合成期刊\n  year: 2024\nmentions:\n")
            for v in named:
                f.write(f"  - concept: {ids[v]}\n    evidence:\n      - quote: 提到{ids[v]}\n")
            f.write("relations:\n")
            for x, y in rels:
                f.write(f"  - from: {ids[x]}\n    kind: {rnd.choice(KINDS)}\n    to: {ids[y]}\n"
                        f"    evidence:\n      - quote: {ids[x]}与{ids[y]}\n")


if __name__ == "__main__":
    main()
