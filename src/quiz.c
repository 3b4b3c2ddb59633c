/* quiz.c — cloze items from propositions, with distractors the ontology proves wrong.
 *
 * What the ontology states is indexed once over every paper (not only the scope): a sorted
 * array of (from, to, kind) statements, looked up both ways. Broader links are followed
 * transitively (bounded by the number of concepts, so a cycle cannot loop). The random
 * choices come from a PCG32 of this file, seeded by the caller: the same seed, the same quiz
 * on every machine. See quiz.h for the invariants. */
#include "ckg/quiz.h"
#include "ckg/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MIN_DISTRACTORS = 2 };

static const char BLANK[] = "____";

const char *quiz_mode_name(quiz_mode m)
{
    return m == QUIZ_CONCEPT ? "concept" : m == QUIZ_PHRASE ? "phrase" : "mix";
}

const char *quiz_blank_name(quiz_blank b)
{
    switch (b) {
    case QUIZ_BLANK_FROM: return "from";
    case QUIZ_BLANK_TO: return "to";
    default: return "kind";
    }
}

/* ---------------------------------------------------------------- PCG32 */

typedef struct rng {
    uint64_t state, inc;
} rng;

static uint32_t rng_next(rng *r)
{
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ULL + r->inc;
    uint32_t x = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (x >> rot) | (x << ((32u - rot) & 31u));
}

static void rng_seed(rng *r, uint64_t seed)
{
    r->state = 0;
    r->inc = (0xda3e39cb94b95bdbULL << 1u) | 1u;
    rng_next(r);
    r->state += seed;
    rng_next(r);
}

/* Uniform in [0, n), n >= 1, without modulo bias. */
static uint32_t rng_below(rng *r, uint32_t n)
{
    uint32_t threshold = (uint32_t)(-n) % n;
    for (;;) {
        uint32_t x = rng_next(r);
        if (x >= threshold)
            return x % n;
    }
}

static void shuffle(rng *r, int32_t *a, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = rng_below(r, (uint32_t)i);
        int32_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

/* ---------------------------------------------------------------- what the ontology states */

typedef struct fact {
    int32_t from, to, kind;
} fact;

typedef struct facts {
    const ckg_ontology *o;
    fact *items;
    size_t n;
} facts;

static int cmp_fact(const void *pa, const void *pb)
{
    const fact *a = pa, *b = pb;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    return a->kind < b->kind ? -1 : a->kind > b->kind;
}

static int facts_build(const ckg_ontology *o, facts *f)
{
    size_t total = 0;
    f->o = o;
    f->n = 0;
    for (size_t p = 0; p < o->n_papers; p++)
        total += o->papers[p].n_relations;
    if (!(f->items = malloc((total ? total : 1) * sizeof *f->items)))
        return CKG_ENOMEM;
    for (size_t p = 0; p < o->n_papers; p++) {
        for (size_t r = 0; r < o->papers[p].n_relations; r++) {
            const ckg_relation *rel = &o->papers[p].relations[r];
            if (rel->from_index >= 0 && rel->to_index >= 0 && rel->kind_index >= 0)
                f->items[f->n++] = (fact){rel->from_index, rel->to_index, rel->kind_index};
        }
    }
    qsort(f->items, f->n, sizeof *f->items, cmp_fact);
    return CKG_OK;
}

/* The first fact from -> to, and how many there are. */
static const fact *facts_between(const facts *f, int32_t from, int32_t to, size_t *n)
{
    size_t lo = 0, hi = f->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const fact *m = &f->items[mid];
        if (m->from < from || (m->from == from && m->to < to))
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t k = lo;
    while (k < f->n && f->items[k].from == from && f->items[k].to == to)
        k++;
    *n = k - lo;
    return f->items + lo;
}

static int related(const facts *f, int32_t a, int32_t b)
{
    size_t n1, n2;
    facts_between(f, a, b, &n1);
    facts_between(f, b, a, &n2);
    return n1 + n2 > 0;
}

/* Is anc reachable from c by broader links (c itself excluded)? */
static int is_broader(const ckg_ontology *o, int32_t c, int32_t anc, size_t depth)
{
    if (depth > o->n_concepts)
        return 0;
    const ckg_concept *k = &o->concepts[c];
    for (size_t i = 0; i < k->broader.n; i++) {
        int32_t b = k->broader_index ? k->broader_index[i] : -1;
        if (b < 0)
            continue;
        if (b == anc || is_broader(o, b, anc, depth + 1))
            return 1;
    }
    return 0;
}

static int hierarchy_linked(const ckg_ontology *o, int32_t a, int32_t b)
{
    return is_broader(o, a, b, 0) || is_broader(o, b, a, 0);
}

/* ---------------------------------------------------------------- distractors */

typedef struct ctx {
    const ckg_ontology *o;
    facts facts;
    rng r;
    unsigned char *in_scope; /* per concept: an end of one of the scope's propositions */
    unsigned char *taken;    /* per concept: drawn for the item being made */
    int32_t *pool;           /* scratch: candidates, n_concepts or n_kinds */
    size_t n_wanted;         /* distractors wanted */
} ctx;

static int concept_ok(const ctx *c, int32_t d, int32_t shown, int32_t answer)
{
    return d != shown && d != answer && !related(&c->facts, shown, d) &&
           !hierarchy_linked(c->o, d, answer) && !hierarchy_linked(c->o, d, shown);
}

/* Draws concept distractors into out (up to c->n_wanted) tier by tier; returns how many. */
static size_t concept_distractors(ctx *c, int32_t shown, int32_t answer, int32_t *out)
{
    const ckg_ontology *o = c->o;
    int32_t theme = o->concepts[answer].theme_index;
    size_t got = 0;
    unsigned char *taken = c->taken;
    memset(taken, 0, o->n_concepts);
    for (int tier = 0; tier < 4 && got < c->n_wanted; tier++) {
        size_t n = 0;
        for (size_t i = 0; i < o->n_concepts; i++) {
            int32_t d = (int32_t)i;
            int same_theme = theme >= 0 && o->concepts[i].theme_index == theme;
            int fits = tier == 0   ? same_theme && c->in_scope[i]
                       : tier == 1 ? same_theme
                       : tier == 2 ? c->in_scope[i]
                                   : 1;
            if (fits && !taken[i] && concept_ok(c, d, shown, answer))
                c->pool[n++] = d;
        }
        shuffle(&c->r, c->pool, n);
        for (size_t i = 0; i < n && got < c->n_wanted; i++) {
            taken[c->pool[i]] = 1;
            out[got++] = c->pool[i];
        }
    }
    return got;
}

static int kind_ok(const ctx *c, int32_t k, int32_t a, int32_t b)
{
    const fact *f;
    size_t n;
    for (int dir = 0; dir < 2; dir++) {
        f = dir ? facts_between(&c->facts, b, a, &n) : facts_between(&c->facts, a, b, &n);
        for (size_t i = 0; i < n; i++) {
            if (phrase_compatible(c->o, k, f[i].kind))
                return 0;
        }
    }
    return 1;
}

static size_t kind_distractors(ctx *c, const proposition *p, int32_t *out)
{
    size_t n = 0, got = 0;
    for (size_t k = 0; k < c->o->n_kinds; k++) {
        if ((int32_t)k != p->kind && kind_ok(c, (int32_t)k, p->from, p->to))
            c->pool[n++] = (int32_t)k;
    }
    shuffle(&c->r, c->pool, n);
    for (size_t i = 0; i < n && got < c->n_wanted; i++)
        out[got++] = c->pool[i];
    return got;
}

/* ---------------------------------------------------------------- items */

static char *stem_of(const ckg_ontology *o, const proposition *p, quiz_blank b)
{
    const char *a = o->concepts[p->from].zh.s, *z = o->concepts[p->to].zh.s;
    if (b == QUIZ_BLANK_KIND) {
        size_t n = strlen(a) + strlen(z) + 32;
        char *s = malloc(n);
        if (s)
            snprintf(s, n, "%s —%s→ %s", a, BLANK, z);
        return s;
    }
    return prop_sentence(&o->kinds[p->kind], PROP_ZH, b == QUIZ_BLANK_FROM ? BLANK : a,
                         b == QUIZ_BLANK_TO ? BLANK : z);
}

/* Tries to make an item of p with blank b; *made = 0 when too few distractors. */
static int try_item(ctx *c, quiz *q, const proposition *p, quiz_blank b, size_t choices,
                    int *made)
{
    *made = 0;
    int32_t *d = arena_calloc(&q->mem, choices, sizeof *d);
    if (!d)
        return CKG_ENOMEM;
    size_t got;
    int32_t answer;
    if (b == QUIZ_BLANK_KIND) {
        answer = p->kind;
        got = kind_distractors(c, p, d);
    } else {
        int32_t shown = b == QUIZ_BLANK_FROM ? p->to : p->from;
        answer = b == QUIZ_BLANK_FROM ? p->from : p->to;
        got = concept_distractors(c, shown, answer, d);
    }
    if (got < MIN_DISTRACTORS)
        return CKG_OK;
    /* the answer goes in at a random place among the distractors */
    size_t at = rng_below(&c->r, (uint32_t)(got + 1));
    memmove(d + at + 1, d + at, (got - at) * sizeof *d);
    d[at] = answer;
    char *stem = stem_of(c->o, p, b);
    const char *kept = stem ? arena_strdup(&q->mem, stem) : NULL;
    free(stem);
    if (!kept)
        return CKG_ENOMEM;
    q->items[q->n++] = (quiz_item){p, b, kept, d, got + 1, at};
    *made = 1;
    return CKG_OK;
}

void quiz_free(quiz *q)
{
    if (!q)
        return;
    free(q->items);
    arena_free(&q->mem);
    free(q);
}

const char *quiz_choice_text(const ckg_ontology *o, const quiz_item *it, size_t i)
{
    int32_t x = it->choices[i];
    if (it->blank == QUIZ_BLANK_KIND)
        return o->kinds[x].zh.s ? o->kinds[x].zh.s : o->kinds[x].id.s;
    return o->concepts[x].zh.s ? o->concepts[x].zh.s : o->concepts[x].id.s;
}

static int pair_used(const quiz *q, const proposition *p)
{
    for (size_t i = 0; i < q->n; i++) {
        const proposition *u = q->items[i].prop;
        if ((u->from == p->from && u->to == p->to) || (u->from == p->to && u->to == p->from))
            return 1;
    }
    return 0;
}

int quiz_make(const ckg_ontology *o, const prop_list *props, const quiz_options *opt,
              quiz **out)
{
    int rc = CKG_ENOMEM;
    ctx c = {.o = o, .n_wanted = opt->choices - 1};
    int32_t *order = NULL;
    quiz *q = NULL;
    *out = NULL;
    if (!opt->count || opt->choices < MIN_DISTRACTORS + 1)
        return CKG_EUSAGE;
    rng_seed(&c.r, opt->seed);
    size_t pool = o->n_concepts > o->n_kinds ? o->n_concepts : o->n_kinds;
    if (!(q = calloc(1, sizeof *q)) ||
        !(q->items = calloc(props->n ? props->n : 1, sizeof *q->items)) ||
        !(order = malloc((props->n ? props->n : 1) * sizeof *order)) ||
        !(c.in_scope = calloc(o->n_concepts ? o->n_concepts : 1, 1)) ||
        !(c.taken = calloc(o->n_concepts ? o->n_concepts : 1, 1)) ||
        !(c.pool = malloc((pool ? pool : 1) * sizeof *c.pool)) || facts_build(o, &c.facts) != CKG_OK)
        goto out;
    q->o = o;
    q->props = props;
    q->options = *opt;
    for (size_t i = 0; i < props->n; i++) {
        order[i] = (int32_t)i;
        c.in_scope[props->items[i].from] = c.in_scope[props->items[i].to] = 1;
    }
    shuffle(&c.r, order, props->n);
    for (size_t i = 0; i < props->n && q->n < opt->count; i++) {
        const proposition *p = &props->items[order[i]];
        if (pair_used(q, p))
            continue;
        int32_t blanks[3];
        size_t nb = 0;
        if (opt->mode != QUIZ_PHRASE) {
            blanks[nb++] = QUIZ_BLANK_FROM;
            blanks[nb++] = QUIZ_BLANK_TO;
        }
        if (opt->mode != QUIZ_CONCEPT)
            blanks[nb++] = QUIZ_BLANK_KIND;
        shuffle(&c.r, blanks, nb);
        int made = 0;
        for (size_t b = 0; b < nb && !made; b++) {
            if ((rc = try_item(&c, q, p, (quiz_blank)blanks[b], opt->choices, &made)) != CKG_OK)
                goto out;
        }
    }
    *out = q;
    q = NULL;
    rc = CKG_OK;
out:
    free(order);
    free(c.in_scope);
    free(c.taken);
    free(c.pool);
    free(c.facts.items);
    quiz_free(q);
    return rc;
}
