"""synth_ontology.py — a synthetic ontology of N concepts, for timing only.

usage: /usr/bin/python3 tools/synth_ontology.py N OUT_DIR [SHIPPED_ONTOLOGY]

Shaped like the shipped ontology scaled up: the shipped themes and relation vocabulary,
N concepts over the five themes (zh, en, two alt names, a broader, a definition), N/400
papers that each mention 2N/P concepts and state 2.5N/P relations, one to four quotes per
item (random ideographs, not verifiable: time with `ckg check --no-quotes` or queries). The
same N always gives the same files. Used to time `ckg neighbors` at 20k concepts against a
bare libyaml parse of the same files.
"""
import os
import random
import sys

THEMES = ["core", "technology", "factors", "industry", "institutions"]
# No is_a: ckg check holds is_a to the broader hierarchy, which here is concept i -> i-5.
KINDS = ["causes", "enables", "requires", "part_of", "supports", "promotes", "transforms",
         "carrier_of", "indicator_of", "core_of", "characteristic_of", "constrains", "adapts_to"]
HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def zh(i):
    s, i = "", i + 1
    while i:
        s += HAN[i % 3000]
        i //= 3000
    return s + "要素"


def quotes(f, rnd):
    for _ in range(rnd.choice([1, 2, 3, 4])):
        f.write("      - quote: %s\n" % "".join(rnd.choice(HAN) for _ in range(rnd.randint(12, 40))))


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    shipped = sys.argv[3] if len(sys.argv) == 4 else "ontology"
    n_papers = max(5, n // 400)
    rnd = random.Random(7)
    os.makedirs(os.path.join(out, "concepts"), exist_ok=True)
    os.makedirs(os.path.join(out, "papers"), exist_ok=True)
    for name in ("themes.yaml", "relations.yaml"):
        with open(os.path.join(shipped, name), encoding="utf-8") as src, \
                open(os.path.join(out, name), "w", encoding="utf-8") as dst:
            dst.write(src.read())
    ids = ["concept-%05d" % i for i in range(n)]
    for t, theme in enumerate(THEMES):
        with open(os.path.join(out, "concepts", theme + ".yaml"), "w", encoding="utf-8") as f:
            f.write("concepts:\n")
            for i in range(t, n, 5):
                f.write("  - id: %s\n    zh: %s\n    en: synthetic concept %d\n"
                        "    alt: [%s别称, 其他%s]\n    theme: %s\n    broader: [%s]\n"
                        "    definition:\n      zh: 为测试而生成的概念%s，说明它在生产中的作用。\n"
                        "      en: A generated concept number %d, describing its role.\n"
                        % (ids[i], zh(i), i, zh(i), zh(i), theme, ids[i - 5] if i >= 5 else "",
                           zh(i), i))
    for p in range(n_papers):
        with open(os.path.join(out, "papers", "p%04d.yaml" % p), "w", encoding="utf-8") as f:
            f.write("paper:\n  id: p%04d\n  source: p%04d.txt\n  title: 合成论文%d\n"
                    "  authors: [作者]\n  venue: 期刊\n  year: 2024\nmentions:\n" % (p, p, p))
            named = rnd.sample(range(n), min(n, 2 * n // n_papers))
            for c in sorted(named):
                f.write("  - concept: %s\n    evidence:\n" % ids[c])
                quotes(f, rnd)
            f.write("relations:\n")
            seen = set()
            for _ in range(int(2.5 * n / n_papers)):
                a, b = rnd.sample(named, 2)
                k = rnd.choice(KINDS)
                # one kind per pair in a paper, and no part or core between a concept and
                # one of its broader concepts (i - 5, i - 10, ...): ckg check refuses both
                if (a, b) in seen or (k in ("part_of", "core_of") and (a - b) % 5 == 0):
                    continue
                seen.add((a, b))
                f.write("  - from: %s\n    kind: %s\n    to: %s\n    evidence:\n" % (ids[a], k, ids[b]))
                quotes(f, rnd)


main()
