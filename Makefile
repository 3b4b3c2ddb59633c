# ckg — build, test and render.
#
#   make maps    install what is missing, build, render the concept maps into output/
#   make check   install what is missing, build, run every test (plain, ASan+UBSan, valgrind)
#   make         build build/ckg and build/libckg.a
#   make install PREFIX=/usr/local
#
# Dependencies are Debian packages found with pkg-config. `make deps` installs the missing
# ones with apt-get (as root, or through sudo) and does nothing when all are present. The
# top-level targets re-invoke make after `deps`, so pkg-config runs once the packages exist.

PREFIX ?= /usr/local
CC ?= cc
PKG_CONFIG ?= pkg-config
PYTHON ?= /usr/bin/python3

PKGS := yaml-0.1 igraph libgvc libcgraph libutf8proc jansson
DEB_BUILD := pkg-config libyaml-dev libigraph-dev libgraphviz-dev libutf8proc-dev \
             libjansson-dev libcmocka-dev fonts-noto-cjk
DEB_TEST := valgrind python3-igraph python3-networkx python3-numpy python3-scipy python3-yaml \
            chromium
DEB_BENCH := hyperfine graphviz clang

OPT ?= -O2
CFLAGS ?= $(OPT) -g
WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -Iinclude -D_DEFAULT_SOURCE
ALL_CFLAGS = -std=c11 -pthread $(WARN) $(CFLAGS) $(CPPFLAGS) $(shell $(PKG_CONFIG) --cflags $(PKGS))
LIBS = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm -pthread
TEST_LIBS = $(shell $(PKG_CONFIG) --libs cmocka)

# Sanitizer builds go to their own tree so both can exist side by side.
BUILD ?= build
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=undefined

LIB_SRC := $(sort $(wildcard src/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_SUPPORT := $(filter-out $(TEST_SRC),$(wildcard tests/unit/*.c))

LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps check maps maps-check browser-test install test unit cli-test crosscheck \
        sanitize valgrind clean bench

all: $(BUILD)/ckg $(BUILD)/libckg.a

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libckg.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/ckg: $(CLI_OBJ) $(BUILD)/libckg.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libckg.a $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(TEST_SUPPORT) $(BUILD)/libckg.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(TEST_SUPPORT) $(BUILD)/libckg.a $(LIBS) $(TEST_LIBS)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# ---------------------------------------------------------------- tests

unit: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; $$t; done

cli-test: $(BUILD)/ckg
	CKG=$(abspath $(BUILD)/ckg) sh tests/cli/run.sh

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

test: unit cli-test crosscheck

# Graphviz, pango and fontconfig leak by design or by bug (tools/*.supp say which); full
# stacks let the suppressions name the library function and spare ckg's own leaks.
SAN_ENV := ASAN_OPTIONS=fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$(abspath tools/lsan.supp):print_suppressions=0
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --suppressions=$(abspath tools/valgrind.supp)

sanitize:
	$(SAN_ENV) $(MAKE) BUILD=build/asan CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" test

valgrind: $(TEST_BIN) $(BUILD)/ckg
	@set -e; for t in $(TEST_BIN); do echo "== valgrind $$t"; \
	  $(VALGRIND) $$t >/dev/null; done
	CKG=$(abspath $(BUILD)/ckg) CKG_WRAP="$(VALGRIND)" sh tests/cli/run.sh

check: deps
	$(MAKE) all
	$(MAKE) test
	$(MAKE) sanitize
	$(MAKE) valgrind
	$(BUILD)/ckg check
	$(BUILD)/ckg coverage --check > /dev/null
	$(MAKE) maps-check
	$(MAKE) browser-test
	@echo "make check: all tests passed"

# ---------------------------------------------------------------- concept maps

maps: deps
	$(MAKE) all
	$(BUILD)/ckg check
	rm -rf output.new && sh tools/maps.sh $(BUILD)/ckg output.new
	rm -rf output && mv output.new output
	@echo "make maps: $$(ls output/*.svg | wc -l) maps in output/"

# output/ must be what the ontology renders to today, byte for byte.
maps-check: $(BUILD)/ckg
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  sh tools/maps.sh $(BUILD)/ckg "$$tmp" && \
	  if diff -r -q output "$$tmp" >/dev/null; then \
	    echo "maps-check: output/ is up to date ($$(ls "$$tmp" | wc -l) maps)"; \
	  else \
	    diff -r -q output "$$tmp" | sed 's/^/maps-check: /'; \
	    echo "maps-check: output/ is out of date with the ontology; run 'make maps' and commit output/"; \
	    exit 1; \
	  fi

# Every map in a real browser: labels inside their boxes, no boxes overlapping, the CJK font.
# Besides output/, the English and bilingual labels and the other engines on the fixtures.
browser-test: $(BUILD)/ckg
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  CKG=$(abspath $(BUILD)/ckg) sh tests/browser/variants.sh "$$tmp" && \
	  $(PYTHON) tests/browser/check_maps.py output/*.svg "$$tmp"/*.svg && \
	  if $(PYTHON) tests/browser/check_maps.py tests/browser/overflow.svg >/dev/null; then \
	    echo "browser-test: the checker passed a map whose label overflows"; exit 1; \
	  else echo "browser-test: the checker fails a map whose label overflows, as it should"; fi

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/ckg
	install -m 755 $(BUILD)/ckg $(DESTDIR)$(PREFIX)/bin/ckg
	install -m 644 $(BUILD)/libckg.a $(DESTDIR)$(PREFIX)/lib/libckg.a
	install -m 644 include/ckg/*.h $(DESTDIR)$(PREFIX)/include/ckg/

# ---------------------------------------------------------------- dependencies

deps:
	@sh tools/deps.sh $(DEB_BUILD) $(DEB_TEST)

clean:
	rm -rf build
