/* export_coverage.c — the JSON document and the CSV table of `ckg coverage` (export.h): each
 * paper and each section of its text, with the share of it that evidence quotes span. */
#include "ckg/status.h"
#include "export_internal.h"
#include "util/csv.h"

static double share(size_t part, size_t whole)
{
    return whole ? (double)part / (double)whole : 0.0;
}

static int add_sections(const coverage_paper *p, json_t *sections, json_t *uncovered)
{
    for (size_t k = 0; k < p->n_sections; k++) {
        const coverage_section *s = &p->sections[k];
        json_t *js = json_pack("{s:s, s:s, s:i, s:I, s:b, s:s?, s:I, s:I, s:f, s:I}", "title",
                               s->title, "label", s->label, "level", s->level, "line",
                               (json_int_t)s->line, "body", s->body, "section", s->section_id,
                               "chars", (json_int_t)s->chars, "covered", (json_int_t)s->covered,
                               "share", share(s->covered, s->chars), "quotes",
                               (json_int_t)s->quotes);
        if (!js || json_array_append_new(sections, js))
            return CKG_ENOMEM;
        if (s->body && !s->quotes && json_array_append_new(uncovered, json_string(s->title)))
            return CKG_ENOMEM;
    }
    return CKG_OK;
}

int export_coverage_json(const coverage_report *r, json_t **out)
{
    json_t *papers = json_array(), *root = json_pack("{s:o}", "papers", papers);
    *out = NULL;
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < r->n_papers; i++) {
        const coverage_paper *p = &r->papers[i];
        json_t *sections = json_array(), *uncovered = json_array();
        json_t *jp = json_pack("{s:s, s:s, s:I, s:I, s:f, s:I, s:o, s:o}", "id", p->paper->id.s,
                               "source", p->paper->source.s, "chars", (json_int_t)p->chars,
                               "covered", (json_int_t)p->covered, "share",
                               share(p->covered, p->chars), "quotes", (json_int_t)p->quotes,
                               "sections", sections, "uncovered", uncovered);
        if (!jp || json_array_append_new(papers, jp) ||
            add_sections(p, sections, uncovered) != CKG_OK) {
            json_decref(root);
            return CKG_ENOMEM;
        }
    }
    *out = root;
    return CKG_OK;
}

int export_coverage_csv(const coverage_report *r, FILE *f)
{
    fputs("paper,line,level,label,title,section,body,chars,covered,quotes,share\n", f);
    for (size_t i = 0; i < r->n_papers; i++) {
        const coverage_paper *p = &r->papers[i];
        for (size_t k = 0; k < p->n_sections; k++) {
            const coverage_section *s = &p->sections[k];
            csv_field(f, p->paper->id.s);
            fprintf(f, ",%zu,%d,", s->line, s->level);
            csv_fields(f, 3, s->label, s->title, s->section_id);
            fprintf(f, ",%s,%zu,%zu,%zu,%.4f\n", s->body ? "true" : "false", s->chars, s->covered,
                    s->quotes, share(s->covered, s->chars));
        }
    }
    return CKG_OK;
}
