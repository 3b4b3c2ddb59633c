/* bare_yaml_parse.c — the baseline `ckg neighbors` is timed against: libyaml's event parse
 * of the given files and nothing else (each file read whole, parsed, every event deleted).
 *
 *   cc -O2 -o build/bare_yaml_parse tools/bare_yaml_parse.c -lyaml
 *   hyperfine -N "build/bare_yaml_parse FILES" "build/ckg --ontology DIR neighbors C"
 *
 * with FILES every YAML file of the ontology DIR (its top level and its two folders).
 * Exits 1 if a file cannot be read or parsed. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv)
{
    long events = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f || fseek(f, 0, SEEK_END) != 0) {
            fprintf(stderr, "cannot read %s\n", argv[i]);
            return 1;
        }
        long n = ftell(f);
        rewind(f);
        unsigned char *buf = malloc(n > 0 ? (size_t)n : 1);
        if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
            fprintf(stderr, "cannot read %s\n", argv[i]);
            return 1;
        }
        fclose(f);
        yaml_parser_t p;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, buf, (size_t)n);
        for (int done = 0; !done; events++) {
            yaml_event_t ev;
            if (!yaml_parser_parse(&p, &ev)) {
                fprintf(stderr, "%s: %s\n", argv[i], p.problem ? p.problem : "parse error");
                return 1;
            }
            done = ev.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&ev);
        }
        yaml_parser_delete(&p);
        free(buf);
    }
    printf("%ld events\n", events);
    return 0;
}
