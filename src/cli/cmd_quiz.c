/* cmd_quiz.c — `ckg quiz`: cloze items on the propositions of a scope, with distractors the
 * ontology proves wrong, as Markdown, Moodle GIFT, Anki CSV or JSON (quiz.h). */
#include "ckg/quiz.h"
#include "ckg/status.h"
#include "teach.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

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

typedef struct doc {
    const quiz *q;
    const char *format;
} doc;

static int write_doc(const void *arg, FILE *f)
{
    const doc *d = arg;
    if (strcmp(d->format, "gift") == 0)
        return quiz_write_gift(d->q, f);
    if (strcmp(d->format, "csv") == 0)
        return quiz_write_csv(d->q, f);
    return quiz_write_md(d->q, f);
}

int cmd_quiz(const cli *c, int argc, char **argv)
{
    static const struct option options[] = {
        {"paper", required_argument, NULL, 'p'},   {"section", required_argument, NULL, 's'},
        {"count", required_argument, NULL, 'n'},   {"seed", required_argument, NULL, 'S'},
        {"blank", required_argument, NULL, 'b'},   {"choices", required_argument, NULL, 'c'},
        {"format", required_argument, NULL, 'f'},  {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0},
    };
    const char *paper = NULL, *section = NULL, *format = "md", *output = NULL;
    unsigned long count = 10, choices = 4;
    quiz_options qo = {.seed = 1, .mode = QUIZ_MIX};
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, "p:s:n:b:f:o:h", options, NULL)) != -1) {
        switch (opt) {
        case 'p': paper = optarg; break;
        case 's': section = optarg; break;
        case 'n':
            if (cli_count_arg(c, "quiz", "--count", optarg, 100000, &count) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'c':
            if (cli_count_arg(c, "quiz", "--choices", optarg, 8, &choices) != EXIT_OK)
                return EXIT_USAGE;
            if (choices < 3)
                return cli_usage_error(c, "quiz", "--choices wants 3 to 8, not %lu", choices);
            break;
        case 'S': {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (errno || end == optarg || *end || optarg[0] == '-' || optarg[0] == '+' ||
                v > (unsigned long long)INT64_MAX)
                return cli_usage_error(c, "quiz", "--seed wants a whole number from 0 to 2^63-1, not '%s'", optarg);
            qo.seed = v;
            break;
        }
        case 'b':
            if (strcmp(optarg, "concept") == 0)
                qo.mode = QUIZ_CONCEPT;
            else if (strcmp(optarg, "phrase") == 0)
                qo.mode = QUIZ_PHRASE;
            else if (strcmp(optarg, "mix") == 0)
                qo.mode = QUIZ_MIX;
            else
                return cli_usage_error(c, "quiz", "--blank is concept, phrase or mix, not '%s'", optarg);
            break;
        case 'f':
            if (strcmp(optarg, "md") && strcmp(optarg, "gift") && strcmp(optarg, "csv") &&
                strcmp(optarg, "json"))
                return cli_usage_error(c, "quiz", "unknown format '%s' (md, gift, csv or json)", optarg);
            format = optarg;
            break;
        case 'o': output = optarg; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind < argc)
        return cli_usage_error(c, "quiz", "unexpected argument '%s'", argv[optind]);
    qo.count = count;
    qo.choices = choices;

    int code, rc;
    diag_list diags;
    diag_list_init(&diags);
    ckg_ontology *o = NULL;
    prop_list *l = NULL;
    quiz *q = NULL;
    prop_scope scope;
    if ((code = cli_load_with(c, NULL, &o, 0, &diags)) != EXIT_OK ||
        (code = teach_scope_arg(c, "quiz", o, paper, section, &scope)) != EXIT_OK ||
        (code = teach_collect(c, "quiz", o, &scope, PROP_ORDER_TEXT, &l)) != EXIT_OK)
        goto out;
    if ((rc = quiz_make(o, l, &qo, &q)) != CKG_OK) {
        fprintf(stderr, "ckg quiz: %s\n", ckg_strerror(rc));
        code = cli_exit_code(rc);
        goto out;
    }
    if (q->n == 0) {
        fprintf(stderr, "ckg quiz: no question can be made: %zu proposition%s in scope, none "
                        "with two wrong choices the ontology rules out\n",
                l->n, l->n == 1 ? "" : "s");
        code = EXIT_INVALID;
        goto out;
    }
    if (q->n < qo.count)
        fprintf(stderr, "ckg quiz: note: %zu question%s of %lu asked: %zu proposition%s in scope, "
                        "one question per pair of concepts, each with at least two wrong "
                        "choices\n",
                q->n, q->n == 1 ? "" : "s", count, l->n, l->n == 1 ? "" : "s");
    if (strcmp(format, "json") == 0) {
        json_t *j = NULL;
        quiz_json(q, &j);
        code = teach_write_json(c, "quiz", output, j);
    } else {
        doc d = {q, format};
        code = teach_write(c, "quiz", output, write_doc, &d);
    }
out:
    quiz_free(q);
    prop_list_free(l);
    ontology_free(o);
    diag_list_free(&diags);
    return code;
}
