/* cli.h — what the command-line front end shares: global options, loading with diagnostics,
 * exit codes. The CLI parses, calls the library and prints; it computes nothing itself. */
#ifndef CKG_CLI_H
#define CKG_CLI_H

#include "ckg/corpus.h"
#include "ckg/diag.h"
#include "ckg/metrics.h"
#include "ckg/names.h"
#include "ckg/ontology.h"
#include "ckg/query.h"
#include "ckg/text.h"

#include <jansson.h>
#include <stdio.h>

/* Exit codes of DESIGN.md. */
enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

typedef struct cli {
    const char *program;      /* "ckg" */
    const char *ontology_dir; /* --ontology, default "ontology" */
    const char *corpus_dir;   /* --corpus, $CKG_CORPUS, ../shared/corpus, or NULL */
    int color;                /* stderr is a terminal and NO_COLOR is unset */
    int color_out;            /* stdout is a terminal and NO_COLOR is unset */
} cli;

typedef int (*cli_command_fn)(const cli *c, int argc, char **argv);

/* Prints diagnostics compiler-style: place, severity, message, the source line, a caret. */
void cli_print_diags(const cli *c, diag_list *diags);

/* Loads the ontology; prints its diagnostics. Returns EXIT_OK with *out set, or the exit
 * code to leave with (errors in the ontology are EXIT_INVALID unless allow_errors). */
int cli_load(const cli *c, ckg_ontology **out, int allow_errors, diag_list *diags);
/* The same with load options (what may be left out). */
int cli_load_with(const cli *c, const ontology_load_options *opt, ckg_ontology **out,
                  int allow_errors, diag_list *diags);

/* The exit code for a library status. */
int cli_exit_code(int status);

/* Flushes stdout at the end of a command: when the results could not be written (a full
 * disk, a closed pipe, /dev/full), says so and returns EXIT_IO instead of code, so a
 * script never takes a truncated result for a complete one. */
int cli_finish_output(const cli *c, int code);

/* Writes s with the control characters a terminal would act on (text_control_len: C0, DEL,
 * C1, U+2028, U+2029) shown as \xNN or \uNNNN: for text from the input files in
 * diagnostics on stderr. Text output on stdout uses cli_text instead. */
void cli_fputs_safe(FILE *f, const char *s);

/* Prints "ckg COMMAND: message" to stderr and returns EXIT_USAGE. */
int cli_usage_error(const cli *c, const char *command, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---------------------------------------------------------------- arguments (lookup.c)
 * Each prints its own lookup failure to stderr ("unknown paper 'x' (did you mean 'y'?)")
 * and returns EXIT_OK with the index set, or the exit code to leave with. */

/* A concept by id, zh, en or alt (names_resolve_once): ambiguous names list their
 * candidates, unknown ones get suggestions; both exit 1. */
int cli_concept_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *name,
                    int32_t *out);
/* A paper by id. */
int cli_paper_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *id,
                  int32_t *out);
/* A paper or one of its sections as a scope: "peng2024" or "forum2024/yi-tong" (the form
 * metrics JSON uses for a section scope). out points into the ontology. */
int cli_scope_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *text,
                  graph_scope *out);
/* A measure by name (degree, in_degree or in-degree, ...), with a suggestion when unknown
 * (a usage error, exit 2). rankable refuses the community labels. */
int cli_measure_arg(const cli *c, const char *cmd, const char *name, int rankable,
                    metrics_measure *out);
/* A relation kind by id or by its zh/en phrase. */
int cli_kind_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *name,
                 int32_t *out);
/* Every --kind value (each a comma-separated list of kinds as cli_kind_arg takes them)
 * appended to kinds[*n], at most max in all. */
int cli_kinds_arg(const cli *c, const char *cmd, const ckg_ontology *o,
                  const char *const *values, size_t n_values, int32_t *kinds, size_t max,
                  size_t *n);
/* A theme by id, zh or en. */
int cli_theme_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *name,
                  int32_t *out);
/* --format: text, json, or csv where allow_csv. Returns 0 on a bad value (after printing). */
int cli_format_arg(const cli *c, const char *cmd, const char *value, int allow_csv,
                   const char **out);
/* A positive count such as --depth. */
int cli_count_arg(const cli *c, const char *cmd, const char *option, const char *value,
                  unsigned long max, unsigned long *out);

/* ---------------------------------------------------------------- quote lines (lookup.c)
 * Finds the line of a quote in its paper's source text, opening the corpus on first use.
 * Without a corpus (or with a source that cannot be read) quotes simply have no line, and
 * cli_lines_done says so once on stderr. */
typedef struct cli_lines {
    const cli *c;
    const char *cmd;
    const ckg_ontology *o;
    corpus *cp;
    int opened;       /* corpus_open was tried */
    diag_list diags;
    size_t unlocated; /* quotes shown without a line because the text was not available */
} cli_lines;

void cli_lines_init(cli_lines *l, const cli *c, const char *cmd, const ckg_ontology *o);
/* Sets *line and *end_line, or 0 when the line is not known. */
void cli_lines_get(cli_lines *l, int32_t paper, const ckg_evidence *ev, size_t *line,
                   size_t *end_line);
void cli_lines_done(cli_lines *l);

/* ---------------------------------------------------------------- output (output.c) */

/* Escape sequences for stdout, all "" unless c->color_out. */
typedef struct cli_style {
    const char *bold, *dim, *head, *arrow, *name, *match, *reset;
} cli_style;

cli_style cli_style_of(const cli *c);

/* Every string from the ontology or the corpus in text output goes through cli_text,
 * cli_text_lines, cli_cell or cli_fit: its control characters are shown as
 * text_display_control says, one column each (a space for a tab or line break, U+FFFD for
 * the others), so none reaches the terminal and tables stay aligned. The CLI's own styles
 * are written around them, never filtered. JSON (escaped by jansson), CSV and the files of
 * export and render are data and written as they are. */
void cli_text(FILE *f, const char *s);
/* The same for a field whose line breaks are kept (a definition): each \n goes on to a new
 * line that starts with indent. NULL writes nothing. */
void cli_text_lines(FILE *f, const char *s, const char *indent);

/* Display width of a NUL-terminated string as cli_text shows it (CJK = 2 columns). */
size_t cli_width(const char *s);
/* Writes s fitted into exactly cols columns (padded, or cut with "…"), wrapped in style. */
void cli_cell(FILE *f, const char *s, size_t cols, text_align align, const char *style,
              const char *reset);
/* Writes s cut to at most cols columns (with "…"), unpadded, for the last cell of a line;
 * returns the columns written. */
size_t cli_fit(FILE *f, const char *s, size_t cols, const char *style, const char *reset);
/* A rank as text: "3" when whole, "2.5" for the average rank of a tie, "-" for NaN. */
const char *cli_rank_text(double rank, char *buf, size_t size);
/* Writes s as one CSV field (quoted, quotes doubled). */
void cli_csv_field(FILE *f, const char *s);
/* {"id","zh","en","theme"} of a concept; NULL when out of memory. */
json_t *cli_json_concept(const ckg_ontology *o, int32_t concept);
/* ["id", ...] of papers by index. */
json_t *cli_json_papers(const ckg_ontology *o, const int32_t *papers, size_t n);
/* Dumps root to stdout (indented, newline) and releases it; CKG_OK or CKG_ENOMEM. */
int cli_json_print(json_t *root);

/* ---------------------------------------------------------------- links (links.c) */

/* Prints links as an aligned listing, each line starting with indent: grouped under
 * headings by depth (when there are several), direction and kind when headings is set; with
 * evidence, each quote under its link with paper:line. */
void cli_print_links(FILE *f, const cli *c, const ckg_ontology *o, const query_link *links,
                     size_t n, int headings, int evidence, cli_lines *lines,
                     const char *indent);
/* A link as the JSON of a neighbor (DESIGN.md): id, zh, en, theme, kind, direction, depth,
 * papers; plus phrase, via and, with evidence, the quotes. NULL when out of memory. */
json_t *cli_json_link(const ckg_ontology *o, const query_link *l, int evidence,
                      cli_lines *lines);
json_t *cli_json_evidence(const ckg_ontology *o, const query_link *l, cli_lines *lines);
void cli_csv_links_header(FILE *f, int evidence);
void cli_csv_link(FILE *f, const ckg_ontology *o, const query_link *l, int evidence,
                  cli_lines *lines);

/* ---------------------------------------------------------------- output files (outfile.c) */

/* A command's output: stdout, or a file that is written whole or not at all. */
typedef struct cli_output {
    FILE *f;          /* where to write */
    const char *path; /* the target file, NULL for stdout */
    char *tmp;        /* the temporary file beside it */
} cli_output;

/* Opens path for writing (NULL or "-": stdout); a file goes to a temporary sibling first.
 * Returns EXIT_OK, or the exit code after printing why. */
int cli_output_open(const cli *c, const char *command, const char *path, cli_output *out);

/* Finishes the output: when ok and everything was written, the temporary file replaces the
 * target; otherwise it is removed. Returns EXIT_OK or EXIT_IO (after printing why). */
int cli_output_close(const cli *c, const char *command, cli_output *out, int ok);

int cmd_atlas(const cli *c, int argc, char **argv);
int cmd_check(const cli *c, int argc, char **argv);
int cmd_compare(const cli *c, int argc, char **argv);
int cmd_coverage(const cli *c, int argc, char **argv);
int cmd_diff(const cli *c, int argc, char **argv);
int cmd_export(const cli *c, int argc, char **argv);
int cmd_metrics(const cli *c, int argc, char **argv);
int cmd_neighbors(const cli *c, int argc, char **argv);
int cmd_path(const cli *c, int argc, char **argv);
int cmd_render(const cli *c, int argc, char **argv);
int cmd_search(const cli *c, int argc, char **argv);
int cmd_show(const cli *c, int argc, char **argv);

#endif
