/* cmd_quiz.c — `ckg quiz`: cloze items on the propositions of a scope, with distractors the
 * ontology proves wrong, as Markdown, Moodle GIFT, Anki CSV or JSON (quiz.h). */
#include "ckg/quiz.h"
#include "ckg/status.h"
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

static void usage(FILE *f)
{
    fprintf(f,
            "usage: ckg quiz [--paper P [--section S]] [--count N] [--seed S]\n"
            "                [--blank concept|phrase|mix] [--choices N]\n"
            "                [--format md|gift|csv|json] [-o FILE]\n"
            "\n"
            "Multiple-choice cloze questions made from the propositions of the scope: a\n"
            "concept or the linking phrase is blanked, and every wrong choice makes a\n"
            "proposition the ontology does not state (no relation of any kind, in any paper,\n"
            "either way, between the wrong concept and the one shown; no kind of the same\n"
            "family as one stated). The answer key cites the quotes. No two questions are on\n"
            "the same pair of concepts. The same seed gives the same quiz.\n"
            "\n"
            "  1. 数据要素支撑____。   A. 全要素生产率  B. 人才  C. 资本  D. 新质生产力 ...\n"
            "\n"
            "options:\n"
            "  -p, --paper P      questions on paper P (by id; default: every paper)\n"
            "  -s, --section S    on one declared section of P\n"
            "  -n, --count N      how many questions (default 10)\n"
            "      --seed S       seed of the draw, 0 to 2^63-1 (default 1)\n"
            "  -b, --blank B      concept, phrase or mix (default) of the two\n"
            "      --choices N    choices per question, the answer included (default 4, 3-8)\n"
            "  -f, --format F     md (default: questions, then the answer key), gift (Moodle),\n"
            "                     csv (Anki's importer) or json\n"
            "  -o, --output FILE  write FILE (whole or not at all) instead of stdout\n"
            "  -h, --help         this help\n"
            "\n"
            "examples:\n"
            "  ckg quiz --paper peng2024 --count 20 --format gift -o peng2024.gift\n"
            "  ckg quiz --blank phrase --seed 7 --format csv -o cards.csv\n");
}

typedef struct options {
    graph_scope scope;
    unsigned long count, choices;
    uint64_t seed;
    int blank, format;
    const char *output;
} options;

static const cli_choice blanks[] = {
    {"concept", QUIZ_CONCEPT}, {"phrase", QUIZ_PHRASE}, {"mix", QUIZ_MIX}, {NULL, 0}};
static const cli_choice formats[] = {
    {"md", QUIZ_MD}, {"gift", QUIZ_GIFT}, {"csv", QUIZ_CSV}, {"json", QUIZ_JSON}, {NULL, 0}};

/* --seed: a whole number from 0 to 2^63-1 (JSON writes it as an integer). */
static int parse_seed(const cli *c, const char *cmd, const char *value, void *dest)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(value, &end, 10);
    if (errno || end == value || *end || value[0] == '-' || value[0] == '+' ||
        v > (unsigned long long)INT64_MAX)
        return cli_usage_error(c, cmd, "--seed wants a whole number from 0 to 2^63-1, not '%s'",
                               value);
    *(uint64_t *)dest = v;
    return EXIT_OK;
}

/* --choices: 3 to 8 (the answer and at least two wrong choices). */
static int parse_choices(const cli *c, const char *cmd, const char *value, void *dest)
{
    int code = cli_count_arg(c, cmd, "--choices", value, 8, dest);
    if (code == EXIT_OK && *(unsigned long *)dest < 3)
        return cli_usage_error(c, cmd, "--choices wants 3 to 8, not %s", value);
    return code;
}

static const cli_option option_table[] = {
    {CLI_OPTION("paper", 'p', CLI_STRING, options, scope.paper)},
    {CLI_OPTION("section", 's', CLI_STRING, options, scope.section)},
    {CLI_OPTION("count", 'n', CLI_COUNT, options, count), .max = 100000},
    {CLI_OPTION("seed", 0, CLI_CUSTOM, options, seed), .parse = parse_seed},
    {CLI_OPTION("blank", 'b', CLI_CHOICE, options, blank), .choices = blanks,
     .invalid = "--blank is %s, not '%s'"},
    {CLI_OPTION("choices", 0, CLI_CUSTOM, options, choices), .parse = parse_choices},
    {CLI_OPTION("format", 'f', CLI_CHOICE, options, format), .choices = formats,
     .what = "format"},
    {CLI_OPTION("output", 'o', CLI_STRING, options, output)},
    {0},
};

static const cli_spec spec = {
    .name = "quiz", .usage = usage, .options = option_table, .max_args = 0,
};

typedef struct document {
    const quiz *q;
    quiz_format format;
} document;

static int write_doc(const void *arg, FILE *f)
{
    const document *d = arg;
    return quiz_write(d->q, d->format, f);
}

/* Says why the quiz has fewer questions than asked; returns the exit code. */
static int shortfall(const cli *c, const quiz *q, const prop_list *l, const options *opt)
{
    if (!q->n) {
        fprintf(stderr, "%s %s: no question can be made: %zu proposition%s in scope, none with "
                        "two wrong choices the ontology rules out\n",
                c->program, spec.name, l->n, l->n == 1 ? "" : "s");
        return EXIT_INVALID;
    }
    if (q->n < opt->count)
        fprintf(stderr, "%s %s: note: %zu question%s of %lu asked: %zu proposition%s in scope, "
                        "one question per pair of concepts, each with at least two wrong "
                        "choices\n",
                c->program, spec.name, q->n, q->n == 1 ? "" : "s", opt->count, l->n,
                l->n == 1 ? "" : "s");
    return EXIT_OK;
}

int cmd_quiz(const cli *c, int argc, char **argv)
{
    options opt = {.count = 10, .choices = 4, .seed = 1, .blank = QUIZ_MIX, .format = QUIZ_MD};
    cli_session s;
    int code = cli_start(&s, c, &spec, argc, argv, &opt), rc;
    if (code != CLI_CONTINUE)
        return code;
    prop_list *l = NULL;
    quiz *q = NULL;
    prop_scope scope;
    quiz_options qo = {opt.count, opt.seed, (quiz_mode)opt.blank, opt.choices};
    if ((code = cli_load_ontology(&s, NULL, 0)) != EXIT_OK ||
        (code = cli_scope_indexes(c, spec.name, s.o, &opt.scope, &scope.paper,
                                  &scope.section)) != EXIT_OK)
        goto out;
    if ((rc = prop_collect(s.o, &scope, PROP_ORDER_TEXT, &s.lines, &l)) != CKG_OK ||
        (rc = quiz_make(s.o, l, &qo, &q)) != CKG_OK) {
        code = cli_fail(&s, rc);
        goto out;
    }
    if ((code = shortfall(c, q, l, &opt)) == EXIT_OK)
        code = cli_write_output(&s, opt.output, write_doc, &(document){q, (quiz_format)opt.format});
out:
    quiz_free(q);
    prop_list_free(l);
    return cli_end(&s, code);
}
