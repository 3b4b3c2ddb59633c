/* quiz_write.c — a quiz as documents: Markdown with an answer key, Moodle GIFT, CSV for
 * Anki, JSON (shapes in quiz.h). Every text from the ontology is escaped for its format:
 * Markdown and GIFT by teach_format, CSV by util/csv, JSON by jansson. */
#include "ckg/quiz.h"
#include "ckg/status.h"
#include "teach_format.h"
#include "util/csv.h"
#include "util/strbuf.h"

#include <stdlib.h>
#include <string.h>

static const char LETTERS[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

static char letter(size_t i)
{
    return i < sizeof LETTERS - 1 ? LETTERS[i] : '?';
}

static const char *scope_of(const quiz *q, char *buf, size_t size)
{
    return teach_scope_name(q->o, &q->props->scope, buf, size);
}

/* The answer key of an item as plain text into b (emptied first): the right choice, the
 * full sentence, then each quote as "paper:line 「quote」", the quotes separated by sep. */
static void answer_key(const quiz *q, const quiz_item *it, const char *sep, strbuf *b)
{
    char place[96];
    strbuf_reset(b);
    strbuf_printf(b, "%c. %s — %s", letter(it->answer), quiz_choice_text(q->o, it, it->answer),
                  it->prop->zh);
    for (size_t i = 0; i < it->prop->n_quotes; i++) {
        const prop_quote *pq = &it->prop->quotes[i];
        strbuf_printf(b, "%s%s 「%s」", sep, teach_quote_place(q->o, pq, place, sizeof place),
                      pq->evidence->quote.s ? pq->evidence->quote.s : "");
    }
}

int quiz_write_md(const quiz *q, FILE *f)
{
    char scope[256];
    fprintf(f, "# 测验 · Quiz — %s\n\n", scope_of(q, scope, sizeof scope));
    fprintf(f, "%zu item%s (blanks: %s, seed %llu). Choose the one right answer: a blank in a "
               "sentence is a concept, a blank on an arrow (—____→) a linking phrase.\n\n",
            q->n, q->n == 1 ? "" : "s", quiz_mode_name(q->options.mode),
            (unsigned long long)q->options.seed);
    for (size_t i = 0; i < q->n; i++) {
        const quiz_item *it = &q->items[i];
        fprintf(f, "**%zu.** ", i + 1);
        teach_md(f, it->stem);
        fputs("\n\n", f);
        for (size_t c = 0; c < it->n_choices; c++) {
            fprintf(f, "- %c. ", letter(c));
            teach_md(f, quiz_choice_text(q->o, it, c));
            fputc('\n', f);
        }
        fputc('\n', f);
    }
    fputs("## 答案 · Answer key\n\n", f);
    for (size_t i = 0; i < q->n; i++) {
        const quiz_item *it = &q->items[i];
        fprintf(f, "%zu. **%c** ", i + 1, letter(it->answer));
        teach_md(f, quiz_choice_text(q->o, it, it->answer));
        fputs(" — ", f);
        teach_md(f, it->prop->zh);
        fputc('\n', f);
        for (size_t k = 0; k < it->prop->n_quotes; k++) {
            char place[96];
            const prop_quote *pq = &it->prop->quotes[k];
            fprintf(f, "   > %s 「", teach_quote_place(q->o, pq, place, sizeof place));
            teach_md(f, pq->evidence->quote.s);
            fputs(k + 1 < it->prop->n_quotes ? "」  \n" : "」\n", f);
        }
    }
    return teach_stream_status(f);
}

int quiz_write_gift(const quiz *q, FILE *f)
{
    char scope[256];
    /* a comment: GIFT ignores lines that start with // */
    fprintf(f, "// ckg quiz: %zu items from %s, blanks %s, seed %llu\n\n", q->n,
            scope_of(q, scope, sizeof scope), quiz_mode_name(q->options.mode),
            (unsigned long long)q->options.seed);
    strbuf key = {0};
    for (size_t i = 0; i < q->n; i++) {
        const quiz_item *it = &q->items[i];
        answer_key(q, it, " / ", &key);
        if (key.oom)
            break;
        fprintf(f, "::Q%zu::[html]", i + 1);
        teach_gift(f, it->stem);
        fputs(" {\n", f);
        for (size_t c = 0; c < it->n_choices; c++) {
            fputs(c == it->answer ? "=" : "~", f);
            teach_gift(f, quiz_choice_text(q->o, it, c));
            fputc('\n', f);
        }
        fputs("####", f);
        teach_gift(f, strbuf_str(&key));
        fputs("\n}\n\n", f);
    }
    int rc = key.oom ? CKG_ENOMEM : teach_stream_status(f);
    strbuf_free(&key);
    return rc;
}

int quiz_write_csv(const quiz *q, FILE *f)
{
    strbuf front = {0}, key = {0}, tags = {0};
    fputs("#separator:comma\n#html:false\n#columns:Front,Back,Tags\n#tags column:3\n", f);
    for (size_t i = 0; i < q->n; i++) {
        const quiz_item *it = &q->items[i];
        strbuf_reset(&front);
        strbuf_reset(&tags);
        strbuf_puts(&front, it->stem);
        for (size_t c = 0; c < it->n_choices; c++)
            strbuf_printf(&front, "\n%c. %s", letter(c), quiz_choice_text(q->o, it, c));
        answer_key(q, it, "\n", &key);
        strbuf_puts(&tags, "ckg");
        for (size_t k = 0; k < it->prop->n_papers; k++)
            strbuf_printf(&tags, " %s", q->o->papers[it->prop->papers[k]].id.s);
        if (front.oom || key.oom || tags.oom)
            break;
        csv_fields(f, 3, strbuf_str(&front), strbuf_str(&key), strbuf_str(&tags));
        fputc('\n', f);
    }
    int rc = front.oom || key.oom || tags.oom ? CKG_ENOMEM : teach_stream_status(f);
    strbuf_free(&front);
    strbuf_free(&key);
    strbuf_free(&tags);
    return rc;
}

int quiz_json(const quiz *q, json_t **out)
{
    const ckg_ontology *o = q->o;
    char scope[256];
    json_t *items = json_array();
    json_t *root = json_pack("{s:s, s:I, s:s, s:o}", "scope", scope_of(q, scope, sizeof scope),
                             "seed", (json_int_t)q->options.seed, "blanks",
                             quiz_mode_name(q->options.mode), "items", items);
    *out = NULL;
    if (!root)
        return CKG_ENOMEM;
    for (size_t i = 0; i < q->n; i++) {
        const quiz_item *it = &q->items[i];
        const proposition *p = it->prop;
        json_t *choices = json_array();
        for (size_t c = 0; choices && c < it->n_choices; c++) {
            if (json_array_append_new(choices, json_string(quiz_choice_text(o, it, c)))) {
                json_decref(choices);
                choices = NULL;
            }
        }
        json_t *e = json_pack("{s:{s:s, s:s, s:s}, s:s, s:s, s:s, s:o, s:o}", "relation", "from",
                              o->concepts[p->from].id.s, "kind", o->kinds[p->kind].id.s, "to",
                              o->concepts[p->to].id.s, "blank", quiz_blank_name(it->blank),
                              "stem", it->stem, "answer", quiz_choice_text(o, it, it->answer),
                              "choices", choices, "evidence", teach_json_quotes(o, p, 0));
        if (!e || json_array_append_new(items, e)) {
            json_decref(root);
            return CKG_ENOMEM;
        }
    }
    *out = root;
    return CKG_OK;
}

static int write_json(const quiz *q, FILE *f)
{
    json_t *doc = NULL;
    int rc = quiz_json(q, &doc);
    return teach_write_json(rc, doc, f);
}

int quiz_write(const quiz *q, quiz_format fmt, FILE *f)
{
    static int (*const writers[])(const quiz *, FILE *) = {
        [QUIZ_MD] = quiz_write_md, [QUIZ_GIFT] = quiz_write_gift,
        [QUIZ_CSV] = quiz_write_csv, [QUIZ_JSON] = write_json};
    return (unsigned)fmt <= QUIZ_JSON ? writers[fmt](q, f) : CKG_EUSAGE;
}
