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
expect_out "--top N|all"
expect_out "--hide C"
expect_out "--min-papers K"
expect_out "--dpi N"
expect_out "examples:"

test_case svg_to_stdout_has_a_box_per_concept
run --ontology "$GOOD" render
expect_rc 0
cp "$WORK/out" "$WORK/all.svg"
expect_xml "$WORK/all.svg"
expect_count 7 'class="node concept ' "$WORK/all.svg"
# the default engine (sfdp) draws each relation in two halves through its phrase
expect_count 3 'class="node phrase"' "$WORK/all.svg"
expect_count 6 'class="edge relation"' "$WORK/all.svg"
expect_count 1 'class="node key"' "$WORK/all.svg"
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
expect_out 'innovation -> "innovation--new-momentum"'
expect_out '"innovation--new-momentum" -> "new-momentum"'
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
run --ontology "$GOOD" render --format jpg
expect_rc 2
expect_err "unknown format 'jpg' (svg, png, pdf or dot)"
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
# the default engine draws a relation in two halves: 2 concepts + 4 relations x 2 halves of
# each side, 4 + 2 x 2 of both
expect_count 10 'diff&#45;a"' "$WORK/diff.svg"
expect_count 10 'diff&#45;b"' "$WORK/diff.svg"
expect_count 8 'diff&#45;both"' "$WORK/diff.svg"
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

SLIDE="$FIXTURES/render/slide"

# expect_magic HEX FILE — FILE starts with the bytes HEX (as od -An -tx1 prints them).
expect_magic() {
    got=$(head -c 8 "$2" | od -An -tx1 | tr -d ' \n')
    case "$got" in "$1"*) pass ;; *) fail "$2 starts with $got, not $1" ;; esac
}
PNG_MAGIC=89504e470d0a1a0a
PDF_MAGIC=255044462d

# png_size FILE — "WIDTH HEIGHT" from the PNG's header.
png_size() {
    $PY -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print(*struct.unpack(">II", d[16:24]))' "$1"
}

test_case default_map_is_a_slide_that_says_what_it_leaves_out
run --ontology "$SLIDE" render -o "$WORK/slide.svg"
expect_rc 0
expect_out_empty
expect_xml "$WORK/slide.svg"
expect_count 30 'class="node concept ' "$WORK/slide.svg"
expect_count 1 "按关系数选出 30 个概念（共 40 个；全部：&#45;&#45;top all）" "$WORK/slide.svg"
run --ontology "$SLIDE" render --paper big --lang en -o "$WORK/slide-en.svg"
expect_count 1 "30 of 38 concepts, chosen by relations" "$WORK/slide-en.svg"
# a paper's map: no key of how many papers state a relation
expect_count 0 "papers state" "$WORK/slide-en.svg"
run --ontology "$SLIDE" render --lang en -o "$WORK/slide-all-en.svg"
expect_count 1 "stated by 2 papers" "$WORK/slide-all-en.svg"

test_case top_n_and_top_all
run --ontology "$SLIDE" render --paper big --top 10 --engine dot --format dot
expect_rc 0
n=$(grep -cE '^	k[0-9]+	\[' "$WORK/out")
if [ "$n" -eq 10 ]; then pass; else fail "--top 10 drew $n concepts"; fi
for k in k01 k36 k03 k04 k05 k06 k07 k08 k09 k10; do expect_out "	$k	["; done
expect_no_out "	k02	["
run --ontology "$SLIDE" render --paper big --top all -o "$WORK/big-all.svg"
expect_rc 0
expect_count 38 'class="node concept ' "$WORK/big-all.svg"
expect_count 1 "38 个概念，52 条关系" "$WORK/big-all.svg"
run --ontology "$SLIDE" render --top 0
expect_rc 2
expect_err "--top wants a whole number from 1 to 10000, not '0'"
run --ontology "$SLIDE" render --top many
expect_rc 2
expect_err "not 'many'"
run --ontology "$SLIDE" render --top -3
expect_rc 2
run --ontology "$SLIDE" render --top 10001
expect_rc 2

test_case hide_takes_any_name_and_repeats
run --ontology "$SLIDE" render --paper big --top all --hide 概念一 --hide 'concept 37' --hide k36 -o "$WORK/hidden.svg"
expect_rc 0
expect_count 35 'class="node concept ' "$WORK/hidden.svg"
expect_count 0 '<g id="k01"' "$WORK/hidden.svg"
expect_count 0 '<g id="k01&#45;&#45;' "$WORK/hidden.svg"
run --ontology "$SLIDE" render --hide 概念一百
expect_rc 1
expect_err "unknown concept '概念一百' (did you mean"
expect_out_empty
run --ontology "$SLIDE" render --focus k01 --hide k01
expect_rc 2
expect_err "the focus of an ego map cannot be hidden ('k01')"
expect_out_empty

test_case min_papers_keeps_shared_relations
run --ontology "$SLIDE" render --min-papers 2 --engine dot --format dot
expect_rc 0
n=$(grep -c -- ' -> ' "$WORK/out")
if [ "$n" -eq 3 ]; then pass; else fail "--min-papers 2 drew $n relations, not 3"; fi
run --ontology "$SLIDE" render --paper big --min-papers 2 -o "$WORK/shared.svg"
expect_rc 0
expect_count 3 'class="node concept ' "$WORK/shared.svg"
run --ontology "$SLIDE" render --min-papers 0
expect_rc 2
expect_err "--min-papers wants a whole number"

test_case theme_by_id_zh_or_en
for t in technology 技术 "technology"; do
    run --ontology "$SLIDE" render --theme "$t" --top all --engine dot --format dot
    expect_rc 0
    expect_out 'theme-technology'
    expect_no_out 'theme-core"'
done
run --ontology "$SLIDE" render --theme 'core notion' -o "$WORK/core.svg"
expect_rc 0
expect_count 1 "主题「核心范畴」" "$WORK/core.svg"
run --ontology "$SLIDE" render --theme 技木
expect_rc 1
expect_err "unknown theme '技木'"

test_case size_by_relations_is_the_default
run --ontology "$SLIDE" render --paper big -o "$WORK/rel.svg"
expect_rc 0
expect_count 1 "方框大小：关系数" "$WORK/rel.svg"
run --ontology "$SLIDE" render --paper big --size-by relations -o "$WORK/rel2.svg"
expect_rc 0
if cmp -s "$WORK/rel.svg" "$WORK/rel2.svg"; then pass; else fail "--size-by relations is not the default"; fi
run --ontology "$SLIDE" render --paper big --size-by pagerank -o "$WORK/pr.svg"
expect_count 1 "方框大小：PageRank" "$WORK/pr.svg"

test_case format_from_the_file_name
run --ontology "$GOOD" render -o "$WORK/map.png"
expect_rc 0
expect_out_empty
expect_magic "$PNG_MAGIC" "$WORK/map.png"
run --ontology "$GOOD" render -o "$WORK/map.PDF"
expect_rc 0
expect_magic "$PDF_MAGIC" "$WORK/map.PDF"
run --ontology "$GOOD" render -o "$WORK/map.dot"
expect_rc 0
expect_count 1 'strict digraph' "$WORK/map.dot"
run --ontology "$GOOD" render -o "$WORK/map.gv"
expect_count 1 'strict digraph' "$WORK/map.gv"
run --ontology "$GOOD" render -o "$WORK/map"
expect_rc 0
expect_xml "$WORK/map"
# --format wins over the name
run --ontology "$GOOD" render --format dot -o "$WORK/named.svg"
expect_rc 0
expect_count 1 'strict digraph' "$WORK/named.svg"

test_case unknown_extension_is_a_usage_error
echo keep >"$WORK/map.jpg"
run --ontology "$GOOD" render -o "$WORK/map.jpg"
expect_rc 2
expect_err "cannot write '.jpg' files: the map is written as .svg, .png, .pdf or .dot"
expect_out_empty
if [ "$(cat "$WORK/map.jpg")" = keep ]; then pass; else fail "map.jpg was overwritten"; fi
run --ontology "$GOOD" render -o "$WORK/newmap.jpeg"
expect_rc 2
if [ -e "$WORK/newmap.jpeg" ]; then fail "newmap.jpeg was written"; else pass; fi
if ls "$WORK"/.newmap.jpeg.* >/dev/null 2>&1; then fail "a temporary file is left"; else pass; fi
# but --format names what to write
run --ontology "$GOOD" render --format png -o "$WORK/map.jpg"
expect_rc 0
expect_magic "$PNG_MAGIC" "$WORK/map.jpg"

test_case png_size_and_dpi
run --ontology "$GOOD" render -o "$WORK/slide.png"
set -- $(png_size "$WORK/slide.png")
if [ "$1" -ge 1920 ] && [ "$2" -ge 1080 ]; then pass; else fail "default PNG is $1 x $2, not at least 1920 x 1080"; fi
run --ontology "$GOOD" render --dpi 72 -o "$WORK/small.png"
expect_rc 0
set -- $(png_size "$WORK/small.png")
w72=$1
run --ontology "$GOOD" render --dpi 144 -o "$WORK/big.png"
set -- $(png_size "$WORK/big.png")
if [ $(( $1 - 2 * w72 )) -le 2 ] && [ $(( 2 * w72 - $1 )) -le 2 ]; then pass; else fail "144 dpi gives $1 px, 72 dpi $w72"; fi
run --ontology "$GOOD" render --dpi 5 -o "$WORK/x.png"
expect_rc 2
expect_err "--dpi must be a number from 10 to 2400, not '5'"
run --ontology "$GOOD" render --dpi 300 -o "$WORK/x.svg"
expect_rc 2
expect_err "--dpi is the resolution of a PNG; this map is svg"
run --ontology "$SLIDE" render --top all --dpi 2400 -o "$WORK/x.png"
expect_rc 2
expect_err "choose a lower --dpi"
if [ -e "$WORK/x.png" ]; then fail "a PNG too large was half written"; else pass; fi

test_case binary_never_to_a_terminal
# to a pipe it goes
run --ontology "$GOOD" render --format png
expect_rc 0
expect_magic "$PNG_MAGIC" "$WORK/out"
run --ontology "$GOOD" render --format pdf -o -
expect_rc 0
expect_magic "$PDF_MAGIC" "$WORK/out"
if command -v script >/dev/null 2>&1; then
    for f in png pdf; do
        LAST_CMD="ckg render --format $f (on a terminal)"
        set +e
        script -qec "$CKG --ontology $GOOD render --format $f; echo \"exit \$?\"" /dev/null >"$WORK/tty" 2>&1
        set -e
        if grep -q "a $f is binary and stdout is a terminal" "$WORK/tty" && grep -q "exit 2" "$WORK/tty" &&
            ! grep -qa "PNG" "$WORK/tty"; then pass; else fail "$f on a terminal: $(head -c 300 "$WORK/tty")"; fi
    done
fi

test_case png_write_is_atomic
run --ontology "$GOOD" render -o "$WORK/keep.png"
cp "$WORK/keep.png" "$WORK/keep.orig"
run --ontology "$GOOD" render --theme nope -o "$WORK/keep.png"
expect_rc 1
if cmp -s "$WORK/keep.png" "$WORK/keep.orig"; then pass; else fail "a failed render changed keep.png"; fi
run --ontology "$GOOD" render -o "$WORK/no-such-dir/map.png"
expect_rc 3
expect_err "cannot write '$WORK/no-such-dir/map.png'"

test_case slide_png_and_svg_are_the_same_each_time
for i in 1 2; do
    run --ontology "$SLIDE" render --paper big -o "$WORK/big-$i.png"
    run --ontology "$SLIDE" render --paper big -o "$WORK/big-$i.svg"
    run --ontology "$SLIDE" render --focus k01 -o "$WORK/ego-$i.svg"
done
for f in big.png big.svg ego.svg; do
    if cmp -s "$WORK/${f%.*}-1.${f#*.}" "$WORK/${f%.*}-2.${f#*.}"; then pass; else fail "$f: two runs differ"; fi
done

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
    # the DOT text of a layered map of every concept needs no layout, so no pango; a
    # slide's is laid out first, so it does
    GVBINDIR="$WORK/gv" run --ontology "$GOOD" render --format dot --engine dot --top all
    expect_rc 0
    GVBINDIR="$WORK/gv" run --ontology "$GOOD" render --format dot
    expect_rc 1
    expect_err "did not load its pango text layout plugin"
fi

finish
