/* view_diff_relations.c — the last part of `ckg diff`'s text: the relations one scope states
 * and the other does not, under the key of the diff (family, kind or pair; diff.h), a's on
 * the left. Each is "from —family:kinds→ to": the family name as relations.yaml spells it,
 * then the zh phrases of the kinds the scope states under that key ("drives:催生/推动"); by
 * pair, the family only when all its kinds share one. A trailing " *" marks an end the other
 * scope lacks, " ≠" a pair the other scope links under another key (a family the two differ
 * on). Names from the YAML go through cli_fit / cli_text, which show control characters
 * visibly. */
#include "view_diff.h"

#include <stdint.h>
#include <stdio.h>

static void pad(size_t n)
{
    while (n--)
        putchar(' ');
}

/* "family:kind/kind" of relation r as side s states it (the zh phrases of its kinds). */
static void relation_label(const diff_result *d, const diff_side *s, const diff_relation *r,
                           char *buf, size_t size)
{
    int64_t e = s == &d->a ? r->ea : r->eb;
    const graph_edge *x = &s->g->edges[e];
    const char *family = ontology_family_name(diff_relation_family(d, r));
    int n = snprintf(buf, size, "%s%s", family ? family : "", family ? ":" : "");
    size_t used = n > 0 ? (size_t)n : 0, k = 0;
    for (size_t i = 0; i < x->n_kinds && used + 1 < size; i++) {
        if (!diff_kind_under(d->o, x->kinds[i], d->options.by, r->key))
            continue;
        n = snprintf(buf + used, size - used, "%s%s", k++ ? "/" : "",
                     d->o->kinds[x->kinds[i]].zh.s);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

/* Whether the other scope links r's pair under another key. */
static int differs(const diff_relation *r)
{
    return (r->ea < 0 && r->pair_ea >= 0) || (r->eb < 0 && r->pair_eb >= 0);
}

enum { SCREEN_COLS = 100 }; /* a line of the diff fits in these */

/* "from —family:kinds→ to" of a relation of side s, within width columns (left: the left
 * half, two columns kept free before the right one, padded to width when one follows). */
static void relation_entry(const diff_layout *l, const diff_side *s, const diff_relation *r,
                           size_t width, int left, int right_follows)
{
    const diff_result *d = l->d;
    char kinds[256], arrow[300];
    relation_label(d, s, r, kinds, sizeof kinds);
    snprintf(arrow, sizeof arrow, "—%s→", kinds);
    const char *from = d->o->concepts[r->from].zh.s, *to = d->o->concepts[r->to].zh.s;
    size_t wf = cli_width(from) < 16 ? cli_width(from) : 16, wa = cli_width(arrow);
    size_t used = 2 + wf + 1 + wa + 1;
    size_t marks = (r->ends_shared ? 0 : 2) + (differs(r) ? 2 : 0);
    printf("  ");
    used -= wf - cli_fit(stdout, from, wf, "", ""); /* "新一轮科技革命…" fills 15 of 16 */
    printf(" %s", l->st->arrow);
    cli_text(stdout, arrow);
    printf("%s ", l->st->reset);
    size_t gap = left ? 2 : 0;
    size_t room = width > used + gap + marks ? width - used - gap - marks : 1;
    used += cli_fit(stdout, to, room, "", "");
    if (!r->ends_shared)
        printf(" *");
    if (differs(r))
        printf(" ≠");
    used += marks;
    if (left && right_follows && width > used)
        pad(width - used);
}

void view_diff_relations(const diff_layout *l, size_t top)
{
    diff_layout wide = *l; /* the arrows name families: room for them in the left half */
    wide.half = l->half + 8;
    l = &wide;
    const diff_result *d = l->d;
    size_t shared_ends[2] = {0, 0};
    for (size_t i = 0; i < d->n_only_a_rel; i++)
        shared_ends[0] += d->only_a_rel[i].ends_shared != 0;
    for (size_t i = 0; i < d->n_only_b_rel; i++)
        shared_ends[1] += d->only_b_rel[i].ends_shared != 0;
    printf("\n%srelations only one states%s  %s(by %s; those between shared concepts first)%s\n",
           l->st->head, l->st->reset, l->st->dim, diff_key_name(d->options.by), l->st->reset);
    char left[160];
    snprintf(left, sizeof left, "only %s: %zu, %zu between shared", l->name[0], d->n_only_a_rel,
             shared_ends[0]);
    printf("  %s", l->st->dim);
    cli_cell(stdout, left, l->half - 2, TEXT_ALIGN_LEFT, "", "");
    snprintf(left, sizeof left, "only %s: %zu, %zu between shared", l->name[1], d->n_only_b_rel,
             shared_ends[1]);
    printf("  ");
    cli_text(stdout, left);
    printf("%s\n", l->st->reset);
    size_t na = top < d->n_only_a_rel ? top : d->n_only_a_rel;
    size_t nb = top < d->n_only_b_rel ? top : d->n_only_b_rel;
    int starred = 0, other = 0;
    for (size_t i = 0; i < na || i < nb; i++) {
        if (i < na) {
            relation_entry(l, &d->a, &d->only_a_rel[i], l->half, 1, i < nb);
            starred |= !d->only_a_rel[i].ends_shared;
            other |= differs(&d->only_a_rel[i]);
        } else {
            pad(l->half);
        }
        if (i < nb) {
            relation_entry(l, &d->b, &d->only_b_rel[i], SCREEN_COLS - l->half, 0, 0);
            starred |= !d->only_b_rel[i].ends_shared;
            other |= differs(&d->only_b_rel[i]);
        }
        printf("\n");
    }
    if (!na && !nb)
        printf("  none\n");
    if (starred)
        printf("  %s* one end is a concept the other paper does not use%s\n", l->st->dim,
               l->st->reset);
    if (other)
        printf("  %s≠ the other paper links the pair as another %s%s\n", l->st->dim,
               diff_key_name(d->options.by), l->st->reset);
}
