#!/bin/sh
# test_locate.sh — where ckg finds the ontology and the corpus when the command line does
# not say (src/cli/locate.c), and the places it names when it finds none. Runs from a
# scratch folder, with CKG_ONTOLOGY, CKG_CORPUS and XDG_DATA_HOME set as each case says.
# (The installed tree, PREFIX/share/ckg, is tests/install/test_install.sh's.)
. "$(dirname "$0")/lib.sh"

GOOD=$FIXTURES/good
CORPUS=$FIXTURES/corpus
HERE=$(pwd)
mkdir -p "$WORK/away/x" "$WORK/home"
unset CKG_ONTOLOGY CKG_CORPUS XDG_DATA_HOME
export HOME="$WORK/home"
# at DIR ARGS... — runs ckg from DIR
at() {
    d=$1
    shift
    cd "$d"
    run "$@"
    cd "$HERE"
}

test_case the_ontology_of_the_working_folder
cp -r "$GOOD" "$WORK/away/ontology"
at "$WORK/away" --corpus "$CORPUS" check
expect_rc 0
expect_out "ckg check: ok"

test_case ckg_ontology_comes_before_the_working_folder
mkdir -p "$WORK/broken" && echo "concepts: [" >"$WORK/broken/themes.yaml"
CKG_ONTOLOGY=$GOOD at "$WORK/away" --corpus "$CORPUS" check
expect_rc 0
rm -rf "$WORK/away/ontology"
cp -r "$WORK/broken" "$WORK/away/ontology"
CKG_ONTOLOGY=$GOOD at "$WORK/away" --corpus "$CORPUS" check
expect_rc 0
expect_out "ckg check: ok"
# and --ontology before both
CKG_ONTOLOGY=$WORK/broken at "$WORK/away" --ontology "$GOOD" --corpus "$CORPUS" check
expect_rc 0
rm -rf "$WORK/away/ontology"

test_case a_variable_naming_no_folder_is_an_error_that_says_so
CKG_ONTOLOGY=$WORK/nowhere at "$WORK/away/x" neighbors 数据要素
expect_rc 3
expect_err "ckg: error: cannot open the ontology folder '$WORK/nowhere': No such file or directory"
expect_err 'ckg: note: that folder is what $CKG_ONTOLOGY names'
expect_out_empty
CKG_ONTOLOGY=$GOOD/themes.yaml at "$WORK/away/x" neighbors 数据要素
expect_rc 3
expect_err "Not a directory"
# an empty variable is no variable
CKG_ONTOLOGY= at "$WORK/away/x" neighbors 数据要素
expect_rc 3
expect_err '2. $CKG_ONTOLOGY'
expect_err "not set"

test_case no_ontology_lists_every_place_in_order
at "$WORK/away/x" neighbors 数据要素
expect_rc 3
expect_out_empty
expect_err "ckg: no ontology folder: use --ontology DIR or set CKG_ONTOLOGY"
expect_err "  looked in, in order:"
expect_err_count 4 '^    [1-4]\. '
expect_err_count 1 '^    1\. --ontology +not given$'
expect_err_count 1 '^    2\. \$CKG_ONTOLOGY +not set$'
expect_err_count 1 '^    3\. ontology +\(in the working folder\): no such folder$'
expect_err_count 1 '^    4\. /.*/share/ckg/ontology  \(installed with ckg\): no such folder$'
# a file named ontology is not a folder
: >"$WORK/away/x/ontology"
at "$WORK/away/x" neighbors 数据要素
rm "$WORK/away/x/ontology"
expect_rc 3
expect_err_count 1 '^    3\. ontology +\(in the working folder\): not a folder$'

test_case the_corpus_beside_the_working_folder
mkdir -p "$WORK/checkout/shared" "$WORK/checkout/ckg"
cp -r "$CORPUS" "$WORK/checkout/shared/corpus"
at "$WORK/checkout/ckg" --ontology "$GOOD" check
expect_rc 0
expect_out "16 of 16 quotes found"

test_case the_corpus_beside_the_ontology_named
mkdir -p "$WORK/repo/ckg" && cp -r "$GOOD" "$WORK/repo/ckg/ontology"
mkdir -p "$WORK/repo/shared" && cp -r "$CORPUS" "$WORK/repo/shared/corpus"
at "$WORK/away/x" --ontology "$WORK/repo/ckg/ontology" check
expect_rc 0
CKG_ONTOLOGY=$WORK/repo/ckg/ontology at "$WORK/away/x" check
expect_rc 0
expect_out "ckg check: ok"

test_case the_corpus_in_the_users_data_folder
mkdir -p "$WORK/data/ckg" && cp -r "$CORPUS" "$WORK/data/ckg/corpus"
XDG_DATA_HOME=$WORK/data at "$WORK/away/x" --ontology "$GOOD" check
expect_rc 0
mkdir -p "$WORK/home/.local/share/ckg" && cp -r "$CORPUS" "$WORK/home/.local/share/ckg/corpus"
at "$WORK/away/x" --ontology "$GOOD" check
expect_rc 0
rm -rf "$WORK/home/.local"

test_case no_corpus_lists_every_place_in_order
at "$WORK/away/x" --ontology "$GOOD" check
expect_rc 2
expect_out_empty
expect_err "ckg check: no corpus folder: use --corpus DIR or set CKG_CORPUS (or --no-quotes to skip quote verification)"
expect_err_count 6 '^    [1-6]\. '
expect_err_count 1 '^    1\. --corpus +not given$'
expect_err_count 1 '^    2\. \$CKG_CORPUS +not set$'
expect_err_count 1 '^    3\. \.\./shared/corpus +\(beside the working folder\): no such folder$'
expect_err_count 1 "^    4\. $GOOD/\.\./\.\./shared/corpus +\(beside the ontology's folder\): no such folder$"
expect_err_count 1 "^    5\. $WORK/home/\.local/share/ckg/corpus +\(your data folder\): no such folder$"
expect_err_count 1 '^    6\. /.*/share/ckg/corpus +\(installed with ckg\): no such folder$'
XDG_DATA_HOME=$WORK/data2 at "$WORK/away/x" --ontology "$GOOD" coverage
expect_rc 2
expect_err "ckg coverage: no corpus folder: use --corpus DIR or set CKG_CORPUS"
expect_err_count 1 "^    5\. $WORK/data2/ckg/corpus +\(\\\$XDG_DATA_HOME/ckg/corpus\): no such folder$"
at "$WORK/away/x" --ontology "$GOOD" atlas -o "$WORK/a.html"
expect_rc 2
expect_err "ckg atlas: no corpus folder: the paragraphs around the quotes need it"
expect_err "    6. "
if [ -e "$WORK/a.html" ]; then fail "a page was written"; else pass; fi
# the quotes' note says where to look
at "$WORK/away/x" --ontology "$GOOD" show 数据要素
expect_rc 0
expect_err "shown without their line: no corpus folder (use --corpus DIR or set CKG_CORPUS; 'ckg check' says where it looked)"

finish
