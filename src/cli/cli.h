/* cli.h — what the command-line front end shares: global options, the start-up every command
 * goes through (options from a table, argument count, loading, exit codes), lookups of
 * names with helpful failures, and the pieces of the text views. The CLI parses, calls the
 * library and prints; it computes nothing itself: the JSON documents and CSV tables are the
 * library's (export.h), the text views are view_<command>.c. */
#ifndef CKG_CLI_H
#define CKG_CLI_H

#include "ckg/corpus.h"
#include "ckg/coverage.h"
#include "ckg/diag.h"
#include "ckg/diff.h"
#include "ckg/metrics.h"
#include "ckg/names.h"
#include "ckg/ontology.h"
#include "ckg/query.h"
#include "ckg/score.h"
#include "ckg/text.h"

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

/* Exit codes of the README. */
enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

/* A place where the ontology or the corpus was looked for (locate.c), and what was there. */
enum { CLI_PLACES_MAX = 8, CLI_PLACE_PATH = 4096 };
typedef struct cli_place {
    const char *label;          /* "--ontology", "$CKG_CORPUS", "installed with ckg", ... */
    const char *state;          /* "given", "not set", "found", "no such folder", ... */
    char path[CLI_PLACE_PATH];  /* empty for an option or variable not given */
} cli_place;
typedef struct cli_places {
    cli_place at[CLI_PLACES_MAX];
    size_t n;
} cli_places;

typedef struct cli {
    const char *program;      /* "ckg" */
    const char *ontology_dir; /* as cli_locate found it, or NULL: found nowhere */
    const char *corpus_dir;   /* as cli_locate found it, or NULL: found nowhere */
    int ontology_named;       /* ontology_dir came from --ontology or $CKG_ONTOLOGY */
    cli_places ontology_places, corpus_places; /* where each was looked for, in order */
    int color;                /* stderr is a terminal and NO_COLOR is unset */
    int color_out;            /* stdout is a terminal and NO_COLOR is unset */
} cli;

typedef int (*cli_command_fn)(const cli *c, int argc, char **argv);

/* What a command needs at run time besides libckg's own code (the table in main.c says it
 * of each command): the query commands need none of these, and the front (ckg) carries only
 * those; ckg-full runs the others (main.c, exec_full.c). libxml2 counts: Debian's links ICU,
 * whose relocations cost as much of a start as igraph's. */
enum { CLI_USES_IGRAPH = 1, CLI_USES_GRAPHVIZ = 2, CLI_USES_LIBXML2 = 4 };

/* ---------------------------------------------------------------- start-up (session.c)
 *
 * A command describes its options in a table (cli_option) and itself in a cli_spec;
 * cli_start parses argv with getopt_long from the table, answers --help, checks each value
 * as its type says and counts the positional arguments. Everything a convention needs to
 * know about an option is in its table entry, so conventions (messages, suggestions for a
 * mistyped option, case-blind choices, number checks) live in session.c alone. */

typedef struct cli_choice {
    const char *name; /* as the user writes it */
    int value;        /* what it stands for */
} cli_choice;

typedef enum cli_option_type {
    CLI_FLAG,   /* no value; the int at offset gets .value */
    CLI_STRING, /* const char *: the value as given */
    CLI_CHOICE, /* int: the .value of the choice named; choices end with {NULL} */
    CLI_COUNT,  /* unsigned long: a whole number from 1 to .max (0: CLI_COUNT_MAX) */
    CLI_LIST,   /* cli_list: every value of an option given again and again */
    CLI_CUSTOM, /* .parse checks the value and stores it */
} cli_option_type;

enum { CLI_LIST_MAX = 64 };

/* The largest count an option takes unless its entry says otherwise: more than any list
 * ckg prints, small enough to read back in a message. */
#define CLI_COUNT_MAX 1000000ul

typedef struct cli_list {
    const char *items[CLI_LIST_MAX];
    size_t n;
} cli_list;

typedef struct cli_option {
    const char *name;       /* long name, without "--" */
    int letter;             /* short name (-d), or 0 */
    cli_option_type type;
    size_t offset;          /* of the value in the command's options struct */
    int value;              /* CLI_FLAG: what it sets */
    const cli_choice *choices; /* CLI_CHOICE */
    const char *what;       /* CLI_CHOICE: the noun of "unknown format 'x' (text or json)" */
    const char *invalid;    /* CLI_CHOICE: a message of its own instead, printf-style with the
                             * list of choices and the value ("--direction is %s, not '%s'") */
    unsigned long max;      /* CLI_COUNT */
    /* CLI_CUSTOM: returns EXIT_OK after storing the value at dest, or an exit code after
     * saying what is wrong. */
    int (*parse)(const cli *c, const char *command, const char *value, void *dest);
} cli_option;

/* The start of a table entry: {CLI_OPTION("depth", 'd', CLI_COUNT, options, depth),
 * .max = 100} for the field depth of the command's struct options. */
#define CLI_OPTION(long_name, short_letter, option_type, opts_type, field)                 \
    .name = (long_name), .letter = (short_letter), .type = (option_type),                  \
    .offset = offsetof(opts_type, field)

/* The usual --format choices, in the order the messages list them. */
enum { CLI_TEXT, CLI_JSON, CLI_CSV };
extern const cli_choice cli_text_json[];          /* text, json */
extern const cli_choice cli_text_csv_json[];      /* text, csv, json */
extern const cli_choice cli_relation_keys[];      /* --by of diff and compare: family, kind,
                                                    * pair (diff_key) */

typedef struct cli_spec {
    const char *name;          /* "neighbors" */
    void (*usage)(FILE *f);    /* the --help text */
    const cli_option *options; /* ends with {0}; --help (-h) is added to every command */
    int min_args, max_args;    /* positional arguments; max_args < 0: no limit */
    const char *missing;       /* the usage error when fewer than min_args */
    const char *too_many;      /* printf-style with the first argument too many; NULL:
                                * "unexpected argument '%s'" */
} cli_spec;

/* A command from start to end. */
typedef struct cli_session {
    const cli *c;
    const cli_spec *spec;
    char **args;       /* the positional arguments, after the options */
    int n_args;
    diag_list diags;   /* the library's diagnostics of this run */
    ckg_ontology *o;   /* once cli_load_ontology succeeded */
    query_lines lines; /* quote lines from the corpus, for the commands that show quotes */
} cli_session;

enum { CLI_CONTINUE = -1 };

/* Parses argv (argv[0] is the command's name) into opts as spec's table says. Returns
 * CLI_CONTINUE when the command should go on (then it ends with cli_end), or the exit code
 * to return at once: EXIT_OK after --help, EXIT_USAGE after saying what is wrong. */
int cli_start(cli_session *s, const cli *c, const cli_spec *spec, int argc, char **argv,
              void *opts);

/* Loads the ontology into s->o with opt (NULL: everything), printing its diagnostics when
 * the load fails or, unless allow_errors, when it has errors. Returns EXIT_OK or the exit
 * code to leave with. */
int cli_load_ontology(cli_session *s, const ontology_load_options *opt, int allow_errors);

/* A library call failed with status: prints the diagnostics, and the status itself when it
 * is out of memory or no diagnostic says why ("ckg diff: out of memory"). Returns the exit
 * code. */
int cli_fail(cli_session *s, int status);

/* Says once why quotes were shown without their lines, frees what the session holds and
 * returns code. */
int cli_end(cli_session *s, int code);

/* Writes a library document to path (-o FILE; NULL or "-": stdout), whole or not at all
 * (cli_output_open): write(arg, f) returns a library status, and a failure other than the
 * stream's own is reported as cli_fail reports it. Returns the exit code. */
int cli_write_output(cli_session *s, const char *path, int (*write)(const void *arg, FILE *f),
                     const void *arg);
/* For the commands (render, atlas) whose `--diff A B` takes B as their one positional
 * argument, so that it reads as written whatever getopt does with the order of arguments;
 * a is --diff's value (NULL without it). Before loading, cli_diff_args checks the positional
 * arguments: B with --diff, none without. After, cli_diff_scopes looks A and B up as scopes
 * (cli_scope_arg) into out[0] and out[1], and does nothing without --diff. Each returns
 * EXIT_OK or the exit code to leave with, after saying what is wrong. */
int cli_diff_args(const cli_session *s, const char *a);
int cli_diff_scopes(const cli_session *s, const char *a, graph_scope out[2]);

/* ---------------------------------------------------------------- exits (common.c) */

/* The exit code for a library status. */
int cli_exit_code(int status);

/* Prints "ckg COMMAND: <what the status means>" and returns its exit code. */
int cli_status_error(const cli *c, const char *command, int status);

/* Prints "ckg COMMAND: message" to stderr and returns EXIT_USAGE (report.c). */
int cli_usage_error(const cli *c, const char *command, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The folder of ckg's caches (of parsed ontologies, ontology_load_cached; of quote lines,
 * query_lines_cache_in), into buf: none (NULL) with CKG_CACHE=0; else $XDG_CACHE_HOME/ckg,
 * else $HOME/.cache/ckg (a relative XDG_CACHE_HOME is ignored, as the XDG base directories
 * say); none without either (common.c). */
const char *cli_cache_dir(char *buf, size_t size);

/* Loads the ontology; prints its diagnostics. Returns EXIT_OK with *out set, or the exit
 * code to leave with (errors in the ontology are EXIT_INVALID unless allow_errors). */
int cli_load_with(const cli *c, const ontology_load_options *opt, ckg_ontology **out,
                  int allow_errors, diag_list *diags);

/* Flushes stdout at the end of a command: when the results could not be written (a full
 * disk, a closed pipe, /dev/full), says so and returns EXIT_IO instead of code, so a
 * script never takes a truncated result for a complete one. main calls it after every
 * command; commands leave stdout's errors to it. */
int cli_finish_output(const cli *c, int code);

/* ---------------------------------------------------------------- ckg-full (exec_full.c) */

/* Replaces the front (ckg) with ckg-full for a command the front does not carry, given argv
 * as ckg was (argv[0] is overwritten): $CKG_EXEC_PATH/ckg-full, else ckg-full beside the
 * running ckg, else ../libexec/ckg/ckg-full from there. Returns only when none could be run,
 * after saying why: EXIT_IO. */
int cli_exec_full(const cli *c, const char *command, char **argv);
/* ---------------------------------------------------------------- memory (heap.c) */

/* Puts the heap's next 2 MB on a transparent huge page, first thing in main: fresh 4 KB pages
 * cost a query most of its time. Only a hint; does nothing where it cannot be had. */
void cli_heap_on_huge_pages(void);

/* ---------------------------------------------------------------- places (locate.c) */

/* Sets c->ontology_dir and c->corpus_dir from the options given (NULL: not given), the
 * environment and the known places, in the order of the README's "Where ckg finds its
 * data", and records every place looked at. share_from_exe is where the installed data
 * (PREFIX/share/ckg) is from the folder of the running program: "../share/ckg" from bin/. */
void cli_locate(cli *c, const char *ontology_option, const char *corpus_option,
                const char *share_from_exe);

/* Prints "  looked in, in order:" and one numbered line per place with what was there. */
void cli_print_places(FILE *f, const cli_places *p);

/* The place whose path dir is (the pointer, as cli_locate set it), or NULL. */
const cli_place *cli_place_of(const cli_places *p, const char *dir);

/* "no corpus folder: <advice>", the places looked in, and EXIT_USAGE. */
int cli_no_corpus(const cli *c, const char *command, const char *advice);

/* ---------------------------------------------------------------- diagnostics (report.c) */

/* Prints diagnostics compiler-style: place, severity, message, the source line, a caret. */
void cli_print_diags(const cli *c, diag_list *diags);

/* Writes s with the control characters a terminal would act on (text_control_len: C0, DEL,
 * C1, U+2028, U+2029) shown as \xNN or \uNNNN: for text from the input files in
 * diagnostics on stderr. Text output on stdout uses cli_text instead. */
void cli_fputs_safe(FILE *f, const char *s);

/* ---------------------------------------------------------------- arguments (lookup.c)
 * Each prints its own lookup failure to stderr ("unknown paper 'x' (did you mean 'y'?)")
 * and returns EXIT_OK with the index set, or the exit code to leave with. */

/* A concept by id, zh, en or alt (names_resolve_once): ambiguous names list their
 * candidates, unknown ones get suggestions; both exit 1. */
int cli_concept_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *name,
                    int32_t *out);
/* A paper by id or the start of its id (names_paper); unknown or ambiguous names list the
 * papers. */
int cli_paper_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *id,
                  int32_t *out);
/* A paper or one of its sections as a scope: "peng2024" or "forum2024/yi-tong" (the form
 * metrics JSON uses for a section scope), each by id or the start of it. out points into the
 * ontology. */
int cli_scope_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *text,
                  graph_scope *out);
/* The scope of --paper and --section as the user wrote them, replaced by the ids they name
 * (pointing into the ontology), checked as cli_scope_indexes checks them. */
int cli_scope_options(const cli *c, const char *cmd, const ckg_ontology *o, graph_scope *scope);
/* --paper P and --section S (a declared section of P) given as two options, as indexes:
 * *paper -1 for every paper, *section -1 for the whole paper; --section without --paper is
 * a usage error, an unknown paper or section as cli_scope_arg says. */
int cli_scope_indexes(const cli *c, const char *cmd, const ckg_ontology *o,
                      const graph_scope *scope, int32_t *paper, int32_t *section);
/* A measure by name (degree, in_degree or in-degree, ...), with a suggestion when unknown
 * (a usage error, exit 2). rankable refuses the community labels. */
int cli_measure_arg(const cli *c, const char *cmd, const char *name, int rankable,
                    metrics_measure *out);
/* cli_measure_arg for a CLI_CUSTOM option: a rankable measure into the metrics_measure at
 * dest. */
int cli_parse_rankable_measure(const cli *c, const char *cmd, const char *value, void *dest);
/* A relation kind by id or by its zh/en phrase. */
int cli_kind_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *name,
                 int32_t *out);
/* Every --kind value (each a comma-separated list of kinds as cli_kind_arg takes them)
 * appended to kinds[*n], at most max in all. */
int cli_kinds_arg(const cli *c, const char *cmd, const ckg_ontology *o, const cli_list *values,
                  int32_t *kinds, size_t max, size_t *n);
/* A theme by id, zh or en (names_theme); an unknown one lists the themes. */
int cli_theme_arg(const cli *c, const char *cmd, const ckg_ontology *o, const char *name,
                  int32_t *out);
/* A positive count such as --depth: a whole number from 1 to max (0: CLI_COUNT_MAX); a
 * usage error says which of the three it is not (session.c). */
int cli_count_arg(const cli *c, const char *cmd, const char *option, const char *value,
                  unsigned long max, unsigned long *out);

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
/* "数据要素  data as a factor of production": a concept's names, the Chinese in bold. */
void cli_concept_names(FILE *f, const cli_style *st, const ckg_concept *k);
/* A rank as text: "3" when whole, "2.5" for the average rank of a tie, "-" for NaN. */
const char *cli_rank_text(double rank, char *buf, size_t size);
/* Where a quote stands, as text: "peng2024:41", "peng2024:41-42", or "peng2024" without a
 * line. */
const char *cli_quote_place(const char *paper, size_t line, size_t end_line, char *buf,
                            size_t size);
/* When status (of the call that built *doc) is CKG_OK, prints the document to stdout
 * (indented, a newline after it). Releases *doc either way. Returns status when it is not
 * CKG_OK; else CKG_OK, also when stdout failed (cli_finish_output reports that), or
 * CKG_ENOMEM. Written  return cli_print_json(export_x_json(..., &doc), &doc);  */
int cli_print_json(int status, json_t **doc);

/* ---------------------------------------------------------------- links (links.c) */

/* Prints links as an aligned listing, each line starting with indent: grouped under
 * headings by depth (when there are several), direction and kind when headings is set; with
 * evidence, each quote under its link with paper:line. */
void cli_print_links(FILE *f, const cli *c, const ckg_ontology *o, const query_link *links,
                     size_t n, int headings, int evidence, query_lines *lines,
                     const char *indent);

/* ---------------------------------------------------------------- output files (outfile.c) */

/* A command's output: stdout, or a file that is written whole or not at all.
 *
 * Data (a map, an export) meant for a file is not poured onto a terminal by accident: when
 * no -o was given and stdout is a terminal, the output is held in memory and written only
 * when it is text of at most CLI_TERMINAL_MAX_LINES lines and CLI_TERMINAL_MAX_BYTES bytes;
 * otherwise cli_output_close says how to get it (-o FILE, or -o - to write it anyway) and
 * returns EXIT_USAGE. A pipe or a file on stdout is written as it comes. */
enum { CLI_TERMINAL_MAX_LINES = 500, CLI_TERMINAL_MAX_BYTES = 64 * 1024 };

typedef struct cli_output {
    FILE *f;          /* where to write */
    const char *path; /* the target file as given, NULL for stdout */
    char *target;     /* the file renamed over (path, or the file its link names); NULL
                       * when written as it is (stdout, a device, a FIFO) */
    char *tmp;        /* the temporary file beside target */
    char *held;       /* stdout is a terminal: what was written, in memory */
    size_t held_len;
    /* Set by the caller after opening when the data is binary, to its format's name
     * ("PNG"): binary data never goes to a terminal without -o -. */
    const char *binary;
} cli_output;

/* Output formats chosen by the file name: a file name ending (".graphml", compared without
 * case) and the format it stands for; a table ends with {NULL}. */
typedef struct cli_extension {
    const char *ending;
    int value;
} cli_extension;

/* The value of a CLI_CHOICE option left as it was: the option was not given. */
enum { CLI_UNSET = -1 };

/* The format of a command's output: --format when it was given (*format is not
 * CLI_UNSET), else the one the ending of path names, else dflt (stdout, "-", a device or a
 * FIFO). A usage error when --format and the name disagree ("-o all.graphml --format json"),
 * or when a file's name ends in no known ending and --format is not given; choices name the
 * formats in the messages. Returns EXIT_OK with *format set, or EXIT_USAGE (outfile.c). */
int cli_output_format(const cli *c, const char *command, const cli_choice *choices,
                      const cli_extension *endings, const char *path, int dflt, int *format);

/* Opens path for writing (NULL or "-": stdout; NULL on a terminal: held, see above); a file
 * goes to a temporary sibling first (of the file a symbolic link names); a device or a
 * FIFO is written as it is. Returns EXIT_OK, or the exit code after printing why. */
int cli_output_open(const cli *c, const char *command, const char *path, cli_output *out);

/* Finishes the output: when ok and everything was written, the temporary file replaces the
 * target (or what was held goes to the terminal); otherwise it is removed. Returns EXIT_OK,
 * EXIT_USAGE (held output too long or binary for a terminal) or EXIT_IO (after printing
 * why). */
int cli_output_close(const cli *c, const char *command, cli_output *out, int ok);

/* ---------------------------------------------------------------- text views (view_*.c)
 * Each prints one command's text output to stdout; CKG_OK or CKG_ENOMEM. */

int view_neighbors(const cli *c, const ckg_ontology *o, const query_neighbors *nb,
                   int filtered, int evidence, query_lines *lines);
int view_show(const cli *c, const ckg_ontology *o, const query_concept_info *info,
              const query_scoped_ranks *ranks, size_t n_ranks,
              const query_neighbors *relations, query_lines *lines);
/* f: the filter the paths were found with (direction, avoided concepts); k: how many
 * shortest paths were asked for (0: the shortest ones). */
int view_path(const cli *c, const ckg_ontology *o, const query_paths *ps,
              const query_filter *f, size_t k, int evidence, query_lines *lines);
int view_search(const cli *c, const ckg_ontology *o, const char *text,
                const query_search_result *r, size_t limit, query_lines *lines);
/* The table of rows[0..n_rows) (metrics_select), sorted by the measure named sort, each
 * with its rank ranks[v] (metrics_rank_measure's; ties share the average). */
int view_metrics(const cli *c, const metrics_result *m, const size_t *rows, size_t n_rows,
                 const double *ranks, const char *sort);
/* top: concepts and relations per list. */
int view_diff(const cli *c, const diff_result *d, size_t top);
/* labels: each side's column label; rows: concepts of the rank matrix; what: "papers",
 * "sections" or "scopes". */
int view_compare(const cli *c, const diff_table *t, const char *const *labels, size_t rows,
                 const char *what);
int view_coverage(const cli *c, const coverage_report *r);
/* view_catalog.c: the papers, the themes, with query_catalog's counts. */
int view_papers(const cli *c, const ckg_ontology *o, const query_catalog_result *cat);
int view_themes(const cli *c, const ckg_ontology *o, const query_catalog_result *cat);
/* key: how many of the key propositions missed to list. */
int view_score(const cli *c, const ckg_ontology *o, const score_result *r, size_t key);

/* ---------------------------------------------------------------- the commands */

int cmd_atlas(const cli *c, int argc, char **argv);
int cmd_check(const cli *c, int argc, char **argv);
int cmd_compare(const cli *c, int argc, char **argv);
int cmd_coverage(const cli *c, int argc, char **argv);
int cmd_diff(const cli *c, int argc, char **argv);
int cmd_export(const cli *c, int argc, char **argv);
int cmd_metrics(const cli *c, int argc, char **argv);
int cmd_neighbors(const cli *c, int argc, char **argv);
int cmd_papers(const cli *c, int argc, char **argv);
int cmd_path(const cli *c, int argc, char **argv);
int cmd_propositions(const cli *c, int argc, char **argv);
int cmd_quiz(const cli *c, int argc, char **argv);
int cmd_render(const cli *c, int argc, char **argv);
int cmd_score(const cli *c, int argc, char **argv);
int cmd_search(const cli *c, int argc, char **argv);
int cmd_show(const cli *c, int argc, char **argv);
int cmd_themes(const cli *c, int argc, char **argv);

#endif
