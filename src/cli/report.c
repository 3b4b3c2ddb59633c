/* report.c — diagnostics printed the way compilers print them.
 *
 *   ontology/papers/hong2024.yaml:41:7: error: unknown concept 'digtal-economy' (...)
 *      41 |   - concept: digtal-economy
 *         |              ^
 *
 * The source line is read back from the file when printed (filebuf_read: a regular file
 * only; files are cached while one list is printed); the caret is placed by display width, so it sits under the right character
 * after CJK text. Color only when the CLI decided stderr is a terminal without NO_COLOR.
 *
 * Messages and excerpts carry text from the input files, which may hold control
 * characters (a YAML "\e" escape, a lone CR): printed raw they would move the cursor or
 * restyle the terminal, so they are shown as visible escapes (cli_fputs_safe), and in an
 * excerpt as a space, one column each, so the caret stays in place. Which characters those
 * are is text_control_len's to say, for stdout's text output (cli_text) too. */
#include "ckg/text.h"
#include "cli.h"
#include "util/filebuf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The largest file read back for an excerpt: what the loader reads at most. */
enum { MAX_SOURCE_BYTES = 512 * 1024 * 1024 };

typedef struct source_cache {
    const char *file;
    filebuf text; /* empty when the file could not be read again */
} source_cache;

static void load_source(source_cache *sc, const char *file)
{
    int err;
    if (sc->file && strcmp(sc->file, file) == 0)
        return;
    filebuf_free(&sc->text);
    sc->file = file;
    filebuf_read(file, MAX_SOURCE_BYTES, 0, &sc->text, &err); /* no excerpt when it fails */
}

void cli_fputs_safe(FILE *f, const char *s)
{
    while (*s) {
        size_t k = text_control_len(s);
        uint32_t cp = 0;
        if (k == 0) {
            k = 1;
            while (s[k] && !text_control_len(s + k))
                k++;
            fwrite(s, 1, k, f);
        } else if (k == 1) {
            fprintf(f, "\\x%02x", (unsigned char)*s);
        } else {
            text_utf8_decode(s, k, &cp);
            fprintf(f, "\\u%04x", (unsigned)cp);
        }
        s += k;
    }
}

/* The text of 1-based line in the cached file, without its newline; NULL when absent. */
static const char *source_line(const source_cache *sc, uint32_t line, size_t *len)
{
    if (!sc->text.data || line == 0)
        return NULL;
    const char *p = sc->text.data, *end = sc->text.data + sc->text.len;
    for (uint32_t l = 1; l < line; l++) {
        p = memchr(p, '\n', (size_t)(end - p));
        if (!p)
            return NULL;
        p++;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((nl ? nl : end) - p);
    if (*len && p[*len - 1] == '\r')
        (*len)--;
    return p;
}

static void print_excerpt(const source_cache *sc, const diag *d, const char *caret_color,
                          const char *reset)
{
    size_t len;
    const char *line = source_line(sc, d->line, &len);
    if (!line || len > 400)
        return;
    char *copy = strndup(line, len);
    if (!copy)
        return;
    /* Tabs would make the caret column lie and other controls would act on the terminal:
     * each becomes one space (one character, so columns keep their meaning). */
    size_t kept = 0;
    for (size_t r = 0; copy[r];) {
        size_t k = text_control_len(copy + r);
        if (k) {
            copy[kept++] = ' ';
            r += k;
        } else {
            copy[kept++] = copy[r++];
        }
    }
    copy[kept] = '\0';
    fprintf(stderr, "%5u | %s\n", (unsigned)d->line, copy);
    if (!d->col) {
        free(copy);
        return;
    }
    fprintf(stderr, "      | ");
    size_t col = 0, cp = 1;
    for (const char *p = copy; *p && cp < d->col; cp++) {
        size_t w = 0;
        p = text_next_char_width(p, &w);
        col += w;
    }
    fprintf(stderr, "%*s%s^%s\n", (int)col, "", caret_color, reset);
    free(copy);
}

void cli_print_diags(const cli *c, diag_list *diags)
{
    const char *bold = c->color ? "\033[1m" : "", *reset = c->color ? "\033[0m" : "";
    const char *red = c->color ? "\033[1;31m" : "", *magenta = c->color ? "\033[1;35m" : "";
    const char *cyan = c->color ? "\033[1;36m" : "", *green = c->color ? "\033[1;32m" : "";
    source_cache sc = {0};

    diag_list_sort(diags);
    for (size_t i = 0; i < diags->n; i++) {
        const diag *d = &diags->items[i];
        const char *sev_color = d->severity == DIAG_ERROR     ? red
                                : d->severity == DIAG_WARNING ? magenta
                                                              : cyan;
        fputs(bold, stderr);
        cli_fputs_safe(stderr, d->file ? d->file : c->program);
        if (d->file && d->line)
            fprintf(stderr, ":%u", (unsigned)d->line);
        if (d->file && d->line && d->col) /* 0: the place is known to the line only */
            fprintf(stderr, ":%u", (unsigned)d->col);
        fprintf(stderr, ":%s %s%s:%s ", reset, sev_color, diag_severity_name(d->severity), reset);
        cli_fputs_safe(stderr, d->message);
        fputc('\n', stderr);
        if (d->file && d->line) {
            load_source(&sc, d->file);
            print_excerpt(&sc, d, green, reset);
        }
    }
    if (diags->out_of_memory)
        fprintf(stderr, "%s: some diagnostics were lost for lack of memory\n", c->program);
    filebuf_free(&sc.text);
}

int cli_usage_error(const cli *c, const char *command, const char *fmt, ...)
{
    va_list ap;
    if (command)
        fprintf(stderr, "%s %s: ", c->program, command);
    else
        fprintf(stderr, "%s: ", c->program);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_USAGE;
}
