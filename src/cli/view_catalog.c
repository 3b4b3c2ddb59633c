/* view_catalog.c — the text of `ckg papers` and `ckg themes`: one aligned row per paper or
 * theme with its counts (query_catalog), a paper's sections under it, and how to name one. */
#include "ckg/status.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum { TITLE_COLUMNS = 64 };

static size_t widest(size_t w, const char *s)
{
    size_t x = cli_width(s);
    return x > w ? x : w;
}

/* "刘冬梅, 杨瑞龙" of a list of names, into a malloc'd string ("" for none). */
static char *joined(const ckg_strs *l)
{
    size_t len = 1;
    for (size_t i = 0; i < l->n; i++)
        len += (l->items[i].s ? strlen(l->items[i].s) : 0) + 2;
    char *s = malloc(len), *p = s;
    if (!s)
        return NULL;
    *p = '\0';
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i].s)
            p += sprintf(p, "%s%s", p == s ? "" : ", ", l->items[i].s);
    }
    return s;
}

/* The length of the start of paper i's id that names it (at least 4 characters, or all). */
static int unique_start(const ckg_ontology *o, size_t i)
{
    const char *id = o->papers[i].id.s;
    size_t len = strlen(id), n = len < 4 ? len : 4;
    for (; n < len; n++) {
        size_t k = 0;
        while (k < o->n_papers && (k == i || strncmp(o->papers[k].id.s, id, n) != 0))
            k++;
        if (k == o->n_papers)
            break;
    }
    return (int)n;
}

int view_papers(const cli *c, const ckg_ontology *o, const query_catalog_result *cat)
{
    cli_style st = cli_style_of(c);
    size_t wid = 2;
    for (size_t i = 0; i < cat->n_papers; i++)
        wid = widest(wid, o->papers[cat->papers[i].paper].id.s);
    printf("%zu paper%s", cat->n_papers, cat->n_papers == 1 ? "" : "s");
    if (cat->n_papers) {
        size_t last = (size_t)cat->papers[cat->n_papers - 1].paper;
        printf("; name one by its id or the start of it (--paper %.*s)",
               unique_start(o, last), o->papers[last].id.s);
    }
    printf("\n\n");
    if (!cat->n_papers)
        return CKG_OK;
    printf("  %s", st.dim);
    cli_cell(stdout, "id", wid, TEXT_ALIGN_LEFT, "", "");
    printf("  year  concepts  mentions  relations  quotes  authors 《title》%s\n", st.reset);
    for (size_t i = 0; i < cat->n_papers; i++) {
        const query_paper_counts *pc = &cat->papers[i];
        const ckg_paper *p = &o->papers[pc->paper];
        char *authors = joined(&p->authors), year[16] = "-";
        if (!authors)
            return CKG_ENOMEM;
        if (p->year)
            snprintf(year, sizeof year, "%d", p->year);
        printf("  ");
        cli_cell(stdout, p->id.s, wid, TEXT_ALIGN_LEFT, st.bold, st.reset);
        printf("  %4s  %8zu  %8zu  %9zu  %6zu  ", year, pc->concepts, pc->mentions,
               pc->relations, pc->quotes);
        size_t used = 0;
        if (*authors) {
            used = cli_fit(stdout, authors, TITLE_COLUMNS / 2, "", "");
            used += cli_fit(stdout, " ", 1, "", "");
        }
        free(authors);
        used += cli_fit(stdout, "《", 2, "", "");
        used += cli_fit(stdout, p->title.s ? p->title.s : "", TITLE_COLUMNS - used - 2, "", "");
        cli_fit(stdout, "》", 2, "", "");
        printf("\n");
        for (size_t k = 0; k < p->n_sections; k++) {
            const ckg_section *s = &p->sections[k];
            char *by = joined(&s->authors);
            if (!by)
                return CKG_ENOMEM;
            printf("  %*s%s", (int)wid + 2, "", st.dim);
            cli_text(stdout, p->id.s);
            printf("/%s", st.reset);
            cli_text(stdout, s->id.s);
            printf("  ");
            cli_text(stdout, by);
            printf("%s《", *by ? " " : "");
            cli_text(stdout, s->title.s ? s->title.s : "");
            printf("》\n");
            free(by);
        }
    }
    return CKG_OK;
}

int view_themes(const cli *c, const ckg_ontology *o, const query_catalog_result *cat)
{
    cli_style st = cli_style_of(c);
    size_t wid = 2, wzh = 2;
    for (size_t i = 0; i < cat->n_themes; i++) {
        const ckg_theme *t = &o->themes[cat->themes[i].theme];
        wid = widest(wid, t->id.s);
        wzh = widest(wzh, t->zh.s);
    }
    printf("%zu theme%s; name one by its id, zh or en name (--theme %s)\n\n", cat->n_themes,
           cat->n_themes == 1 ? "" : "s",
           cat->n_themes ? o->themes[cat->themes[cat->n_themes - 1].theme].zh.s : "T");
    if (!cat->n_themes)
        return CKG_OK;
    printf("  %s", st.dim);
    cli_cell(stdout, "id", wid, TEXT_ALIGN_LEFT, "", "");
    printf("  ");
    cli_cell(stdout, "zh", wzh, TEXT_ALIGN_LEFT, "", "");
    printf("  concepts  papers  mentions  relations  en%s\n", st.reset);
    for (size_t i = 0; i < cat->n_themes; i++) {
        const query_theme_counts *tc = &cat->themes[i];
        const ckg_theme *t = &o->themes[tc->theme];
        printf("  ");
        cli_cell(stdout, t->id.s, wid, TEXT_ALIGN_LEFT, st.bold, st.reset);
        printf("  ");
        cli_cell(stdout, t->zh.s ? t->zh.s : "", wzh, TEXT_ALIGN_LEFT, "", "");
        printf("  %8zu  %6zu  %8zu  %9zu  ", tc->concepts, tc->papers, tc->mentions,
               tc->relations);
        cli_fit(stdout, t->en.s ? t->en.s : "", TITLE_COLUMNS, "", "");
        printf("\n");
    }
    return CKG_OK;
}
