#!/usr/bin/python3
"""check_docs.py — the project's documents cannot go stale: every example runs.

    check_docs.py CKG FILE.md...          (make docs-test)
    check_docs.py --self-test CKG

For each Markdown file:
- every code fence is closed (CommonMark, by markdown-it-py: a fence left open runs to the
  end of the document and swallows it), and every relative link names a file that exists;
- every `$ ckg ...` line of a code block is run (through bash, pipes and all, with `ckg` the
  program under test; it must not crash: exit 0 to 3, or whatever the pipeline's last
  program says) and what it prints, standard output then standard error, must be the
  lines the document shows under it up to the next `$ ` line or the end of the block,
  exactly but for trailing spaces. A line `...` alone (indentation aside) stands for any
  number of lines.
Then the `examples:` of every command's --help: each must run and exit 0.

The commands run in a scratch folder where `ontology` and `tests` are the repository's
(symbolic links) and ../shared/corpus is the corpus ($CKG_CORPUS, or the one beside the
repository), as in a checkout; files the examples write land there, and the inputs the
help's examples name (a student's map) are copied there from the fixtures.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from markdown_it import MarkdownIt

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Inputs the --help examples name, made from the fixtures.
HELP_INPUTS = {
    "wang-lei.cxl": "tests/fixtures/teach/maps/student1.cxl",
    "map.csv": "tests/fixtures/teach/maps/peng2024-student.csv",
    "student.cxl": "tests/fixtures/teach/maps/student1.cxl",
}
FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def fences_and_links(path, text):
    """Problems with the fences and relative links of a Markdown text; and its code
    blocks as (first line number, lines)."""
    problems, blocks = [], []
    lines = text.split("\n")
    tokens = MarkdownIt("commonmark").parse(text)
    for t in tokens:
        if t.type == "fence":
            start, end = t.map  # 0-based, end exclusive
            last = lines[end - 1] if end - 1 < len(lines) else ""
            closing = FENCE_RE.match(last)
            if end - 1 == start or not closing or closing.group(1)[0] != t.markup[0] or \
                    len(closing.group(1)) < len(t.markup) or last.strip(t.markup[0] + " ") != "":
                problems.append(f"{path}:{start + 1}: this code fence is never closed")
            blocks.append((start + 2, t.content.split("\n")[:-1]))
        for child in (t.children or []):
            if child.type in ("link_open", "image"):
                href = child.attrs.get("href") or child.attrs.get("src") or ""
                if re.match(r"^[a-z]+:", href) or href.startswith("#") or not href:
                    continue
                target = os.path.normpath(os.path.join(os.path.dirname(path),
                                                       href.split("#")[0]))
                if not os.path.exists(target):
                    line = (t.map[0] + 1) if t.map else 0
                    problems.append(f"{path}:{line}: the link '{href}' names no file")
    return problems, blocks


def examples(blocks):
    """(line, command, expected lines) of each `$ ckg` line of the blocks."""
    out = []
    for first, lines in blocks:
        current = None
        for i, line in enumerate(lines):
            if line.startswith("$ "):
                current = None
                if line.startswith("$ ckg ") or line == "$ ckg":
                    current = (first + i, line[2:], [])
                    out.append(current)
            elif current is not None:
                current[2].append(line)
    return out


def matches(expected, actual):
    """Whether actual fits expected, a line '...' standing for any lines."""
    exp = [l.rstrip() for l in expected]
    act = [l.rstrip() for l in actual]
    while exp and exp[-1] == "":
        exp.pop()
    while act and act[-1] == "":
        act.pop()

    def fit(i, j):
        if i == len(exp):
            return j == len(act)
        if exp[i].strip() == "...":
            return any(fit(i + 1, k) for k in range(j, len(act) + 1))
        return j < len(act) and exp[i] == act[j] and fit(i + 1, j + 1)
    return fit(0, 0)


class Scratch:
    """A folder to run examples in, with ckg on PATH."""

    def __init__(self, ckg):
        self.dir = tempfile.mkdtemp(prefix="ckg-docs.")
        bin_dir = os.path.join(self.dir, ".bin")
        os.mkdir(bin_dir)
        os.symlink(os.path.abspath(ckg), os.path.join(bin_dir, "ckg"))
        self.work = os.path.join(self.dir, "work")
        os.mkdir(self.work)
        for name in ("ontology", "tests"):
            os.symlink(os.path.join(ROOT, name), os.path.join(self.work, name))
        # the corpus where ckg looks beside a checkout: ../shared/corpus
        corpus = os.environ.get("CKG_CORPUS") or os.path.join(ROOT, "..", "shared", "corpus")
        os.mkdir(os.path.join(self.dir, "shared"))
        os.symlink(os.path.abspath(corpus), os.path.join(self.dir, "shared", "corpus"))
        for name, source in HELP_INPUTS.items():
            shutil.copy(os.path.join(ROOT, source), os.path.join(self.work, name))
        self.env = {"PATH": bin_dir + ":/usr/bin:/bin", "HOME": self.dir, "LC_ALL": "C.UTF-8",
                    "NO_COLOR": "1"}
        for keep in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS", "XDG_CACHE_HOME"):
            if keep in os.environ:
                self.env[keep] = os.environ[keep]

    def run(self, command, pipefail=False):
        shell = ["bash", "-o", "pipefail", "-c"] if pipefail else ["bash", "-c"]
        p = subprocess.run(shell + [command], cwd=self.work,
                           env=self.env, capture_output=True, text=True, timeout=600)
        return p.returncode, p.stdout, p.stderr

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def check_file(scratch, path):
    failed = 0
    with open(path, encoding="utf-8") as f:
        text = f.read()
    problems, blocks = fences_and_links(os.path.relpath(path), text)
    for p in problems:
        print("FAIL", p)
    failed += len(problems)
    n = 0
    for line, command, expected in examples(blocks):
        n += 1
        rc, out, err = scratch.run(command)
        actual = (out + err).split("\n")
        if rc >= 126 or not matches(expected, actual):  # 126 up: not run, or killed
            failed += 1
            print(f"FAIL {os.path.relpath(path)}:{line}: $ {command} (exit {rc})")
            print("  the document shows:")
            for l in expected:
                print("    | " + l)
            print("  ckg prints:")
            for l in actual[:60]:
                print("    | " + l)
    return n, failed


def help_examples(scratch, ckg):
    rc, top, _ = scratch.run("ckg --help")
    commands = re.findall(r"^  ([a-z]+) ", top.split("commands:")[1].split("\n\n")[0], re.M)
    n = failed = 0
    for c in commands:
        _, text, _ = scratch.run(f"ckg {c} --help")
        if "\nexamples:\n" not in text:
            print(f"FAIL ckg {c} --help has no examples")
            failed += 1
            continue
        for line in text.split("\nexamples:\n")[1].split("\n"):
            if not line.startswith("  ckg "):
                continue
            n += 1
            command = line.strip()
            rc, out, err = scratch.run(command, pipefail=True)
            if rc != 0:
                failed += 1
                print(f"FAIL ckg {c} --help: '{command}' exits {rc}: {err.strip()[:300]}")
    return n, failed


def self_test(ckg):
    """The checks fail where they should: an open fence, a dead link, a wrong output, an
    elision that hides a wrong line; and pass where they should."""
    scratch = Scratch(ckg)
    ok = True
    cases = [
        ("open fence", "# t\n\n```\n$ ckg --version\n", False),
        ("dead link", "see [x](no/such/file.md)\n", False),
        ("wrong output", "```\n$ ckg --version\nckg 9.9.9\n```\n", False),
        ("elision hides nothing wrong", "```\n$ ckg --help\nusage: ckg [--ontology DIR] [--corpus DIR] COMMAND [ARGS]\n...\nexit codes: 1 ok\n```\n", False),
        ("missing line", "```\n$ ckg papers\n5 papers; name one by its id or the start of it (--paper zhai)\n```\n", False),
        ("right output", "```\n$ ckg --version\n" + scratch.run("ckg --version")[1] + "```\n", True),
        ("elision", "```\n$ ckg --help\nusage: ckg [--ontology DIR] [--corpus DIR] COMMAND [ARGS]\n...\n```\n", True),
    ]
    for name, text, want in cases:
        path = os.path.join(scratch.dir, "case.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.devnull, "w") as null:
            saved, sys.stdout = sys.stdout, null
            try:
                _, failed = check_file(scratch, path)
            finally:
                sys.stdout = saved
        got = failed == 0
        print(f"self-test: {name}: {'passes' if got else 'fails'}" +
              ("" if got == want else "  <-- WRONG"))
        ok &= got == want
    scratch.close()
    return ok


def main():
    args = sys.argv[1:]
    if args and args[0] == "--self-test":
        if not self_test(args[1]):
            print("check_docs.py: the self-test failed")
            sys.exit(1)
        args = args[1:]
    if len(args) < 1:
        sys.exit(__doc__)
    ckg, files = args[0], args[1:]
    scratch = Scratch(ckg)
    total = failed = 0
    try:
        for path in files:
            n, f = check_file(scratch, path)
            print(f"{os.path.relpath(path)}: {n} examples, {f} failed")
            total += n
            failed += f
        n, f = help_examples(scratch, ckg)
        print(f"--help examples: {n} run, {f} failed")
        total += n
        failed += f
    finally:
        scratch.close()
    print(f"{total - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
