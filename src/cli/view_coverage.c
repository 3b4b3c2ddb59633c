/* view_coverage.c — the text of `ckg coverage`: per paper its size, quotes and share
 * covered, then each section of its text with its own figures, flagged when it has no
 * evidence. */
#include "ckg/status.h"
#include "cli.h"

static double share(size_t part, size_t whole)
{
    return whole ? (double)part / (double)whole : 0.0;
}

/* Prints s fitted into cols display columns (CJK counts two), made safe (cli_cell). */
static void cell(const char *s, size_t cols, text_align align)
{
    cli_cell(stdout, s, cols, align, "", "");
}

int view_coverage(const cli *c, const coverage_report *r)
{
    (void)c;
    for (size_t i = 0; i < r->n_papers; i++) {
        const coverage_paper *p = &r->papers[i];
        fputs(i ? "\n" : "", stdout);
        cli_text(stdout, p->paper->id.s);
        fputs(" (", stdout);
        cli_text(stdout, p->paper->source.s);
        printf("): %zu characters, %zu quotes, %.1f%% covered\n", p->chars, p->quotes,
               100.0 * share(p->covered, p->chars));
        printf("  line  ");
        cell("section", 52, TEXT_ALIGN_LEFT);
        printf("  chars quotes covered\n");
        for (size_t k = 0; k < p->n_sections; k++) {
            const coverage_section *s = &p->sections[k];
            char title[512];
            int indent = s->level > 1 ? 2 * (s->level - 1) : 0;
            snprintf(title, sizeof title, "%*s%s%s%s%s%s", indent, "", s->label,
                     s->title, s->section_id ? " [" : "", s->section_id ? s->section_id : "",
                     s->section_id ? "]" : "");
            printf("  %4zu  ", s->line);
            cell(title, 52, TEXT_ALIGN_LEFT);
            if (s->body)
                printf(" %6zu %6zu %6.1f%%%s\n", s->chars, s->quotes,
                       100.0 * share(s->covered, s->chars), s->quotes ? "" : "  <- no evidence");
            else
                printf(" %6zu %6zu       -  (not body text)\n", s->chars, s->quotes);
        }
        if (p->n_uncovered)
            printf("  %zu section%s without evidence\n", p->n_uncovered,
                   p->n_uncovered == 1 ? "" : "s");
        else
            printf("  every section has evidence\n");
    }
    return CKG_OK;
}
