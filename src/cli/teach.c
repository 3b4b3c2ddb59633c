/* teach.c — scope arguments, quote lines and output files for the teaching-kit commands. */
#include "teach.h"
#include "ckg/status.h"

#include <string.h>

int teach_scope_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *paper,
                    const char *section, prop_scope *out)
{
    *out = PROP_SCOPE_ALL;
    if (section && !paper)
        return cli_usage_error(c, cmd, "--section needs --paper (the paper it belongs to)");
    if (!paper)
        return EXIT_OK;
    if (!section)
        return cli_paper_arg(c, cmd, o, paper, &out->paper);
    /* "paper/section", as the other commands name a section scope */
    char text[512];
    snprintf(text, sizeof text, "%s/%s", paper, section);
    graph_scope gs;
    int code = cli_scope_arg(c, cmd, o, text, &gs);
    if (code != EXIT_OK)
        return code;
    out->paper = strmap_get(&o->paper_by_id, gs.paper);
    out->section = ontology_section_index(&o->papers[out->paper], gs.section);
    return EXIT_OK;
}

int teach_collect(const cli *c, const char *cmd, const ckg_ontology *o, const prop_scope *scope,
                  prop_order order, prop_list **out)
{
    diag_list diags;
    corpus *cp = NULL;
    diag_list_init(&diags);
    if (c->corpus_dir)
        corpus_open(c->corpus_dir, &diags, &cp);
    int rc = prop_collect(o, scope, order, cp, &diags, out);
    if (rc == CKG_OK && (*out)->n_located < (*out)->n_quotes) {
        size_t n = (*out)->n_quotes - (*out)->n_located;
        fprintf(stderr, "%s %s: note: %zu quote%s shown without %s line: ", c->program, cmd, n,
                n == 1 ? "" : "s", n == 1 ? "its" : "their");
        if (!c->corpus_dir)
            fprintf(stderr, "no corpus folder (use --corpus DIR or set CKG_CORPUS)\n");
        else if (!cp)
            fprintf(stderr, "cannot read the corpus folder '%s'\n", c->corpus_dir);
        else {
            cli_fputs_safe(stderr, diags.n ? diags.items[0].message
                                           : "they are not in their source text");
            fputc('\n', stderr);
        }
    }
    if (rc != CKG_OK)
        fprintf(stderr, "%s %s: %s\n", c->program, cmd, ckg_strerror(rc));
    corpus_free(cp);
    diag_list_free(&diags);
    return cli_exit_code(rc);
}

int teach_write(const cli *c, const char *cmd, const char *path,
                int (*write)(const void *arg, FILE *f), const void *arg)
{
    cli_output out;
    int code = cli_output_open(c, cmd, path, &out);
    if (code != EXIT_OK)
        return code;
    int rc = write(arg, out.f);
    code = cli_output_close(c, cmd, &out, rc == CKG_OK);
    if (rc != CKG_OK && code == EXIT_OK) {
        fprintf(stderr, "%s %s: %s\n", c->program, cmd, ckg_strerror(rc));
        code = rc == CKG_EIO ? EXIT_IO : cli_exit_code(rc);
    }
    return code;
}

static int write_json(const void *arg, FILE *f)
{
    if (json_dumpf(arg, f, JSON_INDENT(2)) != 0)
        return CKG_EIO;
    fputc('\n', f);
    return fflush(f) == 0 && !ferror(f) ? CKG_OK : CKG_EIO;
}

int teach_write_json(const cli *c, const char *cmd, const char *path, json_t *json)
{
    if (!json) {
        fprintf(stderr, "%s %s: out of memory\n", c->program, cmd);
        return EXIT_INVALID;
    }
    int code = teach_write(c, cmd, path, write_json, json);
    json_decref(json);
    return code;
}
