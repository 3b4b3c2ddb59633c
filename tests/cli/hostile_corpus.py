#!/usr/bin/python3
"""hostile_corpus.py — source texts for the hostile fixture, so the atlas has paragraphs.

    hostile_corpus.py FIXTURE OUTDIR

Writes, for every paper of FIXTURE (tests/fixtures/render/hostile), its source file into
OUTDIR: one paragraph per quote of the paper (mentions and relations), the quote set between
markup that must stay text (an <img> with an onerror handler, a closing </p>, a <script>, an
entity, a comment opener), paragraphs apart by blank lines. The quotes are copied exactly, so
the library's quote matching finds each one, control characters and all. test_hostile.sh and
`make browser-test` build the hostile atlas from these texts."""
import os
import sys

import yaml

BEFORE = "前文<img src=x onerror=alert('前')>&amp; \"引号\" <!-- "
AFTER = " 后文</p><script>alert('后')</script>]]>"


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    fixture, out = argv[1], argv[2]
    os.makedirs(out, exist_ok=True)
    papers = os.path.join(fixture, "papers")
    for name in sorted(os.listdir(papers)):
        with open(os.path.join(papers, name), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        quotes = []
        for m in doc.get("mentions", []):
            quotes += [e["quote"] for e in m["evidence"]]
        for r in doc.get("relations", []):
            quotes += [e["quote"] for e in r["evidence"]]
        with open(os.path.join(out, doc["paper"]["source"]), "w", encoding="utf-8",
                  newline="") as f:
            f.write("# <h1>标题</h1> " + doc["paper"]["id"] + "\n\n")
            for q in quotes:
                f.write(BEFORE + q + AFTER + "\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
