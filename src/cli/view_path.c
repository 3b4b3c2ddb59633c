/* view_path.c — the text of `ckg path`: the headline (how many steps, how many shortest
 * paths), then each path as its chain of concepts and the links of its steps (links.c). */
#include "ckg/status.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Every link of a path, its steps in order, for one aligned listing. */
static query_link *path_links(const query_path *p, size_t length, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < length; i++)
        *n += p->steps[i].n_links;
    query_link *all = malloc((*n ? *n : 1) * sizeof *all);
    if (!all)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < length; i++) {
        memcpy(all + k, p->steps[i].links, p->steps[i].n_links * sizeof *all);
        k += p->steps[i].n_links;
    }
    return all;
}

int view_path(const cli *c, const ckg_ontology *o, const query_paths *ps, int directed,
              int evidence, query_lines *lines)
{
    cli_style st = cli_style_of(c);
    const ckg_concept *a = &o->concepts[ps->from], *b = &o->concepts[ps->to];
    fputs(st.bold, stdout);
    cli_text(stdout, a->zh.s);
    printf("%s → %s", st.reset, st.bold);
    cli_text(stdout, b->zh.s);
    printf("%s: ", st.reset);
    printf("%zu step%s; %llu shortest path%s%s\n", ps->length, ps->length == 1 ? "" : "s",
           (unsigned long long)ps->total, ps->total == 1 ? "" : "s",
           ps->total == UINT64_MAX ? " or more" : "");
    printf("%s%s%s\n", st.dim,
           directed ? "relations followed from cause to effect"
                    : "relations followed either way; arrows show their direction",
           st.reset);
    for (size_t i = 0; i < ps->n_paths; i++) {
        const query_path *p = &ps->paths[i];
        printf("\n");
        if (ps->n_paths > 1)
            printf("%spath %zu%s  ", st.head, i + 1, st.reset);
        for (size_t k = 0; k <= ps->length; k++) {
            fputs(k ? " → " : "", stdout);
            cli_text(stdout, o->concepts[p->concepts[k]].zh.s);
        }
        printf("\n");
        size_t n;
        query_link *all = path_links(p, ps->length, &n);
        if (!all)
            return CKG_ENOMEM;
        cli_print_links(stdout, c, o, all, n, 0, evidence, lines, "  ");
        free(all);
    }
    if (ps->n_paths < ps->total)
        printf("\n%s%zu of %llu%s shortest paths shown (--all-shortest, --max N)%s\n", st.dim,
               ps->n_paths, (unsigned long long)ps->total,
               ps->total == UINT64_MAX ? " or more" : "", st.reset);
    return CKG_OK;
}

