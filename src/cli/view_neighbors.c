/* view_neighbors.c — the text of `ckg neighbors`: the concept, how many neighbors it has in
 * how many papers, and the links grouped by depth, direction and kind (links.c). */
#include "ckg/status.h"
#include "cli.h"

int view_neighbors(const cli *c, const ckg_ontology *o, const query_neighbors *nb,
                   int filtered, int evidence, query_lines *lines)
{
    cli_style st = cli_style_of(c);
    const ckg_concept *k = &o->concepts[nb->concept];
    cli_concept_names(stdout, &st, k);
    printf("  %s(", st.dim);
    cli_text(stdout, k->id.s);
    printf(", ");
    cli_text(stdout, k->theme.s);
    printf(")%s\n", st.reset);
    if (!nb->n_links) {
        printf("no related concepts%s\n", filtered ? " with these filters" : "");
        return CKG_OK;
    }
    printf("%s%zu related concept%s, %zu relation%s, in %zu paper%s", st.dim, nb->n_concepts,
           nb->n_concepts == 1 ? "" : "s", nb->n_links, nb->n_links == 1 ? "" : "s",
           nb->n_papers, nb->n_papers == 1 ? "" : "s");
    if (nb->depth > 1)
        printf(", up to %u steps away", (unsigned)nb->depth);
    printf("%s\n\n", st.reset);
    cli_print_links(stdout, c, o, nb->links, nb->n_links, 1, evidence, lines, "");
    return CKG_OK;
}
