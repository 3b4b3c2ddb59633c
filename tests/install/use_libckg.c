/* use_libckg.c — a program that uses libckg the way an installed library is used: only
 * <ckg/...> headers from the install prefix, and libckg.a. It loads and checks an ontology
 * folder, resolves its first concept by name and builds the graph of all papers, and prints
 * one line of counts; run.sh compares them with what `ckg` says about the same folder. */
#include <ckg/check.h>
#include <ckg/diag.h>
#include <ckg/graph.h>
#include <ckg/names.h>
#include <ckg/ontology.h>
#include <ckg/status.h>

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: use_libckg ONTOLOGY CORPUS\n");
        return 2;
    }
    int code = 1;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    names_index *names = NULL;
    names_result found;
    ckg_graph *g = NULL;
    check_stats stats = {0};
    int rc = ontology_load(argv[1], &diags, &o);
    if (rc == CKG_OK)
        rc = check_ontology(o, &(check_options){argv[2]}, &diags, &stats);
    if (rc == CKG_OK)
        rc = names_build(o, &names);
    if (rc == CKG_OK && o->n_concepts)
        rc = names_resolve(names, o->concepts[0].id.s, &found);
    if (rc == CKG_OK)
        rc = graph_build(o, &(graph_scope){NULL, NULL}, &diags, &g);
    if (rc != CKG_OK) {
        fprintf(stderr, "use_libckg: %s\n", ckg_strerror(rc));
        goto out;
    }
    printf("%zu papers, %zu concepts; %zu of %zu quotes found; %zu errors; %zu nodes, %zu edges\n",
           o->n_papers, o->n_concepts, stats.quotes_found, stats.quotes, diags.n_errors,
           g->n_vertices, g->n_edges);
    code = diags.n_errors == 0 && (!o->n_concepts || found.verdict == NAMES_FOUND) ? 0 : 1;
out:
    graph_free(g);
    names_free(names);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
