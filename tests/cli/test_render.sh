#!/bin/sh
# test_render.sh — `ckg render` on the fixtures: output to a file or stdout, DOT text,
# scopes and their errors, determinism across runs for every engine, hostile text, and a
# clear failure when Graphviz lacks its pango text layout.
set -eu
. "$(dirname "$0")/lib.sh"
GOOD="$FIXTURES/good"
HOSTILE="$FIXTURES/render/hostile"
PY=/usr/bin/python3

# expect_xml FILE — FILE parses as XML and holds no element from the ontology's markup.
expect_xml() {
    if $PY - "$1" <<'PYEOF'
import sys, xml.dom.minidom
d = xml.dom.minidom.parse(sys.argv[1])
bad = [t for t in ("script", "b", "i", "br", "alt", "venue") if d.getElementsByTagName(t)]
sys.exit(1 if bad else 0)
PYEOF
    then pass; else fail "$1 is not well-formed XML, or carries markup from the ontology"; fi
}

# expect_count N PATTERN FILE — PATTERN (fixed string) occurs N times in FILE.
expect_count() {
    n=$(grep -oF -- "$2" "$3" | wc -l)
    if [ "$n" -eq "$1" ]; then pass; else fail "expected $1 of '$2' in $3, got $n"; fi
}

test_case help_lists_scopes_and_engines
run render --help
expect_rc 0
expect_out "--focus C"
expect_out "--diff A B"
expect_out "sfdp"
expect_out "examples:"

test_case svg_to_stdout_has_a_box_per_concept
run --ontology "$GOOD" render
expect_rc 0
cp "$WORK/out" "$WORK/all.svg"
expect_xml "$WORK/all.svg"
expect_count 7 'class="node concept ' "$WORK/all.svg"
expect_count 3 'class="edge relation"' "$WORK/all.svg"
expect_out 'font-family="Noto Sans CJK SC,'
expect_out "新质生产力文献概念图"

test_case output_file_is_written_whole_and_alone
mkdir -p "$WORK/maps"
run --ontology "$GOOD" render --paper beta -o "$WORK/maps/beta.svg"
expect_rc 0
expect_out_empty
if [ "$(ls -A "$WORK/maps")" = "beta.svg" ]; then pass; else fail "left: $(ls -A "$WORK/maps")"; fi
expect_count 4 'class="node concept ' "$WORK/maps/beta.svg"

test_case failed_write_leaves_the_old_file
run --ontology "$GOOD" render -o "$WORK/no-such-dir/map.svg"
expect_rc 3
expect_err "cannot write '$WORK/no-such-dir/map.svg'"
run --ontology "$GOOD" render --theme nope -o "$WORK/maps/beta.svg"
expect_rc 1
expect_count 4 'class="node concept ' "$WORK/maps/beta.svg"

test_case dot_format_gives_the_graph_to_lay_out
run --ontology "$GOOD" render --format dot --engine neato
expect_rc 0
expect_out 'strict digraph "concept-map"'
expect_out "layout=neato"
expect_out 'tooltip="数据要素'
if command -v dot >/dev/null 2>&1; then
    cp "$WORK/out" "$WORK/map.dot"
    if dot -Tsvg "$WORK/map.dot" -o "$WORK/from-dot.svg" 2>/dev/null; then pass; else fail "dot cannot read the DOT text"; fi
fi

test_case section_scope
run --ontology "$GOOD" render --paper beta --section part-one -o "$WORK/part-one.svg"
expect_rc 0
expect_count 4 'class="node concept ' "$WORK/part-one.svg"
if grep -qF "测试文本乙》" "$WORK/part-one.svg" && grep -qF "· 第一段" "$WORK/part-one.svg"; then pass; else fail "legend lacks the paper and section"; fi
run --ontology "$GOOD" render --paper beta --section part-two
expect_rc 1
expect_err "paper 'beta' has no section 'part-two'"

test_case ego_map_by_name
run --ontology "$GOOD" render --focus 新动能 --format dot
expect_rc 0
expect_out 'innovation -> "new-momentum"'
expect_out 'class="concept theme-core focus"'

test_case unknown_focus_gets_suggestions
run --ontology "$GOOD" render --focus 新动力
expect_rc 1
expect_err "unknown concept '新动力' (did you mean"
expect_out_empty

test_case focus_outside_the_paper
run --ontology "$GOOD" render --paper beta --focus laborers
expect_rc 1
expect_err "concept 'laborers' is not in scope 'beta'"

test_case unknown_paper_and_theme
run --ontology "$GOOD" render --paper alhpa
expect_rc 1
expect_err "unknown paper 'alhpa' (did you mean 'alpha'?)"
run --ontology "$GOOD" render --theme nope
expect_rc 1
expect_err "unknown theme 'nope'"

test_case usage_errors
run --ontology "$GOOD" render --depth 2
expect_rc 2
expect_err "--depth needs --focus"
run --ontology "$GOOD" render --focus innovation --depth 0
expect_rc 2
expect_err "ckg render: --depth wants a whole number from 1 to 100, not '0'"
run --ontology "$GOOD" render --engine osage
expect_rc 2
expect_err "unknown engine 'osage'"
run --ontology "$GOOD" render --lang fr
expect_rc 2
run --ontology "$GOOD" render --size-by closeness
expect_rc 2
run --ontology "$GOOD" render --format png
expect_rc 2
run --ontology "$GOOD" render --ties
expect_rc 2
run --ontology "$GOOD" render --section part-one
expect_rc 2
run --ontology "$GOOD" render --engine radial
expect_rc 2
expect_err "--focus"
run --ontology "$GOOD" render extra
expect_rc 2

# fdp is left out: Graphviz 2.42's fdp packs components differently from run to run
# (`dot -Kfdp` on one DOT file, 20 runs: two different drawings), whatever the seed.
test_case every_engine_gives_the_same_bytes_twice
run --ontology "$GOOD" render --engine fdp -o "$WORK/fdp.svg"
expect_rc 0
expect_xml "$WORK/fdp.svg"
for e in dot neato sfdp circo twopi; do
    run --ontology "$GOOD" render --engine "$e" -o "$WORK/$e-1.svg"
    expect_rc 0
    run --ontology "$GOOD" render --engine "$e" -o "$WORK/$e-2.svg"
    if cmp -s "$WORK/$e-1.svg" "$WORK/$e-2.svg"; then pass; else fail "engine $e: two runs differ"; fi
    expect_xml "$WORK/$e-1.svg"
done
run --ontology "$GOOD" render --engine radial --focus innovation -o "$WORK/radial.svg"
expect_rc 0
expect_xml "$WORK/radial.svg"

test_case hostile_text_stays_text
for e in dot sfdp radial; do
    run --ontology "$HOSTILE" render --lang both --engine "$e" --focus script-concept -o "$WORK/hostile.svg"
    expect_rc 0
    expect_xml "$WORK/hostile.svg"
    expect_no_crash
done
run --ontology "$HOSTILE" render --format dot
expect_rc 0
if command -v dot >/dev/null 2>&1; then
    cp "$WORK/out" "$WORK/hostile.dot"
    if dot -Tsvg "$WORK/hostile.dot" -o "$WORK/hostile-dot.svg" 2>/dev/null; then pass; else fail "dot cannot read the hostile DOT text"; fi
    expect_xml "$WORK/hostile-dot.svg"
fi

test_case diff_map_of_two_papers
DIFF="$FIXTURES/diff"
run --ontology "$DIFF" render --diff left right -o "$WORK/diff.svg"
expect_rc 0
expect_out_empty
expect_err "ckg render: left vs right: 8 concepts (2 only in left, 2 only in right, 4 in both), 10 relations (4 only in left, 4 only in right, 2 in both)"
expect_xml "$WORK/diff.svg"
expect_count 8 'class="node concept ' "$WORK/diff.svg"
expect_count 6 'diff&#45;a"' "$WORK/diff.svg"
expect_count 6 'diff&#45;b"' "$WORK/diff.svg"
expect_count 6 'diff&#45;both"' "$WORK/diff.svg"
expect_count 1 "仅见于 A left：2 个概念，4 条关系（橙色，实线）" "$WORK/diff.svg"
# the options of plain maps apply; the order of arguments does not matter
run --ontology "$DIFF" render --engine sfdp --diff left right --focus ka --size-by degree --format dot
expect_rc 0
expect_out 'class="concept theme-core diff-both focus"'
expect_out 'style=dashed'
expect_err "5 concepts (1 only in left, 0 only in right, 4 in both), 5 relations (3 only in left, 1 only in right, 1 in both)"
run --ontology "$DIFF" render --diff essays/one essays/two --theme core -o "$WORK/sections.svg"
expect_rc 0
expect_err "essays/one vs essays/two: 3 concepts (1 only in essays/one, 0 only in essays/two, 2 in both)"
for i in 1 2; do
    run --ontology "$DIFF" render --diff left right --engine neato -o "$WORK/diff-$i.svg"
done
if cmp -s "$WORK/diff-1.svg" "$WORK/diff-2.svg"; then pass; else fail "two diff maps differ"; fi

test_case diff_map_errors
run --ontology "$DIFF" render --diff left left
expect_rc 2
expect_err "a diff map needs two different scopes, not 'left' twice"
expect_out_empty
run --ontology "$DIFF" render --diff left
expect_rc 2
expect_err "--diff needs two papers or sections: --diff A B"
run --ontology "$DIFF" render --diff left right extra
expect_rc 2
expect_err "unexpected argument 'extra'"
run --ontology "$DIFF" render --paper left --diff left right
expect_rc 2
expect_err "it takes no --paper or --section"
run --ontology "$DIFF" render --diff left rigth
expect_rc 1
expect_err "unknown paper 'rigth' (did you mean 'right'?)"
expect_out_empty
run --ontology "$DIFF" render --diff essays/three left
expect_rc 1
expect_err "paper 'essays' has no section 'three'"
run --ontology "$DIFF" render --diff left right --focus kh
expect_rc 0
run --ontology "$DIFF" render --diff left right --theme nope -o "$WORK/diff.svg"
expect_rc 1
expect_count 8 'class="node concept ' "$WORK/diff.svg"

test_case diff_map_of_hostile_text_stays_text
for e in dot sfdp; do
    run --ontology "$HOSTILE" render --lang both --engine "$e" --diff hostile hostile-b/part -o "$WORK/hostile-diff.svg"
    expect_rc 0
    expect_xml "$WORK/hostile-diff.svg"
    expect_no_crash
done
run --ontology "$HOSTILE" render --diff hostile hostile-b --format dot
expect_rc 0
if command -v dot >/dev/null 2>&1; then
    cp "$WORK/out" "$WORK/hostile-diff.dot"
    if dot -Tsvg "$WORK/hostile-diff.dot" -o "$WORK/hostile-diff-dot.svg" 2>/dev/null; then pass; else fail "dot cannot read the hostile diff DOT text"; fi
    expect_xml "$WORK/hostile-diff-dot.svg"
fi

test_case dot_text_lays_out_as_ckg_draws_it
# `ckg render --format dot | dot -Tsvg` puts every box where `ckg render` puts it
if command -v dot >/dev/null 2>&1; then
    for scope in "" "--paper beta" "--engine sfdp"; do
        # shellcheck disable=SC2086
        run --ontology "$GOOD" render $scope -o "$WORK/ckg.svg"
        expect_rc 0
        # shellcheck disable=SC2086
        run --ontology "$GOOD" render $scope --format dot
        expect_rc 0
        dot -Tsvg "$WORK/out" -o "$WORK/dot.svg"
        if $PY - "$WORK/ckg.svg" "$WORK/dot.svg" <<'PYEOF'
import re, sys
def boxes(path):
    s = open(path, encoding="utf-8").read()
    return {m.group(1): m.group(2) for m in re.finditer(
        r'<g id="([^"]+)" class="node[^>]*>.*?<path[^>]* d="([^"]+)"', s, re.S)}
a, b = boxes(sys.argv[1]), boxes(sys.argv[2])
sys.exit(0 if a and a == b else 1)
PYEOF
        then pass; else fail "render $scope and dot -Tsvg of its DOT place the boxes differently"; fi
    done
fi

test_case missing_pango_is_a_clear_error
plugins=$(pkg-config --variable=libdir libgvc)/graphviz
if [ -f "$plugins/config6a" ]; then
    mkdir -p "$WORK/gv"
    for lib in core dot_layout neato_layout; do
        ln -sf "$plugins/libgvplugin_$lib.so.6" "$WORK/gv/"
        awk "/^libgvplugin_$lib.so.6/,/^}/" "$plugins/config6a" >>"$WORK/gv/config6a"
    done
    GVBINDIR="$WORK/gv" run --ontology "$GOOD" render
    expect_rc 1
    expect_err "did not load its pango text layout plugin"
    expect_out_empty
    # DOT text needs no layout, so no pango
    GVBINDIR="$WORK/gv" run --ontology "$GOOD" render --format dot
    expect_rc 0
fi

finish
