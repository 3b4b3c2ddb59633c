/* main.c — ckg's entry point: global options and the table of commands.
 *
 * Global options (--ontology, --corpus) may stand before or after the command name; they are
 * taken out of argv here, and each command parses the rest from its own table of options
 * (src/cli/cmd_<name>.c, through cli_start in session.c). The table says of each command
 * whether it needs igraph or Graphviz at run time: the query commands need neither. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CKG_VERSION "0.1.0"

typedef struct command {
    const char *name;
    cli_command_fn run;
    unsigned uses; /* CLI_USES_IGRAPH, CLI_USES_GRAPHVIZ: what it needs besides libckg */
    const char *summary;
} command;

enum { IGRAPH = CLI_USES_IGRAPH, GRAPHVIZ = CLI_USES_GRAPHVIZ };

static const command commands[] = {
    {"check", cmd_check, 0, "validate the ontology and verify every quote against the corpus"},
    {"coverage", cmd_coverage, 0, "how much of each paper and section is tied to evidence"},
    {"neighbors", cmd_neighbors, 0, "the concepts related to one, with the papers that say so"},
    {"show", cmd_show, 0, "everything about one concept"},
    {"path", cmd_path, 0, "the shortest chain of relations linking two concepts"},
    {"search", cmd_search, 0, "find concepts and quotes by text"},
    {"metrics", cmd_metrics, IGRAPH, "centralities per concept, communities and graph figures"},
    {"diff", cmd_diff, IGRAPH, "how two papers (or sections) differ: concepts, ranks, themes"},
    {"compare", cmd_compare, IGRAPH,
     "all papers (or sections) side by side: ranks, overlap, figures"},
    {"export", cmd_export, IGRAPH, "the graph as JSON, GraphML, DOT or CSV for other tools"},
    {"render", cmd_render, IGRAPH | GRAPHVIZ,
     "SVG concept map: all papers, one paper, two compared, a theme, or around a concept"},
    {"atlas", cmd_atlas, IGRAPH | GRAPHVIZ,
     "one offline HTML page to explore the maps, concepts and quotes"},
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
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f,
            "\n"
            "global options:\n"
            "  --ontology DIR  the ontology folder (default: ./ontology)\n"
            "  --corpus DIR    the source texts (default: $CKG_CORPUS, else ../shared/corpus)\n"
            "  -h, --help      this help; 'ckg COMMAND --help' for a command's own\n"
            "  --version       print the version\n"
            "\n"
            "exit codes: 0 ok, 1 validation or lookup failure, 2 usage error, 3 I/O error\n");
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
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

int main(int argc, char **argv)
{
    cli c = {.program = "ckg", .ontology_dir = "ontology"};
    argc = take_global_options(&c, argc, argv);
    if (argc < 0)
        return EXIT_USAGE;
    if (!c.corpus_dir) {
        const char *env = getenv("CKG_CORPUS");
        if (env && *env)
            c.corpus_dir = env;
        else if (is_dir("../shared/corpus"))
            c.corpus_dir = "../shared/corpus";
    }
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
            return cli_usage_error(&c, NULL, "unknown command '%s' (see 'ckg --help')", argv[2]);
        char *help_argv[] = {argv[2], "--help", NULL};
        return cli_finish_output(&c, cmd->run(&c, 2, help_argv));
    }
    const command *cmd = find_command(name);
    if (!cmd)
        return cli_usage_error(&c, NULL, "unknown command '%s' (see 'ckg --help')", name);
    return cli_finish_output(&c, cmd->run(&c, argc - 1, argv + 1));
}
