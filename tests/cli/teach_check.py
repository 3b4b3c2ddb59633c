"""teach_check.py — reads back what ckg propositions, quiz and score write, for the CLI tests.

usage:
  teach_check.py gift GIFT QUIZ_JSON          GIFT parsed by a small GIFT reader: every
                                              special character escaped, one right answer per
                                              question, texts equal to the JSON's
  teach_check.py anki CSV QUIZ_JSON           the Anki CSV: header lines, three fields a row,
                                              the stem and choices on the front, the answer
                                              on the back
  teach_check.py invariant QUIZ_JSON EXPORT   every wrong choice makes a proposition the
                                              ontology does not state (checked against
                                              `ckg export --format json`, independently of
                                              ckg's own code) and no two items share a pair
  teach_check.py propositions PROPS EXPORT    one entry per relation (from, kind, to) of the
                                              export, with the contract's keys
  teach_check.py score SCORE_JSON             the score JSON has the contract's shape and its
                                              summary counts agree with its propositions
Exits 1 with a message on the first problem.
"""
import csv
import html
import io
import json
import sys

GIFT_SPECIAL = set("~=#{}:")


def fail(msg):
    print("teach_check: " + msg, file=sys.stderr)
    sys.exit(1)


def gift_unescape(s, where):
    """Undoes GIFT's backslash escapes; an unescaped special character is an error."""
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            if i + 1 >= len(s):
                fail("%s: a lone backslash at the end of %r" % (where, s))
            out.append(s[i + 1])
            i += 2
            continue
        if c in GIFT_SPECIAL:
            fail("%s: unescaped %r in %r" % (where, c, s))
        out.append(c)
        i += 1
    return html.unescape("".join(out))


def split_unescaped(s, i, stops):
    """Index of the first unescaped character of stops at or after i, or -1."""
    while i < len(s):
        if s[i] == "\\":
            i += 2
            continue
        if s[i] in stops:
            return i
        i += 1
    return -1


def parse_gift(text):
    questions = []
    for block in text.split("\n\n"):
        lines = [l for l in block.split("\n") if l.strip() and not l.startswith("//")]
        if not lines:
            continue
        q = "\n".join(lines)
        if not q.startswith("::"):
            fail("a question does not start with ::title:: — %r" % q[:80])
        end = q.find("::", 2)
        title = q[2:end]
        body = q[end + 2:]
        if not body.startswith("[html]"):
            fail("question %s lacks the [html] format marker" % title)
        body = body[len("[html]"):]
        open_at = split_unescaped(body, 0, "{")
        close_at = split_unescaped(body, open_at + 1, "}")
        if open_at < 0 or close_at < 0 or body[close_at + 1:].strip():
            fail("question %s: no answer block {...} closing the question" % title)
        stem = gift_unescape(body[:open_at].strip(), title + " stem")
        answers, feedback = body[open_at + 1:close_at], None
        fb = answers.find("####")
        if fb >= 0:
            feedback = gift_unescape(answers[fb + 4:].strip(), title + " feedback")
            answers = answers[:fb]
        choices, i = [], split_unescaped(answers, 0, "=~")
        while i >= 0:
            j = split_unescaped(answers, i + 1, "=~")
            raw = answers[i + 1:j if j >= 0 else len(answers)].strip()
            choices.append((answers[i] == "=", gift_unescape(raw, title + " choice")))
            i = j
        questions.append({"title": title, "stem": stem, "choices": choices, "feedback": feedback})
    return questions


def check_gift(gift_path, json_path):
    qs = parse_gift(open(gift_path, encoding="utf-8").read())
    items = json.load(open(json_path, encoding="utf-8"))["items"]
    if len(qs) != len(items) or not qs:
        fail("%d GIFT questions, %d JSON items" % (len(qs), len(items)))
    for q, it in zip(qs, items):
        right = [c for ok, c in q["choices"] if ok]
        if len(right) != 1:
            fail("question %s has %d right answers" % (q["title"], len(right)))
        if q["stem"] != it["stem"]:
            fail("question %s: stem %r, JSON %r" % (q["title"], q["stem"], it["stem"]))
        if [c for _, c in q["choices"]] != it["choices"]:
            fail("question %s: choices %r, JSON %r" % (q["title"], q["choices"], it["choices"]))
        if right[0] != it["answer"]:
            fail("question %s: right answer %r, JSON %r" % (q["title"], right[0], it["answer"]))
        for e in it["evidence"]:
            if e["quote"] not in (q["feedback"] or ""):
                fail("question %s: the answer key lacks the quote %r" % (q["title"], e["quote"]))
    print("gift: %d questions read back, one right answer each" % len(qs))


def check_anki(csv_path, json_path):
    text = open(csv_path, encoding="utf-8", newline="").read()
    lines = text.split("\n")
    head = [l for l in lines[:4]]
    if head != ["#separator:comma", "#html:false", "#columns:Front,Back,Tags", "#tags column:3"]:
        fail("Anki header lines: %r" % head)
    rows = list(csv.reader(io.StringIO("\n".join(lines[4:]))))
    rows = [r for r in rows if r]
    items = json.load(open(json_path, encoding="utf-8"))["items"]
    if len(rows) != len(items):
        fail("%d CSV rows, %d JSON items" % (len(rows), len(items)))
    for r, it in zip(rows, items):
        if len(r) != 3:
            fail("a row has %d fields: %r" % (len(r), r))
        front = r[0].split("\n")
        if front[0] != it["stem"] or [l[3:] for l in front[1:]] != it["choices"]:
            fail("front %r does not match %r" % (r[0], it))
        letter = "ABCDEFGH"[it["choices"].index(it["answer"])]
        if not r[1].startswith("%s. %s — " % (letter, it["answer"])):
            fail("back %r does not start with the answer %s. %s" % (r[1], letter, it["answer"]))
        if not r[2].startswith("ckg"):
            fail("tags %r" % r[2])
    print("anki: %d cards" % len(rows))


def check_invariant(quiz_path, export_path):
    quiz = json.load(open(quiz_path, encoding="utf-8"))
    exp = json.load(open(export_path, encoding="utf-8"))
    zh = {c["zh"]: c["id"] for c in exp["concepts"]}
    pairs = {}
    for r in exp["relations"]:
        pairs.setdefault(frozenset((r["from"], r["to"])), set()).add(r["kind"])
    broader = {c["id"]: set(c["broader"]) for c in exp["concepts"]}

    def ancestors(c, seen=None):
        seen = set() if seen is None else seen
        for b in broader.get(c, ()):
            if b not in seen:
                seen.add(b)
                ancestors(b, seen)
        return seen

    used = set()
    n_wrong = 0
    for it in quiz["items"]:
        rel = it["relation"]
        pair = frozenset((rel["from"], rel["to"]))
        if pair in used:
            fail("two items on the pair %s" % sorted(pair))
        used.add(pair)
        if rel["kind"] not in pairs.get(pair, ()):
            fail("item on %r: the ontology does not state it" % rel)
        if it["choices"].count(it["answer"]) != 1:
            fail("item %r: the answer is not exactly once among the choices" % it["stem"])
        for ch in it["choices"]:
            if ch == it["answer"]:
                continue
            n_wrong += 1
            if it["blank"] == "kind":
                # a wrong phrase: its kind is stated between the two neither way, nor is any
                # kind of its family (families from relations.yaml, when given)
                wrong = [k for k, z in PHRASES.items() if z == ch]
                if len(wrong) != 1:
                    fail("item %r: the wrong phrase %r is the phrase of %d kinds" % (it["stem"], ch, len(wrong)))
                for k in pairs.get(pair, ()):
                    if k == wrong[0] or (FAMILIES and FAMILIES[k] == FAMILIES[wrong[0]]):
                        fail("item %r: the wrong phrase %r (%s) is compatible with %s, stated between %s"
                             % (it["stem"], ch, wrong[0], k, sorted(pair)))
                continue
            shown = rel["to"] if it["blank"] == "from" else rel["from"]
            answer = rel["from"] if it["blank"] == "from" else rel["to"]
            d = zh.get(ch)
            if d is None:
                fail("item %r: wrong choice %r names no concept" % (it["stem"], ch))
            if frozenset((shown, d)) in pairs:
                fail("item %r: the wrong choice %s is related to %s in the ontology" % (it["stem"], d, shown))
            if d in ancestors(answer) or answer in ancestors(d) or d in ancestors(shown) or shown in ancestors(d):
                fail("item %r: the wrong choice %s is broader or narrower than an end" % (it["stem"], d))
    print("invariant: %d items, %d wrong choices, none stated" % (len(quiz["items"]), n_wrong))


PHRASES = {}   # kind id -> its zh phrase (from relations.yaml)
FAMILIES = {}  # kind id -> its family


def check_propositions(props_path, export_path):
    props = json.load(open(props_path, encoding="utf-8"))
    exp = json.load(open(export_path, encoding="utf-8"))
    got = [(p["from"], p["kind"], p["to"]) for p in props["propositions"]]
    want = sorted((r["from"], r["kind"], r["to"]) for r in exp["relations"])
    if len(got) != len(set(got)):
        fail("a relation is listed twice")
    if sorted(got) != want:
        fail("propositions %r differ from the export's relations %r" % (sorted(got), want))
    for p in props["propositions"]:
        for k in ("from", "kind", "to", "text", "evidence"):
            if k not in p:
                fail("a proposition lacks %r" % k)
        if set(p["text"]) != {"zh", "en"} or not all(isinstance(v, str) and v for v in p["text"].values()):
            fail("text must hold zh and en sentences: %r" % p["text"])
        if not p["evidence"]:
            fail("a proposition without evidence: %r" % p)
        for e in p["evidence"]:
            if set(e) != {"paper", "quote", "line"}:
                fail("evidence keys %r" % sorted(e))
            if not (e["line"] is None or (isinstance(e["line"], int) and e["line"] > 0)):
                fail("line must be a positive integer or null")
    print("propositions: %d, one per relation of the export" % len(got))


def check_score(path):
    d = json.load(open(path, encoding="utf-8"))
    keys = ("from_label", "phrase", "to_label", "from", "to", "verdict", "evidence")
    verdicts = {"stated": 0, "reversed": 0, "other-kind": 0, "unstated": 0, "unknown-concept": 0}
    for p in d["propositions"]:
        for k in keys:
            if k not in p:
                fail("a proposition lacks %r" % k)
        if p["verdict"] not in verdicts:
            fail("unknown verdict %r" % p["verdict"])
        verdicts[p["verdict"]] += 1
        if p["verdict"] == "unknown-concept":
            if p["from"] is not None and p["to"] is not None:
                fail("unknown-concept with both ends resolved: %r" % p)
        elif p["from"] is None or p["to"] is None:
            fail("a resolved verdict with an end unresolved: %r" % p)
        if (p["verdict"] in ("stated", "reversed", "other-kind")) != bool(p["evidence"]):
            fail("evidence must come with stated, reversed and other-kind only: %r" % p)
    s = d["summary"]
    for k in ("stated", "reversed", "other_kind", "unstated", "unknown", "precision", "recall"):
        if k not in s:
            fail("summary lacks %r" % k)
    for v, k in (("stated", "stated"), ("reversed", "reversed"), ("other-kind", "other_kind"),
                 ("unstated", "unstated"), ("unknown-concept", "unknown")):
        if s[k] != verdicts[v]:
            fail("summary %s = %r, propositions say %r" % (k, s[k], verdicts[v]))
    resolved = len(d["propositions"]) - verdicts["unknown-concept"]
    want = verdicts["stated"] / resolved if resolved else None
    if (want is None) != (s["precision"] is None) or (want is not None and abs(s["precision"] - want) > 1e-12):
        fail("precision %r, want %r" % (s["precision"], want))
    print("score: %d propositions, summary consistent" % len(d["propositions"]))


def main():
    if len(sys.argv) < 3:
        fail(__doc__)
    cmd = sys.argv[1]
    if cmd == "gift":
        check_gift(sys.argv[2], sys.argv[3])
    elif cmd == "anki":
        check_anki(sys.argv[2], sys.argv[3])
    elif cmd == "invariant":
        if len(sys.argv) > 4:  # the vocabulary (relations.yaml) for the phrases of kinds
            import yaml
            for k in yaml.safe_load(open(sys.argv[4], encoding="utf-8"))["relations"]:
                PHRASES[k["id"]] = k["zh"]
                FAMILIES[k["id"]] = k["family"]
        check_invariant(sys.argv[2], sys.argv[3])
    elif cmd == "propositions":
        check_propositions(sys.argv[2], sys.argv[3])
    elif cmd == "score":
        check_score(sys.argv[2])
    else:
        fail("unknown check %r" % cmd)


if __name__ == "__main__":
    main()
