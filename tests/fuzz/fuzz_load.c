/* fuzz_load.c — libFuzzer target: the loader and the checker on arbitrary YAML.
 *
 * The input is an ontology in one buffer: its files one after the other, separated by
 * lines "#--8<--" (a YAML comment, so a seed built from real files is still YAML), given
 * in turn the paths of the fixture ontology (themes.yaml, relations.yaml, three concept
 * files, two papers). They are loaded from memory (ontology_load_files), checked with
 * every quote looked up in tests/fixtures/corpus (run from the repository root), and,
 * when the ontology is clean, turned into the name index and the analysis graph that the
 * commands build on.
 *
 * Besides the sanitizers, the target checks what a user is promised: every diagnostic
 * that names a file names one of the input files and a line inside it. */
#include "ckg/check.h"
#include "ckg/graph.h"
#include "ckg/names.h"
#include "ckg/ontology.h"
#include "ckg/status.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const paths[] = {
    "themes.yaml",        "relations.yaml",    "concepts/core.yaml", "concepts/factors.yaml",
    "concepts/technology.yaml", "papers/alpha.yaml", "papers/beta.yaml",
};
enum { MAX_FILES = sizeof paths / sizeof paths[0] };

static const char separator[] = "\n#--8<--\n";

static size_t count_lines(const char *s, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += s[i] == '\n';
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ontology_file files[MAX_FILES];
    size_t n = 0, sep = sizeof separator - 1;
    const char *p = (const char *)data, *end = p + size;
    while (n < MAX_FILES) {
        const char *cut = NULL;
        for (const char *q = p; q + sep <= end; q++) {
            if (memcmp(q, separator, sep) == 0) {
                cut = q;
                break;
            }
        }
        if (!cut || n + 1 == MAX_FILES)
            cut = end;
        files[n] = (ontology_file){paths[n], p, (size_t)(cut - p)};
        n++;
        if (cut == end)
            break;
        p = cut + sep;
    }

    diag_list d;
    diag_list_init(&d);
    ckg_ontology *o = NULL;
    if (ontology_load_files(files, n, &d, &o) != CKG_OK)
        goto out;
    check_options opt = {.corpus_dir = "tests/fixtures/corpus"};
    check_stats stats;
    int rc = check_ontology(o, &opt, &d, &stats);
    if (rc != CKG_OK && rc != CKG_ENOMEM) {
        fprintf(stderr, "check_ontology: unexpected status %d\n", rc);
        abort();
    }
    if (rc == CKG_OK && d.n_errors == 0) {
        names_index *ix = NULL;
        if (names_build(o, &ix) == CKG_OK) {
            names_result r;
            for (size_t i = 0; i < o->n_concepts && i < 8; i++) {
                names_resolve(ix, o->concepts[i].zh.s ? o->concepts[i].zh.s : "x", &r);
                names_resolve(ix, o->concepts[i].id.s, &r);
            }
            names_free(ix);
        }
        ckg_graph *g = NULL;
        graph_scope all = {NULL, NULL};
        if (graph_build(o, &all, &d, &g) == CKG_OK)
            graph_free(g);
        if (o->n_papers > 0) {
            graph_scope one = {o->papers[0].id.s, NULL};
            if (graph_build(o, &one, &d, &g) == CKG_OK)
                graph_free(g);
        }
    }
    diag_list_sort(&d);
    for (size_t i = 0; i < d.n; i++) {
        const diag *x = &d.items[i];
        if (!x->file)
            continue;
        size_t k = 0;
        while (k < n && strcmp(x->file, files[k].path) != 0)
            k++;
        if (k == n) {
            fprintf(stderr, "diagnostic names an unknown file '%s': %s\n", x->file, x->message);
            abort();
        }
        if (x->line > count_lines(files[k].data, files[k].len)) {
            fprintf(stderr, "diagnostic past the end of %s: line %u: %s\n", x->file,
                    (unsigned)x->line, x->message);
            abort();
        }
    }
out:
    ontology_free(o);
    diag_list_free(&d);
    return 0;
}
