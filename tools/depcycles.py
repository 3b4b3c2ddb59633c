#!/usr/bin/python3
"""depcycles.py — fail when a file of a library depends on itself through other files.

    depcycles.py [--nm NM] [--ar AR] FILE...    FILE: objects (.o), or archives (.a) of them
    depcycles.py --self-test [--cc CC]          prove the check fails on a cycle, passes without

Reads `nm` of every object given (each member of an archive) and builds the file graph
"A uses a symbol that B defines" (A has it undefined, B defines it globally). Every strongly
connected component of more than one file is a dependency cycle: the files of it cannot be
understood, tested or replaced one without the others. Prints each cycle with the symbols
each file takes from the next, and exits 1; prints the counts and exits 0 when there is none;
exits 2 when it cannot read its input (nm failed, or an archive holds two members of one
name, which nm cannot tell apart).

The library must depend one way (sqlite's layers); `make test` runs this on libckg.a and on
the CLI's objects, after --self-test has compiled, in a temporary folder, two objects that call
each other (which must fail, naming both) and the same without the call back (which must
pass), so the check is known to be able to fail.
"""
import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter


class InputError(Exception):
    pass


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return p.returncode, p.stdout, p.stderr


def read_symbols(files, nm="nm", ar="ar"):
    """{file label: (defined set, used set)} for every object of files, in the order given."""
    objects = {}
    for path in files:
        if path.endswith(".a"):
            rc, out, err = run([ar, "t", path])
            if rc != 0:
                raise InputError(f"{ar} t {path} failed: {err.strip()}")
            dup = sorted(m for m, n in Counter(out.split()).items() if n > 1)
            if dup:
                raise InputError(f"{path} holds more than one member named {', '.join(dup)}; "
                                 "nm cannot tell them apart (give their objects different names)")
            for member in out.split():
                objects[member] = (set(), set())
        else:
            if path in objects:
                raise InputError(f"{path} given twice")
            objects[path] = (set(), set())
        rc, out, err = run([nm, "-A", "-P", path])
        if rc != 0:
            raise InputError(f"{nm} {path} failed: {err.strip()}")
        for line in out.splitlines():
            prefix, sep, rest = line.partition(": ")
            fields = rest.split()
            if not sep or len(fields) < 2:
                continue
            if path.endswith(".a"):
                # "lib.a[member.o]"
                label = prefix[len(path) + 1:-1] if prefix.startswith(path + "[") else prefix
            else:
                label = path
            if label not in objects:
                raise InputError(f"unexpected nm output for {path}: {line}")
            name, kind = fields[0], fields[1]
            defined, used = objects[label]
            if kind in ("U", "w", "v"):
                used.add(name)
            elif kind.isupper():
                defined.add(name)
    return objects


def build_graph(objects):
    """{A: {B: sorted symbols A takes from B}} over the objects, A != B."""
    owner = {}
    for label, (defined, _) in objects.items():
        for name in defined:
            owner.setdefault(name, label)
    graph = {label: {} for label in objects}
    for label, (_, used) in objects.items():
        for name in used:
            b = owner.get(name)
            if b is not None and b != label:
                graph[label].setdefault(b, []).append(name)
    for edges in graph.values():
        for b in edges:
            edges[b].sort()
    return graph


def strongly_connected(graph):
    """Tarjan's algorithm, iteratively; the components in a fixed order."""
    index, low, on_stack, stack, comps = {}, {}, set(), [], []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                    advanced = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                comps.append(sorted(comp))
    return comps


def shorten(symbols, most=4):
    more = len(symbols) - most
    return ", ".join(symbols[:most]) + (f" and {more} more" if more > 0 else "")


def check(files, nm="nm", ar="ar", out=sys.stdout):
    """Prints the verdict on files; returns the exit code (0, 1 or 2)."""
    try:
        objects = read_symbols(files, nm, ar)
    except InputError as e:
        print(f"depcycles: {e}", file=out)
        return 2
    graph = build_graph(objects)
    cycles = [c for c in strongly_connected(graph) if len(c) > 1]
    uses = sum(len(e) for e in graph.values())
    what = files[0] if len(files) == 1 else os.path.commonpath(files) + "/"
    if not cycles:
        print(f"depcycles: {what}: {len(objects)} objects, {uses} dependencies between them, "
              "no cycle", file=out)
        return 0
    for comp in sorted(cycles):
        members = set(comp)
        print(f"depcycles: {what}: cycle among {len(comp)} files: {' '.join(comp)}", file=out)
        for a in comp:
            for b in sorted(graph[a]):
                if b in members:
                    print(f"depcycles:   {a} uses {b}: {shorten(graph[a][b])}", file=out)
    print(f"depcycles: {len(cycles)} dependency cycle(s); make each file depend one way", file=out)
    return 1


def self_test(cc, nm, ar):
    """Two objects that call each other must fail, named; without the call back, pass."""
    sources = {
        "a.c": "void b(void);\nvoid a(void);\nvoid a(void) { b(); }\n",
        "b.c": "void a(void);\nvoid b(void);\nvoid b(void) { a(); }\n",
        "b_alone.c": "void b(void);\nvoid b(void) {}\n",
        "c.c": "void a(void);\nvoid c(void);\nvoid c(void) { a(); }\n",
        "x.c": "void y(void);\nvoid x(void);\nvoid x(void) { y(); }\n",
        "y.c": "void z(void);\nvoid y(void);\nvoid y(void) { z(); }\n",
        "z.c": "void x(void);\nvoid z(void);\nvoid z(void) { x(); }\n",
    }
    failures = []
    with tempfile.TemporaryDirectory(prefix="depcycles-") as tmp:
        for name, text in sources.items():
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
            obj = os.path.join(tmp, name[:-2] + ".o")
            rc, _, err = run([cc, "-c", os.path.join(tmp, name), "-o", obj])
            if rc != 0:
                print(f"depcycles: self-test: {cc} could not compile {name}: {err.strip()}")
                return 2
        o = lambda n: os.path.join(tmp, n + ".o")

        def expect(label, files, want_rc, want_lines):
            class Out:
                text = ""

                def write(self, s):
                    Out.text += s
            rc = check(files, nm, ar, Out())
            missing = [w for w in want_lines if w not in Out.text]
            if rc != want_rc or missing:
                failures.append(f"{label}: exit {rc} (wanted {want_rc}), missing {missing}:\n"
                                f"{Out.text}")

        expect("objects calling each other", [o("a"), o("b"), o("c")], 1,
               [f"cycle among 2 files: {o('a')} {o('b')}\n", f"{o('a')} uses {o('b')}: b\n",
                f"{o('b')} uses {o('a')}: a\n"])
        rc, _, err = run([ar, "rcs", os.path.join(tmp, "lib.a"), o("a"), o("b"), o("c")])
        if rc != 0:
            print(f"depcycles: self-test: {ar} failed: {err.strip()}")
            return 2
        expect("an archive of them", [os.path.join(tmp, "lib.a")], 1,
               ["cycle among 2 files: a.o b.o\n", "a.o uses b.o: b\n", "b.o uses a.o: a\n"])
        expect("three objects in a ring, beside the pair", [o("z"), o("a"), o("x"), o("b"), o("y")],
               1, [f"cycle among 3 files: {o('x')} {o('y')} {o('z')}\n",
                   f"cycle among 2 files: {o('a')} {o('b')}\n", "2 dependency cycle(s)"])
        expect("no call back", [o("a"), o("b_alone"), o("c")], 0, ["no cycle"])
        os.mkdir(os.path.join(tmp, "other"))
        twin = os.path.join(tmp, "other", "a.o")
        os.link(o("c"), twin)
        run([ar, "rcs", os.path.join(tmp, "twins.a"), o("a"), twin])
        expect("an archive with two members of one name", [os.path.join(tmp, "twins.a")], 2,
               ["more than one member named a.o"])
    if failures:
        for f in failures:
            print(f"depcycles: self-test failed: {f}")
        return 1
    print("depcycles: self-test: a cycle of two objects fails (named, with its symbols), "
          "an archive of them too, a ring of three as well, the same without the call back passes, twin members are refused")
    return 0


def main():
    ap = argparse.ArgumentParser(description="fail on file-level dependency cycles (from nm)")
    ap.add_argument("files", nargs="*", help="objects (.o) or archives (.a)")
    ap.add_argument("--nm", default="nm")
    ap.add_argument("--ar", default="ar")
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        return self_test(args.cc, args.nm, args.ar)
    if not args.files:
        ap.error("give objects or archives")
    return check(args.files, args.nm, args.ar)


if __name__ == "__main__":
    sys.exit(main())
