/* output.c — what the query commands share to print: styles (color only on a terminal and
 * never with NO_COLOR), text from the input files made safe for a terminal, table cells
 * aligned by display width, places of quotes, JSON documents.
 *
 * Text output shows each control character of the ontology or the corpus as one column (a
 * space for a tab or line break, U+FFFD for the others; text_display_control): one visible
 * form of fixed width, so a hostile name can neither act on the terminal nor break a
 * table's columns, and widths are measured on what is shown. */
#include "ckg/status.h"
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

cli_style cli_style_of(const cli *c)
{
    if (!c->color_out)
        return (cli_style){"", "", "", "", "", "", ""};
    return (cli_style){
        .bold = "\033[1m",
        .dim = "\033[2m",
        .head = "\033[1;33m",
        .arrow = "\033[36m",
        .name = "\033[1m",
        .match = "\033[1;31m",
        .reset = "\033[0m",
    };
}

void cli_text(FILE *f, const char *s)
{
    cli_text_lines(f, s, NULL);
}

void cli_text_lines(FILE *f, const char *s, const char *indent)
{
    unsigned flags = indent ? TEXT_DISPLAY_LINES : 0;
    while (s && *s) {
        size_t n;
        const char *shown = text_display_control(s, flags, &n);
        if (shown) {
            fputs(shown, f);
            if (*shown == '\n')
                fputs(indent, f);
        } else {
            n = 1;
            while (s[n] && !text_control_len(s + n))
                n++;
            fwrite(s, 1, n, f);
        }
        s += n;
    }
}

size_t cli_width(const char *s)
{
    return s ? text_display_width(s) : 0;
}

/* s as cli_text shows it, to be measured and cut; NULL when out of memory. */
static char *shown(const char *s)
{
    char *d = NULL;
    text_display(s ? s : "", 0, &d, NULL);
    return d;
}

void cli_cell(FILE *f, const char *s, size_t cols, text_align align, const char *style,
              const char *reset)
{
    char *d = shown(s), *fit = NULL;
    size_t n;
    fputs(style, f);
    if (d && text_fit(d, strlen(d), cols, align, "…", &fit, &n) == TEXT_OK)
        fputs(fit, f);
    else
        cli_text(f, s); /* out of memory: safe, if not aligned */
    fputs(reset, f);
    free(fit);
    free(d);
}

size_t cli_fit(FILE *f, const char *s, size_t cols, const char *style, const char *reset)
{
    char *d = shown(s), *fit = NULL;
    size_t n, width;
    fputs(style, f);
    if (!d) {
        cli_text(f, s);
        width = cli_width(s);
    } else if (cli_width(d) > cols &&
               text_fit(d, strlen(d), cols, TEXT_ALIGN_LEFT, "…", &fit, &n) == TEXT_OK) {
        while (n && fit[n - 1] == ' ') /* "新一轮科技革命…" may fill 15 of 16 columns */
            fit[--n] = '\0';
        fputs(fit, f);
        width = cli_width(fit);
    } else {
        fputs(d, f);
        width = cli_width(d);
    }
    fputs(reset, f);
    free(fit);
    free(d);
    return width;
}

void cli_concept_names(FILE *f, const cli_style *st, const ckg_concept *k)
{
    fputs(st->bold, f);
    cli_text(f, k->zh.s);
    fprintf(f, "%s  ", st->reset);
    cli_text(f, k->en.s);
}

const char *cli_rank_text(double rank, char *buf, size_t size)
{
    if (isnan(rank))
        snprintf(buf, size, "-");
    else if (rank == floor(rank))
        snprintf(buf, size, "%.0f", rank);
    else
        snprintf(buf, size, "%.1f", rank);
    return buf;
}

const char *cli_quote_place(const char *paper, size_t line, size_t end_line, char *buf,
                            size_t size)
{
    if (line && end_line > line)
        snprintf(buf, size, "%s:%zu-%zu", paper, line, end_line);
    else if (line)
        snprintf(buf, size, "%s:%zu", paper, line);
    else
        snprintf(buf, size, "%s", paper);
    return buf;
}

int cli_print_json(int status, json_t **doc)
{
    int rc = status == CKG_OK ? CKG_ENOMEM : status;
    if (status == CKG_OK && *doc &&
        (json_dumpf(*doc, stdout, JSON_INDENT(2)) == 0 || ferror(stdout))) {
        putchar('\n');
        rc = CKG_OK; /* a failed write is cli_finish_output's to report */
    }
    json_decref(*doc);
    *doc = NULL;
    return rc;
}
