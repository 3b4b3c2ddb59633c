/* main.c — ckg's entry point: global options and the table of commands.
 *
 * Global options (--ontology, --corpus) may stand before or after the command name; they are
 * taken out of argv here, and each command parses the rest from its own table of options
 * (src/cli/cmd_<name>.c, through cli_start in session.c). The table says of each command
 * whether it needs igraph, Graphviz or libxml2 at run time: the query commands need none.
 *
 * Two programs are built from this file. ckg-full carries every command. ckg, the front,
 * is built with CKG_FRONT and carries only the commands that need none of them, so it links
 * none and starts as fast as a process can; for any other command it runs ckg-full with the
 * arguments it was given (exec_full.c), as git runs git-<x>. */
#include "suggest.h"
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CKG_VERSION "0.1.0"

/* Where PREFIX/share/ckg is from the folder this program is installed in (locate.c): a
 * program installed elsewhere than PREFIX/bin is compiled with its own way there
 * (-DCKG_SHARE_FROM_EXE='"../../share/ckg"' from PREFIX/libexec/ckg). */
#ifndef CKG_SHARE_FROM_EXE
#define CKG_SHARE_FROM_EXE "../share/ckg"
#endif

typedef struct command {
    const char *name;
    cli_command_fn run; /* NULL in the front for what ckg-full runs */
    unsigned uses; /* CLI_USES_*: what it needs besides libckg (igraph, Graphviz, libxml2) */
    const char *summary;
} command;

enum { IGRAPH = CLI_USES_IGRAPH, GRAPHVIZ = CLI_USES_GRAPHVIZ, LIBXML2 = CLI_USES_LIBXML2 };

/* Whether this program carries a command that uses these: the front only those that need
 * nothing besides libckg. The choice is made when compiling, so the front never refers to
 * the other commands' code and the linker leaves it (and igraph, Graphviz and libxml2) out. */
#ifdef CKG_FRONT
#define CARRIES(uses) ((uses) == 0)
#else
#define CARRIES(uses) 1
#endif
#define COMMAND(name, run, uses, summary) {name, CARRIES(uses) ? run : NULL, uses, summary}

static const command commands[] = {
    COMMAND("check", cmd_check, 0,
            "validate the ontology and verify every quote against the corpus"),
    COMMAND("coverage", cmd_coverage, 0, "how much of each paper and section is tied to evidence"),
    COMMAND("papers", cmd_papers, 0,
            "the papers: ids, authors, years, sections and what each holds"),
    COMMAND("themes", cmd_themes, 0, "the themes: ids, names and what each holds"),
    COMMAND("neighbors", cmd_neighbors, 0,
            "the concepts related to one, with the papers that say so"),
    COMMAND("show", cmd_show, 0, "everything about one concept"),
    COMMAND("path", cmd_path, 0, "the shortest chain of relations linking two concepts"),
    COMMAND("search", cmd_search, 0, "find concepts and quotes by text"),
    COMMAND("metrics", cmd_metrics, IGRAPH,
            "centralities per concept, communities and graph figures"),
    COMMAND("diff", cmd_diff, IGRAPH,
            "how two papers (or sections) differ: concepts, ranks, themes"),
    COMMAND("compare", cmd_compare, IGRAPH,
            "all papers (or sections) side by side: ranks, overlap, figures"),
    COMMAND("export", cmd_export, IGRAPH | GRAPHVIZ,
            "the graph as JSON, GraphML, GEXF, DOT or CSV for other tools"),
    COMMAND("render", cmd_render, IGRAPH | GRAPHVIZ,
            "SVG concept map: all papers, one paper, two compared, a theme, or around a concept"),
    COMMAND("atlas", cmd_atlas, IGRAPH | GRAPHVIZ,
            "one offline HTML page to explore the maps, concepts and quotes"),
    COMMAND("propositions", cmd_propositions, 0,
            "the relations as propositions with quotes: a handout, CSV or JSON"),
    COMMAND("quiz", cmd_quiz, 0,
            "cloze questions on the propositions: Markdown, Moodle GIFT, Anki CSV, JSON"),
    COMMAND("score", cmd_score, LIBXML2,
            "a student's concept map (CmapTools CXL or CSV) against the papers, with evidence"),
};

static void print_help(FILE *f)
{
    fprintf(f,
            "usage: ckg [--ontology DIR] [--corpus DIR] COMMAND [ARGS]\n"
            "\n"
            "Build and query the concept knowledge graph of the 新质生产力 literature.\n"
            "\n"
            "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(f,
            "\n"
            "global options:\n"
            "  --ontology DIR  the ontology folder (default: $CKG_ONTOLOGY, else ./ontology,\n"
            "                  else the one installed with ckg)\n"
            "  --corpus DIR    the source texts (default: $CKG_CORPUS, else the first of\n"
            "                  ../shared/corpus, ~/.local/share/ckg/corpus and the one\n"
            "                  installed with ckg; see 'man ckg', FILES)\n"
            "  -h, --help      this help; 'ckg COMMAND --help' for a command's own\n"
            "  --version       print the version\n"
            "\n"
            "exit codes: 0 ok, 1 validation or lookup failure, 2 usage error, 3 I/O error\n");
}

/* Takes --ontology/--corpus (as "--opt VALUE" or "--opt=VALUE") out of argv, wherever they
 * stand before a "--". Returns the new argc, or -1 after a usage error. */
static int take_global_options(cli *c, int argc, char **argv)
{
    static const struct {
        const char *name;
        size_t offset;
    } globals[] = {
        {"--ontology", offsetof(cli, ontology_dir)},
        {"--corpus", offsetof(cli, corpus_dir)},
    };
    int out = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < argc)
                argv[out++] = argv[i++];
            break;
        }
        size_t g = 0;
        const char *value = NULL;
        for (; g < sizeof globals / sizeof *globals; g++) {
            size_t len = strlen(globals[g].name);
            if (strncmp(argv[i], globals[g].name, len) != 0)
                continue;
            if (argv[i][len] == '=') {
                value = argv[i] + len + 1;
                break;
            }
            if (argv[i][len] == '\0') {
                if (i + 1 >= argc) {
                    fprintf(stderr, "ckg: option '%s' needs a folder\n", globals[g].name);
                    return -1;
                }
                value = argv[++i];
                break;
            }
        }
        if (!value) {
            argv[out++] = argv[i];
            continue;
        }
        if (!*value) {
            fprintf(stderr, "ckg: option '%s' needs a folder\n", globals[g].name);
            return -1;
        }
        *(const char **)((char *)c + globals[g].offset) = value;
    }
    argv[out] = NULL;
    return out;
}

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    }
    return NULL;
}

/* A name that is no command: one line saying what was meant. Returns EXIT_USAGE. */
static int unknown_command(const cli *c, const char *name)
{
    enum { N = sizeof commands / sizeof *commands };
    const char *names[N + 1], *best;
    if (name[0] == '-') {
        static const char *const globals[] = {"--help", "--version", "--ontology", "--corpus"};
        if (suggest_closest(name, globals, 4, &best, 1))
            return cli_usage_error(c, NULL, "unknown option '%s' (did you mean '%s'?)", name,
                                   best);
        return cli_usage_error(c, NULL, "unknown option '%s' (a command's options go after "
                                        "its name: 'ckg COMMAND --help')", name);
    }
    for (size_t i = 0; i < N; i++)
        names[i] = commands[i].name;
    names[N] = "help";
    if (suggest_closest(name, names, N + 1, &best, 1))
        return cli_usage_error(c, NULL, "unknown command '%s' (did you mean '%s'?)", name, best);
    return cli_usage_error(c, NULL, "unknown command '%s' (see 'ckg --help')", name);
}

/* Runs cmd with its arguments (argv[0] its name), or has ckg-full run it when this program
 * does not carry it, with the arguments as given. */
static int run(const cli *c, const command *cmd, int argc, char **argv, char **given)
{
    if (!cmd->run)
        return cli_exec_full(c, cmd->name, given);
    return cli_finish_output(c, cmd->run(c, argc, argv));
}

/* Everything main does but keeping argv as given. */
static int dispatch(int argc, char **argv, char **given)
{
    static cli c = {.program = "ckg"}; /* static: it holds the places looked in */
    argc = take_global_options(&c, argc, argv);
    if (argc < 0)
        return EXIT_USAGE;
    cli_locate(&c, c.ontology_dir, c.corpus_dir, CKG_SHARE_FROM_EXE);
    const char *no_color = getenv("NO_COLOR");
    c.color = isatty(STDERR_FILENO) && !(no_color && *no_color);
    c.color_out = isatty(STDOUT_FILENO) && !(no_color && *no_color);

    if (argc < 2) {
        print_help(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
        print_help(stdout);
        return cli_finish_output(&c, EXIT_OK);
    }
    if (strcmp(name, "--version") == 0) {
        printf("ckg %s\n", CKG_VERSION);
        return cli_finish_output(&c, EXIT_OK);
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            print_help(stdout);
            return cli_finish_output(&c, EXIT_OK);
        }
        const command *cmd = find_command(argv[2]);
        if (!cmd)
            return unknown_command(&c, argv[2]);
        char *help_argv[] = {argv[2], "--help", NULL};
        return run(&c, cmd, 2, help_argv, given);
    }
    const command *cmd = find_command(name);
    if (!cmd)
        return unknown_command(&c, name);
    return run(&c, cmd, argc - 1, argv + 1, given);
}

int main(int argc, char **argv)
{
    cli_heap_on_huge_pages();
    /* argv as given, for ckg-full: take_global_options rearranges argv */
    char **given = malloc(((size_t)argc + 1) * sizeof *given);
    if (!given) {
        fprintf(stderr, "ckg: out of memory\n");
        return EXIT_INVALID;
    }
    memcpy(given, argv, ((size_t)argc + 1) * sizeof *given);
    int code = dispatch(argc, argv, given);
    free(given);
    return code;
}
