#!/usr/bin/python3
"""corrupt_ckg.py — ckg with one deliberate error in its output, to prove the checks fail.

corrupt(args, out, what) alters the output out of `ckg ARGS` in the one place `what` names
(or leaves it alone when the command is not the one `what` is about); corrupt_run does it
to a finished run, in the file `-o FILE` wrote when there is one. selftest.py runs the
cross-checks with every ckg run passed through corrupt_run and expects each to fail. As a
program: runs the real ckg ($CKG_REAL) with the arguments given and alters its output as
$CKG_CORRUPT says.
"""
import json
import os
import re
import subprocess
import sys


def output_file(args):
    """The file `-o FILE` names (None for stdout)."""
    if "-o" in args and args.index("-o") + 1 < len(args) and args[args.index("-o") + 1] != "-":
        return args[args.index("-o") + 1]
    return None


def output_format(args):
    """--format's value, else the ending of -o's file, else text."""
    if "--format" in args:
        return args[args.index("--format") + 1]
    target = output_file(args)
    return os.path.splitext(target)[1][1:] if target else "text"


def corrupt(args, out, what):
    fmt = output_format(args)
    if "metrics" in args and fmt == "json":
        d = json.loads(out)
        cs = d["concepts"]
        if what == "pagerank":
            cs[0]["pagerank"] += 1e-7
        elif what == "betweenness":
            c = max(cs, key=lambda c: c["betweenness"])
            c["betweenness"] *= 1.0 + 1e-6
        elif what == "harmonic":
            cs[-1]["harmonic"] += 1e-6
        elif what == "coreness":
            cs[0]["coreness"] += 1
        elif what == "community-order":
            for c in cs:
                c["community"] = {1: 2, 2: 1}.get(c["community"], c["community"])
        elif what == "community-merge":
            for c in cs:
                c["community"] = 1 if c["community"] == 2 else c["community"]
        elif what == "modularity":
            d["graph"]["modularity"] += 1e-6
        elif what == "theme-modularity":
            d["graph"]["theme_modularity"] -= 1e-6
        elif what == "hub":
            c = min(cs, key=lambda c: c["hub"])
            c["hub"] = 0.5
        elif what == "diameter":
            d["graph"]["diameter"] += 1
        out = json.dumps(d).encode()
    elif "diff" in args and fmt == "json" and what.startswith("diff-"):
        d = json.loads(out)
        if what == "diff-spearman" and d["spearman_pagerank"] is not None:
            d["spearman_pagerank"] += 1e-6
        elif what == "diff-kendall":
            for c in d["correlations"].values():
                if c["kendall"] is not None:
                    c["kendall"] -= 1e-6
                    break
        elif what == "diff-rank" and d["concepts"]:
            d["concepts"][0]["a"]["rank"] += 0.5
        elif what == "diff-only" and d["only_a"]:
            d["shared"].append(d["only_a"].pop())
        elif what == "diff-theme":
            x = next(iter(d["themes"].values()))
            if x["a"] is not None:
                x["a"] += 0.01
        elif what == "diff-movers" and len(d["concepts"]) > 1:
            d["concepts"][0], d["concepts"][1] = d["concepts"][1], d["concepts"][0]
            d["shared"][0], d["shared"][1] = d["shared"][1], d["shared"][0]
        elif what == "diff-relation" and d["relations"]["only_b"]:
            d["relations"]["only_b"].pop()
        elif what == "diff-family":  # one relation put in another family
            rs = [r for g in ("shared", "only_a", "only_b") for r in d["relations"][g] if r["family"]]
            if rs:
                rs[0]["family"] = "fits" if rs[0]["family"] != "fits" else "drives"
        elif what == "diff-family-shared":  # a claim the two state in one family counted twice
            if d["relations"]["shared"]:
                d["relations"]["only_a"].append(d["relations"]["shared"].pop())
        elif what == "diff-pair-kinds":  # the other side's kinds for the pair dropped
            rs = [r for r in d["relations"]["only_a"] if r["pair_kinds_b"]]
            if rs:
                rs[0]["pair_kinds_b"] = None
        out = json.dumps(d).encode()
    elif "compare" in args and fmt == "json" and what.startswith("compare-"):
        d = json.loads(out)
        if what == "compare-jaccard":
            d["jaccard"]["relations"][0][-1] += 1e-6
        elif what == "compare-relations" and d["scopes"]:  # a scope's relations miscounted
            d["scopes"][0]["relations"] += 1
        elif what == "compare-order" and len(d["concepts"]) > 2:
            d["concepts"][1], d["concepts"][2] = d["concepts"][2], d["concepts"][1]
        out = json.dumps(d).encode()
    elif "export" in args and fmt == "json" and what == "relation-papers":
        d = json.loads(out)
        for r in d["relations"]:
            if len(r["papers"]) > 1:
                r["papers"].pop()
                break
        out = json.dumps(d).encode()
    elif "export" in args and fmt == "graphml" and what == "graphml-zh":
        out = re.sub(rb'(<data key="v_zh">)[^<]*', rb"\1x", out, count=1)
    elif "export" in args and fmt == "graphml" and what == "graphml-weight":
        out = re.sub(rb'(<data key="e_weight">)2<', rb"\g<1>1<", out, count=1)
    elif "export" in args and fmt == "csv" and what == "csv-quote":
        out = out.replace(b'""', b'"', 1)
    elif "export" in args and fmt == "graphml" and what == "graphml-evidence":
        out = re.sub(rb'(<data key="v_evidence">)(\d+)<',
                     lambda m: m.group(1) + str(int(m.group(2)) + 1).encode() + b"<", out, count=1)
    elif "export" in args and fmt == "graphml" and what == "graphml-pagerank":
        out = re.sub(rb'(<data key="v_pagerank">)([^<]*)<',
                     lambda m: m.group(1) + repr(float(m.group(2)) * (1 + 1e-9)).encode() + b"<",
                     out, count=1)
    elif "export" in args and fmt == "gexf" and what == "gexf-color":
        out = re.sub(rb'<viz:color r="(\d+)"',
                     lambda m: b'<viz:color r="' + str((int(m.group(1)) + 1) % 256).encode() + b'"',
                     out, count=1)
    elif "export" in args and fmt == "gexf" and what == "gexf-definition":
        out = re.sub(rb'(<attvalue for="definition_en" value=")', rb"\1x", out, count=1)
    elif "export" in args and fmt == "gexf" and what == "gexf-structure":
        out = out.replace(b'<attvalue for="coreness"', b'<attvalue for="core"', 1)
    elif "export" in args and fmt == "gexf" and what == "gexf-edge-evidence":
        out = re.sub(rb'(<attvalue for="evidence" value=")(\d+)("/>\n        </attvalues>\n      </edge>)',
                     lambda m: m.group(1) + str(int(m.group(2)) + 1).encode() + m.group(3), out,
                     count=1)
    elif "export" in args and fmt == "csv" and what == "csv-community":
        lines = out.split(b"\n")
        if lines and lines[0].endswith(b",community") and len(lines) > 1 and lines[1]:
            head, _, value = lines[1].rpartition(b",")
            lines[1] = head + b"," + str(int(value) + 1).encode()
        out = b"\n".join(lines)
    return out


def corrupt_run(args, stdout, what):
    """The stdout of `ckg ARGS` corrupted, or the file it wrote with -o corrupted in place."""
    target = output_file(args)
    if not target:
        return corrupt(args, stdout, what)
    if os.path.exists(target):
        with open(target, "rb") as f:
            data = f.read()
        with open(target, "wb") as f:
            f.write(corrupt(args, data, what))
    return stdout


if __name__ == "__main__":
    p = subprocess.run([os.environ["CKG_REAL"]] + sys.argv[1:], stdout=subprocess.PIPE)
    sys.stdout.buffer.write(corrupt_run(sys.argv[1:], p.stdout, os.environ["CKG_CORRUPT"]))
    sys.exit(p.returncode)
