#!/bin/sh
# test_check.sh — `ckg check` on the good fixture and on one bad fixture per rule: each rule
# must fire, point at file:line:col, and set the exit code of doc/design.md.
set -eu
. "$(dirname "$0")/lib.sh"
CORPUS="$FIXTURES/corpus"

check() { run --ontology "$1" --corpus "$CORPUS" check "$@"; }
check_case() { o=$(fixture_with "$1"); shift; run --ontology "$o" --corpus "$CORPUS" check "$@"; }

test_case good_fixture_passes
o=$(fixture_with "")
run --ontology "$o" --corpus "$CORPUS" check
expect_rc 0
expect_out "ckg check: ok: 0 errors, 0 warnings; 2 papers, 7 concepts"
expect_out "16 of 16 quotes found"

test_case verbose_lists_quote_lines
run --ontology "$o" --corpus "$CORPUS" check --verbose
expect_rc 0
expect_out "papers/alpha.yaml:23:16: alpha.txt:11"
expect_out "papers/beta.yaml:15:16: beta.txt:3-11"

test_case yaml_syntax_error_is_located
check_case yaml-syntax
expect_rc 1
expect_err "concepts/core.yaml:5:10: error: YAML syntax:"
expect_err "    5 |     theme: core"

test_case wrong_types_are_reported
check_case wrong-type
expect_rc 1
expect_err "concepts/core.yaml:5:10: error: 'alt' must be a list"
expect_err "concepts/core.yaml:11:9: error: 'zh' must be a string, not a sequence"
expect_err "concepts/core.yaml:14:17: error: 'definition' must be a mapping"

test_case missing_required_keys_are_reported
check_case missing-key
expect_rc 1
expect_err "concepts/core.yaml:2:5: error: a concept is missing required key 'zh'"
expect_err "concepts/core.yaml:13:7: error: 'definition' is missing required key 'en'"

test_case unknown_keys_get_did_you_mean
check_case unknown-key
expect_rc 1
expect_err "concepts/core.yaml:6:5: error: unknown key 'defintion' in a concept (did you mean 'definition'?)"
expect_err "concepts/core.yaml:9:5: error: unknown key 'colour' in a concept"
expect_err "a concept is missing required key 'definition'"

test_case duplicate_concept_ids_point_at_the_first
check_case duplicate-id
expect_rc 1
expect_err "concepts/more.yaml:2:9: error: duplicate concept id 'laborers' (first defined at"
expect_err "concepts/factors.yaml:"

test_case duplicate_names_across_concepts_fold_width_and_space
check_case duplicate-name
expect_rc 1
expect_err "concepts/more.yaml:5:11: error: name '效 率' of concept 'efficiency-gain' is already a name of concept 'efficiency'"

test_case dangling_references_get_suggestions
check_case dangling-refs
expect_rc 1
expect_err "papers/alpha.yaml:9:14: error: unknown concept 'data-factr' (did you mean 'data-factor'?)"
expect_err "error: unknown relation kind 'cause' (did you mean 'causes'?)"
expect_err "error: unknown concept '新动能': concepts are referred to by id (did you mean 'new-momentum'?)"
expect_err "concepts/factors.yaml:6:12: error: unknown theme 'factor' (did you mean 'factors'?)"
expect_err "concepts/factors.yaml:7:15: error: unknown concept 'laborer' (did you mean 'laborers'?)"

test_case dangling_section_is_reported
check_case dangling-section
expect_rc 1
expect_err "papers/beta.yaml:16:18: error: unknown section 'part-on' (did you mean 'part-one'?)"

test_case broader_cycle_is_spelled_out
check_case broader-cycle
expect_rc 1
expect_err "error: broader cycle: disruptive-innovation -> innovation -> disruptive-innovation"
expect_err_count 1 "broader cycle"

test_case self_relation_is_an_error
check_case self-relation
expect_rc 1
expect_err "error: relation from 'data-factor' to itself"

test_case empty_quotes_are_errors
check_case empty-quote
expect_rc 1
expect_err "papers/alpha.yaml:17:16: error: 'quote' is empty"
expect_err "papers/alpha.yaml:29:16: error: quote is empty once spaces"

test_case quote_not_found_says_how_much_matched
check_case quote-not-found
expect_rc 1
expect_err "papers/alpha.yaml:17:16: error: quote not found in alpha.txt (its first 4 of 8 characters match at line 7)"

test_case missing_source_file_is_an_error
check_case missing-source
expect_rc 1
expect_err "papers/alpha.yaml:3:11: error: source file 'nope.txt' not found in the corpus folder"

test_case invalid_utf8_is_located
check_case invalid-utf8
expect_rc 1
expect_err "concepts/core.yaml:4:"
expect_err "not valid UTF-8"

test_case a_file_that_is_not_a_mapping
check_case not-mapping
expect_rc 1
expect_err "concepts/core.yaml:1:1: error: expected a mapping with key 'concepts' at the top of the file, found a sequence"

test_case duplicate_keys_are_errors
check_case duplicate-key
expect_rc 1
expect_err "concepts/core.yaml:4:5: error: duplicate key 'zh' (first at line 3)"

test_case alias_bomb_fails_fast
check_case alias-bomb
expect_rc 1
expect_err "concepts/bomb.yaml:"
expect_err "aliases expand to too many nodes"
expect_no_crash

test_case deep_nesting_is_rejected
check_case deep-nesting
expect_rc 1
expect_err "error: nesting deeper than 64 levels"
expect_no_crash

test_case huge_scalar_is_rejected
o=$(fixture_with "")
{ printf 'concepts:\n  - id: big\n    zh: "'; head -c 1048576 /dev/zero | tr '\0' 'x'; printf '"\n'; } > "$o/concepts/big.yaml"
run --ontology "$o" --corpus "$CORPUS" check
expect_rc 1
expect_err "concepts/big.yaml:3:9: error: scalar too long: 1048576 bytes"
expect_no_crash

test_case empty_file_is_an_error
check_case empty-file
expect_rc 1
expect_err "concepts/core.yaml:1:1: error: the file is empty"

test_case bad_ids_are_rejected
check_case bad-ids
expect_rc 1
expect_err "error: concept id 'Efficiency_Gain' must be ASCII kebab-case"

test_case missing_required_file
check_case missing-themes
expect_rc 1
expect_err "themes.yaml: error: cannot read the file"

test_case vocabulary_keys_are_validated
check_case unknown-family
expect_rc 1
expect_err "relations.yaml:6:13: error: unknown family 'drive' (did you mean 'drives'?); a family is one of: drives, hinders, conditions, structure, characterizes, fits"
check_case missing-family
expect_rc 1
expect_err "relations.yaml:8:5: error: a relation kind is missing required key 'family'"
check_case bad-polarity
expect_rc 1
expect_err "relations.yaml:7:15: error: unknown polarity 'postive' (did you mean 'positive'?)"
check_case test-unknown-key
expect_rc 1
expect_err "relations.yaml:16:7: error: unknown key 'counterexample' in 'test' (did you mean 'counter_example'?)"
expect_err "relations.yaml:14:7: error: 'test' is missing required key 'counter_example'"
check_case synonyms-wrong-type
expect_rc 1
expect_err "relations.yaml:7:20: error: 'zh' must be a list (e.g. [a, b]), not a scalar"
check_case relation-note-typo
expect_rc 1
expect_err "papers/alpha.yaml:37:5: error: unknown key 'notes' in a relation (did you mean 'note'?)"

test_case a_phrase_names_one_kind
check_case phrase-twice
expect_rc 1
# the error is at the phrase that loses (phrase.h): a synonym, to another kind's own phrase
expect_err "relations.yaml:7:25: error: phrase '支撑' of kind 'causes' is already a phrase of kind 'supports' (line 10)"
expect_err_count 1 ": error: "
# every phrase a student's phrase is matched against, inverse ones and their synonyms
# included, folded as ckg score folds it (arrows, particles, the frame 是…的X)
check_case inverse-phrase-twice
expect_rc 1
expect_err "relations.yaml:8:27: error: phrase '依托' of kind 'causes' (inverse) is already a phrase of kind 'supports' (inverse) (line 14); a linking phrase names one kind only"
expect_err "relations.yaml:24:23: error: phrase '—构成了→' of kind 'part_of' (inverse) is already a phrase of kind 'part_of' (line 19); a linking phrase reads one way only"
expect_err "relations.yaml:26:21: error: phrase '是基础' of kind 'part_of' is already a phrase of kind 'supports' (line 16)"
expect_err_count 3 ": error: "

test_case one_family_per_pair_within_a_paper
check_case family-conflict
expect_rc 1
expect_err "papers/alpha.yaml:47:11: error: innovation -> new-momentum is part_of (structure) here but causes (drives) at line 31"
expect_err_count 1 ": error: "

test_case is_a_needs_the_broader_link
check_case is-a-not-broader
expect_rc 1
expect_err "papers/alpha.yaml:52:11: error: efficiency is_a innovation, but innovation is not among the broader concepts of efficiency ("
expect_err "concepts/core.yaml:2): add it to broader there"
# disruptive-innovation is_a innovation (line 47) agrees with its broader link
expect_err_count 1 ": error: "

test_case a_kind_is_not_a_part
check_case part-of-broader
expect_rc 1
expect_err "papers/alpha.yaml:47:11: error: disruptive-innovation part_of innovation, but the concepts make disruptive-innovation a kind of innovation (broader,"
expect_err_count 1 ": error: "

test_case families_across_papers_warn_unless_a_note_names_the_other
check_case family-across-papers
expect_rc 0
expect_err "papers/beta.yaml:44:11: warning: data-factor -> new-momentum is part_of (structure) here but causes (drives) in alpha ("
expect_err "papers/alpha.yaml:46); recode one, or give one of them a note naming the other paper"
expect_out "0 errors, 1 warning"
o=$(fixture_with family-across-papers)
sed 's/^  - from: data-factor$/&/; $a\    note: alpha reads the same clause as a cause; here the data factor is one part of the new momentum.' \
    "$o/papers/beta.yaml" > "$o/papers/beta.tmp" && mv "$o/papers/beta.tmp" "$o/papers/beta.yaml"
run --ontology "$o" --corpus "$CORPUS" check
expect_rc 0
expect_out "0 errors, 0 warnings"
# a note that names no other paper does not excuse the difference
sed 's/^    note: alpha reads/    note: one reads/' "$o/papers/beta.yaml" > "$o/papers/beta.tmp" && mv "$o/papers/beta.tmp" "$o/papers/beta.yaml"
run --ontology "$o" --corpus "$CORPUS" check
expect_out "0 errors, 1 warning"

test_case warnings_do_not_fail_unless_werror
check_case unmentioned
expect_rc 0
expect_err "concepts/more.yaml:2:9: warning: concept 'lonely' is not mentioned by any paper"
expect_out "0 errors, 1 warning"
o=$(fixture_with unmentioned)
run --ontology "$o" --corpus "$CORPUS" check --werror
expect_rc 1

test_case all_errors_of_a_run_are_reported
o=$(fixture_with dangling-refs)
cp "$FIXTURES/bad/unknown-key/concepts/core.yaml" "$o/concepts/core.yaml"
run --ontology "$o" --corpus "$CORPUS" check
expect_rc 1
expect_err_count 9 ": error: "
expect_err "ckg check: FAILED: 9 errors"

test_case missing_ontology_folder_is_an_io_error
run --ontology "$WORK/nowhere" --corpus "$CORPUS" check
expect_rc 3
expect_err "cannot open the ontology folder"

test_case no_corpus_is_a_usage_error
CKG_CORPUS= run --ontology "$FIXTURES/good" --corpus= check
expect_rc 2

test_case no_quotes_needs_no_corpus
run --ontology "$FIXTURES/good" check --no-quotes
expect_rc 0

test_case unknown_option_is_a_usage_error
run check --frobnicate
expect_rc 2

test_case help_prints_usage
run check --help
expect_rc 0
expect_out "usage: ckg check"

finish
