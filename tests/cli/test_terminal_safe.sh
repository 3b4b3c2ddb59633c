#!/bin/sh
# test_terminal_safe.sh — text output never passes a control character from the ontology or
# the corpus to the terminal: every text-format command over the hostile fixture (names,
# definitions, titles, quotes and headings holding C0 and C1 controls, DEL, ESC sequences,
# U+2028) writes none of them, shows each as one column (a space for a break, U+FFFD for the
# rest), keeps its tables aligned and the characters around them visible; the CLI's own
# colors still work on a terminal; CSV and JSON stay the data they were.
set -eu
. "$(dirname "$0")/lib.sh"
ONTO="$FIXTURES/render/hostile"
PY=${PYTHON:-/usr/bin/python3}
FFFD=$(printf '\357\277\275')

# A corpus whose one text holds every quote, and headings with an OSC title sequence, a CR
# and a C1 NEL, for coverage and check --verbose.
mkdir -p "$WORK/corpus"
printf '## 第一节\033]0;pwned\007标题\r\n\n引文<script>alert(1)</script>&"]]>\\N。&lt;引文&gt;。控制[31m字符。很长的概念。关系引文</title><script>y()</script>]]>。支撑\\\\引文。普通引文。反向引文。\n\n## 二\302\205节\n\n别的文字。\n' \
    >"$WORK/corpus/hostile.txt"
printf '## 第一部分

第二篇<script>b()</script>。共有关系</title><script>s()</script>。只在乙<![CDATA[x]]>\\L。
' \
    >"$WORK/corpus/hostile-b.txt"
mkdir -p "$WORK/empty"
Q="--ontology $ONTO --corpus $WORK/corpus"

# expect_safe — stdout holds no C0 control but \n, no DEL, no C1 control, no U+2028/2029.
expect_safe() {
    if "$PY" - "$WORK/out" <<'PY'; then pass; else fail "a control character reached stdout"; fi
import re, sys
data = open(sys.argv[1], "rb").read()
bad = re.search(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]", data)
if bad:
    print("byte %r at offset %d" % (bad.group(), bad.start()), file=sys.stderr)
    sys.exit(1)
PY
}

# expect_aligned ROWS MARK [N [start|end]] — on every stdout line matching the regex ROWS,
# the N-th (from 0) match of the regex MARK starts (or ends) at the same display column
# (wide = 2 columns); at least two such lines.
expect_aligned() {
    if "$PY" - "$WORK/out" "$1" "$2" "${3:-0}" "${4:-start}" 2>"$WORK/align_err" <<'PY'; then pass; else
import re, sys, unicodedata
path, rows, mark, nth = sys.argv[1], re.compile(sys.argv[2]), re.compile(sys.argv[3]), int(sys.argv[4])
end = sys.argv[5] == "end"
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
cols = {}
for line in open(path, encoding="utf-8"):
    line = line.rstrip("\n")
    if rows.search(line):
        m = list(mark.finditer(line))[nth]
        cols[line] = width(line[:m.end() if end else m.start()])
if len(cols) < 2 or len(set(cols.values())) != 1:
    print(cols, file=sys.stderr)
    sys.exit(1)
PY
        fail "columns drift: $(cat "$WORK/align_err")"
    fi
}

test_case show_names_definitions_and_quotes
run $Q show control-concept
expect_rc 0
expect_safe
expect_out "控制"
expect_out "字符  control chars and breaks"
expect_out "控制${FFFD}[31m字符"
expect_out "theme       other · 其他${FFFD}${FFFD}${FFFD}主题 (other theme second line"
# the definition's own lines go on under its first, indented
expect_out "  definition  行一"
expect_out "              行二"
expect_out "              行三"
expect_out "              line two"
expect_aligned '\[hostile\]$' '\[hostile\]$'
run $Q show script-concept
expect_rc 0
expect_safe
expect_out "定义]]><![CDATA[含有${FFFD}控制${FFFD}字符 与\\N反斜杠\\"
expect_out "引文<script>alert(1)</script>&\"]]>\\N${FFFD}"

test_case neighbors_and_path_listings
run $Q neighbors control-concept --depth 3 --evidence
expect_rc 0
expect_safe
expect_out "支\\N撑${FFFD}"
expect_out "支撑\\\\引文${FFFD}"
expect_aligned '\[hostile\]$' '\[hostile\]$'
expect_aligned '\[hostile\]$' '[—←]'
run $Q path script-concept control-concept
expect_rc 0
expect_safe
expect_out "控制"
expect_aligned '^  \S.*\[[a-z, -]+\]$' '\[[a-z, -]+\]$'

test_case search_highlights_within_safe_text
run $Q search 控制
expect_rc 0
expect_safe
expect_out "控制${FFFD}[31m字符"
expect_aligned '^  \S.*-concept  ' '(control|script)-concept  '

test_case metrics_table_stays_aligned
run $Q metrics --sort id
expect_rc 0
expect_safe
expect_out "控制"
expect_aligned '^(#|[0-9]+)  ' ' (theme|core|other) '
expect_aligned '^(#|[0-9]+)  ' ' (deg|[0-9]+)(?= +(in|[0-9]+) +(out|[0-9]+) )' 0 end

test_case coverage_headings_from_the_corpus
run $Q coverage
expect_rc 0
expect_safe
expect_out "第一节${FFFD}]0;pwned${FFFD}标题"
expect_out "二 节"
expect_aligned '^ +[0-9]+  ' '[0-9]+ +[0-9]+ +[0-9.]+%' 0 end

test_case check_verbose_lists_quotes
run $Q check --verbose
expect_safe
expect_out "hostile.txt:3"

test_case diff_and_compare_tables
run $Q diff hostile hostile --top 4
expect_rc 0
expect_safe
expect_out "其他${FFFD}${FFFD}${FFFD}主题"
expect_aligned '^    2\.5  ' '2\.5' 2
expect_aligned '^  (core|other)  ' '50%'
# the relations one states: the family name, then the kinds' zh from the YAML, made safe
run $Q diff hostile hostile-b --top 10
expect_rc 0
expect_safe
expect_out "—drives:<i>催生</i>&→"
expect_out "—conditions:支\\N撑${FFFD}→"
if grep -q '—.*→.* $' "$WORK/out"; then fail "relation lines end in blanks"; else pass; fi
run $Q compare hostile hostile
expect_rc 0
expect_safe
expect_aligned '^  \S.*  2\.5  ' '2\.5'

test_case without_corpus_text
run --ontology "$ONTO" --corpus "$WORK/empty" show control-concept
expect_rc 0
expect_safe
expect_err "quote shown without its line"

test_case csv_and_json_stay_data
run $Q metrics --format csv
expect_rc 0
expect_out "$(printf '控制\001\002\003')"
run $Q show control-concept --format json
expect_rc 0
# as jansson writes it: controls escaped (a U+2028 is valid JSON and stays)
expect_out '"zh": "控制\u0001\u0002'

test_case styles_survive_on_a_terminal
if command -v script >/dev/null 2>&1; then
    LAST_CMD="ckg $Q show control-concept (on a terminal)"
    RC=0
    env -u NO_COLOR script -qec "$CKG $Q show control-concept" /dev/null >"$WORK/tty" 2>&1 || true
    # the terminal turns \n into \r\n; after that, every ESC must start one of the CLI's styles
    if "$PY" - "$WORK/tty" <<'PY'; then pass; else fail "a control character other than the CLI's styles reached the terminal"; fi
import re, sys
data = open(sys.argv[1], "rb").read().replace(b"\r\n", b"\n")
styles = {b"1", b"2", b"1;33", b"36", b"1;31", b"0"}
found = re.findall(rb"\x1b\[([0-9;]*)m", data)
assert found and set(found) <= styles, set(found)
rest = re.sub(rb"\x1b\[[0-9;]*m", b"", data)
assert b"\xe5\xad\x97\xe7\xac\xa6" in rest  # 字符 after the quote's ESC
bad = re.search(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]", rest)
assert not bad, bad
PY
    if grep -q "$(printf '\033')\[1m" "$WORK/tty"; then pass; else fail "no bold on a terminal"; fi
fi

finish
