#!/usr/bin/python3
"""cli_docs.py — the man page ckg(1) and the shell completions, made from ckg's own help.

    cli_docs.py man CKG TEMPLATE [--date D] > ckg.1
    cli_docs.py bash CKG > ckg.bash
    cli_docs.py model CKG          (what was read, as JSON: for tests)

Everything about the commands comes from the program: the list of commands and the global
options from `ckg --help`, each command's synopsis, text, options and examples from `ckg
CMD --help`, and the values an option accepts from the message ckg gives when the value is
wrong (`ckg CMD --opt ? --no-such-option` exits 2 before doing anything: either the value
is refused, with the list of choices, or the option after it is). So the man page and the
completions cannot disagree with the program they are built with. The man page's other
sections (NAME, DESCRIPTION, FILES, ENVIRONMENT, EXIT STATUS, EXAMPLES) are written by hand
in TEMPLATE (doc/ckg.1.in), which holds the markers @COMMANDS@, @GLOBAL_OPTIONS@,
@COMMAND_LIST@, @VERSION@ and @DATE@.

A help text is read as lines: `usage:` and its continuation; `header:` lines after a blank
line (options:, scope:, examples:); option lines (`  -d, --depth N   text`, continued by
deeper-indented lines); bullets (`- text`); other indented lines, shown as they are
(examples of output); and text at column 0, a paragraph.
"""
import json
import os
import re
import subprocess
import sys

OPTION_RE = re.compile(r"^ {2,}((?:-[A-Za-z0-9], )?--[a-z][a-z0-9-]*|-[A-Za-z0-9])(?=[ ,]|$)")
HEADER_RE = re.compile(r"^[a-z][a-z ]{0,30}:$")
BULLET_RE = re.compile(r"^( *)- \S")
CHOICES_RE = re.compile(r"\(([a-z0-9_-]+(?:, [a-z0-9_-]+)*(?:,? or [a-z0-9_-]+)?)\)$")

# What the values of an option or argument name, by option name or metavariable: the
# completion asks the ontology for these (ckg papers, themes, export).
VALUE_KIND_BY_OPTION = {
    "paper": "papers", "sections": "papers", "theme": "themes", "section": "sections",
    "focus": "concepts", "hide": "concepts", "avoid": "concepts", "diff": "scopes",
    "output": "files", "ontology": "dirs", "corpus": "dirs",
}
VALUE_KIND_BY_METAVAR = {
    "CONCEPT": "concepts", "FROM": "concepts", "TO": "concepts", "A": "scopes",
    "B": "scopes", "SCOPE": "scopes", "PAPER": "papers", "MAP": "files", "FILE": "files",
    "DIR": "dirs",
}


def run(ckg, *args):
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    for keep in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"):  # a sanitizer build's
        if keep in os.environ:
            env[keep] = os.environ[keep]
    p = subprocess.run([ckg, *args], capture_output=True, text=True, env=env)
    return p.returncode, p.stdout, p.stderr


def help_text(ckg, *args):
    rc, out, err = run(ckg, *args, "--help")
    if rc != 0:
        sys.exit(f"cli_docs.py: '{ckg} {' '.join(args)} --help' exited {rc}: {err}")
    return out


def split_usage(lines):
    """The usage block (without 'usage: ') and the lines after it."""
    if not lines or not lines[0].startswith("usage: "):
        sys.exit("cli_docs.py: a help text that does not start with 'usage: '")
    usage = [lines[0][len("usage: "):]]
    i = 1
    while i < len(lines) and lines[i].startswith(" "):
        usage.append(lines[i].strip())
        i += 1
    return usage, lines[i:]


def option_columns(line):
    """(tag, description) of an option line: the tag ends at the first run of two spaces,
    or, where the tag fills its column, at the metavariable's end."""
    body = line.strip()
    m = re.match(r"^(\S.*?)(?: {2,}(.*))?$", body)
    return m.group(1), m.group(2) or ""


def parse_tag(tag, desc):
    """An option's names and metavariables from its tag ('-n, --top N|all')."""
    words = tag.replace(",", " ").split()
    names = [w for w in words if w.startswith("-")]
    metas = [w for w in words if not w.startswith("-")]
    # a tag run into its description ("--output FILE write FILE ..."): one metavariable
    # is upper case; the rest is the description
    if metas and any(not re.fullmatch(r"[A-Z][A-Z|a-z0-9]*|[A-Z]+\|[a-z|]+", m) for m in metas):
        keep = []
        for i, m in enumerate(metas):
            if re.fullmatch(r"[A-Z][A-Z0-9]*(\|[a-z]+)*", m):
                keep.append(m)
            else:
                rest = " ".join(metas[i:])
                desc = (rest + " " + desc).strip()
                break
        metas = keep
    long = next((n for n in names if n.startswith("--")), None)
    short = next((n for n in names if not n.startswith("--")), None)
    return long, short, metas, desc


def parse_body(lines):
    """Blocks of a help text after its usage: ('text', [lines]), ('pre', [lines]),
    ('header', name), ('option', tag, [desc lines]), ('bullet', [lines])."""
    blocks = []
    prev_blank = True
    item = None  # the option or bullet that indented lines continue
    for line in lines:
        if not line.strip():
            prev_blank, item = True, None
            blocks.append(("blank",))
            continue
        if prev_blank and HEADER_RE.match(line):
            blocks.append(("header", line[:-1]))
        elif OPTION_RE.match(line):
            tag, desc = option_columns(line)
            item = ["option", tag, [desc] if desc else []]
            blocks.append(item)
        elif BULLET_RE.match(line):
            item = ["bullet", [line.strip()[2:]], len(BULLET_RE.match(line).group(1))]
            blocks.append(item)
        elif line.startswith(" ") and item is not None:
            item[2 if item[0] == "option" else 1].append(line.strip())
        elif line.startswith(" ") and not prev_blank and blocks and blocks[-1][0] == "text" \
                and re.match(r"^[a-z]+: ", blocks[-1][1][0]):
            blocks[-1][1].append(line.strip())  # "measures: a b c" continued
        elif line.startswith(" "):
            if blocks and blocks[-1][0] == "pre":
                blocks[-1][1].append(line)
            else:
                blocks.append(("pre", [line]))
        else:
            item = None
            if blocks and blocks[-1][0] == "text":
                blocks[-1][1].append(line)
            else:
                blocks.append(("text", [line]))
        prev_blank = False
    return blocks


def probe_choices(ckg, command, long):
    """The values an option takes, as ckg lists them when given a wrong one; None when
    it takes any value (or ckg gives no list)."""
    rc, _, err = run(ckg, command, long, "\x01", "--no-such-option-ckg-docs")
    first = err.strip().splitlines()[0] if err.strip() else ""
    m = CHOICES_RE.search(first)
    if rc == 2 and m and "no-such-option" not in first:
        return [w for w in re.split(r", | or |,? or ", m.group(1)) if w]
    return None


def model(ckg):
    top = help_text(ckg)
    lines = top.splitlines()
    commands, globals_, section = [], [], None
    for line in lines:
        if HEADER_RE.match(line):
            section = line[:-1]
            continue
        if not line.strip():
            section = None
            continue
        if section == "commands":
            name, summary = line.split(None, 1)
            commands.append({"name": name, "summary": summary.strip()})
        elif section == "global options":
            if OPTION_RE.match(line) or re.match(r"^  -", line):
                tag, desc = option_columns(line)
                long, short, metas, desc = parse_tag(tag, desc)
                globals_.append({"tag": tag, "long": long, "short": short, "metas": metas,
                                 "desc": [desc]})
            elif globals_:
                globals_[-1]["desc"].append(line.strip())
    exit_line = next((l for l in lines if l.startswith("exit codes:")), "")
    for cmd in commands:
        text = help_text(ckg, cmd["name"])
        usage, rest = split_usage(text.splitlines())
        cmd["usage"] = usage
        cmd["body"] = parse_body(rest)
        synopsis = " ".join(usage)
        # positional arguments: the upper-case words of the synopsis outside brackets
        # that follow no option, and [WORD] / [WORD...] groups that hold no option
        positionals = []
        words = synopsis.split()[2:]
        depth = 0
        for i, w in enumerate(words):
            bare = w.strip("[]|.")
            if depth == 0 and re.fullmatch(r"[A-Z]+", bare) and not (i and words[i - 1].startswith("-")):
                positionals.append({"name": bare, "optional": w.startswith("["),
                                    "repeats": w.endswith("...") or w.endswith("...]")})
            depth += w.count("[") - w.count("]")
        options = []
        measures = None
        listed = re.search(r"^measures: (.*(?:\n {2,}.*)*)", text, re.M)
        if listed:  # "measures: degree ... coreness (see ...)": the words before "("
            measures = listed.group(1).split("(")[0].split()
        for b in cmd["body"]:
            if b[0] == "option":
                long, short, metas, desc = parse_tag(b[1], " ".join(b[2]))
                options.append({"tag": b[1], "long": long, "short": short, "metas": metas})
        if not any(o["long"] == "--help" for o in options):
            options.append({"tag": "-h, --help", "long": "--help", "short": "-h", "metas": []})
        for o in options:
            o["choices"] = None
            name = (o["long"] or "")[2:]
            if o["metas"]:
                o["choices"] = probe_choices(ckg, cmd["name"], o["long"])
                syn = re.search(re.escape(o["long"]) + r" ([a-z0-9-]+(?:\|[a-z0-9-]+)+)\]?",
                                synopsis)
                if o["choices"] is None and syn:
                    o["choices"] = syn.group(1).split("|")
                if o["choices"] is None and measures and name in ("sort", "measure"):
                    o["choices"] = measures + (["id"] if name == "sort" else [])
                tail = re.fullmatch(r"[A-Z]+\|([a-z|]+)", o["metas"][0])
                if o["choices"] is None and tail:  # --top N|all
                    o["choices"] = tail.group(1).split("|")
            o["kind"] = None if o["choices"] else VALUE_KIND_BY_OPTION.get(name) or (
                VALUE_KIND_BY_METAVAR.get(o["metas"][0]) if o["metas"] else None)
            if len(o["metas"]) > 1:  # --diff A B: B is the command's positional
                positionals.append({"name": o["metas"][1], "optional": True, "repeats": False})
        for p in positionals:
            p["kind"] = VALUE_KIND_BY_METAVAR.get(p["name"])
        cmd["options"] = options
        cmd["positionals"] = positionals
    rc, version, _ = run(ckg, "--version")
    return {"commands": commands, "globals": globals_, "exit": exit_line,
            "version": version.split()[-1] if rc == 0 else "unknown"}


# ---------------------------------------------------------------- man page

def esc(s):
    """Text for roff: backslashes and hyphens escaped (a '-' would print as a hyphen,
    U+2010, and options could not be copied), a line never starting as a request."""
    s = s.replace("\\", "\\e").replace("-", "\\-")
    if s.startswith((".", "'")):
        s = "\\&" + s
    return s


def roff_tag(tag):
    out = []
    for part in re.split(r"(, | )", tag):
        if part in (", ", " "):
            out.append(part)
        elif part.startswith("-"):
            out.append("\\fB" + esc(part) + "\\fR")
        elif part:
            out.append("\\fI" + esc(part) + "\\fR")
    return "".join(out)


def roff_blocks(blocks):
    out = []
    pending_pp = True
    prev_kind = None
    for b in blocks:
        kind = b[0]
        if kind == "blank":
            pending_pp = True
            prev_kind = kind
            continue
        if kind == "text":
            out.append(".PP")
            out.extend(esc(l) for l in b[1])
        elif kind == "header":
            out.append(".PP")
            out.append("\\fI" + esc(b[1]) + ":\\fR")
        elif kind == "pre":
            out.append(".PP" if pending_pp else ".sp 0")
            out.append(".RS 2")
            out.append(".nf")
            indent = min(len(l) - len(l.lstrip()) for l in b[1])
            out.extend(esc(l[indent:]) for l in b[1])
            out.append(".fi")
            out.append(".RE")
        elif kind == "option":
            out.append(".TP")
            out.append(roff_tag(b[1]))
            out.extend(esc(l) for l in b[2])
        elif kind == "bullet":
            if prev_kind == "bullet":
                out.append(".PD 0")  # a list: only the first item stands apart
            out.append(".IP \\(bu 2")
            out.extend(esc(l) for l in b[1])
            if prev_kind == "bullet":
                out.append(".PD")
        pending_pp = False
        prev_kind = kind
    return out


def man(m, template, date):
    cmds = []
    for c in m["commands"]:
        cmds.append(f'.SS "ckg {c["name"]}"')
        cmds.append(esc(c["summary"]) + ".")
        cmds.append(".PP")
        cmds.append(".nf")
        cmds.append("\\fBckg " + esc(c["name"]) + "\\fR " + esc(c["usage"][0].split(None, 2)[2]
                                                               if len(c["usage"][0].split(None, 2)) > 2 else ""))
        cmds.extend("    " + esc(u) for u in c["usage"][1:])
        cmds.append(".fi")
        cmds.extend(roff_blocks(c["body"]))
    glob = []
    for g in m["globals"]:
        glob.append(".TP")
        glob.append(roff_tag(g["tag"]))
        glob.extend(esc(l) for l in g["desc"] if l)
    clist = []
    for c in m["commands"]:
        clist.append(".TP 14")
        clist.append("\\fB" + esc(c["name"]) + "\\fR")
        clist.append(esc(c["summary"]))
    text = template.read()
    for key, value in (("@COMMANDS@", "\n".join(cmds)), ("@GLOBAL_OPTIONS@", "\n".join(glob)),
                       ("@COMMAND_LIST@", "\n".join(clist)), ("@VERSION@", m["version"]),
                       ("@DATE@", date)):
        if key not in text:
            sys.exit(f"cli_docs.py: the template lacks {key}")
        text = text.replace(key, value)
    # every character beyond ASCII as a groff escape: the page renders the same whether or
    # not the reader runs it through preconv (man does; groff alone does not)
    return re.sub(r"[^\x00-\x7f]", lambda c: "\\[u%04X]" % ord(c.group()), text)


# ---------------------------------------------------------------- completions

def shell_words(words):
    return " ".join(words)


def bash(m):
    cmds = [c["name"] for c in m["commands"]]
    globals_ = [g["long"] for g in m["globals"] if g["long"]] + \
               [g["short"] for g in m["globals"] if g["short"]]
    o = []
    o.append("# bash completion for ckg, made by tools/cli_docs.py from ckg %s's --help texts."
             % m["version"])
    o.append("# Commands and options are listed here; papers, sections, themes and concepts are")
    o.append("# asked of ckg itself (ckg papers, ckg themes, ckg export --table nodes), with the")
    o.append("# --ontology and --corpus of the command line being completed.")
    o.append("")
    o.append("_ckg_options() {")
    o.append("    case $1 in")
    for c in m["commands"]:
        names = [x for op in c["options"] for x in (op["long"], op["short"]) if x]
        o.append(f"    {c['name']}) echo '{shell_words(names)}' ;;")
    o.append("    esac")
    o.append("}")
    o.append("")
    o.append("# _ckg_values CMD OPTION: what OPTION takes: a word list, or @papers, @scopes,")
    o.append("# @sections, @themes, @concepts, @files, @dirs, @any; nothing if it takes no value.")
    o.append("_ckg_values() {")
    o.append("    case \"$1 $2\" in")
    o.append("    *' --ontology'|*' --corpus') echo @dirs ;;")
    for c in m["commands"]:
        for op in c["options"]:
            if not op["metas"]:
                continue
            pats = "|".join(f"'{c['name']} {n}'" for n in (op["long"], op["short"]) if n)
            value = shell_words(op["choices"]) if op["choices"] else "@" + (op["kind"] or "any")
            o.append(f"    {pats}) echo '{value}' ;;")
    o.append("    esac")
    o.append("}")
    o.append("")
    o.append("# _ckg_positional CMD N: what the Nth argument (from 1) of CMD is.")
    o.append("_ckg_positional() {")
    o.append("    case $1 in")
    for c in m["commands"]:
        ps = [p for p in c["positionals"]]
        if not ps:
            continue
        arms = []
        for i, p in enumerate(ps, 1):
            kind = "@" + (p["kind"] or "any")
            if p["repeats"]:
                arms.append(f"*) echo {kind} ;;")
                break
            arms.append(f"{i}) echo {kind} ;;")
        o.append(f"    {c['name']}) case $2 in {' '.join(arms)} esac ;;")
    o.append("    esac")
    o.append("}")
    o.append("")
    o.append(r'''# ckg as typed on the line, with its --ontology and --corpus; quiet.
_ckg_ask() {
    local i w prog=${COMP_WORDS[0]} g=()
    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
        --ontology | --corpus) g+=("$w" "${COMP_WORDS[i + 1]}") ;;
        --ontology=* | --corpus=*) g+=("$w") ;;
        esac
    done
    prog=${prog/#\~/$HOME}
    "$prog" "${g[@]}" "$@" 2>/dev/null
}

_ckg_words() {
    case $1 in
    @papers) _ckg_ask papers --format csv | awk -F, 'NR > 1 { print $1 }' ;;
    @scopes)
        _ckg_ask papers --format csv | awk -F, 'NR > 1 { print $1 }'
        _ckg_ask papers | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[a-z0-9]+\/[a-z0-9-]+$/) print $i }'
        ;;
    @sections) _ckg_ask papers | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^[a-z0-9]+\/[a-z0-9-]+$/) { sub(/^[^\/]*\//, "", $i); print $i } }' ;;
    @themes) _ckg_ask themes --format csv | awk -F, 'NR > 1 { print $1; print $2 }' ;;
    @concepts) _ckg_ask export --format csv --table nodes | awk -F, 'NR > 1 { print $1; if ($2 !~ /"/) print $2 }' ;;
    @*) ;;
    *) tr ' ' '\n' <<<"$1" ;;
    esac
}

_ckg_reply() {
    local IFS=$'\n'
    case $1 in
    @files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$2")) ;;
    @dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$2")) ;;
    @any | '') COMPREPLY=() ;;
    *) COMPREPLY=($(compgen -W "$(_ckg_words "$1")" -- "$2")) ;;
    esac
}

_ckg() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local i w cmd= n=0 values
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        case $w in
        --ontology | --corpus) ((i++)); continue ;;
        -*) ;;
        *) if [[ -z $cmd ]]; then cmd=$w; continue; fi ;;
        esac
        [[ -z $cmd ]] && continue
        if [[ $w == -* ]]; then
            [[ $w != *=* && -n $(_ckg_values "$cmd" "$w") ]] && ((i++))
        else
            ((n++))
        fi
    done
    if [[ $prev == --ontology || $prev == --corpus ]]; then
        _ckg_reply @dirs "$cur"
        return
    fi
    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '@GLOBALS@' -- "$cur"))
        else
            COMPREPLY=($(compgen -W '@COMMANDS@ help' -- "$cur"))
        fi
        return
    fi
    if [[ $cmd == help ]]; then
        COMPREPLY=($(compgen -W '@COMMANDS@' -- "$cur"))
        return
    fi
    if [[ $cur == --*=* ]]; then
        values=$(_ckg_values "$cmd" "${cur%%=*}")
        _ckg_reply "$values" "${cur#*=}"
        local p=${cur%%=*}=
        COMPREPLY=("${COMPREPLY[@]/#/$p}")
        return
    fi
    if [[ $prev == -* ]]; then
        values=$(_ckg_values "$cmd" "$prev")
        if [[ -n $values ]]; then
            _ckg_reply "$values" "$cur"
            return
        fi
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_ckg_options "$cmd") --ontology --corpus" -- "$cur"))
        return
    fi
    _ckg_reply "$(_ckg_positional "$cmd" $((n + 1)))" "$cur"
}

complete -F _ckg ckg''')
    text = "\n".join(o) + "\n"
    return text.replace("@GLOBALS@", shell_words(globals_)).replace("@COMMANDS@",
                                                                     shell_words(cmds))


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("man", "bash", "model"):
        sys.exit(__doc__)
    what, ckg = sys.argv[1], sys.argv[2]
    m = model(ckg)
    if what == "man":
        date = ""
        if "--date" in sys.argv:
            date = sys.argv[sys.argv.index("--date") + 1]
        with open(sys.argv[3], encoding="utf-8") as t:
            sys.stdout.write(man(m, t, date))
    elif what == "bash":
        sys.stdout.write(bash(m))
    else:
        json.dump(m, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
