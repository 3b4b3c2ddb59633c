/* bare_parse.c — the floor for loading: libyaml's event parser over the files ckg reads.
 *
 *   bare_parse ONTOLOGY_DIR
 *
 * Reads themes.yaml, relations.yaml, concepts/<theme>.yaml and papers/<id>.yaml the way ckg does
 * (each file read into memory, then parsed from the buffer) and pulls every event out of
 * libyaml, counting them; nothing is built, checked or kept. Whatever ckg does beyond this
 * (a tree, the model, links, checks, quotes) is what the benchmark ratios measure.
 * Prints the number of files, bytes and events; exits 1 on a YAML error, 3 on I/O. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static size_t n_files, n_bytes, n_events;

static int parse_file(const char *path)
{
    int rc = 3;
    char *buf = NULL;
    FILE *f = fopen(path, "rb");
    yaml_parser_t parser;
    int parser_ready = 0;
    if (!f)
        goto out;
    if (fseek(f, 0, SEEK_END) != 0)
        goto out;
    long size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0)
        goto out;
    if (!(buf = malloc((size_t)size + 1)))
        goto out;
    if (fread(buf, 1, (size_t)size, f) != (size_t)size)
        goto out;
    if (!yaml_parser_initialize(&parser))
        goto out;
    parser_ready = 1;
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, (size_t)size);
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            fprintf(stderr, "bare_parse: %s:%zu: %s\n", path, parser.problem_mark.line + 1,
                    parser.problem ? parser.problem : "error");
            rc = 1;
            goto out;
        }
        int done = ev.type == YAML_STREAM_END_EVENT;
        n_events++;
        yaml_event_delete(&ev);
        if (done)
            break;
    }
    n_files++;
    n_bytes += (size_t)size;
    rc = 0;
out:
    if (parser_ready)
        yaml_parser_delete(&parser);
    if (f)
        fclose(f);
    free(buf);
    if (rc == 3)
        fprintf(stderr, "bare_parse: cannot read %s\n", path);
    return rc;
}

static int yaml_name(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0;
}

static int parse_folder(const char *dir, const char *sub)
{
    char path[4096];
    struct dirent **names;
    if (snprintf(path, sizeof path, "%s/%s", dir, sub) >= (int)sizeof path)
        return 3;
    int n = scandir(path, &names, yaml_name, alphasort);
    if (n < 0) {
        fprintf(stderr, "bare_parse: cannot read the folder %s\n", path);
        return 3;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        char file[8192];
        snprintf(file, sizeof file, "%s/%s", path, names[i]->d_name);
        if (rc == 0)
            rc = parse_file(file);
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    char path[4096];
    if (argc != 2) {
        fputs("usage: bare_parse ONTOLOGY_DIR\n", stderr);
        return 2;
    }
    int rc = 0;
    const char *top[] = {"themes.yaml", "relations.yaml"};
    for (size_t i = 0; i < 2 && rc == 0; i++) {
        snprintf(path, sizeof path, "%s/%s", argv[1], top[i]);
        rc = parse_file(path);
    }
    if (rc == 0)
        rc = parse_folder(argv[1], "concepts");
    if (rc == 0)
        rc = parse_folder(argv[1], "papers");
    if (rc == 0)
        printf("%zu files, %zu bytes, %zu events\n", n_files, n_bytes, n_events);
    return rc;
}
