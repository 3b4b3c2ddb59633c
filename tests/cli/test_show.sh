#!/bin/sh
# test_show.sh — `ckg show` on the query fixture: names, theme, broader and narrower,
# definition, centrality ranks (checked against python-igraph in test_query.c), papers with
# their quotes and lines, relations both ways; JSON; lookup failures; help; color.
set -eu
. "$(dirname "$0")/lib.sh"
ONTO="$FIXTURES/query"
Q="--ontology $ONTO --corpus $ONTO/corpus"
show() { run $Q show "$@"; }

test_case everything_about_a_concept
show 数据要素
expect_rc 0
expect_same_as show-data-factor.txt
expect_out "  id          data-factor"
expect_out "  also        数据"
expect_out "  broader     生产要素 (production-factors)"
expect_out "  definition  作为生产要素参与价值创造的数据。"
# data-factor ties with digital-economy on degree and in-degree (1.5), and with it and
# innovation on out-degree (2): tied concepts share the average of their ranks
expect_out "  all          12       5    1.5     3    1.5     2      2    0.2800      1"
expect_out "      beta:5  数据要素同样支撑全要素生产率  [part-one]"
expect_out "    数据要素 ←推动— 经济增长      economic growth            [alpha]"

test_case narrower_and_a_concept_no_paper_names
show production-factors
expect_rc 0
expect_out "  narrower    数据要素 (data-factor)"
expect_out "papers (0)"
expect_out "relations (0)"

test_case ranks_per_paper_only_where_the_concept_is
show 算力
expect_rc 0
expect_out "  alpha "
expect_no_out "  beta "

test_case json_shape
show tfp --format json
expect_rc 0
expect_json show
expect_out '"broader": ['
expect_out '"scope": "all"'
show 数据要素 --format json
expect_json show
expect_out '"line": 5'
show tfp --format csv
expect_rc 2

test_case quotes_without_corpus
unset CKG_CORPUS
here=$(pwd)
cd "$WORK"
run --ontology "$ONTO" show 数据要素
cd "$here"
expect_rc 0
expect_out "      alpha  数据要素支撑全要素生产率的提高"
expect_err "note: 3 quotes shown without their line"

test_case lookup_failures
show platform
expect_rc 1
expect_err "'platform' is ambiguous"
show 数剧要素
expect_rc 1
expect_err "did you mean '数据要素'?"
show
expect_rc 2
show a b
expect_rc 2

test_case help_and_color
show --help
expect_rc 0
expect_out "examples:"
show tfp
expect_no_color_in_pipe
expect_color yes $Q show tfp
NO_COLOR=1 expect_color no $Q show tfp

finish
