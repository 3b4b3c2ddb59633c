#!/usr/bin/python3
"""selftest.py — each cross-check fails on a ckg whose output is wrong in one place.

usage: selftest.py CKG   (runs on tests/fixtures/metrics/bridge and escape, and
                          tests/fixtures/diff)
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "fixtures", "metrics")
diff_fixture = os.path.join(here, "..", "fixtures", "diff")
ckg = os.path.abspath(sys.argv[1])
crosscheck = [os.path.join(here, "metrics_crosscheck.py")]
readback = [os.path.join(here, "export_readback.py")]
diffcheck = [os.path.join(here, "diff_crosscheck.py")]
cases = [
    (crosscheck, "bridge", w) for w in ("pagerank", "betweenness", "harmonic", "coreness",
                                        "community-order", "community-merge", "modularity",
                                        "theme-modularity", "hub", "diameter", "relation-papers")
] + [(readback, "bridge", w) for w in ("graphml-zh", "graphml-weight", "graphml-evidence",
                                       "graphml-pagerank", "gexf-color", "gexf-structure",
                                       "gexf-edge-evidence", "csv-community")] + [
    (readback, "escape", w) for w in ("csv-quote", "gexf-definition")] + [
    (diffcheck, diff_fixture, w) for w in ("diff-spearman", "diff-kendall", "diff-rank",
                                           "diff-only", "diff-theme", "diff-movers",
                                           "diff-relation", "diff-family", "diff-family-shared",
                                           "diff-pair-kinds", "compare-jaccard",
                                           "compare-relations", "compare-order")]

failed = 0
for script, fixture, what in cases:
    env = dict(os.environ, CKG_REAL=ckg, CKG_CORRUPT=what)
    scope = (["--scope", "all"] if script is crosscheck else [] if script is diffcheck
             else ["all"])
    cmd = ["/usr/bin/python3"] + script + [os.path.join(here, "corrupt_ckg.py"), "--ontology",
                                           os.path.join(fixtures, fixture)] + scope
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode == 1 and b"MISMATCH" in p.stderr:
        print(f"ok: {os.path.basename(script[0])} catches {what}")
    else:
        failed += 1
        print(f"FAIL: {os.path.basename(script[0])} did not catch {what} (exit {p.returncode})")
        sys.stdout.write(p.stdout.decode() + p.stderr.decode())
# and the untouched ckg passes the same checks
for script, fixture in ((crosscheck, "bridge"), (readback, "bridge"), (readback, "escape"),
                        (diffcheck, diff_fixture)):
    p = subprocess.run(["/usr/bin/python3"] + script + [ckg, "--ontology",
                                                        os.path.join(fixtures, fixture)],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        failed += 1
        print(f"FAIL: {os.path.basename(script[0])} fails on the real ckg ({fixture})")
        sys.stdout.write(p.stdout.decode() + p.stderr.decode())
if failed:
    print(f"selftest: {failed} problems")
else:
    print(f"selftest: all {len(cases)} corruptions caught; the real ckg passes every check")
sys.exit(1 if failed else 0)
