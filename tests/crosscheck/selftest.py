#!/usr/bin/python3
"""selftest.py — each cross-check fails on a ckg whose output is wrong in one place.

usage: selftest.py CKG   (runs on tests/fixtures/metrics/bridge and escape, and
                          tests/fixtures/diff)

Each case runs one cross-check (its main(), with its arguments) with every output of CKG
passed through corrupt_ckg.corrupt, which alters the one value the case names; the check
must exit 1 and report a MISMATCH. The untouched CKG must pass the same checks. The cases
run in worker processes, one per CPU, that import the checks once (the checks' own work
is small next to starting Python with numpy, igraph, NetworkX and scipy for each case),
and are reported in their order.
"""
import contextlib
import importlib
import io
import multiprocessing
import os
import subprocess
import sys
import traceback
import types
from concurrent.futures import ProcessPoolExecutor

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "fixtures", "metrics")
diff_fixture = os.path.join(here, "..", "fixtures", "diff")
METRICS, READBACK, DIFF = "metrics_crosscheck", "export_readback", "diff_crosscheck"
cases = [
    (METRICS, "bridge", w) for w in ("pagerank", "betweenness", "harmonic", "coreness",
                                     "community-order", "community-merge", "modularity",
                                     "theme-modularity", "hub", "diameter", "relation-papers")
] + [(READBACK, "bridge", w) for w in ("graphml-zh", "graphml-weight", "graphml-evidence",
                                      "graphml-pagerank", "gexf-color", "gexf-structure",
                                      "gexf-edge-evidence", "csv-community")] + [
    (READBACK, "escape", w) for w in ("csv-quote", "gexf-definition")] + [
    (DIFF, diff_fixture, w) for w in ("diff-spearman", "diff-kendall", "diff-rank",
                                      "diff-only", "diff-theme", "diff-movers",
                                      "diff-relation", "diff-family", "diff-family-shared",
                                      "diff-pair-kinds", "compare-jaccard",
                                      "compare-relations", "compare-order")]
# and the untouched ckg passes the same checks
checks = [(METRICS, "bridge"), (READBACK, "bridge"), (READBACK, "escape"), (DIFF, diff_fixture)]


def run_check(name, argv, what):
    """Runs check `name` with argv, ckg's output corrupted as `what` says (None: untouched).
    Returns (exit code, stdout, stderr)."""
    if here not in sys.path:
        sys.path.insert(0, here)
    check = importlib.import_module(name)
    corrupt_run = importlib.import_module("corrupt_ckg").corrupt_run

    def ckg_run(cmd, **kw):
        p = subprocess.run(cmd, **kw)
        if what:
            p.stdout = corrupt_run(cmd[1:], p.stdout, what)
        return p

    check.subprocess = types.SimpleNamespace(run=ckg_run, PIPE=subprocess.PIPE)
    out, err = io.StringIO(), io.StringIO()
    sys.argv = [name + ".py"] + argv
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = check.main()
        except SystemExit as e:
            code = e.code
        except Exception:  # a check that crashes has not caught anything
            traceback.print_exc()
            code = 2
    if isinstance(code, str):  # sys.exit("message")
        err.write(code + "\n")
        code = 1
    return code or 0, out.getvalue(), err.getvalue()


def argv_of(ckg, name, fixture):
    scope = ["--scope", "all"] if name == METRICS else [] if name == DIFF else ["all"]
    return [ckg, "--ontology", os.path.join(fixtures, fixture)] + scope


def main():
    ckg = os.path.abspath(sys.argv[1])
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2,
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        corrupted = [pool.submit(run_check, name, argv_of(ckg, name, fixture), what)
                     for name, fixture, what in cases]
        untouched = [pool.submit(run_check, name,
                                 [ckg, "--ontology", os.path.join(fixtures, fixture)], None)
                     for name, fixture in checks]
        corrupted = [f.result() for f in corrupted]
        untouched = [f.result() for f in untouched]

    failed = 0
    for (name, fixture, what), (code, out, err) in zip(cases, corrupted):
        if code == 1 and "MISMATCH" in err:
            print(f"ok: {name}.py catches {what}")
        else:
            failed += 1
            print(f"FAIL: {name}.py did not catch {what} (exit {code})")
            sys.stdout.write(out + err)
    for (name, fixture), (code, out, err) in zip(checks, untouched):
        if code != 0:
            failed += 1
            print(f"FAIL: {name}.py fails on the real ckg ({fixture})")
            sys.stdout.write(out + err)
    if failed:
        print(f"selftest: {failed} problems")
    else:
        print(f"selftest: all {len(cases)} corruptions caught; the real ckg passes every check")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
