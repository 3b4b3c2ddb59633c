/* view_path.c — the text of `ckg path`: the headline (how many steps, how many paths, what
 * was avoided), then each path as its chain of concepts, every arrow pointing the way its
 * step's relations run, and the links of its steps (links.c). */
#include "ckg/status.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* Every link of a path, its steps in order, for one aligned listing. */
static query_link *path_links(const query_path *p, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < p->length; i++)
        *n += p->steps[i].n_links;
    query_link *all = malloc((*n ? *n : 1) * sizeof *all);
    if (!all)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < p->length; i++) {
        memcpy(all + k, p->steps[i].links, p->steps[i].n_links * sizeof *all);
        k += p->steps[i].n_links;
    }
    return all;
}

/* The arrow of step i: → when its relations run from concepts[i] to concepts[i + 1], ←
 * when they run back, ↔ when some run each way. */
static const char *step_arrow(const query_step *st)
{
    unsigned dirs = 0;
    for (size_t l = 0; l < st->n_links; l++)
        dirs |= st->links[l].direction;
    return dirs == QUERY_BOTH ? " ↔ " : dirs == QUERY_IN ? " ← " : " → ";
}

/* "算力 → 高质量发展: ..." */
static void headline(const cli_style *st, const ckg_ontology *o, const query_paths *ps,
                     size_t k)
{
    size_t longest = 0;
    for (size_t i = 0; i < ps->n_paths; i++)
        longest = ps->paths[i].length > longest ? ps->paths[i].length : longest;
    fputs(st->bold, stdout);
    cli_text(stdout, o->concepts[ps->from].zh.s);
    printf("%s → %s", st->reset, st->bold);
    cli_text(stdout, o->concepts[ps->to].zh.s);
    printf("%s: ", st->reset);
    if (!k) {
        printf("%zu step%s; %llu shortest path%s%s\n", ps->length, ps->length == 1 ? "" : "s",
               (unsigned long long)ps->total, ps->total == 1 ? "" : "s",
               ps->total == UINT64_MAX ? " or more" : "");
        return;
    }
    if (ps->n_paths < k)
        printf("%zu path%s (no more exist)", ps->n_paths, ps->n_paths == 1 ? "" : "s");
    else
        printf("the %zu shortest path%s", ps->n_paths, ps->n_paths == 1 ? "" : "s");
    if (longest == ps->length)
        printf(", %zu step%s\n", longest, longest == 1 ? "" : "s");
    else
        printf(", %zu to %zu steps\n", ps->length, longest);
}

int view_path(const cli *c, const ckg_ontology *o, const query_paths *ps,
              const query_filter *f, size_t k, int evidence, query_lines *lines)
{
    cli_style st = cli_style_of(c);
    int directed = f && (f->direction & QUERY_BOTH) == QUERY_OUT;
    headline(&st, o, ps, k);
    printf("%s%s", st.dim,
           directed ? "relations followed from cause to effect"
                    : "relations followed either way; arrows show their direction");
    for (size_t i = 0; f && f->avoid && i < f->n_avoid; i++) {
        fputs(i ? ", " : "; avoiding ", stdout);
        cli_text(stdout, o->concepts[f->avoid[i]].zh.s);
    }
    printf("%s\n", st.reset);
    for (size_t i = 0; i < ps->n_paths; i++) {
        const query_path *p = &ps->paths[i];
        printf("\n");
        if (ps->n_paths > 1 && k && p->length != ps->length)
            printf("%spath %zu (%zu steps)%s  ", st.head, i + 1, p->length, st.reset);
        else if (ps->n_paths > 1)
            printf("%spath %zu%s  ", st.head, i + 1, st.reset);
        for (size_t s = 0; s <= p->length; s++) {
            if (s)
                printf("%s%s%s", st.arrow, step_arrow(&p->steps[s - 1]), st.reset);
            cli_text(stdout, o->concepts[p->concepts[s]].zh.s);
        }
        printf("\n");
        size_t n;
        query_link *all = path_links(p, &n);
        if (!all)
            return CKG_ENOMEM;
        cli_print_links(stdout, c, o, all, n, 0, evidence, lines, "  ");
        free(all);
    }
    if (!k && ps->n_paths < ps->total)
        printf("\n%s%zu of %llu%s shortest paths shown (--all-shortest, --max N)%s\n", st.dim,
               ps->n_paths, (unsigned long long)ps->total,
               ps->total == UINT64_MAX ? " or more" : "", st.reset);
    return CKG_OK;
}
