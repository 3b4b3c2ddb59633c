/* query_catalog.c — what the ontology holds, paper by paper and theme by theme (`ckg papers`,
 * `ckg themes`): counts made in one pass over the papers, with a mark per concept, so they
 * cost the load and nothing more (no graph, no corpus).
 *
 * A paper's concepts are those it mentions or names in a relation (the rule graph_build
 * uses for a paper's scope, so the count is `ckg compare`'s); its relations and quotes are
 * as written. A theme counts its concepts, the papers naming one of them, the mentions of
 * them and the relation statements with an end among them. Unresolved references (which
 * `ckg check` reports) count nowhere. */
#include "ckg/query.h"
#include "ckg/status.h"

#include <stdlib.h>
#include <string.h>

/* Marks concept c for stamp; returns 1 when it was not marked yet. */
static int mark(int32_t *seen, int32_t c, int32_t stamp)
{
    if (c < 0 || seen[c] == stamp)
        return 0;
    seen[c] = stamp;
    return 1;
}

static int theme_of(const ckg_ontology *o, int32_t c)
{
    return c >= 0 ? o->concepts[c].theme_index : -1;
}

int query_catalog(const ckg_ontology *o, query_catalog_result *out)
{
    int32_t *seen = malloc((o->n_concepts ? o->n_concepts : 1) * sizeof *seen);
    int32_t *theme_seen = malloc((o->n_themes ? o->n_themes : 1) * sizeof *theme_seen);
    memset(out, 0, sizeof *out);
    out->papers = calloc(o->n_papers ? o->n_papers : 1, sizeof *out->papers);
    out->themes = calloc(o->n_themes ? o->n_themes : 1, sizeof *out->themes);
    if (!seen || !theme_seen || !out->papers || !out->themes) {
        free(seen);
        free(theme_seen);
        query_catalog_free(out);
        return CKG_ENOMEM;
    }
    memset(seen, 0xff, (o->n_concepts ? o->n_concepts : 1) * sizeof *seen);
    memset(theme_seen, 0xff, (o->n_themes ? o->n_themes : 1) * sizeof *theme_seen);
    out->n_papers = o->n_papers;
    out->n_themes = o->n_themes;
    for (size_t t = 0; t < o->n_themes; t++)
        out->themes[t].theme = (int32_t)t;
    for (size_t i = 0; i < o->n_concepts; i++) {
        int t = o->concepts[i].theme_index;
        if (t >= 0)
            out->themes[t].concepts++;
    }
    for (size_t p = 0; p < o->n_papers; p++) {
        const ckg_paper *paper = &o->papers[p];
        query_paper_counts *pc = &out->papers[p];
        int32_t stamp = (int32_t)p;
        pc->paper = stamp;
        pc->sections = paper->n_sections;
        pc->mentions = paper->n_mentions;
        pc->relations = paper->n_relations;
        for (size_t m = 0; m < paper->n_mentions; m++) {
            const ckg_mention *mn = &paper->mentions[m];
            int t = theme_of(o, mn->concept_index);
            pc->quotes += mn->evidence.n;
            pc->concepts += (size_t)mark(seen, mn->concept_index, stamp);
            if (t >= 0) {
                out->themes[t].mentions++;
                out->themes[t].papers += (size_t)(theme_seen[t] != stamp);
                theme_seen[t] = stamp;
            }
        }
        for (size_t r = 0; r < paper->n_relations; r++) {
            const ckg_relation *rel = &paper->relations[r];
            int tf = theme_of(o, rel->from_index), tt = theme_of(o, rel->to_index);
            pc->quotes += rel->evidence.n;
            pc->concepts += (size_t)mark(seen, rel->from_index, stamp);
            pc->concepts += (size_t)mark(seen, rel->to_index, stamp);
            for (int end = 0; end < 2; end++) {
                int t = end ? tt : tf;
                if (t < 0 || (end && t == tf))
                    continue;
                out->themes[t].relations++;
                out->themes[t].papers += (size_t)(theme_seen[t] != stamp);
                theme_seen[t] = stamp;
            }
        }
    }
    free(seen);
    free(theme_seen);
    return CKG_OK;
}

void query_catalog_free(query_catalog_result *c)
{
    free(c->papers);
    free(c->themes);
    memset(c, 0, sizeof *c);
}
