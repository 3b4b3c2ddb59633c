# ckg — build, test and render.
#
#   make         build build/ckg (the front: the query commands, started fast), build/ckg-full
#                (every command; ckg runs it for the others) and build/libckg.a
#   make test    the tier to run after each edit: unit tests, CLI tests (a sample of the
#                truncation sweep), replay of the kept fuzz findings, cross-checks against
#                python-igraph, NetworkX and scipy; side by side, one step per CPU
#   make check   the full gate (.ci/run): install what is missing, then side by side: the
#                steps of `make test`, the unit and CLI tests and replays run under valgrind
#                (which is their plain run here) and again under ASan+UBSan (with the full
#                truncation sweep); the loader under ThreadSanitizer (tsan); a few seconds of
#                each fuzzer (fuzz-smoke); install-check; `ckg check` and `ckg coverage
#                --check` on the shipped ontology; maps-check; browser-test
#   make maps    install what is missing, build, render the concept maps into output/
#   make install PREFIX=/usr/local [DESTDIR=...]   the programs (bin/ckg, and ckg-full in
#                libexec/ckg), library and headers, the ontology, the man page ckg(1), bash
#                completion, ckg.pc; `make uninstall` removes exactly what it put
#   make fuzz    run each libFuzzer target for FUZZ_TIME seconds (default 300); findings go to
#                build/fuzz/, kept crashers to tests/fuzz/regressions/<target>/
#   make bench   generate synthetic ontologies (1k, 20k, 100k concepts) and time ckg against
#                a bare libyaml parse and a PyYAML + python-igraph script, and the query
#                commands on the shipped ontology against /bin/true; bench/results.md
#   make bench-startup   only the last: the query commands against /bin/true
#
# Dependencies are Debian packages found with pkg-config. `make deps` installs the missing
# ones with apt-get (as root, or through sudo) and does nothing when all are present; check,
# maps and fuzz run it only when build/deps.stamp says it has not run for the current
# package lists (see the end of this file). Those targets re-invoke make after it, so
# pkg-config runs once the packages exist.

PREFIX ?= /usr/local
CC ?= cc
PKG_CONFIG ?= pkg-config
PYTHON ?= /usr/bin/python3

PKGS := yaml-0.1 igraph libgvc libcgraph libutf8proc jansson zlib libxml-2.0
DEB_BUILD := pkg-config python3 libyaml-dev libigraph-dev libgraphviz-dev libutf8proc-dev \
             libjansson-dev zlib1g-dev libcmocka-dev libxml2-dev fonts-noto-cjk libopencc-dev
DEB_TEST := valgrind python3-igraph python3-networkx python3-numpy python3-scipy python3-yaml \
            chromium chromium-driver python3-selenium clang libclang-rt-14-dev opencc graphviz \
            python3-markdown-it man-db groff-base jq
DEB_BENCH := hyperfine graphviz time

OPT ?= -O2
CFLAGS ?= $(OPT) -g
WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -Iinclude -Isrc -I$(BUILD)/gen -D_DEFAULT_SOURCE
ALL_CFLAGS = -std=c11 -pthread $(WARN) $(CFLAGS) $(CPPFLAGS) $(shell $(PKG_CONFIG) --cflags $(PKGS))
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm -pthread
# The front (build/ckg) carries the commands that need neither igraph, Graphviz nor libxml2
# (src/cli/main.c) and links only what they use: libyaml, utf8proc and jansson, statically,
# as a position-independent executable (-static-pie, so ASLR stays). A query then costs no
# dynamic loading at all: `ckg --version` takes 1.5 ms where /bin/true takes 2.0 and the
# dynamically linked front 3.2 (issue 18; bench/results.md). Sanitizer builds cannot link
# statically, so a build whose CFLAGS or LDFLAGS ask for one links the front dynamically;
# FRONT_STATIC= does so by hand. valgrind cannot follow malloc in a static glibc either: it
# runs $(BUILD)/ckg-dynamic, the same objects linked dynamically.
FRONT_PKGS := yaml-0.1 libutf8proc jansson
FRONT_STATIC ?= $(if $(findstring -fsanitize,$(CFLAGS) $(LDFLAGS)),,-static-pie)
FRONT_LIBS = $(shell $(PKG_CONFIG) $(if $(FRONT_STATIC),--static) --libs $(FRONT_PKGS)) -lm -pthread
FRONT_DYNAMIC_LIBS = $(shell $(PKG_CONFIG) --libs $(FRONT_PKGS)) -lm -pthread
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka)

# Sanitizer builds go to their own tree so both can exist side by side.
BUILD ?= build
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined

LIB_SRC := $(sort $(wildcard src/*.c src/render/*.c src/util/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_SUPPORT := $(filter-out $(TEST_SRC),$(wildcard tests/unit/*.c))

LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
# The atlas page's HTML, CSS and script (src/atlas/), built into the library as strings.
ATLAS_ASSETS := atlas_asset_html=src/atlas/atlas.html atlas_asset_css=src/atlas/atlas.css \
                atlas_asset_js=src/atlas/atlas.js
LIB_OBJ += $(BUILD)/obj/gen/atlas_assets.o
CLI_OBJ := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
# The front's main is main.c built with CKG_FRONT; its commands come from an archive of the
# other CLI objects, so the linker takes only those the front's table names, and what they
# use of libckg.a: a front that needed igraph, Graphviz or libxml2 would fail to link.
FRONT_MAIN := $(BUILD)/obj/cli/main_front.o
CLI_LIB := $(BUILD)/libckg-cli.a
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# The man page and the bash completion, made from the built ckg (make doc, below).
DOC := $(BUILD)/doc/ckg.1 $(BUILD)/doc/ckg.bash
FUZZ_TARGETS := fuzz_load fuzz_text
REPLAY_BIN := $(FUZZ_TARGETS:%=$(BUILD)/tests/%_replay)

.PHONY: all deps check maps maps-check browser-test install uninstall install-check install-test docs-test doc test build-tests unit \
        cli-test replay crosscheck crosscheck-metrics crosscheck-export crosscheck-diff crosscheck-selftest \
        depcycles t2s-check sanitize valgrind valgrind-unit valgrind-cli valgrind-replay tsan \
        clean bench bench-startup bench-data fuzz fuzz-smoke fuzz-build fuzz-seeds FORCE

all: $(BUILD)/ckg $(BUILD)/ckg-full $(BUILD)/libckg.a

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# A cache of parsed ontologies is used only by a loader of the same schema: a digest of the
# sources that decide what a load makes of the YAML, and of libyaml's version
# (src/ontology_cache.c). A change to any of them rebuilds the cache's object with a new
# digest, and the caches the old loader wrote are ignored.
CACHE_SCHEMA_SRC := $(wildcard include/ckg/ontology.h include/ckg/arena.h src/ydoc.h \
                    src/ydoc.c src/ontology_internal.h src/ontology_load.c src/ontology_read.c \
                    src/ontology_pack.h src/ontology_pack.c src/ontology_cache.c \
                    src/util/cachefile.h src/util/cachefile.c src/util/filebuf.c src/util/hash.c)
CACHE_SCHEMA := $(shell cat $(CACHE_SCHEMA_SRC) | cksum | cut -d' ' -f1)-yaml-$(shell \
                  $(PKG_CONFIG) --modversion yaml-0.1)
$(BUILD)/obj/ontology_cache.o: $(CACHE_SCHEMA_SRC)
$(BUILD)/obj/ontology_cache.o: CPPFLAGS += -DCKG_CACHE_SCHEMA='"$(CACHE_SCHEMA)"'

# The cache of quote lines (src/lines_cache.c) likewise: a digest of the sources that decide
# the line of a quote in its text (reading, line splitting, page furniture and headings with
# their widths, normalizing, folding with the generated t2s table, the index and the search),
# of the cache itself and of utf8proc's version. A recursive variable, so that it is made
# when the object is built, after the generated table.
LINES_SCHEMA_SRC := $(wildcard include/ckg/text.h src/text_doc.c src/text_heading.c \
                    src/text_index.c src/text_normalize.c src/text_t2s.c src/text_utf8.c src/text_width.c \
                    src/query_concept.c src/query_internal.h src/lines_cache.h \
                    src/lines_cache.c src/util/cachefile.h src/util/cachefile.c \
                    src/util/filebuf.c src/util/hash.c) $(BUILD)/gen/text_t2s_table.h
LINES_SCHEMA = $(shell cat $(LINES_SCHEMA_SRC) | cksum | cut -d' ' -f1)-utf8proc-$(shell \
                 $(PKG_CONFIG) --modversion libutf8proc)
$(BUILD)/obj/lines_cache.o: $(LINES_SCHEMA_SRC)
$(BUILD)/obj/lines_cache.o: CPPFLAGS += -DCKG_LINES_SCHEMA='"$(LINES_SCHEMA)"'

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -o $@ $<

$(BUILD)/gen/atlas_assets.c: $(BUILD)/tools/embed $(foreach a,$(ATLAS_ASSETS),$(lastword $(subst =, ,$(a))))
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ $(ATLAS_ASSETS)

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c $< -o $@

$(BUILD)/libckg.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(FRONT_MAIN): src/cli/main.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DCKG_FRONT -MMD -MP -c $< -o $@

# ckg-full is installed in PREFIX/libexec/ckg: its way to PREFIX/share/ckg is one folder
# longer than the front's (src/cli/main.c, locate.c).
$(BUILD)/obj/cli/main.o: CPPFLAGS += -DCKG_SHARE_FROM_EXE='"../../share/ckg"'

$(CLI_LIB): $(filter-out $(BUILD)/obj/cli/main.o,$(CLI_OBJ))
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/ckg-full: $(CLI_OBJ) $(BUILD)/libckg.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libckg.a $(LIBS)

# The front runs ckg-full beside it for the commands it does not carry, so whatever needs
# $(BUILD)/ckg (the tests, maps, bench) gets both.
$(BUILD)/ckg: $(FRONT_MAIN) $(CLI_LIB) $(BUILD)/libckg.a | $(BUILD)/ckg-full
	$(CC) $(CFLAGS) $(LDFLAGS) $(FRONT_STATIC) -o $@ $(FRONT_MAIN) $(CLI_LIB) $(BUILD)/libckg.a \
	  $(FRONT_LIBS)

$(BUILD)/ckg-dynamic: $(FRONT_MAIN) $(CLI_LIB) $(BUILD)/libckg.a | $(BUILD)/ckg-full
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(FRONT_MAIN) $(CLI_LIB) $(BUILD)/libckg.a \
	  $(FRONT_DYNAMIC_LIBS)

# Unit tests are white-box: they may include the library's private headers (src/*.h).
$(BUILD)/tests/%: tests/unit/%.c $(TEST_SUPPORT) $(BUILD)/libckg.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -Isrc -o $@ $< $(TEST_SUPPORT) $(BUILD)/libckg.a $(LIBS) $(TEST_LIBS)

# A fuzz target's entry point with a plain main that replays files (tests/fuzz/replay.c).
$(BUILD)/tests/%_replay: tests/fuzz/%.c tests/fuzz/replay.c $(BUILD)/libckg.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILD)/libckg.a $(LIBS)

# The libFuzzer binaries themselves (built with BUILD=build/fuzz CC=clang, see fuzz-build).
$(BUILD)/fuzzers/%: tests/fuzz/%.c $(BUILD)/libckg.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libckg.a $(LIBS)

# The table that folds traditional Chinese to simplified (src/text_t2s.c), generated from
# OpenCC's t2s conversion by tools/gen_t2s.c, the one program that links OpenCC (a C++
# library ckg itself does not load). Built without the sanitizer flags: it only runs here.
$(BUILD)/tools/gen_t2s: tools/gen_t2s.c src/text_utf8.c include/ckg/text.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -Iinclude $(shell $(PKG_CONFIG) --cflags opencc) -o $@ \
	  tools/gen_t2s.c src/text_utf8.c $(shell $(PKG_CONFIG) --libs opencc)

$(BUILD)/gen/text_t2s_table.h: $(BUILD)/tools/gen_t2s
	@mkdir -p $(dir $@)
	$< > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/text_t2s.o: $(BUILD)/gen/text_t2s_table.h

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(FRONT_MAIN:.o=.d)

# ---------------------------------------------------------------- benchmarks

BENCH_SIZES := 1000 20000 100000
BENCH_BIN := $(BUILD)/bench/gen $(BUILD)/bench/bare_parse

$(BUILD)/bench/gen: bench/gen.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) $(CFLAGS) -o $@ $<

$(BUILD)/bench/bare_parse: bench/bare_parse.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) $(CFLAGS) $(shell $(PKG_CONFIG) --cflags yaml-0.1) -o $@ $< \
	  $(shell $(PKG_CONFIG) --libs yaml-0.1)

# The data depend on the generator: a changed generator regenerates them.
bench/out/%/meta.txt: $(BUILD)/bench/gen
	rm -rf bench/out/$* && mkdir -p bench/out
	$(BUILD)/bench/gen -n $* -o bench/out/$*

bench-data: $(BENCH_SIZES:%=bench/out/%/meta.txt)

# ---------------------------------------------------------------- tests

unit: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; $$t; done

# CLI_TESTS=NAME... runs tests/cli/test_NAME.sh only (default: all).
CLI_TESTS ?=
CLI_ALL := $(patsubst tests/cli/test_%.sh,%,$(sort $(wildcard tests/cli/test_*.sh)))
# The CLI tests that run Graphviz (render, atlas, export's GEXF layout; front renders through
# ckg-full): ASan checks them with full stacks, which the suppressions of Graphviz's and the
# font libraries' leaks need.
CLI_RENDER := render hostile terminal_safe atlas export catalog conventions front
CLI_NO_RENDER := $(filter-out $(CLI_RENDER),$(CLI_ALL))
cli-test: $(BUILD)/ckg
	CKG=$(abspath $(BUILD)/ckg) sh tests/cli/run.sh $(CLI_TESTS)

# Every kept fuzz finding and every seed, through the library as the fuzzers call it. The
# seeds go to a folder of their own, so replays of the plain and valgrind runs of `make check`
# can run side by side.
replay: $(REPLAY_BIN)
	@seeds=$$(mktemp -d "$${TMPDIR:-/tmp}/ckg-seeds.XXXXXX") && trap 'rm -rf "$$seeds"' EXIT && \
	  sh tests/fuzz/seeds.sh "$$seeds" >/dev/null && \
	  for t in $(FUZZ_TARGETS); do echo "== replay $$t"; \
	    $(CKG_WRAP) $(BUILD)/tests/$${t}_replay tests/fuzz/regressions/$$t "$$seeds/$$t" || exit 1; done

# crosscheck-metrics: every measure of `ckg metrics` recomputed from `ckg export` by
# python-igraph, NetworkX and numpy (all scopes of the shipped ontology and of the metrics
# fixtures); crosscheck-export: the exports (GraphML, GEXF, CSV) read back by python-igraph,
# NetworkX and csv (apart, because the GEXF export lays out with Graphviz); crosscheck-diff:
# every number of `ckg diff` and `ckg compare` (ranks, Spearman, Kendall tau-b, Jaccard,
# theme shares, orders) recomputed with scipy; crosscheck-selftest: proof that each check
# fails on a wrong value.
METRICS_FIXTURES := star path bridge escape
crosscheck: crosscheck-metrics crosscheck-export crosscheck-diff crosscheck-selftest

crosscheck-metrics: $(BUILD)/ckg
	$(PYTHON) tests/crosscheck/metrics_crosscheck.py $(BUILD)/ckg --louvain
	@set -e; for f in $(METRICS_FIXTURES); do \
	  echo "$(PYTHON) tests/crosscheck/metrics_crosscheck.py $(BUILD)/ckg --ontology tests/fixtures/metrics/$$f --louvain"; \
	  $(PYTHON) tests/crosscheck/metrics_crosscheck.py $(BUILD)/ckg --ontology tests/fixtures/metrics/$$f --louvain; done

crosscheck-export: $(BUILD)/ckg
	@set -e; for f in $(METRICS_FIXTURES); do \
	  echo "$(PYTHON) tests/crosscheck/export_readback.py $(BUILD)/ckg --ontology tests/fixtures/metrics/$$f"; \
	  $(PYTHON) tests/crosscheck/export_readback.py $(BUILD)/ckg --ontology tests/fixtures/metrics/$$f; done
	$(PYTHON) tests/crosscheck/export_readback.py $(BUILD)/ckg

crosscheck-diff: $(BUILD)/ckg
	$(PYTHON) tests/crosscheck/diff_crosscheck.py $(BUILD)/ckg
	$(PYTHON) tests/crosscheck/diff_crosscheck.py $(BUILD)/ckg --ontology tests/fixtures/diff

crosscheck-selftest: $(BUILD)/ckg
	$(PYTHON) tests/crosscheck/selftest.py $(BUILD)/ckg

# No file of the library, nor of the CLI, depends on itself through other files: from nm,
# the graph "A uses a symbol B defines" has no cycle. The self-test first proves the check
# fails on two objects that call each other (compiled in a temporary folder).
depcycles: $(BUILD)/libckg.a $(CLI_OBJ)
	$(PYTHON) tools/depcycles.py --self-test --cc "$(CC)"
	$(PYTHON) tools/depcycles.py $(BUILD)/libckg.a
	$(PYTHON) tools/depcycles.py $(CLI_OBJ)

# Folding traditional Chinese one character at a time (the generated table) finds every
# concept and theme name written in traditional characters by OpenCC's phrase-aware s2t,
# s2tw and s2hk, and no phrase OpenCC converts otherwise occurs in a name; the self-test
# proves the check fails on a table that lacks a character.
t2s-check: $(BUILD)/ckg $(BUILD)/gen/text_t2s_table.h
	$(PYTHON) tools/t2s_phrase_check.py --self-test $(BUILD)/ckg $(BUILD)/gen/text_t2s_table.h

# Documents that cannot go stale: every fence closed and every relative link alive in the
# Markdown documents, every `$ ckg` example printing what it shows, every example of every
# --help running (tests/docs/check_docs.py, which first proves it fails on a stale one).
DOCS_MD := README.md $(wildcard doc/*.md) ontology/README.md CHANGELOG.md
docs-test: $(BUILD)/ckg
	$(PYTHON) tests/docs/check_docs.py --self-test $(BUILD)/ckg $(DOCS_MD)

# Steps run side by side by tools/steps.sh, JOBS at a time (default: one per CPU), each
# printing its log when it ends, with its duration and CPU time.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
STEPS = bash tools/steps.sh -j $(JOBS)
SUBMAKE = $(MAKE) --no-print-directory

# Everything the test steps run, built before they start so that they never build a tree
# at the same time.
build-tests: $(BUILD)/ckg $(BUILD)/ckg-dynamic $(BUILD)/ckg-full $(BUILD)/libckg.a $(TEST_BIN) \
             $(REPLAY_BIN) $(CLI_OBJ) $(BUILD)/gen/text_t2s_table.h $(DOC)

# The developer's tier, after each edit: unit tests, CLI tests (with a sample of the
# truncation sweep), the fuzz findings replayed, the cross-checks, the installed tree
# (install-test) and the documents' examples (docs-test); side by side, longest first.
# SKIP_STEPS names steps to leave out.
TEST_STEPS := crosscheck-selftest cli-test docs-test crosscheck-metrics crosscheck-export \
              crosscheck-diff install-test replay unit depcycles t2s-check
test:
	@$(SUBMAKE) -j$(JOBS) build-tests
	@$(STEPS) -l $(BUILD)/steps/test \
	  $(foreach s,$(filter-out $(SKIP_STEPS),$(TEST_STEPS)),'$(s)=$(SUBMAKE) $(s)')

# ckg keeps a cache of parsed ontologies in $XDG_CACHE_HOME/ckg: whatever the tests run uses
# one in the build tree, never the user's (tests/cli/lib.sh gives each CLI test file its own).
TEST_TARGETS := check test unit cli-test replay crosscheck crosscheck-metrics crosscheck-diff \
                crosscheck-selftest t2s-check sanitize valgrind valgrind-unit valgrind-cli \
                valgrind-replay tsan maps-check browser-test install-check
$(TEST_TARGETS): export XDG_CACHE_HOME := $(abspath $(BUILD))/test-cache

# Graphviz, pango and fontconfig leak by design or by bug (tools/*.supp say which); full
# stacks let the suppressions name the library function and spare ckg's own leaks. Full
# stacks cost every allocation a slow unwind, about five times the time of a command that
# allocates much (metrics); SAN_FAST_ENV keeps ASan's fast unwinding for what never
# runs Graphviz: the cross-checks but crosscheck-export, and the CLI tests but CLI_RENDER (a
# leak in ckg's own code, built with frame pointers, is still found and named).
SAN_LSAN := LSAN_OPTIONS=suppressions=$(abspath tools/lsan.supp):print_suppressions=0
SAN_ENV := ASAN_OPTIONS=fast_unwind_on_malloc=0 $(SAN_LSAN)
SAN_FAST_ENV := ASAN_OPTIONS=fast_unwind_on_malloc=1 $(SAN_LSAN)
# --trace-children: ckg runs ckg-full for the commands it does not carry (exec), and valgrind
# follows it there.
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --trace-children=yes --suppressions=$(abspath tools/valgrind.supp)

# `make test` again with ASan and UBSan in build/asan/, with the full truncation sweep. The
# cross-checks' self-test is left out here: it proves the Python checkers catch wrong
# numbers, which the plain run shows as well. So is docs-test: its examples are what the
# plain build prints, and under ASan its maps and atlases take too long (the README's 13
# examples alone took 8 minutes on the 2-core machine); the CLI tests run every command
# under the sanitizers.
SAN_VARS = BUILD=build/asan CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)"
SAN_MAKE = $(SAN_ENV) $(SUBMAKE) $(SAN_VARS)
SAN_FAST_MAKE = $(SAN_FAST_ENV) $(SUBMAKE) $(SAN_VARS)
sanitize:
	$(SAN_MAKE) CKG_TEST_SWEEP=full SKIP_STEPS="crosscheck-selftest docs-test" test

# The unit tests, the CLI tests and the replays under valgrind (memcheck). Each of the 428
# runs of ckg in the CLI tests costs valgrind about a second to start, so `make check` runs
# the CLI test files as steps of their own, side by side.
valgrind: valgrind-unit valgrind-cli valgrind-replay

valgrind-unit: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== valgrind $$t"; \
	  $(VALGRIND) $$t >/dev/null; done

valgrind-cli: $(BUILD)/ckg-dynamic
	CKG=$(abspath $(BUILD)/ckg-dynamic) CKG_WRAP="$(VALGRIND)" sh tests/cli/run.sh $(CLI_TESTS)

valgrind-replay: $(REPLAY_BIN)
	$(SUBMAKE) replay CKG_WRAP="$(VALGRIND)"

# The loader's worker threads under ThreadSanitizer: the commands that load an ontology,
# with four workers even for the fixtures' few files, and the cache's cold and warm loads.
# (Not render: fontconfig's own start-up thread races inside the library, by design.)
TSAN_TESTS := check malformed neighbors metrics diff coverage cache
tsan:
	$(MAKE) BUILD=build/tsan CFLAGS="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" \
	  build/tsan/ckg build/tsan/ckg-full
	CKG_THREADS=4 TSAN_OPTIONS=halt_on_error=1:exitcode=66 CKG=$(abspath build/tsan/ckg) \
	  sh tests/cli/run.sh $(TSAN_TESTS)

# The full gate (.ci/run): the packages (once), then every step side by side, JOBS at a
# time: the plain and ASan trees first, then each step once its tree is built, the longest
# first (the order is that of the CPU time each took), so that the short ones fill the end.
# The plain tree serves valgrind (one step per CLI test file), the cross-checks,
# install-check, the shipped ontology, maps-check and browser-test; build/asan the steps
# of `make sanitize` (the cross-checks and the CLI tests that do not render with ASan's
# fast unwinding); tsan and fuzz-smoke build their own trees. The plain unit tests and
# replays of `make test` are not run again on their own: valgrind runs the same binaries
# through the same tests and checks every expectation they check. The CLI tests do run
# plainly too, because valgrind runs them on ckg-dynamic and the static ckg is what ships.
# Logs and durations of each step go to build/steps/check/.
CHECK_VG_FIRST := render malformed neighbors check metrics hostile diff
vg_cli = $(foreach t,$(1),'valgrind-cli-$(t):build=$(SUBMAKE) valgrind-cli CLI_TESTS=$(t)')
check: $(DEPS_STAMP)
	@$(STEPS) -l build/steps/check \
	  'build=$(SUBMAKE) -j$(JOBS) build-tests' \
	  'asan-build=$(SAN_MAKE) -j$(JOBS) build-tests' \
	  $(call vg_cli,render) \
	  'asan-cli:asan-build=$(SAN_FAST_MAKE) CKG_TEST_SWEEP=full cli-test CLI_TESTS="$(CLI_NO_RENDER)"' \
	  $(call vg_cli,malformed) \
	  'tsan=$(SUBMAKE) tsan' \
	  $(call vg_cli,neighbors) \
	  'asan-crosscheck-metrics:asan-build=$(SAN_FAST_MAKE) crosscheck-metrics' \
	  'asan-crosscheck-export:asan-build=$(SAN_MAKE) crosscheck-export' \
	  'crosscheck-selftest:build=$(SUBMAKE) crosscheck-selftest' \
	  'fuzz-smoke=$(SUBMAKE) fuzz-smoke' \
	  $(call vg_cli,check) \
	  'asan-cli-render:asan-build=$(SAN_MAKE) cli-test CLI_TESTS="$(CLI_RENDER)"' \
	  $(call vg_cli,metrics hostile diff) \
	  'valgrind-unit:build=$(SUBMAKE) valgrind-unit' \
	  $(call vg_cli,$(filter-out $(CHECK_VG_FIRST),$(CLI_ALL))) \
	  'crosscheck-metrics:build=$(SUBMAKE) crosscheck-metrics' \
	  'cli-test:build=$(SUBMAKE) cli-test' \
	  'crosscheck-export:build=$(SUBMAKE) crosscheck-export' \
	  'asan-crosscheck-diff:asan-build=$(SAN_FAST_MAKE) crosscheck-diff' \
	  'asan-unit:asan-build=$(SAN_MAKE) unit' \
	  'valgrind-replay:build=$(SUBMAKE) valgrind-replay' \
	  'browser-test:build=$(SUBMAKE) browser-test' \
	  'asan-replay:asan-build=$(SAN_MAKE) replay' \
	  'crosscheck-diff:build=$(SUBMAKE) crosscheck-diff' \
	  'maps-check:build=$(SUBMAKE) maps-check' \
	  'install-check:build=$(SUBMAKE) install-check' \
	  'install-test:build=$(SUBMAKE) install-test' \
	  'docs-test:build=$(SUBMAKE) docs-test' \
	  'shipped:build=$(BUILD)/ckg check && $(BUILD)/ckg coverage --check >/dev/null'
	@echo "make check: all tests passed"

# ---------------------------------------------------------------- concept maps

# The maps of output/ by the slide they must read on (tools/maps.sh renders them; the
# browser test measures each in a 1920x1080 box): the default slides, the ego slide, and
# each paper's every concept (the poster).
PAPERS = $(basename $(notdir $(wildcard ontology/papers/*.yaml)))
SLIDE_MAPS = output/all.svg $(PAPERS:%=output/%.svg)
EGO_MAPS = output/ego-new-quality-productive-forces.svg
POSTER_MAPS = $(PAPERS:%=output/%-full.svg)

maps: $(DEPS_STAMP)
	$(MAKE) all
	$(BUILD)/ckg check
	rm -rf output.new && sh tools/maps.sh $(BUILD)/ckg output.new
	rm -rf output && mv output.new output
	@echo "make maps: $$(ls output/*.svg | wc -l) SVG and $$(ls output/*.png | wc -l) PNG maps, and atlas.html, in output/"

# output/ must be what the ontology renders to today, byte for byte: the PNGs too (cairo
# draws the same bytes from the same map, run after run). The atlas, which carries
# paragraphs of the papers and is not committed, only has to build.
maps-check: $(BUILD)/ckg
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  sh tools/maps.sh $(BUILD)/ckg "$$tmp" && \
	  if diff -r -q -x atlas.html output "$$tmp" >/dev/null; then \
	    echo "maps-check: output/ is up to date ($$(ls "$$tmp"/*.svg | wc -l) maps)"; \
	  else \
	    diff -r -q -x atlas.html output "$$tmp" | sed 's/^/maps-check: /'; \
	    echo "maps-check: output/ is out of date with the ontology; run 'make maps' and commit output/"; \
	    exit 1; \
	  fi

# Every map in a real browser: labels inside their boxes, no boxes overlapping, the CJK font;
# besides output/, the English and bilingual labels, the filters and the other engines on
# the fixtures. Then, fitted to a 1920x1080 slide, the slides' labels (16 px, phrases 12 px,
# aspect 1.5-2.1), the ego slide's (aspect 1.2 or more) and each paper's poster's (10 px).
# Each check is shown to fail on a map that breaks it.
# Then the atlas, driven by chromium-driver (tests/browser/atlas.sh, check_atlas.py).
browser-test: $(BUILD)/ckg
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  CKG=$(abspath $(BUILD)/ckg) sh tests/browser/variants.sh "$$tmp" && \
	  $(PYTHON) tests/browser/check_maps.py output/*.svg "$$tmp"/*.svg && \
	  $(PYTHON) tests/browser/check_maps.py --slide slide $(SLIDE_MAPS) "$$tmp"/slide-*.svg && \
	  $(PYTHON) tests/browser/check_maps.py --slide ego $(EGO_MAPS) && \
	  $(PYTHON) tests/browser/check_maps.py --slide poster $(POSTER_MAPS) && \
	  for bad in overflow:"" too-small:"--slide slide" too-tall:"--slide slide" too-small:"--slide poster"; do \
	    if $(PYTHON) tests/browser/check_maps.py $${bad#*:} tests/browser/$${bad%%:*}.svg >/dev/null; then \
	      echo "browser-test: the checker passed tests/browser/$${bad%%:*}.svg $${bad#*:}"; exit 1; \
	    else echo "browser-test: the checker fails tests/browser/$${bad%%:*}.svg $${bad#*:}, as it should"; fi; \
	  done && \
	  CKG=$(abspath $(BUILD)/ckg) PYTHON=$(PYTHON) sh tests/browser/atlas.sh "$$tmp/atlas"

# ---------------------------------------------------------------- documents and install

# The man page and the bash completion are made from the built ckg's own --help texts
# (tools/cli_docs.py; the page's other sections are doc/ckg.1.in), so they describe the
# program they are installed with.
VERSION := $(shell sed -n 's/^\#define CKG_VERSION "\(.*\)"/\1/p' src/cli/main.c)
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null)
doc: $(DOC)

$(BUILD)/doc/ckg.1: $(BUILD)/ckg doc/ckg.1.in tools/cli_docs.py
	@mkdir -p $(dir $@)
	$(PYTHON) tools/cli_docs.py man $(BUILD)/ckg doc/ckg.1.in --date "$(MAN_DATE)" > $@.tmp
	mv $@.tmp $@

$(BUILD)/doc/ckg.bash: $(BUILD)/ckg tools/cli_docs.py
	@mkdir -p $(dir $@)
	$(PYTHON) tools/cli_docs.py bash $(BUILD)/ckg > $@.tmp
	mv $@.tmp $@

# What `make install` puts under $(DESTDIR)$(PREFIX), as SOURCE=DESTINATION (destinations
# relative to PREFIX): programs with mode 755, the rest 644. One more program is one more
# word in INSTALL_PROGRAMS. tools/install.sh records what it put in
# PREFIX/share/ckg/install-manifest, and `make uninstall` removes exactly that.
# ckg finds the ontology as ../share/ckg/ontology from its own file (src/cli/locate.c), so
# the tree works under any PREFIX or DESTDIR and wherever it is moved; a program installed
# elsewhere than bin/ has its main.c compiled with -DCKG_SHARE_FROM_EXE='"../../share/ckg"'
# (its own way there, src/cli/main.c).
INSTALL_PROGRAMS := $(BUILD)/ckg=bin/ckg $(BUILD)/ckg-full=libexec/ckg/ckg-full
ONTOLOGY_FILES = $(shell find ontology -type f | LC_ALL=C sort)
INSTALL_DATA = $(BUILD)/libckg.a=lib/libckg.a \
  $(foreach h,$(wildcard include/ckg/*.h),$(h)=$(h)) \
  $(foreach f,$(ONTOLOGY_FILES),$(f)=share/ckg/$(f)) \
  $(BUILD)/doc/ckg.1=share/man/man1/ckg.1 \
  $(BUILD)/doc/ckg.bash=share/bash-completion/completions/ckg

# lib/pkgconfig/ckg.pc, written into $(1) for this PREFIX by the install recipe itself (two
# installs side by side, as make check runs them, never share it). libckg is a static
# library only, so what it links is in Requires and Libs (`cc prog.c $$(pkg-config --cflags
# --libs ckg)`), not in their .private forms.
pkg_config_file = printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$${prefix}/lib' \
  'includedir=$${prefix}/include' '' 'Name: ckg' \
  'Description: concept knowledge graph of the new quality productive forces literature' \
  'Version: $(VERSION)' 'Requires: $(PKGS)' 'Libs: -L$${libdir} -lckg -lm -pthread' \
  'Cflags: -I$${includedir}' > $(1)

# include/ckg/ holds the public headers, and only those are installed; the library's private
# headers sit in src/ next to their code. ckg finds ckg-full in ../libexec/ckg from itself
# (src/cli/exec_full.c), so the installed tree can be moved as a whole.
install: all $(DOC)
	@pc=$$(mktemp) && $(call pkg_config_file,$$pc) && \
	  sh tools/install.sh install "$(DESTDIR)$(PREFIX)" $(INSTALL_PROGRAMS:%=755:%) \
	    $(INSTALL_DATA:%=644:%) 644:$$pc=lib/pkgconfig/ckg.pc; \
	  rc=$$?; rm -f "$$pc"; exit $$rc

uninstall:
	@sh tools/install.sh uninstall "$(DESTDIR)$(PREFIX)"

# make install into a temporary prefix, used from another folder with a clean environment
# (tests/install/test_install.sh).
install-test: all $(DOC)
	sh tests/install/test_install.sh $(BUILD)

# `make install` into a scratch folder: every installed header compiles on its own, a
# program built against the installed headers and library alone works, and the installed
# ckg answers a query and hands a command to its ckg-full from another folder (tests/install).
install-check: $(BUILD)/ckg $(BUILD)/ckg-full
	MAKE="$(MAKE)" sh tests/install/run.sh $(BUILD)

# ---------------------------------------------------------------- fuzzing
#
# libFuzzer (clang) with ASan+UBSan over the library, seeded from the fixtures. New inputs
# that reach new code go to build/fuzz/corpus/<target>/, crashes to build/fuzz/crash-*;
# a crasher worth keeping is copied to tests/fuzz/regressions/<target>/ with the fix, and
# `make test` replays it from then on.

FUZZ_TIME ?= 300
FUZZ_SMOKE_TIME ?= 10
FUZZ_SAN := -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
FUZZ_ARGS = -max_total_time=$(1) -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -dict=tests/fuzz/$(2).dict \
  -artifact_prefix=build/fuzz/crash-$(2)-

fuzz-build:
	$(MAKE) BUILD=build/fuzz CC=clang CFLAGS="$(FUZZ_SAN)" \
	  $(FUZZ_TARGETS:%=build/fuzz/fuzzers/%)

fuzz-seeds:
	@sh tests/fuzz/seeds.sh build/fuzz/seeds

fuzz: $(DEPS_STAMP)
	$(SUBMAKE) fuzz-build fuzz-seeds
	@set -e; for t in $(FUZZ_TARGETS); do mkdir -p build/fuzz/corpus/$$t; \
	  echo "== fuzz $$t for $(FUZZ_TIME) s"; \
	  build/fuzz/fuzzers/$$t $(call FUZZ_ARGS,$(FUZZ_TIME),$$t) build/fuzz/corpus/$$t \
	    build/fuzz/seeds/$$t tests/fuzz/regressions/$$t; done

# A few seconds per target in `make check`: catches what the seeds and a short mutation
# run can reach, without making the check slow.
fuzz-smoke: fuzz-build fuzz-seeds
	@set -e; for t in $(FUZZ_TARGETS); do mkdir -p build/fuzz/smoke/$$t; \
	  echo "== fuzz smoke $$t ($(FUZZ_SMOKE_TIME) s)"; \
	  build/fuzz/fuzzers/$$t $(call FUZZ_ARGS,$(FUZZ_SMOKE_TIME),$$t) build/fuzz/smoke/$$t \
	    build/fuzz/seeds/$$t tests/fuzz/regressions/$$t 2>build/fuzz/smoke-$$t.log || \
	    { tail -40 build/fuzz/smoke-$$t.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units' build/fuzz/smoke-$$t.log; done

bench:
	@sh tools/deps.sh $(DEB_BUILD) $(DEB_TEST) $(DEB_BENCH)
	$(MAKE) all $(BENCH_BIN)
	$(MAKE) bench-data
	$(PYTHON) bench/run.py --ckg $(BUILD)/ckg --gen $(BUILD)/bench/gen --bare $(BUILD)/bench/bare_parse

# Issue 18's target alone: each query command on the shipped ontology (warm and cold cache)
# against /bin/true, alternately in the same hyperfine runs; rewrites only that table.
bench-startup:
	@sh tools/deps.sh $(DEB_BUILD) $(DEB_BENCH)
	$(MAKE) all
	$(PYTHON) bench/run.py --ckg $(BUILD)/ckg --only start-up

# ---------------------------------------------------------------- dependencies

# build/deps.stamp records the package lists once tools/deps.sh has installed them. check,
# maps and fuzz depend on the stamp, not on `deps`: it is remade (one dpkg-query, then
# apt-get only for what is missing) when it is missing, as in a fresh clone, when the lists
# above differ from the ones it records, or when tools/deps.sh changed. `make deps` checks
# the packages every time.
DEB_ALL := $(DEB_BUILD) $(DEB_TEST)
DEPS_STAMP := build/deps.stamp
ifneq ($(strip $(shell cat $(DEPS_STAMP) 2>/dev/null)),$(strip $(DEB_ALL)))
$(DEPS_STAMP): FORCE
endif
$(DEPS_STAMP): tools/deps.sh
	@sh tools/deps.sh $(DEB_ALL)
	@mkdir -p $(@D) && echo '$(DEB_ALL)' >$@

deps:
	@sh tools/deps.sh $(DEB_ALL)
	@mkdir -p $(dir $(DEPS_STAMP)) && echo '$(DEB_ALL)' >$(DEPS_STAMP)

FORCE:

clean:
	rm -rf build
