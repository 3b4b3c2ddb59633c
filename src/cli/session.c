/* session.c — the start and the end every command shares: its options parsed from its
 * table (cli_option), --help, the count of its positional arguments (and the `--diff A B`
 * of render and atlas), loading the ontology, the exit code of a failure, the note on
 * quotes shown without lines.
 *
 * getopt_long's tables are made from the command's table: a long option for every entry in
 * table order, then "help"; a short one for every entry with a letter. getopt_long says
 * nothing itself (opterr = 0): every mistake is explained here in one line, with the option
 * meant when one is close (an unknown option, an abbreviation that fits several, a missing
 * or unwanted value), never with the whole help. Every value is checked here as its type
 * says: choices ignore ASCII case, counts are whole numbers from 1 to their maximum. The
 * lines of quotes are looked up through the cache in ckg's cache folder (none with
 * CKG_CACHE=0). */
#include "ckg/status.h"
#include "suggest.h"
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_OPTIONS = 32, FIRST_LONG_ONLY = 256 };

const cli_choice cli_text_json[] = {{"text", CLI_TEXT}, {"json", CLI_JSON}, {NULL, 0}};
const cli_choice cli_text_csv_json[] = {
    {"text", CLI_TEXT}, {"csv", CLI_CSV}, {"json", CLI_JSON}, {NULL, 0}};
const cli_choice cli_relation_keys[] = {
    {"family", DIFF_BY_FAMILY}, {"kind", DIFF_BY_KIND}, {"pair", DIFF_BY_PAIR}, {NULL, 0}};

/* "a, b or c" of the choices' names into buf. */
static const char *choice_list(const cli_choice *choices, char *buf, size_t size)
{
    size_t used = 0, n = 0;
    while (choices[n].name)
        n++;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < size; i++) {
        int w = snprintf(buf + used, size - used, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ",
                         choices[i].name);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return buf;
}

static int store_choice(const cli *c, const char *cmd, const cli_option *o, const char *value,
                        int *dest)
{
    char list[512];
    for (const cli_choice *ch = o->choices; ch->name; ch++) {
        if (strcasecmp(value, ch->name) == 0) {
            *dest = ch->value;
            return EXIT_OK;
        }
    }
    choice_list(o->choices, list, sizeof list);
    if (o->invalid)
        return cli_usage_error(c, cmd, o->invalid, list, value);
    return cli_usage_error(c, cmd, "unknown %s '%s' (%s)", o->what, value, list);
}

/* Checks value as o's type says and stores it at dest. */
static int store(const cli *c, const char *cmd, const cli_option *o, const char *value,
                 void *dest)
{
    char option[64];
    switch (o->type) {
    case CLI_FLAG: *(int *)dest = o->value; return EXIT_OK;
    case CLI_STRING: *(const char **)dest = value; return EXIT_OK;
    case CLI_CHOICE: return store_choice(c, cmd, o, value, dest);
    case CLI_COUNT:
        snprintf(option, sizeof option, "--%s", o->name);
        return cli_count_arg(c, cmd, option, value, o->max, dest);
    case CLI_LIST: {
        cli_list *l = dest;
        if (l->n == CLI_LIST_MAX)
            return cli_usage_error(c, cmd, "too many --%s options", o->name);
        l->items[l->n++] = value;
        return EXIT_OK;
    }
    case CLI_CUSTOM: return o->parse(c, cmd, value, dest);
    }
    return EXIT_USAGE;
}

/* The entry getopt_long answered with opt (a letter, or FIRST_LONG_ONLY + its index). */
static const cli_option *option_of(const cli_option *options, int opt)
{
    for (int i = 0; options[i].name; i++) {
        if (options[i].letter ? options[i].letter == opt : FIRST_LONG_ONLY + i == opt)
            return &options[i];
    }
    return NULL;
}

/* Fills getopt_long's tables from the command's. The short options start with ':' so that a
 * missing value is told apart from an unknown option. */
static void getopt_tables(const cli_option *options, struct option *longs, char *shorts)
{
    size_t n = 0, k = 0;
    shorts[k++] = ':';
    for (; options[n].name && n < MAX_OPTIONS; n++) {
        const cli_option *o = &options[n];
        int has_arg = o->type == CLI_FLAG ? no_argument : required_argument;
        longs[n] = (struct option){o->name, has_arg, NULL,
                                   o->letter ? o->letter : FIRST_LONG_ONLY + (int)n};
        if (o->letter) {
            shorts[k++] = (char)o->letter;
            if (has_arg == required_argument)
                shorts[k++] = ':';
        }
    }
    longs[n++] = (struct option){"help", no_argument, NULL, 'h'};
    longs[n] = (struct option){NULL, 0, NULL, 0};
    shorts[k++] = 'h';
    shorts[k] = '\0';
}

/* "--depth" or "-d" for an entry, into buf. */
static const char *option_name(const cli_option *o, char *buf, size_t size)
{
    if (o)
        snprintf(buf, size, "--%s", o->name);
    else
        snprintf(buf, size, "--help");
    return buf;
}

/* The long name written in arg ("--depht=3" -> "depht"), into buf. */
static const char *long_name_in(const char *arg, char *buf, size_t size)
{
    while (*arg == '-')
        arg++;
    size_t len = strcspn(arg, "=");
    snprintf(buf, size, "%.*s", (int)(len < size ? len : size - 1), arg);
    return buf;
}

/* getopt_long refused argv[optind - 1] (or the short option optopt): says why in one line,
 * with the option meant when one is close. Returns EXIT_USAGE. */
static int option_mistake(const cli *c, const cli_spec *spec, int opt, int argc, char **argv)
{
    const cli_option *options = spec->options;
    const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
    char name[128], shown[160];
    if (opt == ':') { /* a value is missing: optopt is the entry's letter or long index */
        const cli_option *o = optopt == 'h' ? NULL : option_of(options, optopt);
        return cli_usage_error(c, spec->name, "%s needs a value (see 'ckg %s --help')",
                               option_name(o, shown, sizeof shown), spec->name);
    }
    if (strncmp(arg, "--", 2) != 0 || (optopt && !strchr(arg, '='))) {
        /* a short option that does not exist */
        return cli_usage_error(c, spec->name, "unknown option '-%c' (see 'ckg %s --help')",
                               optopt > ' ' && optopt < 127 ? optopt : '?', spec->name);
    }
    long_name_in(arg, name, sizeof name);
    if (optopt) /* a known option given a value it does not take */
        return cli_usage_error(c, spec->name, "--%s takes no value, not '%s'", name,
                               strchr(arg, '=') + 1);
    /* an abbreviation of several options, or no option at all */
    const char *names[MAX_OPTIONS + 3], *matches[MAX_OPTIONS + 1];
    size_t n = 0, n_matches = 0, len = strlen(name);
    for (; options[n].name && n < MAX_OPTIONS; n++)
        names[n] = options[n].name;
    names[n++] = "help";
    for (size_t i = 0; i < n; i++) {
        if (len && strncmp(names[i], name, len) == 0)
            matches[n_matches++] = names[i];
    }
    if (n_matches > 1) {
        char list[512];
        size_t used = 0;
        for (size_t i = 0; i < n_matches && used < sizeof list; i++) {
            int w = snprintf(list + used, sizeof list - used, "%s--%s",
                             i == 0 ? "" : i + 1 == n_matches ? " or " : ", ", matches[i]);
            used += w > 0 ? (size_t)w : 0;
        }
        return cli_usage_error(c, spec->name, "'--%s' could be %s", name, list);
    }
    /* the global options, misspelt, end up here too */
    names[n++] = "ontology";
    names[n++] = "corpus";
    const char *best;
    if (suggest_closest(name, names, n, &best, 1))
        return cli_usage_error(c, spec->name, "unknown option '--%s' (did you mean '--%s'?)",
                               name, best);
    return cli_usage_error(c, spec->name, "unknown option '--%s' (see 'ckg %s --help')", name,
                           spec->name);
}

int cli_start(cli_session *s, const cli *c, const cli_spec *spec, int argc, char **argv,
              void *opts)
{
    struct option longs[MAX_OPTIONS + 2];
    char shorts[2 * MAX_OPTIONS + 3], cache[4096];
    int opt, code;
    memset(s, 0, sizeof *s);
    getopt_tables(spec->options, longs, shorts);
    optind = 0;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        if (opt == 'h') {
            spec->usage(stdout);
            return EXIT_OK;
        }
        const cli_option *o = opt == '?' || opt == ':' ? NULL : option_of(spec->options, opt);
        if (!o)
            return option_mistake(c, spec, opt, argc, argv);
        if ((code = store(c, spec->name, o, optarg, (char *)opts + o->offset)) != EXIT_OK)
            return code;
    }
    int n = argc - optind;
    if (n < spec->min_args)
        return cli_usage_error(c, spec->name, "%s", spec->missing);
    if (spec->max_args >= 0 && n > spec->max_args)
        return cli_usage_error(c, spec->name,
                               spec->too_many ? spec->too_many : "unexpected argument '%s'",
                               argv[optind + spec->max_args]);
    s->c = c;
    s->spec = spec;
    s->args = argv + optind;
    s->n_args = n;
    diag_list_init(&s->diags);
    query_lines_init(&s->lines, NULL, c->corpus_dir);
    query_lines_cache_in(&s->lines, cli_cache_dir(cache, sizeof cache));
    return CLI_CONTINUE;
}

int cli_count_arg(const cli *c, const char *cmd, const char *option, const char *value,
                  unsigned long max, unsigned long *out)
{
    size_t digits = strspn(value, "0123456789");
    if (!max)
        max = CLI_COUNT_MAX;
    if (!*value || value[digits] != '\0') {
        /* "-3" and "+0" are numbers, but not counts; anything else is not a number */
        const char *rest = value + (*value == '-' || *value == '+');
        if ((*value == '-' || *value == '+') && *rest && rest[strspn(rest, "0123456789")] == '\0')
            return cli_usage_error(c, cmd, "%s wants a whole number from 1 to %lu, not '%s'",
                                   option, max, value);
        return cli_usage_error(c, cmd, "%s wants a whole number, not '%s'", option, value);
    }
    errno = 0;
    unsigned long v = strtoul(value, NULL, 10);
    if (v == 0)
        return cli_usage_error(c, cmd, "%s wants a whole number from 1 to %lu, not '%s'",
                               option, max, value);
    if (errno == ERANGE || v > max)
        return cli_usage_error(c, cmd, "%s can be at most %lu, not '%s'", option, max, value);
    *out = v;
    return EXIT_OK;
}

int cli_load_ontology(cli_session *s, const ontology_load_options *opt, int allow_errors)
{
    int code = cli_load_with(s->c, opt, &s->o, allow_errors, &s->diags);
    s->lines.o = s->o;
    return code;
}

int cli_fail(cli_session *s, int status)
{
    int explained = s->diags.n_errors > 0; /* an error diagnostic says why */
    cli_print_diags(s->c, &s->diags);
    if (status == CKG_ENOMEM || !explained)
        return cli_status_error(s->c, s->spec->name, status);
    return cli_exit_code(status);
}

int cli_diff_args(const cli_session *s, const char *a)
{
    const char *name = s->spec->name;
    int b = a && s->n_args > 0;
    if (s->n_args > b)
        return cli_usage_error(s->c, name, "unexpected argument '%s'", s->args[b]);
    if (a && !b)
        return cli_usage_error(s->c, name, "--diff needs two papers or sections: --diff A B");
    return EXIT_OK;
}

int cli_diff_scopes(const cli_session *s, const char *a, graph_scope out[2])
{
    int code = EXIT_OK;
    if (a && (code = cli_scope_arg(s->c, s->spec->name, s->o, a, &out[0])) == EXIT_OK)
        code = cli_scope_arg(s->c, s->spec->name, s->o, s->args[0], &out[1]);
    return code;
}

/* Why quotes were shown without a line, once. */
static void lines_note(const cli_session *s)
{
    const query_lines *l = &s->lines;
    const cli *c = s->c;
    if (!l->unlocated)
        return;
    fprintf(stderr, "%s %s: note: %zu quote%s shown without %s line: ", c->program,
            s->spec->name, l->unlocated, l->unlocated == 1 ? "" : "s",
            l->unlocated == 1 ? "its" : "their");
    if (!c->corpus_dir)
        fprintf(stderr, "no corpus folder (use --corpus DIR or set CKG_CORPUS; 'ckg check' "
                        "says where it looked)\n");
    else if (!l->cp)
        fprintf(stderr, "cannot read the corpus folder '%s'\n", c->corpus_dir);
    else {
        cli_fputs_safe(stderr, l->diags.n ? l->diags.items[0].message
                                          : "their source text is not available");
        fputc('\n', stderr);
    }
}

int cli_write_output(cli_session *s, const char *path, int (*write)(const void *arg, FILE *f),
                     const void *arg)
{
    cli_output out;
    int code = cli_output_open(s->c, s->spec->name, path, &out);
    if (code != EXIT_OK)
        return code;
    int rc = write(arg, out.f);
    code = cli_output_close(s->c, s->spec->name, &out, rc == CKG_OK);
    if (code == EXIT_OK && rc != CKG_OK)
        code = cli_fail(s, rc);
    return code;
}

int cli_end(cli_session *s, int code)
{
    lines_note(s);
    query_lines_free(&s->lines);
    ontology_free(s->o);
    diag_list_free(&s->diags);
    memset(s, 0, sizeof *s);
    return code;
}
