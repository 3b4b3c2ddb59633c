/* atlas_scopes.c — the maps the atlas offers, in the order its scope menu lists them: all
 * papers, each paper (ontology order), each section of each paper that declares sections,
 * then the diff of two scopes when asked for. A scope's value is what the page's menu and
 * its address (#p=...) use: "all", the paper id, "paper/section" (the form metrics JSON
 * uses), "diff:A:B" with A and B in either of those forms. */
#include "atlas_internal.h"

#include "ckg/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *scope_name(const graph_scope *s)
{
    size_t n = strlen(s->paper) + (s->section ? strlen(s->section) + 1 : 0) + 1;
    char *v = malloc(n);
    if (v)
        snprintf(v, n, "%s%s%s", s->paper, s->section ? "/" : "", s->section ? s->section : "");
    return v;
}

/* A diff scope must name a paper (and a section of it) the ontology has. */
static int check_scope(const ckg_ontology *o, const graph_scope *s, diag_list *diags)
{
    const ckg_paper *p = s->paper ? ontology_paper(o, s->paper) : NULL;
    if (!p) {
        diag_add(diags, DIAG_ERROR, NULL, "unknown paper '%s'", s->paper ? s->paper : "");
        return CKG_ENOTFOUND;
    }
    if (s->section && ontology_section_index(p, s->section) < 0) {
        diag_add(diags, DIAG_ERROR, NULL, "paper '%s' has no section '%s'", s->paper,
                 s->section);
        return CKG_ENOTFOUND;
    }
    return CKG_OK;
}

static int same_scope(const graph_scope *a, const graph_scope *b)
{
    return strcmp(a->paper, b->paper) == 0 &&
           (a->section ? b->section && strcmp(a->section, b->section) == 0 : !b->section);
}

int atlas_scopes_list(const ckg_ontology *o, const atlas_options *opt, diag_list *diags,
                      atlas_scope **out, size_t *n)
{
    int diff = opt->diff[0].paper != NULL;
    size_t cap = 1 + o->n_papers + (size_t)diff;
    for (size_t p = 0; p < o->n_papers; p++)
        cap += o->papers[p].n_sections;
    atlas_scope *s = calloc(cap, sizeof *s);
    size_t k = 0;
    int rc = CKG_ENOMEM;
    *out = NULL;
    *n = 0;
    if (!s)
        return CKG_ENOMEM;
    if (diff) {
        if (!opt->diff[1].paper) {
            rc = CKG_EUSAGE;
            goto out;
        }
        if ((rc = check_scope(o, &opt->diff[0], diags)) != CKG_OK ||
            (rc = check_scope(o, &opt->diff[1], diags)) != CKG_OK)
            goto out;
        if (same_scope(&opt->diff[0], &opt->diff[1])) {
            diag_add(diags, DIAG_ERROR, NULL, "a diff needs two different scopes");
            rc = CKG_EUSAGE;
            goto out;
        }
        rc = CKG_ENOMEM;
    }

    s[k] = (atlas_scope){.kind = ATLAS_SCOPE_ALL, .paper = -1, .section = -1};
    if (!(s[k++].value = strdup("all")))
        goto out;
    for (size_t p = 0; p < o->n_papers; p++) {
        s[k] = (atlas_scope){.kind = ATLAS_SCOPE_PAPER, .paper = (int32_t)p, .section = -1};
        s[k].scope.paper = o->papers[p].id.s;
        s[k].value = scope_name(&s[k].scope);
        if (!s[k++].value)
            goto out;
    }
    for (size_t p = 0; p < o->n_papers; p++) {
        for (size_t i = 0; i < o->papers[p].n_sections; i++) {
            s[k] = (atlas_scope){.kind = ATLAS_SCOPE_SECTION, .paper = (int32_t)p,
                                 .section = (int32_t)i};
            s[k].scope.paper = o->papers[p].id.s;
            s[k].scope.section = o->papers[p].sections[i].id.s;
            s[k].value = scope_name(&s[k].scope);
            if (!s[k++].value)
                goto out;
        }
    }
    if (diff) {
        char *a = scope_name(&opt->diff[0]), *b = scope_name(&opt->diff[1]);
        size_t len = (a ? strlen(a) : 0) + (b ? strlen(b) : 0) + 7;
        char *v = a && b ? malloc(len) : NULL;
        if (v)
            snprintf(v, len, "diff:%s:%s", a, b);
        free(a);
        free(b);
        s[k] = (atlas_scope){.kind = ATLAS_SCOPE_DIFF, .paper = -1, .section = -1,
                             .diff = {opt->diff[0], opt->diff[1]}, .value = v};
        if (!s[k++].value)
            goto out;
    }
    *out = s;
    *n = k;
    s = NULL;
    rc = CKG_OK;
out:
    atlas_scopes_free(s, k);
    return rc;
}

void atlas_scopes_free(atlas_scope *s, size_t n)
{
    for (size_t i = 0; s && i < n; i++)
        free(s[i].value);
    free(s);
}
