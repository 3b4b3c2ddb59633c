/* query_lines.c — the lines of the quotes a query shows, from the corpus opened once, on the
 * first quote that needs it (a query that shows no quote never opens it); through the cache
 * of quote lines (lines_cache.c) when given its folder, which answers as query_quote_line
 * does or leaves the quote to it. */
#include "ckg/query.h"
#include "ckg/status.h"
#include "lines_cache.h"

#include <stdlib.h>
#include <string.h>

void query_lines_init(query_lines *l, const ckg_ontology *o, const char *corpus_dir)
{
    memset(l, 0, sizeof *l);
    l->o = o;
    l->corpus_dir = corpus_dir;
    diag_list_init(&l->diags);
}

void query_lines_cache_in(query_lines *l, const char *cache_dir)
{
    free(l->cache_dir);
    l->cache_dir = cache_dir ? strdup(cache_dir) : NULL; /* no memory: no cache */
}

void query_lines_get(query_lines *l, int32_t paper, const ckg_evidence *ev, size_t *line,
                     size_t *end_line)
{
    *line = *end_line = 0;
    if (!l->opened) {
        l->opened = 1;
        if (l->corpus_dir)
            corpus_open(l->corpus_dir, &l->diags, &l->cp);
        if (l->cp && l->cache_dir)
            l->cache = lines_cache_new(l->cache_dir, l->corpus_dir);
    }
    int rc = l->cp ? lines_cache_get(l->cache, l->o, paper, ev, line, end_line)
                   : LINES_CACHE_PASS;
    if (rc == LINES_CACHE_PASS)
        rc = query_quote_line(l->o, l->cp, paper, ev, &l->diags, line, end_line);
    if (rc != CKG_OK)
        l->unlocated++;
}

void query_lines_free(query_lines *l)
{
    lines_cache_free(l->cache);
    free(l->cache_dir);
    corpus_free(l->cp);
    diag_list_free(&l->diags);
    memset(l, 0, sizeof *l);
}
