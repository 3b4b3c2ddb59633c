#!/bin/sh
# test_hostile.sh — markup, entities, quotes, CDATA ends, Graphviz escapes and control
# characters in every text field of an ontology come out escaped in every data format:
# JSON, CSV, GraphML, GEXF, DOT, SVG and the atlas page, each read back by a real parser
# (hostile_check.py). The atlas's source texts wrap each quote in markup of their own.
set -eu
. "$(dirname "$0")/lib.sh"
HOSTILE="$FIXTURES/render/hostile"
PY=/usr/bin/python3
OUT="$WORK/formats"
mkdir -p "$OUT" "$WORK/corpus"

# keep NAME ARGS... — runs ckg on the hostile ontology; it must succeed; stdout is kept as NAME.
keep() {
    name=$1
    shift
    run --ontology "$HOSTILE" --corpus "$WORK/corpus" "$@"
    expect_rc 0
    expect_no_crash
    cp "$WORK/out" "$OUT/$name"
}

test_case every_format_reads_back
for f in json graphml gexf dot; do keep "export.$f" export --format "$f"; done
# the two CSV tables in one file, an empty line between them, as hostile_check.py reads them
keep export-nodes.csv export --format csv --table nodes
keep export-edges.csv export --format csv --table edges
{ cat "$OUT/export-nodes.csv"; echo; cat "$OUT/export-edges.csv"; } >"$OUT/export.csv"
for f in json csv; do keep "metrics.$f" metrics --format "$f"; done
for f in json csv; do keep "neighbors.$f" neighbors script-concept --evidence --format "$f"; done
keep show.json show script-concept --format json
for f in json csv; do keep "search.$f" search 控制 --format "$f"; done
keep path.json path script-concept control-concept --format json
keep diff.json diff hostile hostile --format json
for f in json csv; do keep "compare.$f" compare --format "$f"; done
keep render.svg render --lang both
keep render.dot render --lang both --format dot
keep render-diff.svg render --lang both --diff hostile hostile-b
# the atlas, with source texts that carry markup around each quote (hostile_corpus.py)
if $PY -c 'import yaml' 2>/dev/null; then
    $PY "$(dirname "$0")/hostile_corpus.py" "$HOSTILE" "$WORK/corpus"
    keep atlas.html atlas --engine dot --diff hostile hostile-b/part
fi
if command -v dot >/dev/null 2>&1 && $PY -c 'import yaml' 2>/dev/null; then
    if $PY "$(dirname "$0")/hostile_check.py" "$HOSTILE" "$OUT" >"$WORK/check" 2>&1; then
        pass
    else
        fail "hostile text did not come back from every format: $(head -20 "$WORK/check")"
    fi

    # the read-back catches what it is there to catch: each output broken the way a missing
    # escape would break it
    test_case the_read_back_fails_on_unescaped_text
    for broken in "export.graphml|s/&lt;script/<script/" \
                  "export.gexf|s/&lt;script/<script/" \
                  "export.gexf|s/&#10;/ /" \
                  "export.csv|s/\"\"XSS\"\"/\"XSS\"/" \
                  "export.dot|s/\\\\\"XSS\\\\\"/\"XSS\"/" \
                  "export.json|s/\\\\u0001/ /" \
                  "render.svg|s/&amp;lt;引文&amp;gt;/\&lt;引文\&gt;/" \
                  "atlas.html|s/\\\\u003c\\/script\\\\u003e/<\\/script>/" \
                  "atlas.html|s/\\\\u003cscript/<script/g"; do
        file=${broken%%|*}
        rm -rf "$WORK/broken"
        cp -r "$OUT" "$WORK/broken"
        sed "${broken#*|}" "$OUT/$file" >"$WORK/broken/$file"
        if cmp -s "$OUT/$file" "$WORK/broken/$file"; then
            fail "the edit ${broken#*|} changed nothing in $file"
        elif $PY "$(dirname "$0")/hostile_check.py" "$HOSTILE" "$WORK/broken" >/dev/null 2>&1; then
            fail "the read-back accepts $file broken by ${broken#*|}"
        else
            pass
        fi
    done
else
    echo "test_hostile.sh: skipped the read-back (needs dot and python3-yaml)" >&2
fi

finish
