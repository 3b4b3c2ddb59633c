# ckg — build, test and render.
#
#   make maps    install what is missing, build, render the concept maps into output/
#   make check   install what is missing, build, run every test (plain, ASan+UBSan, valgrind)
#   make         build build/ckg (the front: the query commands, started fast), build/ckg-full
#                (every command; ckg runs it for the others) and build/libckg.a
#   make install PREFIX=/usr/local   (bin/ckg, libexec/ckg/ckg-full, lib/libckg.a, include/ckg;
#                `make install-check` installs into a temporary PREFIX and runs it from elsewhere)
#   make fuzz    run each libFuzzer target for FUZZ_TIME seconds (default 300); findings go to
#                build/fuzz/, kept crashers to tests/fuzz/regressions/<target>/
#   make bench   generate synthetic ontologies (1k, 20k, 100k concepts) and time ckg against
#                a bare libyaml parse and a PyYAML + python-igraph script, and the query
#                commands on the shipped ontology against /bin/true; bench/results.md
#   make bench-startup   only the last: the query commands against /bin/true
#
# Dependencies are Debian packages found with pkg-config. `make deps` installs the missing
# ones with apt-get (as root, or through sudo) and does nothing when all are present. The
# top-level targets re-invoke make after `deps`, so pkg-config runs once the packages exist.

PREFIX ?= /usr/local
CC ?= cc
PKG_CONFIG ?= pkg-config
PYTHON ?= /usr/bin/python3

PKGS := yaml-0.1 igraph libgvc libcgraph libutf8proc jansson zlib
DEB_BUILD := pkg-config libyaml-dev libigraph-dev libgraphviz-dev libutf8proc-dev \
             libjansson-dev zlib1g-dev libcmocka-dev fonts-noto-cjk
DEB_TEST := valgrind python3-igraph python3-networkx python3-numpy python3-scipy python3-yaml \
            chromium chromium-driver python3-selenium clang libclang-rt-14-dev
DEB_BENCH := hyperfine graphviz time

OPT ?= -O2
CFLAGS ?= $(OPT) -g
WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -Iinclude -Isrc -D_DEFAULT_SOURCE
ALL_CFLAGS = -std=c11 -pthread $(WARN) $(CFLAGS) $(CPPFLAGS) $(shell $(PKG_CONFIG) --cflags $(PKGS))
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm -pthread
# The front (build/ckg) carries the commands that need neither igraph nor Graphviz
# (src/cli/main.c) and links only what they use: libyaml, utf8proc and jansson.
FRONT_PKGS := yaml-0.1 libutf8proc jansson
FRONT_LIBS = $(shell $(PKG_CONFIG) --libs $(FRONT_PKGS)) -lm -pthread
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
# use of libckg.a: a front that needed igraph or Graphviz would fail to link.
FRONT_MAIN := $(BUILD)/obj/cli/main_front.o
CLI_LIB := $(BUILD)/libckg-cli.a
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_TARGETS := fuzz_load fuzz_text
REPLAY_BIN := $(FUZZ_TARGETS:%=$(BUILD)/tests/%_replay)

.PHONY: all deps check maps maps-check browser-test install install-check test unit cli-test replay \
        crosscheck depcycles sanitize valgrind clean bench bench-startup bench-data fuzz fuzz-smoke fuzz-build fuzz-seeds

all: $(BUILD)/ckg $(BUILD)/ckg-full $(BUILD)/libckg.a

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# A cache of parsed ontologies is used only by a loader of the same schema: a digest of the
# sources that decide what a load makes of the YAML, and of libyaml's version
# (src/ontology_cache.c). A change to any of them rebuilds the cache's object with a new
# digest, and the caches the old loader wrote are ignored.
CACHE_SCHEMA_SRC := $(wildcard include/ckg/ontology.h include/ckg/ydoc.h include/ckg/arena.h \
                    src/ydoc.h src/ydoc.c src/ontology_internal.h src/ontology_load.c \
                    src/ontology_read.c src/ontology_pack.h src/ontology_pack.c \
                    src/ontology_cache.c src/util/filebuf.c src/util/hash.c)
CACHE_SCHEMA := $(shell cat $(CACHE_SCHEMA_SRC) | cksum | cut -d' ' -f1)-yaml-$(shell \
                  $(PKG_CONFIG) --modversion yaml-0.1)
$(BUILD)/obj/ontology_cache.o: $(CACHE_SCHEMA_SRC)
$(BUILD)/obj/ontology_cache.o: CPPFLAGS += -DCKG_CACHE_SCHEMA='"$(CACHE_SCHEMA)"'

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

$(CLI_LIB): $(filter-out $(BUILD)/obj/cli/main.o,$(CLI_OBJ))
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/ckg-full: $(CLI_OBJ) $(BUILD)/libckg.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libckg.a $(LIBS)

# The front runs ckg-full beside it for the commands it does not carry, so whatever needs
# $(BUILD)/ckg (the tests, maps, bench) gets both.
$(BUILD)/ckg: $(FRONT_MAIN) $(CLI_LIB) $(BUILD)/libckg.a | $(BUILD)/ckg-full
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(FRONT_MAIN) $(CLI_LIB) $(BUILD)/libckg.a $(FRONT_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(TEST_SUPPORT) $(BUILD)/libckg.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(TEST_SUPPORT) $(BUILD)/libckg.a $(LIBS) $(TEST_LIBS)

# A fuzz target's entry point with a plain main that replays files (tests/fuzz/replay.c).
$(BUILD)/tests/%_replay: tests/fuzz/%.c tests/fuzz/replay.c $(BUILD)/libckg.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILD)/libckg.a $(LIBS)

# The libFuzzer binaries themselves (built with BUILD=build/fuzz CC=clang, see fuzz-build).
$(BUILD)/fuzzers/%: tests/fuzz/%.c $(BUILD)/libckg.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libckg.a $(LIBS)

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

cli-test: $(BUILD)/ckg
	CKG=$(abspath $(BUILD)/ckg) sh tests/cli/run.sh

# Every kept fuzz finding and every seed, through the library as the fuzzers call it.
replay: $(REPLAY_BIN)
	@sh tests/fuzz/seeds.sh $(BUILD)/fuzz-seeds >/dev/null
	@set -e; for t in $(FUZZ_TARGETS); do echo "== replay $$t"; \
	  $(CKG_WRAP) $(BUILD)/tests/$${t}_replay tests/fuzz/regressions/$$t $(BUILD)/fuzz-seeds/$$t; done

# Every measure of `ckg metrics` recomputed from `ckg export` by python-igraph, NetworkX and
# numpy (all scopes of the shipped ontology and of the metrics fixtures); the exports read
# back by python-igraph, NetworkX and csv; every number of `ckg diff` and `ckg compare`
# (ranks, Spearman, Kendall tau-b, Jaccard, theme shares, orders) recomputed with scipy; and
# proof that each check fails on a wrong value.
METRICS_FIXTURES := star path bridge escape
crosscheck: $(BUILD)/ckg
	$(PYTHON) tests/crosscheck/metrics_crosscheck.py $(BUILD)/ckg --louvain
	@set -e; for f in $(METRICS_FIXTURES); do \
	  echo "$(PYTHON) tests/crosscheck/metrics_crosscheck.py $(BUILD)/ckg --ontology tests/fixtures/metrics/$$f --louvain"; \
	  $(PYTHON) tests/crosscheck/metrics_crosscheck.py $(BUILD)/ckg --ontology tests/fixtures/metrics/$$f --louvain; \
	  $(PYTHON) tests/crosscheck/export_readback.py $(BUILD)/ckg --ontology tests/fixtures/metrics/$$f; done
	$(PYTHON) tests/crosscheck/export_readback.py $(BUILD)/ckg
	$(PYTHON) tests/crosscheck/diff_crosscheck.py $(BUILD)/ckg
	$(PYTHON) tests/crosscheck/diff_crosscheck.py $(BUILD)/ckg --ontology tests/fixtures/diff
	$(PYTHON) tests/crosscheck/selftest.py $(BUILD)/ckg

# No file of the library, nor of the CLI, depends on itself through other files: from nm,
# the graph "A uses a symbol B defines" has no cycle. The self-test first proves the check
# fails on two objects that call each other (compiled in a temporary folder).
depcycles: $(BUILD)/libckg.a $(CLI_OBJ)
	$(PYTHON) tools/depcycles.py --self-test --cc "$(CC)"
	$(PYTHON) tools/depcycles.py $(BUILD)/libckg.a
	$(PYTHON) tools/depcycles.py $(CLI_OBJ)

test: unit cli-test replay crosscheck depcycles

# ckg keeps a cache of parsed ontologies in $XDG_CACHE_HOME/ckg: whatever the tests run uses
# one in the build tree, never the user's (tests/cli/lib.sh gives each CLI test file its own).
TEST_TARGETS := check test unit cli-test replay crosscheck sanitize valgrind tsan maps-check \
                browser-test
$(TEST_TARGETS): export XDG_CACHE_HOME := $(abspath $(BUILD))/test-cache

# Graphviz, pango and fontconfig leak by design or by bug (tools/*.supp say which); full
# stacks let the suppressions name the library function and spare ckg's own leaks.
SAN_ENV := ASAN_OPTIONS=fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$(abspath tools/lsan.supp):print_suppressions=0
# --trace-children: ckg runs ckg-full for the commands it does not carry (exec), and valgrind
# follows it there.
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --trace-children=yes --suppressions=$(abspath tools/valgrind.supp)

sanitize:
	$(SAN_ENV) $(MAKE) BUILD=build/asan CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" test

valgrind: $(TEST_BIN) $(BUILD)/ckg
	@set -e; for t in $(TEST_BIN); do echo "== valgrind $$t"; \
	  $(VALGRIND) $$t >/dev/null; done
	CKG=$(abspath $(BUILD)/ckg) CKG_WRAP="$(VALGRIND)" sh tests/cli/run.sh
	$(MAKE) replay CKG_WRAP="$(VALGRIND)"

# The loader's worker threads under ThreadSanitizer: the commands that load an ontology,
# with four workers even for the fixtures' few files, and the cache's cold and warm loads.
# (Not render: fontconfig's own start-up thread races inside the library, by design.)
TSAN_TESTS := check malformed neighbors metrics diff coverage cache
tsan:
	$(MAKE) BUILD=build/tsan CFLAGS="-O1 -g -fsanitize=thread" LDFLAGS="-fsanitize=thread" \
	  build/tsan/ckg build/tsan/ckg-full
	CKG_THREADS=4 TSAN_OPTIONS=halt_on_error=1:exitcode=66 CKG=$(abspath build/tsan/ckg) \
	  sh tests/cli/run.sh $(TSAN_TESTS)

check: deps
	$(MAKE) all
	$(MAKE) test
	$(MAKE) sanitize
	$(MAKE) tsan
	$(MAKE) valgrind
	$(MAKE) fuzz-smoke
	$(MAKE) install-check
	$(BUILD)/ckg check
	$(BUILD)/ckg coverage --check > /dev/null
	$(MAKE) maps-check
	$(MAKE) browser-test
	@echo "make check: all tests passed"

# ---------------------------------------------------------------- concept maps

# The maps of output/ by the slide they must read on (tools/maps.sh renders them; the
# browser test measures each in a 1920x1080 box): the default slides, the ego slide, and
# each paper's every concept (the poster).
PAPERS = $(basename $(notdir $(wildcard ontology/papers/*.yaml)))
SLIDE_MAPS = output/all.svg $(PAPERS:%=output/%.svg)
EGO_MAPS = output/ego-new-quality-productive-forces.svg
POSTER_MAPS = $(PAPERS:%=output/%-full.svg)

maps: deps
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

# ckg finds ckg-full in ../libexec/ckg from itself (src/cli/exec_full.c), so the installed
# tree can be moved as a whole.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/ckg \
	  $(DESTDIR)$(PREFIX)/libexec/ckg
	install -m 755 $(BUILD)/ckg $(DESTDIR)$(PREFIX)/bin/ckg
	install -m 755 $(BUILD)/ckg-full $(DESTDIR)$(PREFIX)/libexec/ckg/ckg-full
	install -m 644 $(BUILD)/libckg.a $(DESTDIR)$(PREFIX)/lib/libckg.a
	install -m 644 include/ckg/*.h $(DESTDIR)$(PREFIX)/include/ckg/

# An installed tree in a temporary PREFIX, run from another folder: a query the front
# answers, and a command it hands to PREFIX/libexec/ckg/ckg-full.
install-check: all
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(MAKE) --no-print-directory install PREFIX="$$tmp/prefix" >/dev/null && \
	  mkdir "$$tmp/elsewhere" && cd "$$tmp/elsewhere" && \
	  for args in "neighbors 数据要素" "metrics --top 3"; do \
	    XDG_CACHE_HOME="$$tmp/cache" "$$tmp/prefix/bin/ckg" --ontology $(abspath ontology) $$args \
	      >"$$tmp/out" 2>&1 || { cat "$$tmp/out"; echo "install-check: ckg $$args failed"; exit 1; }; \
	    $(abspath $(BUILD)/ckg-full) --ontology $(abspath ontology) $$args >"$$tmp/want" 2>&1; \
	    cmp -s "$$tmp/out" "$$tmp/want" || { echo "install-check: ckg $$args differs"; exit 1; }; \
	  done && \
	  echo "install-check: PREFIX/bin/ckg and PREFIX/libexec/ckg/ckg-full run from another folder"

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

fuzz: deps fuzz-build fuzz-seeds
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

deps:
	@sh tools/deps.sh $(DEB_BUILD) $(DEB_TEST)

clean:
	rm -rf build
