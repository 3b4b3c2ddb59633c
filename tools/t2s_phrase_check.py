#!/usr/bin/python3
"""t2s_phrase_check.py — does folding traditional Chinese one character at a time find every
name of the ontology that a reader may type in traditional characters?

ckg folds names with a character table generated from OpenCC's t2s conversion
(tools/gen_t2s.c, src/text_t2s.c) instead of linking OpenCC, which also converts whole
phrases (its TSPhrases dictionary: 乾燥 becomes 干燥 but 乾隆 stays). This check:

  1. writes every concept name (zh, alt) and theme name of the ontology in traditional
     characters with OpenCC's phrase-aware s2t, s2tw (Taiwan) and s2hk (Hong Kong)
     conversions, folds each back with ckg's table, and requires the folded name it started
     from: a name typed in any of the three standards is found;
  2. lists the TSPhrases entries whose character-by-character conversion differs from the
     phrase's, and requires that none of them occurs in a name, simplified or traditional.

One loss is known and checked as such (KNOWN): OpenCC's s2t writes 资金链 as 資金鍊, reading
金链 as a gold chain, and the table folds 鍊 to 炼 (to refine), as OpenCC does outside that
phrase; a reader writes 資金鏈, which the table folds to 资金链. The check requires that
this still holds, so the exception cannot hide another loss.

Usage: t2s_phrase_check.py [--self-test] CKG TABLE_H [--ontology DIR]. --self-test first
runs the check with the table's pair for 產 (the traditional character most names hold)
removed and requires it to fail. Needs the opencc and opencc_dict programs (Debian: opencc). Exit 0 when both hold, 1 (listing the names) otherwise, 2 when
the tools are missing."""
import json
import re
import shutil
import subprocess
import sys
import tempfile


def load_table(path):
    text = open(path, encoding="utf-8").read()
    arrays = re.findall(r"t2s_(from|to)\[T2S_PAIRS\] = \{([^}]*)\}", text)
    values = {name: [int(x, 16) for x in re.findall(r"0x[0-9A-F]+", body)] for name, body in arrays}
    table = dict(zip(values["from"], values["to"]))
    if not table:
        sys.exit(f"t2s_phrase_check: no pairs in {path}")
    return table


# simplified phrase -> (what OpenCC's s2t writes, what a reader writes, which must fold back)
KNOWN = {"资金链": ("資金鍊", "資金鏈")}


def char_fold(table, s):
    return "".join(chr(table.get(ord(c), ord(c))) for c in s)


def opencc(config, lines):
    out = subprocess.run(["opencc", "-c", config], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True).stdout
    result = out.split("\n")[: len(lines)]
    assert len(result) == len(lines), (config, len(result), len(lines))
    return result


def ts_phrases():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["opencc_dict", "-i", "/usr/share/opencc/TSPhrases.ocd2", "-o",
                        f"{tmp}/ts.txt", "-f", "ocd2", "-t", "text"], check=True,
                       capture_output=True)
        for line in open(f"{tmp}/ts.txt", encoding="utf-8"):
            trad, simp = line.rstrip("\n").split("\t")
            yield trad, simp.split(" ")[0]


def check(table, names):
    """The names lost (one line each) and the differing TSPhrases entries found in names."""
    lost, known = [], 0
    for config in ("s2t", "s2tw", "s2hk"):
        for name, trad in zip(names, opencc(config, names)):
            if char_fold(table, trad) == char_fold(table, name):
                continue
            for simp, (opencc_writes, reader_writes) in KNOWN.items():
                if simp in name and opencc_writes in trad:
                    fixed = trad.replace(opencc_writes, reader_writes)
                    if char_fold(table, fixed) == char_fold(table, name):
                        known += 1
                        break
            else:
                lost.append(f"{config}: {name} -> {trad} -> {char_fold(table, trad)}")
    return lost, known


def main():
    args = sys.argv[1:]
    self_test = "--self-test" in args
    args = [a for a in args if a != "--self-test"]
    if len(args) < 2 or args[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if args[:1] in (["-h"], ["--help"]) else 2
    ckg, table_h, rest = args[0], args[1], args[2:]
    if not shutil.which("opencc") or not shutil.which("opencc_dict"):
        print("t2s_phrase_check: needs opencc and opencc_dict (Debian package opencc)",
              file=sys.stderr)
        return 2
    table = load_table(table_h)
    export = json.loads(subprocess.run([ckg, *rest, "export", "--format", "json"], check=True,
                                       capture_output=True, text=True).stdout)
    themes = json.loads(subprocess.run([ckg, *rest, "themes", "--format", "json"], check=True,
                                       capture_output=True, text=True).stdout)["themes"]
    names = sorted({n for c in export["concepts"] for n in [c.get("zh")] + c.get("alt", [])
                    if n and re.search(r"[\u3400-\u9fff]", n)} |
                   {t["zh"] for t in themes if t.get("zh")})
    if self_test:
        damaged = {k: v for k, v in table.items() if k != ord("產")}
        broken, _ = check(damaged, names)
        if not broken:
            print("t2s_phrase_check: self-test: a table without 產 passed; the check is broken",
                  file=sys.stderr)
            return 1
        print(f"t2s_phrase_check: self-test: a table without 產 loses {len(broken)} names, "
              "as it should")
    lost, known = check(table, names)
    differing = [(t, s) for t, s in ts_phrases() if char_fold(table, t) != s]
    trad_names = set()
    for config in ("s2t", "s2tw", "s2hk"):
        trad_names.update(opencc(config, names))
    known_trad = {w for w, _ in KNOWN.values()}
    touched = [f"{t} ({s}, by character {char_fold(table, t)}) in {n}"
               for t, s in differing for n in names + sorted(trad_names)
               if (t in n or s in n) and not any(k in t or t in k for k in known_trad)]
    changed = [n for n in names if char_fold(table, n) != n]
    print(f"t2s_phrase_check: {len(names)} names, each written in traditional characters by "
          f"s2t, s2tw and s2hk and folded back by the table of {len(table)} characters: "
          f"{len(names) * 3 - len(lost) - known} of {len(names) * 3} found, {known} more as "
          f"a reader writes them (KNOWN), {len(lost)} lost")
    print(f"t2s_phrase_check: {len(differing)} TSPhrases entries convert otherwise than "
          f"character by character; {len(touched)} of them occur in a name (besides KNOWN)")
    print(f"t2s_phrase_check: {len(changed)} simplified names hold a character the table "
          f"folds (folded alike on both sides): {' '.join(changed[:12])}")
    for line in lost + touched:
        print(f"  {line}")
    return 1 if lost or touched else 0


if __name__ == "__main__":
    sys.exit(main())
