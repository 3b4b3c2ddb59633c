/* wrap.c — line breaking of concept names (stage: base; uses util/strbuf).
 *
 * Line breaking keeps boxes compact: a Chinese name longer than a line is split where a
 * reader would pause (after 和, 与, 、, —, or at a word boundary the dictionary knows), into
 * lines as even as possible; English text is split at spaces into balanced lines. */
#include "render_internal.h"

#include "ckg/status.h"
#include "ckg/text.h"

#include <stdlib.h>
#include <string.h>

/* Characters after which a Chinese name reads well broken. */
static int good_break_after(uint32_t cp)
{
    static const uint32_t after[] = {
        0x548c, /* 和 */ 0x4e0e, /* 与 */ 0x53ca, /* 及 */ 0x3001, /* 、 */
        0x2014, /* — */ 0x00b7, /* · */ 0x7684, /* 的 */ 0x4e4b, /* 之 */
        0x662f, /* 是 */ 0xff0c, /* ， */ 0xff1a, /* ： */ 0x002c, 0x003a,
    };
    for (size_t i = 0; i < sizeof after / sizeof *after; i++) {
        if (after[i] == cp)
            return 1;
    }
    return 0;
}

/* Characters that end a word more often than not (数字化, 密集型, 创新性). */
static int suffix_char(uint32_t cp)
{
    return cp == 0x5316 /* 化 */ || cp == 0x578b /* 型 */ || cp == 0x6027 /* 性 */;
}

/* General words of the field, so that a name is not broken inside them even when no
 * concept of the ontology is called so. */
static const char *const builtin_words[] = {
    "马克思主义", "社会主义", "市场经济", "体制机制", "制度体系", "生产要素", "生产力",
    "科学技术", "科技", "技术", "创新", "产业", "体制", "机制", "体系", "制度", "发展", "融合",
    "资源", "统筹", "升级", "转型", "能力", "战略", "组织", "循环", "流动", "应用",
    "资金", "人才", "深度", "双向", "自主", "优势", "领先", "地位", "中央", "地方",
};

typedef struct cps {
    uint32_t *cp;
    size_t *off; /* byte offset of each code point, and the total length at [n] */
    size_t n;
} cps;

static int decode(const char *s, cps *c)
{
    size_t len = strlen(s);
    c->cp = malloc((len + 1) * sizeof *c->cp);
    c->off = malloc((len + 1) * sizeof *c->off);
    c->n = 0;
    if (!c->cp || !c->off)
        return CKG_ENOMEM;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = text_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            cp = 0xfffd;
            n = 1;
        }
        c->cp[c->n] = cp;
        c->off[c->n++] = i;
        i += n;
    }
    c->off[c->n] = len;
    return CKG_OK;
}

/* Marks in cut[i] (a break before code point i) what the dictionary says: 1 when a word
 * starts or ends there, 2 when a word spans it (breaking would split the word). */
static void mark_words(const char *name, const cps *c, const char *const *dict, size_t n_dict,
                       size_t max_chars, unsigned char *cut)
{
    for (size_t pass = 0; pass < 2; pass++) {
        const char *const *words = pass ? builtin_words : dict;
        size_t n_words = pass ? sizeof builtin_words / sizeof *builtin_words : n_dict;
        for (size_t w = 0; w < n_words; w++) {
            const char *word = words[w];
            size_t wl = word ? strlen(word) : 0;
            size_t chars = word ? text_codepoints(word) : 0;
            if (wl >= c->off[c->n] || chars < 2) /* the name itself, or one character */
                continue;
            for (const char *p = strstr(name, word); p; p = strstr(p + 1, word)) {
                size_t a = (size_t)(p - name), b = a + wl;
                for (size_t i = 1; i < c->n; i++) {
                    if (c->off[i] == a || c->off[i] == b) {
                        if (cut[i] == 0)
                            cut[i] = 1;
                    } else if (c->off[i] > a && c->off[i] < b && chars <= max_chars) {
                        cut[i] = 2; /* (a word longer than a line is broken anyway) */
                    }
                }
            }
        }
    }
}

int render_wrap_zh(const char *name, size_t max_chars, const char *const *dict, size_t n_dict,
                   char **out)
{
    int rc = CKG_ENOMEM;
    cps c = {0};
    unsigned char *cut = NULL;
    double *best = NULL;
    size_t *from = NULL;
    *out = NULL;
    if (max_chars == 0)
        max_chars = 1;
    if (decode(name, &c) != CKG_OK)
        goto out;
    if (c.n <= max_chars) {
        *out = strdup(name);
        rc = *out ? CKG_OK : CKG_ENOMEM;
        goto out;
    }
    size_t n = c.n, lines = (n + max_chars - 1) / max_chars;
    double target = (double)n / (double)lines;
    if (!(cut = calloc(n + 1, 1)) || !(best = malloc((n + 1) * sizeof *best)) ||
        !(from = malloc((n + 1) * sizeof *from)))
        goto out;
    mark_words(name, &c, dict, n_dict, max_chars, cut);
    /* Cost of a break before code point i: free after a pause character, cheap at a word
     * boundary, dear inside a word; lines should be as long as the target. */
    best[0] = 0;
    for (size_t i = 1; i <= n; i++) {
        best[i] = 1e300;
        from[i] = 0;
        /* A line may run two characters over max_chars, at a price, to reach a good break. */
        size_t longest = max_chars + 2;
        for (size_t j = i > longest ? i - longest : 0; j < i; j++) {
            if (best[j] >= 1e300)
                continue;
            double len = (double)(i - j), dev = len - target;
            double pen = 0.5 * dev * dev;
            if (len > (double)max_chars)
                pen += len - (double)max_chars;
            /* a conjunction inside the line (科技创新和产业) reads worse than at its end */
            for (size_t k = j; k + 1 < i; k++) {
                if (c.cp[k] == 0x548c || c.cp[k] == 0x4e0e || c.cp[k] == 0x53ca) /* 和与及 */
                    pen += 4;
            }
            pen += 2; /* each line: no more lines than the name needs */
            if (j > 0 && good_break_after(c.cp[j]) && c.cp[j] > 0x2000)
                pen += 4; /* a line does not start with 、 — ， (nor 和, 的) */
            if (i < n) {
                if (good_break_after(c.cp[i - 1]))
                    pen += 0;
                else if (cut[i] == 2)
                    pen += 8;
                else if (cut[i] == 1 || suffix_char(c.cp[i - 1]))
                    pen += 0.5;
                else
                    pen += 3;
            }
            double cost = best[j] + pen;
            if (cost < best[i]) {
                best[i] = cost;
                from[i] = j;
            }
        }
    }
    /* Walk the breaks back from the end, then write the lines in order. */
    size_t *stops = malloc((n + 1) * sizeof *stops), k = 0;
    if (!stops)
        goto out;
    for (size_t i = n; i > 0; i = from[i])
        stops[k++] = i;
    strbuf b = {0};
    size_t start = 0;
    while (k > 0) {
        size_t end = stops[--k];
        if (start)
            strbuf_add(&b, "\n", 1);
        strbuf_add(&b, name + c.off[start], c.off[end] - c.off[start]);
        start = end;
    }
    free(stops);
    if (b.oom) {
        strbuf_free(&b);
        goto out;
    }
    *out = b.s;
    rc = CKG_OK;
out:
    free(c.cp);
    free(c.off);
    free(cut);
    free(best);
    free(from);
    return rc;
}

int render_wrap_words(const char *text, size_t max_chars, char **out)
{
    *out = NULL;
    size_t total = text_codepoints(text);
    if (max_chars == 0)
        max_chars = 1;
    size_t lines = (total + max_chars - 1) / max_chars;
    size_t target = lines ? (total + lines - 1) / lines : 0;
    if (target < max_chars * 2 / 3)
        target = max_chars * 2 / 3;
    strbuf b = {0};
    strbuf_add(&b, "", 0);
    size_t line_chars = 0;
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        char word[1024];
        size_t wl = (size_t)(q - p) < sizeof word - 1 ? (size_t)(q - p) : sizeof word - 1;
        memcpy(word, p, wl);
        word[wl] = '\0';
        size_t wc = text_codepoints(word);
        /* Break before the word when it would pass the target and the line has something. */
        if (line_chars && line_chars + 1 + wc > target) {
            strbuf_add(&b, "\n", 1);
            line_chars = 0;
        } else if (line_chars) {
            strbuf_add(&b, " ", 1);
            line_chars++;
        }
        strbuf_add(&b, p, (size_t)(q - p));
        line_chars += wc;
        p = q;
    }
    if (b.oom) {
        strbuf_free(&b);
        return CKG_ENOMEM;
    }
    *out = b.s;
    return CKG_OK;
}
