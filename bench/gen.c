/* gen.c — a synthetic ontology and its corpus, for benchmarks at scale.
 *
 *   gen -n CONCEPTS [-p PAPERS] [-s SEED] -o DIR
 *
 * Writes DIR/ontology/ (themes.yaml, relations.yaml, concepts/<theme>.yaml,
 * papers/<id>.yaml) and DIR/corpus/<id>.txt, laid out and shaped like the curated ontology
 * so that loading, folding and quote search do the work they do on real data:
 *  - concept names are Chinese (two to four morphemes from a list of real terms, some with
 *    full-width Latin such as ＡＩ or ５Ｇ), unique after folding, with alternative names and
 *    broader concepts (always earlier ones, so there are no cycles);
 *  - each paper mentions about 25 concepts and states about 3 * CONCEPTS / PAPERS relations
 *    between them, each with one or two quotes; every concept is mentioned by some paper and
 *    every relation end by its paper, so `ckg check` passes with no error and no warning;
 *  - each paper's text holds the sentences its quotes are copied from among filler
 *    sentences, with the quirks of the real corpus: lines wrapped at a fixed width (the PDF
 *    extractions) with page numbers and running headers in the middle of sentences, the PDF
 *    glyphs ꎬ ꎮ for ，。, citation marks [12], full-width parentheses; and the quotes with
 *    the curator's quirks: ASCII commas and parentheses, stray spaces, citation marks left
 *    out. Every quote is found after normalization.
 * DIR/meta.txt records the parameters, the counts and a well-connected concept id
 * (`probe:`) for neighbor lookups.
 *
 * Reproducible: the output depends only on the arguments (a splitmix64 generator, no
 * library randomness, no hash-order iteration). Defaults: PAPERS = CONCEPTS / 10 (at least
 * 5), SEED = 1. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---------------------------------------------------------------- randomness */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* uniform in [0, n) */
static size_t below(size_t n)
{
    return n ? (size_t)(rnd() % n) : 0;
}

static int chance(unsigned percent)
{
    return below(100) < percent;
}

#define PICK(array) (array[below(sizeof array / sizeof *array)])
#define COUNT(array) (sizeof array / sizeof *array)

/* ---------------------------------------------------------------- vocabulary */

typedef struct morpheme {
    const char *zh, *en;
} morpheme;

/* Terms of the literature; the last few are written in full-width Latin, as the papers do. */
static const morpheme morphemes[] = {
    {"数据", "data"}, {"要素", "factor"}, {"创新", "innovation"}, {"产业", "industry"},
    {"科技", "science-technology"}, {"数字", "digital"}, {"绿色", "green"},
    {"智能", "intelligent"}, {"制造", "manufacturing"}, {"平台", "platform"},
    {"市场", "market"}, {"资本", "capital"}, {"人才", "talent"}, {"劳动", "labor"},
    {"生产", "production"}, {"效率", "efficiency"}, {"体系", "system"},
    {"结构", "structure"}, {"升级", "upgrading"}, {"转型", "transformation"},
    {"融合", "integration"}, {"协同", "coordination"}, {"治理", "governance"},
    {"制度", "institution"}, {"政策", "policy"}, {"金融", "finance"}, {"能源", "energy"},
    {"材料", "materials"}, {"网络", "network"}, {"算力", "computing-power"},
    {"模型", "model"}, {"链条", "chain"}, {"集群", "cluster"}, {"园区", "park"},
    {"区域", "regional"}, {"城市", "urban"}, {"乡村", "rural"}, {"农业", "agriculture"},
    {"服务", "service"}, {"贸易", "trade"}, {"开放", "opening-up"}, {"安全", "security"},
    {"韧性", "resilience"}, {"质量", "quality"}, {"标准", "standard"}, {"品牌", "brand"},
    {"企业", "enterprise"}, {"民营", "private"}, {"国有", "state-owned"},
    {"高校", "university"}, {"研发", "research"}, {"基础", "basic"}, {"前沿", "frontier"},
    {"颠覆性", "disruptive"}, {"通用", "general-purpose"}, {"工业", "industrial"},
    {"互联网", "internet"}, {"信息", "information"}, {"通信", "communication"},
    {"生物", "bio"}, {"医药", "pharmaceutical"}, {"航天", "aerospace"}, {"海洋", "marine"},
    {"低碳", "low-carbon"}, {"循环", "circular"}, {"环境", "environment"},
    {"生态", "ecological"}, {"碳汇", "carbon-sink"}, {"储能", "energy-storage"},
    {"氢能", "hydrogen"}, {"光伏", "photovoltaic"}, {"风电", "wind-power"}, {"芯片", "chip"},
    {"软件", "software"}, {"硬件", "hardware"}, {"机器人", "robot"}, {"量子", "quantum"},
    {"空天", "air-space"}, {"新型", "new-type"}, {"未来", "future"}, {"新兴", "emerging"},
    {"传统", "traditional"}, {"战略", "strategic"}, {"关键", "key"}, {"核心", "core"},
    {"共性", "generic"}, {"原始", "original"}, {"自主", "indigenous"},
    {"开源", "open-source"}, {"应用", "application"}, {"场景", "scenario"},
    {"示范", "demonstration"}, {"试点", "pilot"}, {"改革", "reform"}, {"激励", "incentive"},
    {"产权", "property-rights"}, {"收益", "income"}, {"分配", "distribution"},
    {"流通", "circulation"}, {"交易", "exchange"}, {"定价", "pricing"},
    {"监管", "regulation"}, {"法治", "rule-of-law"}, {"营商", "business"},
    {"教育", "education"}, {"培训", "training"}, {"技能", "skill"}, {"就业", "employment"},
    {"消费", "consumption"}, {"投资", "investment"}, {"需求", "demand"}, {"供给", "supply"},
    {"价值", "value"}, {"增长", "growth"}, {"动能", "momentum"}, {"动力", "driving-force"},
    {"活力", "vitality"}, {"优势", "advantage"}, {"竞争", "competition"},
    {"全球", "global"}, {"国际", "international"}, {"国内", "domestic"},
    {"统一", "unified"}, {"共享", "sharing"}, {"普惠", "inclusive"}, {"协调", "balanced"},
    {"高端", "high-end"}, {"精细", "refined"}, {"集约", "intensive"}, {"规模", "scale"},
    {"范围", "scope"}, {"乘数", "multiplier"}, {"溢出", "spillover"}, {"扩散", "diffusion"},
    {"转化", "conversion"}, {"孵化", "incubation"}, {"风险", "risk"}, {"基金", "fund"},
    {"债券", "bond"}, {"保险", "insurance"}, {"税收", "taxation"}, {"财政", "fiscal"},
    {"货币", "monetary"}, {"统计", "statistics"}, {"测度", "measurement"}, {"指数", "index"},
    {"评价", "evaluation"}, {"考核", "assessment"}, {"组织", "organization"},
    {"管理", "management"}, {"模式", "mode"}, {"机制", "mechanism"}, {"路径", "pathway"},
    {"范式", "paradigm"}, {"形态", "form"}, {"载体", "carrier"}, {"引擎", "engine"},
    {"底座", "foundation"}, {"枢纽", "hub"}, {"节点", "node"}, {"通道", "corridor"},
    {"生产力", "productive-forces"}, {"生产关系", "relations-of-production"},
    {"全要素", "total-factor"}, {"现代化", "modernization"}, {"高质量", "high-quality"},
    {"新质", "new-quality"}, {"实体经济", "real-economy"}, {"专精特新", "specialized"},
    {"ＡＩ", "AI"}, {"５Ｇ", "5G"}, {"ＩＣＴ", "ICT"},
};
enum { N_LATIN_MORPHEMES = 3 };

static const char *const fillers[] = {
    "在新发展阶段", "从理论逻辑看", "就实践路径而言", "总体来看", "值得注意的是", "近年来",
    "与此同时", "进一步看", "由此可见", "在这一过程中", "从历史维度看", "面向未来", "长期以来",
    "客观上", "实践表明", "从国际经验看", "在新一轮科技革命和产业变革中", "就现阶段而言",
    "从供给侧看", "在全面建设社会主义现代化国家新征程上",
};

static const char *const predicates[] = {
    "日益成为推动高质量发展的关键力量", "是新质生产力的重要组成部分", "具有鲜明的时代特征",
    "正在深刻改变传统的生产方式和组织形态", "需要在更大范围内实现优化配置",
    "仍面临不少体制机制方面的障碍", "构成现代化产业体系的重要支撑",
    "对提升全要素生产率具有基础性作用", "体现了生产力发展的内在规律",
    "已经成为各地竞相布局的重点领域", "有赖于持续加大投入和制度保障",
    "在很大程度上决定着未来竞争的格局", "为经济增长提供了新的动力来源",
    "是新质生产力（新的生产力质态）的重要组成部分", "（作为一种新型要素）正在重塑价值创造方式",
};

static const char *const tails[] = {
    "", "", "，并在实践中不断深化", "，进而提升全要素生产率", "，这一判断已被大量事实证明",
    "，其作用机制值得深入研究", "，从而形成良性循环",
};

static const char *const filler_sentences[] = {
    "这一过程既是生产力发展的过程，也是生产关系调整的过程",
    "相关研究从不同角度对此进行了讨论，形成了较为丰富的成果",
    "对此，需要从理论和实践两个层面加以把握",
    "本文在已有研究的基础上，尝试作进一步的分析",
    "这一特点在不同地区、不同行业中表现得并不完全相同",
    "应当看到，发展中的问题只能在发展中加以解决",
    "各地在探索中积累了一些有益经验（详见下文的讨论）",
    "这既有历史的原因，也有现实的原因",
    "下面从三个方面对此展开具体论述",
    "上述判断为后文的讨论提供了基本的分析框架",
};

/* A relation kind: its vocabulary entry and how a sentence states it. */
typedef struct kind {
    const char *id, *zh, *en, *inv_zh, *inv_en;
    const char *pattern; /* two %s: from, to */
    const char *family;  /* relations.yaml's family of the kind */
} kind;

static const kind kinds[] = {
    {"causes", "催生", "gives rise to", "源于", "arises from", "%s催生了%s", "drives"},
    {"enables", "赋能", "enables", "得益于", "is enabled by", "%s有力赋能%s", "conditions"},
    {"requires", "是前提", "is a prerequisite of", "需要", "requires", "%s是发展%s的前提", "conditions"},
    {"part_of", "构成", "is part of", "包含", "includes", "%s是%s的组成部分", "structure"},
    {"is_a", "属于", "is a kind of", "包括", "includes the kind", "%s属于%s的范畴", "structure"},
    {"supports", "支撑", "supports", "依托", "rests on", "%s为%s提供支撑", "conditions"},
    {"promotes", "推动", "drives", "受推动于", "is driven by", "%s推动%s加快发展", "drives"},
    {"carrier_of", "承载", "is the carrier of", "以之为载体", "is carried by", "%s是%s的重要载体", "conditions"},
    {"indicator_of", "标志", "is the hallmark of", "以之为标志", "is marked by", "%s是%s的显著标志", "characterizes"},
    {"core_of", "是核心", "is the core of", "以之为核心", "has as its core", "%s是%s的核心所在", "structure"},
    {"characteristic_of", "是特征", "is a feature of", "具有特征", "has the feature", "%s是%s的基本特征", "characterizes"},
    {"constrains", "制约", "constrains", "受制于", "is constrained by", "%s在一定程度上制约了%s", "hinders"},
    {"adapts_to", "适应", "adapts to", "要求适应", "requires adaptation of", "%s必须主动适应%s", "fits"},
};

typedef struct theme {
    const char *id, *zh, *en;
} theme;

static const theme themes[] = {
    {"core", "核心范畴", "core notion"},
    {"technology", "技术革命性突破", "revolutionary technological breakthroughs"},
    {"factors", "生产要素创新性配置", "innovative allocation of production factors"},
    {"industry", "产业深度转型升级", "deep industrial transformation and upgrading"},
    {"institutions", "体制机制", "institutions and mechanisms"},
};

static const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴",
                                       "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林"};
static const char *const given[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军",
                                    "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "华",
                                    "建国", "晓东", "志强", "海燕"};

typedef struct venue {
    const char *zh, *en;
} venue;

static const venue venues[] = {
    {"经济研究", "ECONOMIC RESEARCH JOURNAL"},
    {"经济纵横", "ECONOMIC REVIEW JOURNAL"},
    {"中国工业经济", "CHINA INDUSTRIAL ECONOMICS"},
    {"管理世界", "JOURNAL OF MANAGEMENT WORLD"},
    {"社会主义经济理论与实践", "THE SOCIALIST ECONOMY THEORY AND PRACTICE"},
    {"中国科技论坛", "FORUM ON SCIENCE AND TECHNOLOGY IN CHINA"},
};

/* ---------------------------------------------------------------- strings */

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void reserve(buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    if (!(b->p = realloc(b->p, cap)))
        die("out of memory");
    b->cap = cap;
}

static void put(buf *b, const char *s)
{
    size_t n = strlen(s);
    reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void putf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void clear(buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = '\0';
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d)
        die("out of memory");
    return d;
}

/* Bytes of the UTF-8 character starting with c. */
static size_t char_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Replaces every occurrence of from in s by to. */
static void replace_all(buf *s, const char *from, const char *to)
{
    buf out = {0};
    size_t fl = strlen(from);
    const char *p = s->p, *q;
    put(&out, "");
    while ((q = strstr(p, from)) != NULL) {
        reserve(&out, (size_t)(q - p));
        memcpy(out.p + out.len, p, (size_t)(q - p));
        out.len += (size_t)(q - p);
        out.p[out.len] = '\0';
        put(&out, to);
        p = q + fl;
    }
    put(&out, p);
    free(s->p);
    *s = out;
}

/* ---------------------------------------------------------------- unique names */

/* A set of 64-bit hashes of folded names (open addressing). */
static uint64_t *seen;
static size_t seen_cap, seen_n;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h ? h : 1;
}

static int seen_add(uint64_t h)
{
    if ((seen_n + 1) * 2 > seen_cap) {
        size_t cap = seen_cap ? seen_cap * 2 : 1024;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t)
            die("out of memory");
        for (size_t i = 0; i < seen_cap; i++) {
            if (!seen[i])
                continue;
            size_t j = seen[i] & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = seen[i];
        }
        free(seen);
        seen = t;
        seen_cap = cap;
    }
    size_t j = h & (seen_cap - 1);
    while (seen[j]) {
        if (seen[j] == h)
            return 0;
        j = (j + 1) & (seen_cap - 1);
    }
    seen[j] = h;
    seen_n++;
    return 1;
}

/* The folding ckg applies to names, for the characters names are made of here: full-width
 * Latin and digits to ASCII, ASCII lowercased, spaces and hyphens kept apart from letters
 * (ckg drops spaces, so "a b" and "ab" are one name). */
static uint64_t fold_hash(const char *s)
{
    buf f = {0};
    put(&f, "");
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t k = char_len(*p);
        if (k == 3 && p[0] == 0xEF && (p[1] == 0xBC || p[1] == 0xBD)) {
            unsigned cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            char c = (char)(cp - 0xFEE0);
            if (c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            reserve(&f, 1);
            f.p[f.len++] = c;
        } else if (k == 1) {
            char c = (char)*p;
            if (c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            if (c != ' ') {
                reserve(&f, 1);
                f.p[f.len++] = c;
            }
        } else {
            reserve(&f, k);
            memcpy(f.p + f.len, p, k);
            f.len += k;
        }
        f.p[f.len] = '\0';
        p += k;
    }
    uint64_t h = hash_str(f.p);
    free(f.p);
    return h;
}

/* ---------------------------------------------------------------- the model */

typedef struct concept {
    char *id, *zh, *en;
    char *alt[2];
    int n_alt;
    int theme;
    size_t broader[2];
    int n_broader;
    int degree; /* relations it takes part in */
} concept;

static concept *concepts;
static size_t n_concepts;

/* A Chinese name of k morphemes (at most one written in Latin) and its English gloss. */
static void make_name(size_t k, buf *zh, buf *en)
{
    size_t n_cjk = COUNT(morphemes) - N_LATIN_MORPHEMES;
    int latin = 0;
    clear(zh);
    clear(en);
    for (size_t i = 0; i < k; i++) {
        size_t m = below(COUNT(morphemes));
        if (m >= n_cjk && (latin || i + 1 == k))
            m = below(n_cjk); /* the last morpheme, and all but one, are Chinese */
        latin |= m >= n_cjk;
        put(zh, morphemes[m].zh);
        if (i)
            put(en, " ");
        put(en, morphemes[m].en);
    }
}

static void make_concepts(size_t n)
{
    buf zh = {0}, en = {0}, id = {0};
    concepts = calloc(n, sizeof *concepts);
    if (!concepts)
        die("out of memory");
    for (size_t i = 0; i < n; i++) {
        concept *c = &concepts[i];
        /* primary names: 2-3 morphemes, unique after folding (zh and en both) */
        for (;;) {
            make_name(2 + below(2), &zh, &en);
            uint64_t hz = fold_hash(zh.p), he = fold_hash(en.p);
            if (hz == he || !seen_add(hz))
                continue;
            if (!seen_add(he))
                continue; /* the zh stays taken; harmless */
            break;
        }
        c->zh = xstrdup(zh.p);
        c->en = xstrdup(en.p);
        /* the id: the first two words of the gloss, kebab-case, and a suffix that keeps
         * it unique (about as long as the curated ids) */
        clear(&id);
        int words = 0;
        for (const char *p = en.p; *p && !(*p == ' ' && ++words == 2); p++) {
            char ch = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
            reserve(&id, 1);
            id.p[id.len++] = ch == ' ' ? '-' : ch;
            id.p[id.len] = '\0';
        }
        putf(&id, "-%zx", i);
        c->id = xstrdup(id.p);
        c->n_alt = (int)below(3);
        for (int a = 0; a < c->n_alt; a++) {
            do
                make_name(3 + below(2), &zh, &en);
            while (!seen_add(fold_hash(zh.p)));
            c->alt[a] = xstrdup(zh.p);
        }
        c->theme = (int)below(COUNT(themes));
        c->n_broader = i > 0 ? (int)below(3) : 0;
        for (int b = 0; b < c->n_broader; b++) {
            c->broader[b] = below(i); /* an earlier concept: no cycles */
            if (b == 1 && c->broader[1] == c->broader[0])
                c->n_broader = 1;
        }
    }
    n_concepts = n;
    free(zh.p);
    free(en.p);
    free(id.p);
}

/* ---------------------------------------------------------------- files */

/* snprintf into a path buffer of PATH_BYTES, dying rather than truncating. */
enum { PATH_BYTES = 4096 };

static void pathf(char *dst, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pathf(char *dst, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(dst, PATH_BYTES, fmt, ap);
    va_end(ap);
    if (n < 0 || n >= PATH_BYTES)
        die("path too long");
}

static void make_dir(const char *path)
{
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        die("cannot create %s: %s", path, strerror(errno));
}

static void write_file(const char *path, const buf *b)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        die("cannot write %s: %s", path, strerror(errno));
    if (fwrite(b->p, 1, b->len, f) != b->len || fclose(f) != 0)
        die("cannot write %s: %s", path, strerror(errno));
}

/* A YAML scalar: plain when it is only CJK text and full-width punctuation, else
 * double-quoted. */
static void yaml_scalar(buf *b, const char *s)
{
    int plain = 1;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                          (c == ' ' && p[1] != ' ' && p[1] != '\0')))
            plain = 0;
    }
    if (!*s || *s == '-' || *s == '.' || *s == ' ')
        plain = 0;
    if (plain) {
        put(b, s);
        return;
    }
    put(b, "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\')
            put(b, "\\");
        reserve(b, 1);
        b->p[b->len++] = *p;
        b->p[b->len] = '\0';
    }
    put(b, "\"");
}

static void write_vocabulary(const char *dir)
{
    char path[PATH_BYTES];
    buf b = {0};
    put(&b, "# Themes of the synthetic benchmark ontology (bench/gen).\nthemes:\n");
    for (size_t i = 0; i < COUNT(themes); i++)
        putf(&b, "  - id: %s\n    zh: %s\n    en: %s\n", themes[i].id, themes[i].zh,
             themes[i].en);
    pathf(path, "%s/themes.yaml", dir);
    write_file(path, &b);
    clear(&b);
    put(&b, "# Relation kinds of the synthetic benchmark ontology (bench/gen).\nrelations:\n");
    for (size_t i = 0; i < COUNT(kinds); i++)
        putf(&b,
             "  - id: %s\n    zh: %s\n    en: %s\n    inverse: {zh: %s, en: %s}\n"
             "    family: %s\n    test: {question: synthetic, example: \"%s\", "
             "counter_example: none}\n",
             kinds[i].id, kinds[i].zh, kinds[i].en, kinds[i].inv_zh, kinds[i].inv_en,
             kinds[i].family, kinds[i].pattern);
    pathf(path, "%s/relations.yaml", dir);
    write_file(path, &b);
    free(b.p);
}

static void write_concepts(const char *dir)
{
    char path[PATH_BYTES];
    buf b = {0};
    for (size_t t = 0; t < COUNT(themes); t++) {
        clear(&b);
        putf(&b, "# Concepts of the theme '%s' (synthetic, bench/gen).\nconcepts:\n",
             themes[t].id);
        for (size_t i = 0; i < n_concepts; i++) {
            const concept *c = &concepts[i];
            if (c->theme != (int)t)
                continue;
            putf(&b, "  - id: %s\n    zh: ", c->id);
            yaml_scalar(&b, c->zh);
            put(&b, "\n    en: ");
            yaml_scalar(&b, c->en);
            put(&b, "\n    alt: [");
            for (int a = 0; a < c->n_alt; a++)
                putf(&b, "%s%s", a ? ", " : "", c->alt[a]);
            putf(&b, "]\n    theme: %s\n    broader: [", themes[t].id);
            for (int k = 0; k < c->n_broader; k++)
                putf(&b, "%s%s", k ? ", " : "", concepts[c->broader[k]].id);
            putf(&b, "]\n    definition:\n      zh: %s%s的%s形态。\n      en: \"A %s, %s.\"\n",
                 c->zh, PICK(predicates), PICK(morphemes).zh, c->en,
                 "defined for the benchmark");
        }
        pathf(path, "%s/concepts/%s.yaml", dir, themes[t].id);
        write_file(path, &b);
    }
    free(b.p);
}

/* ---------------------------------------------------------------- papers */

/* One sentence of a paper's text and the quotes copied from it. */
typedef struct sentence {
    char *text;    /* as in the source, without the final 。 */
    int section;   /* index of the section it stands in */
} sentence;

typedef struct paper_gen {
    size_t index;
    char id[32];
    int pdf;        /* wrapped lines, page furniture, PDF glyphs */
    int n_sections;
    sentence *sentences;
    size_t n_sentences, cap_sentences;
    const venue *venue;
    int year;
} paper_gen;

static size_t add_sentence(paper_gen *pg, const char *text, int section)
{
    if (pg->n_sentences == pg->cap_sentences) {
        pg->cap_sentences = pg->cap_sentences ? pg->cap_sentences * 2 : 64;
        pg->sentences = realloc(pg->sentences, pg->cap_sentences * sizeof *pg->sentences);
        if (!pg->sentences)
            die("out of memory");
    }
    pg->sentences[pg->n_sentences] = (sentence){xstrdup(text), section};
    return pg->n_sentences++;
}

/* Writes the evidence for a statement: builds the sentence that states core (filler
 * before, a tail after, maybe a citation mark in the middle), files it in the paper's text
 * and writes one quote copied from it, with a curator's quirks. */
static void evidence_item(buf *y, paper_gen *pg, const char *core, const char *indent)
{
    buf s = {0}, q = {0};
    int section = pg->n_sections ? (int)below((size_t)pg->n_sections) : -1;
    const char *tail = PICK(tails);
    int with_filler = chance(60);
    const char *filler = PICK(fillers);
    /* the source sentence */
    if (with_filler)
        putf(&s, "%s，", filler);
    put(&s, core);
    if (chance(15))
        putf(&s, "[%zu]", 1 + below(40)); /* a citation mark the quote leaves out */
    put(&s, tail);
    add_sentence(pg, s.p, section);
    /* the quote: the statement, often with the filler or the tail */
    if (with_filler && chance(30))
        putf(&q, "%s，", filler);
    put(&q, core);
    if (chance(40))
        put(&q, tail);
    if (chance(25))
        replace_all(&q, "，", ", "); /* ASCII comma as typed */
    if (chance(10))
        replace_all(&q, "（", "("), replace_all(&q, "）", ")");
    if (chance(15)) {
        /* a stray space where the PDF had a line break */
        size_t at = below(q.len), k = 0;
        while (at + k < q.len && (q.p[at + k] & 0xC0) == 0x80)
            k++;
        at += k;
        if (at > 0 && at < q.len) {
            buf r = {0};
            reserve(&r, q.len + 1);
            memcpy(r.p, q.p, at);
            r.p[at] = ' ';
            memcpy(r.p + at + 1, q.p + at, q.len - at + 1);
            r.len = q.len + 1;
            free(q.p);
            q = r;
        }
    }
    putf(y, "%s- quote: ", indent);
    yaml_scalar(y, q.p);
    put(y, "\n");
    if (section >= 0)
        putf(y, "%s  section: s%d\n", indent, section + 1);
    free(s.p);
    free(q.p);
}

static void author_name(buf *b)
{
    put(b, PICK(surnames));
    put(b, PICK(given));
}

/* Wraps text into lines of `width` characters (citation marks are never split), separated
 * by sep; returns the lines in out (each without its line break). */
static size_t wrap(const char *text, size_t width, char ***out)
{
    size_t n = 0, cap = 16;
    char **lines = malloc(cap * sizeof *lines);
    buf line = {0};
    size_t chars = 0;
    if (!lines)
        die("out of memory");
    put(&line, "");
    for (const char *p = text; *p;) {
        size_t k = *p == '[' ? (size_t)(strchr(p, ']') - p) + 1 : char_len((unsigned char)*p);
        reserve(&line, k);
        memcpy(line.p + line.len, p, k);
        line.len += k;
        line.p[line.len] = '\0';
        p += k;
        if (++chars == width || !*p) {
            if (n == cap && !(lines = realloc(lines, (cap *= 2) * sizeof *lines)))
                die("out of memory");
            lines[n++] = xstrdup(line.p);
            clear(&line);
            chars = 0;
        }
    }
    free(line.p);
    *out = lines;
    return n;
}

/* The paper's text: its title, then its sentences (shuffled, among filler sentences) in
 * paragraphs under section headings. */
static void write_text(const char *path, paper_gen *pg, const char *title,
                       char section_titles[][128])
{
    buf t = {0}, para = {0};
    const char *comma = pg->pdf ? "ꎬ" : "，", *stop = pg->pdf ? "ꎮ" : "。";
    size_t page = 1 + below(200), line_no = 0;
    /* shuffle */
    for (size_t i = pg->n_sentences; i > 1; i--) {
        size_t j = below(i);
        sentence tmp = pg->sentences[i - 1];
        pg->sentences[i - 1] = pg->sentences[j];
        pg->sentences[j] = tmp;
    }
    putf(&t, "# %s\n\n", title);
    int n_parts = pg->n_sections ? pg->n_sections : 1;
    for (int part = 0; part < n_parts; part++) {
        if (pg->n_sections)
            putf(&t, "## %s\n\n", section_titles[part]);
        else if (chance(50))
            putf(&t, "## %s\n\n", PICK(fillers));
        size_t in_para = 0;
        clear(&para);
        for (size_t i = 0; i <= pg->n_sentences; i++) {
            int last = i == pg->n_sentences;
            if (!last) {
                const sentence *s = &pg->sentences[i];
                if (s->section != (pg->n_sections ? part : -1))
                    continue;
                if (chance(40)) { /* filler between statements: text nobody quotes */
                    put(&para, PICK(filler_sentences));
                    put(&para, stop);
                }
                put(&para, s->text);
                put(&para, stop);
                in_para++;
            }
            if (!(last ? in_para > 0 : in_para >= 4 + below(4)))
                continue;
            if (pg->pdf) {
                replace_all(&para, "，", comma);
                char **lines;
                size_t n = wrap(para.p, 32, &lines);
                for (size_t k = 0; k < n; k++) {
                    putf(&t, "%s\n", lines[k]);
                    /* page furniture between two full lines of a paragraph */
                    if (++line_no % 40 == 0 && k + 2 < n)
                        putf(&t, "\n··%zu\n\n\n%s %d.%zu\n%s\n\n", page++, pg->venue->zh,
                             pg->year, 1 + below(12), pg->venue->en);
                    free(lines[k]);
                }
                free(lines);
                put(&t, "\n");
            } else {
                putf(&t, "%s\n\n", para.p);
            }
            clear(&para);
            in_para = 0;
        }
    }
    write_file(path, &t);
    free(t.p);
    free(para.p);
}

typedef struct triple {
    size_t from, to;
    size_t kind;
} triple;

/* Whether b is among the broader concepts of a, directly or through a chain (broader links
 * always point to earlier concepts, so the walk ends). */
static int is_broader(size_t a, size_t b)
{
    static size_t *stack;
    static unsigned *visited, stamp;
    if (!stack) {
        stack = malloc(n_concepts * sizeof *stack);
        visited = calloc(n_concepts, sizeof *visited);
        if (!stack || !visited)
            die("out of memory");
    }
    if (b >= a)
        return 0;
    size_t depth = 0;
    stack[depth++] = a;
    stamp++;
    while (depth) {
        const concept *c = &concepts[stack[--depth]];
        for (int k = 0; k < c->n_broader; k++) {
            size_t w = c->broader[k];
            if (w == b)
                return 1;
            if (w > b && visited[w] != stamp) { /* below b no chain can reach b */
                visited[w] = stamp;
                stack[depth++] = w;
            }
        }
    }
    return 0;
}

/* ckg check holds is_a relations to the broader hierarchy and refuses a part or core reading
 * of a concept and one of its broader concepts: is_a only where the hierarchy says so, no
 * part_of/core_of on such pairs. */
static int agrees_with_broader(const triple *r)
{
    const char *k = kinds[r->kind].id;
    if (strcmp(k, "is_a") == 0)
        return is_broader(r->from, r->to);
    if (strcmp(k, "part_of") == 0 || strcmp(k, "core_of") == 0)
        return !is_broader(r->from, r->to) && !is_broader(r->to, r->from);
    return 1;
}

/* Writes papers/<id>.yaml and corpus/<id>.txt; relations are ~rel_per_paper statements
 * among the paper's concepts. Returns the number of quotes. */
static size_t write_paper(const char *onto, const char *corpus, size_t index, size_t n_papers,
                          size_t rel_per_paper, size_t *n_mentions, size_t *n_relations)
{
    char path[PATH_BYTES];
    buf y = {0}, title = {0}, core = {0};
    paper_gen pg = {.index = index};
    size_t quotes = 0;
    char section_titles[4][128];
    snprintf(pg.id, sizeof pg.id, "p%06zu", index);
    pg.pdf = chance(40);
    pg.n_sections = chance(10) ? 2 + (int)below(3) : 0;
    pg.venue = &PICK(venues);
    pg.year = 2019 + (int)below(6);

    /* the paper's concepts: its slice of the concept list (so every concept is mentioned
     * somewhere) and others at random, no repeats */
    size_t lo = index * n_concepts / n_papers, hi = (index + 1) * n_concepts / n_papers;
    size_t want = (hi - lo) + 10 + below(10), n = 0;
    size_t *set = malloc(want * sizeof *set);
    if (!set)
        die("out of memory");
    for (size_t c = lo; c < hi; c++)
        set[n++] = c;
    while (n < want && n < n_concepts) {
        size_t c = below(n_concepts), k = 0;
        while (k < n && set[k] != c)
            k++;
        if (k == n)
            set[n++] = c;
    }

    putf(&title, "%s与%s：%s", concepts[set[0]].zh, concepts[set[n > 1]].zh, PICK(fillers));
    putf(&y, "paper:\n  id: %s\n  source: %s.txt\n  title: ", pg.id, pg.id);
    yaml_scalar(&y, title.p);
    put(&y, "\n  authors: [");
    int n_authors = 1 + (int)below(3);
    for (int a = 0; a < n_authors; a++) {
        if (a)
            put(&y, ", ");
        author_name(&y);
    }
    putf(&y, "]\n  venue: %s\n  year: %d\n", pg.venue->zh, pg.year);
    if (chance(50))
        putf(&y, "  doi: \"10.%u/ckg.bench.%06zu\"\n", 1000u + (unsigned)below(9000), index);
    if (pg.n_sections) {
        put(&y, "  sections:\n");
        for (int s = 0; s < pg.n_sections; s++) {
            snprintf(section_titles[s], sizeof section_titles[s], "%s的%s问题研究",
                     concepts[set[below(n)]].zh, PICK(morphemes).zh);
            putf(&y, "  - id: s%d\n    title: %s\n    authors: [", s + 1, section_titles[s]);
            author_name(&y);
            put(&y, "]\n");
        }
    }

    put(&y, "mentions:\n");
    for (size_t k = 0; k < n; k++) {
        const concept *c = &concepts[set[k]];
        putf(&y, "  - concept: %s\n    evidence:\n", c->id);
        size_t m = chance(35) ? 2 : 1;
        for (size_t e = 0; e < m; e++) {
            clear(&core);
            /* a concept may be named by an alternative name in the text, or with a citation */
            const char *name = c->n_alt && chance(10) ? c->alt[0] : c->zh;
            putf(&core, "%s%s", name, PICK(predicates));
            evidence_item(&y, &pg, core.p, "      ");
            quotes++;
        }
    }
    *n_mentions += n;

    put(&y, "relations:\n");
    triple *rel = malloc((rel_per_paper + 1) * sizeof *rel);
    size_t n_rel = 0;
    if (!rel)
        die("out of memory");
    for (size_t tries = 0; n_rel < rel_per_paper && n > 1 && tries < rel_per_paper * 20;
         tries++) {
        triple r = {set[below(n)], set[below(n)], below(COUNT(kinds))};
        if (r.from == r.to || !agrees_with_broader(&r))
            continue;
        /* one kind per ordered pair in a paper, as ckg check demands of a pair's families */
        size_t k = 0;
        while (k < n_rel && !(rel[k].from == r.from && rel[k].to == r.to))
            k++;
        if (k < n_rel)
            continue;
        rel[n_rel++] = r;
        concepts[r.from].degree++;
        concepts[r.to].degree++;
        putf(&y, "  - from: %s\n    kind: %s\n    to: %s\n    evidence:\n", concepts[r.from].id,
             kinds[r.kind].id, concepts[r.to].id);
        size_t m = chance(20) ? 2 : 1;
        for (size_t e = 0; e < m; e++) {
            clear(&core);
            putf(&core, kinds[r.kind].pattern, concepts[r.from].zh, concepts[r.to].zh);
            evidence_item(&y, &pg, core.p, "      ");
            quotes++;
        }
    }
    *n_relations += n_rel;
    /* text nobody quotes, so quotes cover part of the text as in the real papers */
    size_t extra = pg.n_sentences / 3;
    for (size_t k = 0; k < extra; k++)
        add_sentence(&pg, PICK(filler_sentences), pg.n_sections ? (int)below((size_t)pg.n_sections) : -1);

    pathf(path, "%s/papers/%s.yaml", onto, pg.id);
    write_file(path, &y);
    pathf(path, "%s/%s.txt", corpus, pg.id);
    write_text(path, &pg, title.p, section_titles);

    for (size_t k = 0; k < pg.n_sentences; k++)
        free(pg.sentences[k].text);
    free(pg.sentences);
    free(rel);
    free(set);
    free(y.p);
    free(title.p);
    free(core.p);
    return quotes;
}

/* ---------------------------------------------------------------- main */

static void usage(FILE *f)
{
    fputs("usage: gen -n CONCEPTS [-p PAPERS] [-s SEED] -o DIR\n"
          "Writes DIR/ontology and DIR/corpus: a valid synthetic ontology of CONCEPTS\n"
          "concepts, PAPERS papers (default CONCEPTS/10) and about 3*CONCEPTS relations,\n"
          "every quote found in its paper's text. The same arguments give the same files.\n",
          f);
}

int main(int argc, char **argv)
{
    size_t n = 0, p = 0;
    unsigned long long seed = 1;
    const char *out = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "n:p:s:o:h")) != -1) {
        switch (opt) {
        case 'n': n = strtoull(optarg, NULL, 10); break;
        case 'p': p = strtoull(optarg, NULL, 10); break;
        case 's': seed = strtoull(optarg, NULL, 10); break;
        case 'o': out = optarg; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (!out || n < 10 || optind < argc) {
        usage(stderr);
        return 2;
    }
    if (!p)
        p = n / 10 < 5 ? 5 : n / 10;
    if (p > n)
        die("more papers than concepts");
    rng_state = seed;

    char onto[PATH_BYTES], corpus[PATH_BYTES], path[PATH_BYTES];
    pathf(onto, "%s/ontology", out);
    pathf(corpus, "%s/corpus", out);
    make_dir(out);
    make_dir(onto);
    make_dir(corpus);
    pathf(path, "%s/concepts", onto);
    make_dir(path);
    pathf(path, "%s/papers", onto);
    make_dir(path);

    make_concepts(n);
    write_vocabulary(onto);
    write_concepts(onto);
    size_t quotes = 0, mentions = 0, relations = 0;
    size_t per_paper = (3 * n + p - 1) / p;
    for (size_t i = 0; i < p; i++)
        quotes += write_paper(onto, corpus, i, p, per_paper, &mentions, &relations);

    size_t probe = 0;
    for (size_t i = 1; i < n; i++) {
        if (concepts[i].degree > concepts[probe].degree)
            probe = i;
    }
    buf meta = {0};
    putf(&meta,
         "concepts: %zu\npapers: %zu\nseed: %llu\nmentions: %zu\nrelations: %zu\n"
         "quotes: %zu\nprobe: %s\nprobe_degree: %d\n",
         n, p, seed, mentions, relations, quotes, concepts[probe].id, concepts[probe].degree);
    pathf(path, "%s/meta.txt", out);
    write_file(path, &meta);
    free(meta.p);
    for (size_t i = 0; i < n; i++) {
        free(concepts[i].id);
        free(concepts[i].zh);
        free(concepts[i].en);
        for (int a = 0; a < concepts[i].n_alt; a++)
            free(concepts[i].alt[a]);
    }
    free(concepts);
    free(seen);
    return 0;
}
