#!/usr/bin/python3
"""run.py - `make bench`: ckg against its baselines, side by side, with hyperfine.

    run.py [--ckg PATH] [--gen PATH] [--bare PATH] [--out DIR] [--sizes 1000,20000]
           [--rss 100000] [--results FILE] [--readme FILE] [--only start-up]

Generates the synthetic ontologies it needs (bench/gen, seeded) into DIR/N when they are
missing, times every case of CASES below with hyperfine (ckg and its baseline in one run),
measures peak RSS with /usr/bin/time at the --rss size, and writes the table of ratios to
--results (bench/results.md) and between the bench markers of --readme (README.md); the
start-up cases (the query commands against /bin/true) get a table of their own, between the
bench-startup markers. --only start-up times those alone and rewrites only their table.

ckg keeps a cache of parsed ontologies ($XDG_CACHE_HOME/ckg); the bench points it at a
temporary folder. A case says how it runs: "off" (CKG_CACHE=0, the load from the YAML: what
the comparisons with a bare parse and with Python measure), "warm" (the cache written before
timing; ckg's output is first checked to be byte for byte that of CKG_CACHE=0) or "cold"
(the cache removed before every run, so each run parses and writes it).

A case whose ckg command does not exist yet (the binary answers "unknown command") is
listed as skipped, so the commands still being written get measured the day they land.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from typing import Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PY = "/usr/bin/python3"


@dataclass
class Case:
    name: str               # what is measured
    size: object            # concepts of the synthetic ontology, or "shipped" (ontology/)
    ckg: str                # ckg arguments after the global options; {probe} {tmp} expand
    baseline: Optional[str] # a key of BASELINES, or None (absolute goal only)
    goal: Optional[str]     # "ratio<=X" (ckg/baseline), "speedup>=X" (baseline/ckg),
                            # "abs<=Xms" (ckg alone), or None (for information)
    prepare: Optional[str] = None  # ckg arguments whose stdout is saved as {tmp}/prepared
    cache: str = "off"             # "off", "warm" or "cold" (see above)
    group: str = "load"            # "load" or "start-up": which table the row goes to


# One line per measurement. Cases of commands that do not exist yet are skipped, saying so.
CASES = [
    #    name                          size       ckg arguments            baseline        goal
    Case("load + checks (no quotes)",  1000,      "check --no-quotes",     "bare",         None),
    Case("check, every quote",         1000,      "check",                 "bare",         None),
    Case("load + checks (no quotes)",  20000,     "check --no-quotes",     "bare",         None),
    Case("check, every quote",         20000,     "check",                 "bare",         "ratio<=2.5"),
    Case("check, every quote",         20000,     "check",                 "py-load",      None),
    Case("check, every quote",         "shipped", "check",                 None,           None),
    # The commands below are written on other branches; they are measured once ckg has them.
    Case("neighbors (load-dominated)", 20000,     "neighbors {probe}",     "bare",         "ratio<=1.5"),
    Case("neighbors",                  20000,     "neighbors {probe}",     "py-neighbors", "speedup>=30"),
    Case("metrics",                    20000,     "metrics",               "py-metrics",   "speedup>=1"),
    Case("neighbors",                  "shipped", "neighbors data-factor", None,           "abs<=10ms"),
    # the map of every concept laid out by dot, so both lay out the same graph (the default
    # slide is laid out several times to fit it, and its DOT text has every node pinned)
    Case("render vs dot -Tsvg",        "shipped", "render --engine dot --top all -o {tmp}/map.svg",
         "dot", "ratio<=1.2", prepare="render --engine dot --top all --format dot"),
]

# Issue 18: the query commands answer on the shipped ontology in at most 3x the time of a
# process that does nothing, whole process, warm cache; the cold cache (a parse and a cache
# written at every run) for information.
STARTUP_QUERIES = ["neighbors 数据要素", "show 数据要素", "search 数据", "path 算力 高质量发展",
                   "papers", "themes", "check --no-quotes"]
for _cache, _goal in (("warm", "ratio<=3"), ("cold", None)):
    CASES += [Case(q, "shipped", q, "true", _goal, cache=_cache, group="start-up")
              for q in STARTUP_QUERIES]
CASES.append(Case("--version", "shipped", "--version", "true", None, cache="warm",
                  group="start-up"))

# Baseline commands; {onto} {corpus} {probe} {tmp} expand.
BASELINES = {
    "bare": ("bare libyaml parse", "{bare} {onto}"),
    "py-load": ("PyYAML CLoader, load only", PY + " " + os.path.join(HERE, "baseline.py") + " load {onto}"),
    "py-neighbors": ("PyYAML + python-igraph neighbors",
                     PY + " " + os.path.join(HERE, "baseline.py") + " neighbors {onto} {probe}"),
    "py-metrics": ("PyYAML + python-igraph metrics",
                   PY + " " + os.path.join(HERE, "baseline.py") + " metrics {onto}"),
    "dot": ("dot -Tsvg on the same DOT", "dot -Tsvg {tmp}/prepared -o {tmp}/dot.svg"),
    "true": ("/bin/true", "/bin/true"),
}


def sh(cmd, **kw):
    return subprocess.run(cmd, check=False, text=True, capture_output=True, **kw)


def ensure_data(args, n):
    """bench/out/N, generated when missing; returns its meta as a dict."""
    d = os.path.join(args.out, str(n))
    meta = os.path.join(d, "meta.txt")
    if not os.path.exists(meta):
        print(f"bench: generating {d}", file=sys.stderr)
        r = sh([args.gen, "-n", str(n), "-o", d])
        if r.returncode:
            sys.exit(f"bench: {args.gen} failed: {r.stderr}")
    info = dict(line.split(": ", 1) for line in open(meta, encoding="utf-8").read().splitlines())
    info["dir"] = d
    info["onto"] = os.path.join(d, "ontology")
    info["corpus"] = os.path.join(d, "corpus")
    info["yaml_bytes"] = tree_bytes(info["onto"])
    info["corpus_bytes"] = tree_bytes(info["corpus"])
    return info


def tree_bytes(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files)
    return total


def shipped(args):
    onto = os.path.join(ROOT, "ontology")
    corpus = os.environ.get("CKG_CORPUS") or os.path.join(ROOT, "..", "shared", "corpus")
    return {"onto": onto, "corpus": corpus, "probe": "data-factor",
            "yaml_bytes": tree_bytes(onto), "corpus_bytes": tree_bytes(corpus)}


def has_command(ckg, name):
    if name.startswith("-"):
        return True
    r = sh([ckg, name, "--help"])
    return r.returncode == 0


def expand(template, values):
    return template.format(**values)


def hyperfine(commands, tmp, slow, env=None, prepare=None, quick=False):
    """Times the named commands with hyperfine; returns {name: (median, min, max)} in
    seconds. The machine may be shared, so the runs are spread over three rounds in
    alternating order (a busy spell slows both sides, not one) and the medians of all runs
    are compared; the Python baselines, which take seconds, get one round of 3 runs.
    Commands of a few milliseconds (quick) get at least 30 runs a round. env is the
    environment of the runs; prepare a command run before each."""
    out = os.path.join(tmp, "hyperfine.json")
    runs = {name: [] for name, _ in commands}
    cpu = {name: [0.0, 0] for name, _ in commands}  # user + system seconds, runs
    rounds = 1 if slow else 3
    for k in range(rounds):
        order = commands if k % 2 == 0 else list(reversed(commands))
        cmd = ["hyperfine", "-N", "--export-json", out, "--style", "basic"]
        if slow:
            cmd += ["--warmup", "0", "--runs", "3"]
        else:
            cmd += ["--warmup", "3" if quick else "2", "--min-runs", "30" if quick else "7"]
        if prepare:
            cmd += ["--prepare", prepare]
        for name, c in order:
            cmd += ["-n", name, c]
        r = subprocess.run(cmd, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=env)
        if r.returncode:
            sys.exit(f"bench: hyperfine failed:\n{r.stdout}")
        for res in json.load(open(out))["results"]:
            runs[res["command"]] += res["times"]
            cpu[res["command"]][0] += (res["user"] + res["system"]) * len(res["times"])
            cpu[res["command"]][1] += len(res["times"])
    return {name: (statistics.median(t), min(t), max(t), cpu[name][0] / cpu[name][1])
            for name, t in runs.items()}


def peak_rss(cmd, env=None):
    """Peak RSS in KiB of a command (GNU time), and its exit code."""
    r = sh(["/usr/bin/time", "-f", "%M"] + shlex.split(cmd), env=env)
    last = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "0"
    return int(last) if last.isdigit() else 0, r.returncode


def fmt_time(s):
    return f"{s * 1000:.1f} ms" if s < 10 else f"{s:.2f} s"


def judge(goal, t_ckg, t_base):
    """(verdict text, met?) for a goal."""
    if not goal:
        return "", None
    m = re.fullmatch(r"(ratio<=|speedup>=|abs<=)([0-9.]+)(ms)?", goal)
    if not m:
        sys.exit(f"bench: bad goal {goal!r}")
    op, x = m.group(1), float(m.group(2))
    if op == "ratio<=":
        ok = t_ckg / t_base <= x
        return f"≤ {x:g}×", ok
    if op == "speedup>=":
        ok = t_base / t_ckg >= x
        return (f"≥ {x:g}× faster" if x > 1 else "faster"), ok
    ok = t_ckg * 1000 <= x
    return f"≤ {x:g} ms", ok


def size_label(size):
    return "shipped" if size == "shipped" else f"{size // 1000}k"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ckg", default=os.path.join(ROOT, "build", "ckg"))
    ap.add_argument("--gen", default=os.path.join(ROOT, "build", "bench", "gen"))
    ap.add_argument("--bare", default=os.path.join(ROOT, "build", "bench", "bare_parse"))
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--sizes", default="1000,20000")
    ap.add_argument("--rss", type=int, default=100000)
    ap.add_argument("--results", default=os.path.join(HERE, "results.md"))
    ap.add_argument("--readme", default=os.path.join(ROOT, "README.md"))
    ap.add_argument("--only", choices=["start-up"],
                    help="time only these cases and rewrite only their table")
    args = ap.parse_args()
    for attr in ("ckg", "gen", "bare"):
        setattr(args, attr, os.path.abspath(getattr(args, attr)))

    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.only:
        sizes = []
    data = {n: ensure_data(args, n) for n in sorted(set(sizes + ([] if args.only else [args.rss])))}
    data["shipped"] = shipped(args)
    tmp = tempfile.mkdtemp(prefix="ckg-bench.")
    cache_home = os.path.join(tmp, "xdg-cache")
    load_before = open("/proc/loadavg").read().split()[:3]
    started = datetime.datetime.now(datetime.timezone.utc)

    rows, skipped = [], []
    for case in CASES:
        if args.only and case.group != args.only:
            continue
        if case.size != "shipped" and case.size not in sizes:
            continue
        needed = [a.split()[0] for a in (case.ckg, case.prepare) if a]
        missing = [c for c in needed if not has_command(args.ckg, c)]
        if missing:
            skipped.append((case, missing))
            print(f"bench: skipped {case.name} at {size_label(case.size)}: "
                  f"ckg has no '{missing[0]}' command yet", file=sys.stderr)
            continue
        d = data[case.size]
        values = {"onto": d["onto"], "corpus": d["corpus"], "probe": d["probe"], "tmp": tmp,
                  "bare": args.bare}
        ckg_cmd = f"{args.ckg} --ontology {d['onto']} --corpus {d['corpus']} " + \
                  expand(case.ckg, values)
        if case.prepare:
            r = sh(shlex.split(f"{args.ckg} --ontology {d['onto']} --corpus {d['corpus']} "
                               + expand(case.prepare, values)))
            if r.returncode:
                sys.exit(f"bench: preparing {case.name} failed: {r.stderr}")
            with open(os.path.join(tmp, "prepared"), "w", encoding="utf-8") as f:
                f.write(r.stdout)
        commands = [("ckg", ckg_cmd)]
        if case.baseline:
            commands.append(("baseline", expand(BASELINES[case.baseline][1], values)))
        slow = case.baseline in ("py-load", "py-neighbors", "py-metrics")
        env = dict(os.environ, XDG_CACHE_HOME=cache_home)
        env.pop("CKG_CACHE", None)
        prepare = None
        if case.cache == "off":
            env["CKG_CACHE"] = "0"
        elif case.cache == "warm":
            same_output_cached(ckg_cmd, env)
        else:
            prepare = "rm -rf " + os.path.join(cache_home, "ckg")
        print(f"bench: {case.name} at {size_label(case.size)}"
              + (f" vs {BASELINES[case.baseline][0]}" if case.baseline else "")
              + ("" if case.cache == "off" else f", {case.cache} cache"), file=sys.stderr)
        times = hyperfine(commands, tmp, slow, env, prepare, quick=case.group == "start-up")
        t_ckg = times["ckg"]
        t_base = times.get("baseline")
        target, met = judge(case.goal, t_ckg[0], t_base[0] if t_base else None)
        rows.append({"case": case, "ckg": t_ckg, "base": t_base, "target": target, "met": met})

    load_after = open("/proc/loadavg").read().split()[:3]
    when = {"started": started, "load": (load_before, load_after)}
    if args.only:
        write_startup(args, rows, when, skipped)
        return

    # peak RSS at the largest size (from the YAML: the cache off)
    rss = []
    big = data[args.rss]
    for label, cmd in (
        ("bare libyaml parse", f"{args.bare} {big['onto']}"),
        ("ckg check --no-quotes", f"{args.ckg} --ontology {big['onto']} check --no-quotes"),
        ("ckg check", f"{args.ckg} --ontology {big['onto']} --corpus {big['corpus']} check"),
    ):
        print(f"bench: peak RSS of {label} at {size_label(args.rss)}", file=sys.stderr)
        kib, code = peak_rss(cmd, dict(os.environ, CKG_CACHE="0"))
        if code:
            sys.exit(f"bench: {cmd} exited {code}")
        rss.append((label, kib))

    write_results(args, data, sizes, rows, skipped, rss, when)


def same_output_cached(ckg_cmd, env):
    """Warms the cache with ckg_cmd and checks that its output, cold and then warm, is byte
    for byte (stdout, stderr, exit code) that of CKG_CACHE=0; exits otherwise."""
    argv = shlex.split(ckg_cmd)
    off = subprocess.run(argv, capture_output=True, env=dict(env, CKG_CACHE="0"))
    for state in ("cold", "warm"):
        r = subprocess.run(argv, capture_output=True, env=env)
        if (r.returncode, r.stdout, r.stderr) != (off.returncode, off.stdout, off.stderr):
            sys.exit(f"bench: {ckg_cmd} printed otherwise with a {state} cache than with "
                     f"CKG_CACHE=0")


def ratio_cell(row):
    base = row["base"]
    if not base:
        return "-"
    r = row["ckg"][0] / base[0]
    return f"{r:.2f}" if r >= 0.5 else f"{r:.2f} ({1 / r:.0f}× faster)"


def table(rows):
    lines = ["| case | data | ckg | baseline | ckg / baseline | target | met |",
             "|---|---|---:|---|---:|---|---|"]
    for row in rows:
        if row["case"].group != "load":
            continue
        c = row["case"]
        base = f"{BASELINES[c.baseline][0]}: {fmt_time(row['base'][0])}" if row["base"] else "-"
        met = "" if row["met"] is None else ("yes" if row["met"] else "**no**")
        lines.append(f"| {c.name} | {size_label(c.size)} | {fmt_time(row['ckg'][0])} | {base} "
                     f"| {ratio_cell(row)} | {row['target']} | {met} |")
    return lines


def startup_table(rows):
    """The start-up cases: each command's median against /bin/true's, measured alternately
    in the same hyperfine runs, warm then cold; and the mean CPU time (user + system) of
    each, which a busy machine disturbs less than the wall-clock time."""
    lines = ["| `ckg` … (shipped ontology) | cache | ckg | /bin/true | ckg / true | target | met "
             "| CPU: ckg | CPU: true | CPU ratio |",
             "|---|---|---:|---:|---:|---|---|---:|---:|---:|"]
    for row in rows:
        c = row["case"]
        if c.group != "start-up":
            continue
        met = "" if row["met"] is None else ("yes" if row["met"] else "**no**")
        lines.append(f"| {c.ckg} | {c.cache} | {fmt_time(row['ckg'][0])} "
                     f"| {fmt_time(row['base'][0])} | {row['ckg'][0] / row['base'][0]:.2f} "
                     f"| {row['target']} | {met} | {fmt_time(row['ckg'][3])} "
                     f"| {fmt_time(row['base'][3])} | {row['ckg'][3] / row['base'][3]:.2f} |")
    return lines


def conditions(when):
    before, after = when["load"]
    return (f"{when['started']:%Y-%m-%d %H:%M} UTC, load average {before[0]} before and "
            f"{after[0]} after (1 min; {os.cpu_count()} CPUs)")


def cpu_name():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def replace_between(path, begin, end, body):
    """Rewrites what stands between the markers begin and end in the file at path."""
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return
    if begin not in text or end not in text:
        print(f"bench: no {begin} markers in {path}; left alone", file=sys.stderr)
        return
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + "\n".join([begin, ""] + body + ["", end]) + tail)


STARTUP_MARKERS = ("<!-- bench-startup:begin -->", "<!-- bench-startup:end -->")


def startup_body(rows, when, skipped):
    absent = sorted({" ".join(missing) for case, missing in skipped if case.group == "start-up"})
    return startup_table(rows) + [
        "", f"Wall-clock medians of at least 90 runs each, in three rounds alternating ckg and "
        f"/bin/true (the target is judged on these); CPU is the mean user + system time of "
        f"the same runs; "
        f"{cpu_name()}; {conditions(when)}."
        + (f" Not measured (this ckg has no such command): {', '.join(absent)}." if absent
           else "")]


def write_startup(args, rows, when, skipped):
    """--only start-up: the start-up table, printed and put between its markers in
    --results and --readme."""
    body = startup_body(rows, when, skipped)
    print("\n".join(body))
    for path in (args.results, args.readme):
        replace_between(path, *STARTUP_MARKERS, body)


def write_results(args, data, sizes, rows, skipped, rss, when):
    mb = lambda b: f"{b / 1e6:.1f} MB"
    cpu = cpu_name()
    version = sh([args.ckg, "--version"]).stdout.strip()
    out = ["# ckg benchmarks", "",
           "Written by `make bench` (bench/run.py); do not edit by hand.", "",
           f"Machine: {cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
           f"{version}; whole processes timed by hyperfine (`-N`; medians of at least 21 "
           f"runs in three alternating rounds, 3 runs (no warm-up) against the Python baselines; ratios are "
           f"of medians). Run {conditions(when)}.", "",
           "Unless a row says otherwise ckg runs with `CKG_CACHE=0`, so what is timed is the "
           "load from the YAML files that the baselines are compared with.", "",
           "## Data", "",
           "| data | concepts | papers | relations | quotes | YAML | corpus |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for n in sorted(k for k in data if k != "shipped"):
        d = data[n]
        out.append(f"| {size_label(n)} | {d['concepts']} | {d['papers']} | {d['relations']} "
                   f"| {d['quotes']} | {mb(d['yaml_bytes'])} | {mb(d['corpus_bytes'])} |")
    d = data["shipped"]
    out.append(f"| shipped | | | | | {mb(d['yaml_bytes'])} | {mb(d['corpus_bytes'])} |")
    out += ["", "Synthetic data: `bench/gen -n N` (seed 1), N concepts, N/10 papers, 3N relations; "
            "`neighbors` looks up its best-connected concept (`probe` in meta.txt).", "",
            "## Times", ""]
    out += table(rows)
    out += ["", "## Start-up: the query commands against a process that does nothing", ""]
    out += [STARTUP_MARKERS[0], ""] + startup_body(rows, when, skipped) + ["", STARTUP_MARKERS[1]]
    out += ["", f"## Peak memory at {size_label(args.rss)}", "",
            "| process | peak RSS |", "|---|---:|"]
    for label, kib in rss:
        out.append(f"| {label} | {kib / 1024:.0f} MiB |")
    big = data[args.rss]
    out += ["", f"({mb(big['yaml_bytes'])} of YAML, {mb(big['corpus_bytes'])} of source texts.)"]
    if skipped:
        out += ["", "## Not measured yet", ""]
        for case, missing in skipped:
            out.append(f"- {case.name} at {size_label(case.size)}: ckg has no "
                       f"`{missing[0]}` command yet (target: {case.goal or 'none'})")
    text = "\n".join(out) + "\n"
    with open(args.results, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)

    # the README tables: times and ratios, between the markers
    body = table(rows) + ["", "Peak RSS at " + size_label(args.rss) + ": " +
            ", ".join(f"{label} {kib / 1024:.0f} MiB" for label, kib in rss) + ". " +
            f"Medians on {cpu}, {os.cpu_count()} CPUs, {conditions(when)}; data sizes and the "
            "commands not yet measured in `bench/results.md`."]
    replace_between(args.readme, "<!-- bench:begin -->", "<!-- bench:end -->", body)
    replace_between(args.readme, *STARTUP_MARKERS, startup_body(rows, when, skipped))


if __name__ == "__main__":
    main()
