/* atlas.js — the concept atlas page (ckg atlas): the map of a scope with pan and zoom, the
 * details of a concept, search, deep links and the zh/en switch. Plain JavaScript, no
 * library; it reads only what the page carries and requests nothing.
 *
 * Invariants:
 *  - Text from the data (the ontology and the source texts) enters the document only as text
 *    (textContent, createTextNode, attribute values); never as markup.
 *  - The address is the state: #c=CONCEPT&p=SCOPE&l=en. Every navigation sets the hash (a
 *    history entry), and the hashchange handler shows what it says, so Back and links
 *    from slides work.
 *  - A map is inflated and parsed the first time it is shown, from its holder element
 *    (application/x-ckg-map: zlib in base64). render_map drew it for the page
 *    (render_options.atlas): concept boxes carry data-concept, relations data-from and
 *    data-to, and no element has an id (so none can clash with the page's).
 *
 * The data (the element #atlas-data, written by src/atlas_data.c), indexes count from 0:
 *   lang        "zh" or "en": the language the page opens in
 *   font        the font stack of the maps
 *   themes      [{id, zh, en, color}]   color: its boxes' fill on the maps of a scope
 *   kinds       [{id, zh, en, inverse_zh, inverse_en}]   relation kinds
 *   papers      [{id, title, authors[], venue, year, source, sections: [{id, title, authors[]}]}]
 *   scopes      [{value, kind: all|paper|section|diff, paper, section, a?, b?: {paper, section},
 *                 concepts, relations, maps: {zh, en}}]   maps: ids of the map holders
 *   concepts    [{id, zh, en, alt[], theme, def: {zh, en}, broader[], narrower[],
 *                 ranks: [{scope, n, degree, in, out, pagerank}]   each [value, rank]
 *                 papers: [{paper, mentioned, relations, quotes: [QUOTE]}],
 *                 links: [{concept, kind, dir: out|in, papers[], quotes: [QUOTE]}]}]
 *                 (links in `ckg neighbors` order: direction, kind, papers, ontology)
 *   paragraphs  [{paper, line, text}]
 *   QUOTE       {paper, quote, section, note, line, end, para, mark: [start, end]}
 *               (mark: the quote in paragraphs[para].text, in UTF-16 units; line, para and
 *               mark are null when the quote was not located in its source text) */
(function () {
  'use strict';

  const DATA = JSON.parse(document.getElementById('atlas-data').textContent);
  const $ = (id) => document.getElementById(id);

  /* The interface text: each key in Chinese, then in English. */
  const UI = {
    title: ['新质生产力文献概念图集', 'Concept atlas of the 新质生产力 literature'],
    scope: ['范围', 'Scope'],
    search: ['搜索概念：中文、英文或别名', 'Search concepts: Chinese, English or another name'],
    map: ['概念图', 'Concept map'],
    zoomIn: ['放大', 'Zoom in'],
    zoomOut: ['缩小', 'Zoom out'],
    fit: ['适应窗口', 'Fit to window'],
    langButton: ['English', '中文'],
    langName: ['中文', 'English'],
    all: ['全部论文', 'All papers'],
    concepts: ['个概念', 'concepts'],
    relationsCount: ['条关系', 'relations'],
    essays: ['各篇笔谈', 'Forum essays'],
    diff: ['对比', 'compared'],
    noResults: ['没有找到', 'Nothing found'],
    more: ['还有 {n} 个', '{n} more'],
    also: ['又称', 'Also'],
    theme: ['主题', 'Theme'],
    broader: ['上位概念', 'Broader'],
    narrower: ['下位概念', 'Narrower'],
    id: ['标识', 'Id'],
    definition: ['定义', 'Definition'],
    ranks: ['中心性排名', 'Centrality ranks'],
    ranksNote: ['有向图；数值相同者取所跨名次的平均值',
                'directed graph; tied concepts share the average of the ranks they span'],
    scopeCol: ['范围', 'Scope'],
    conceptsCol: ['概念数', 'Concepts'],
    degree: ['度', 'Degree'],
    inDeg: ['入度', 'In'],
    outDeg: ['出度', 'Out'],
    pagerank: ['PageRank', 'PageRank'],
    quotes: ['论文中的论述', 'What the papers say'],
    relations: ['关系', 'Relations'],
    showQuotes: ['引文', 'Quotes'],
    hideQuotes: ['收起', 'Hide'],
    wholeParagraph: ['显示整段', 'Show the whole paragraph'],
    notLocated: ['（未在原文中定位）', '(not located in the source)'],
    onlyRelations: ['仅在关系中出现', 'named in relations only'],
    none: ['无', 'none'],
    line: ['行', 'line'],
    notOnMap: ['此概念不在当前图中。', 'This concept is not on the current map.'],
    showAll: ['在全部论文图中查看', 'Show it on the map of all papers'],
    unknown: ['没有这个概念：', 'No such concept: '],
    introTitle: ['如何使用', 'How to use'],
    intro: ['点击图中的概念，或在上方搜索，查看它的定义、在各篇论文中的原文段落和它与其他概念的关系。拖动平移，滚轮或按钮缩放。地址栏随所见而变，可复制链接，也可用浏览器的后退键。',
            'Click a concept on the map, or search above, to see its definition, the paragraphs of each paper that discuss it, and its relations. Drag to pan; zoom with the wheel or the buttons. The address follows what is shown: copy it to link a concept, or go back with the browser.'],
    papersTitle: ['论文', 'Papers'],
    paperConcepts: ['{n} 个概念，{r} 条关系', '{n} concepts, {r} relations'],
  };

  const concepts = DATA.concepts;
  const byId = new Map(concepts.map((c, i) => [c.id, i]));
  const scopes = DATA.scopes;
  const scopeByValue = new Map(scopes.map((s) => [s.value, s]));

  const state = { concept: null, scope: 'all', lang: DATA.lang === 'en' ? 'en' : 'zh',
                  unknown: null };
  let shownMap = null;        // the map holder id on screen
  let shownDetails = null;    // "concept|lang" of the details on screen
  let centerNext = true;      // bring the concept into view at the next render
  const parsedMaps = new Map(); // holder id -> <svg>, parsed

  // ------------------------------------------------------------------ helpers

  function t(key) { return UI[key][state.lang === 'en' ? 1 : 0]; }
  function fmt(key, vars) {
    return t(key).replace(/\{(\w+)\}/g, (m, k) => String(vars[k]));
  }

  /* An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }

  function nameOf(c, lang) {
    lang = lang || state.lang;
    return (lang === 'en' ? c.en || c.zh : c.zh || c.en) || c.id;
  }
  function otherName(c) { return state.lang === 'en' ? c.zh : c.en; }
  function langTag(lang) { return lang === 'en' ? 'en' : 'zh-Hans'; }

  function paperLabel(p) {
    const who = p.authors.length ? p.authors[0] + (p.authors.length > 1
      ? (state.lang === 'en' ? ' et al.' : ' 等') : '') : '';
    return (who ? who + ' ' : '') + '《' + (p.title || p.id) + '》' + (p.year ? ' ' + p.year : '');
  }
  function sideLabel(side) {
    const p = DATA.papers[side.paper];
    return side.section === null ? p.id : p.id + '/' + p.sections[side.section].id;
  }
  function scopeLabel(s) {
    const counts = ' (' + s.concepts + ' ' + t('concepts') + ')';
    if (s.kind === 'all') return t('all') + counts;
    if (s.kind === 'paper') return DATA.papers[s.paper].id + ' · ' + paperLabel(DATA.papers[s.paper]);
    if (s.kind === 'section') {
      const sec = DATA.papers[s.paper].sections[s.section];
      return (sec.authors.length ? sec.authors.join('、') + '：' : '') + (sec.title || sec.id);
    }
    return sideLabel(s.a) + ' ↔ ' + sideLabel(s.b) + ' ' + t('diff');
  }

  /* The scope's paper, when it has one (a paper or a section). */
  function scopePaper() {
    const s = scopeByValue.get(state.scope);
    return s && s.paper !== null ? s.paper : -1;
  }

  // ------------------------------------------------------------------ the address

  function hashFor(st) {
    const parts = [];
    if (st.concept !== null) parts.push('c=' + encodeURIComponent(concepts[st.concept].id));
    if (st.scope !== 'all') parts.push('p=' + encodeURIComponent(st.scope));
    if (st.lang !== DATA.lang) parts.push('l=' + st.lang);
    return parts.join('&');
  }

  /* A concept named in an address: its id, or any name that folds to it alone. */
  function resolveConcept(text) {
    if (byId.has(text)) return byId.get(text);
    const f = fold(text);
    if (!f) return null;
    const hits = searchIndex.filter((e) => e.folded === f);
    const distinct = new Set(hits.map((e) => e.concept));
    return distinct.size === 1 ? hits[0].concept : null;
  }

  function readHash() {
    const st = { concept: null, scope: 'all', lang: DATA.lang === 'en' ? 'en' : 'zh',
                 unknown: null };
    for (const part of location.hash.replace(/^#/, '').split('&')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      let value;
      try { value = decodeURIComponent(part.slice(eq + 1)); } catch (e) { continue; }
      const key = part.slice(0, eq);
      if (key === 'c') {
        const c = resolveConcept(value);
        if (c === null) st.unknown = value; else st.concept = c;
      } else if (key === 'p' && scopeByValue.has(value)) {
        st.scope = value;
      } else if (key === 'l' && (value === 'zh' || value === 'en')) {
        st.lang = value;
      }
    }
    return st;
  }

  /* Shows st by way of the address (one history entry), or at once if it is already there. */
  function go(change, fromMap) {
    const st = Object.assign({}, state, { unknown: null }, change);
    centerNext = !fromMap;
    const h = hashFor(st);
    if (h === location.hash.replace(/^#/, '')) render(st);
    else location.hash = h;
  }

  // ------------------------------------------------------------------ search

  const IGNORED = /[\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;
  /* Folded as the CLI folds names (text_fold): NFKC, case, width and spaces. */
  function fold(s) {
    return s.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').replace(IGNORED, '');
  }

  const searchIndex = [];
  concepts.forEach((c, i) => {
    const add = (field, text) => {
      if (text) searchIndex.push({ concept: i, field, text, folded: fold(text) });
    };
    add('id', c.id); add('zh', c.zh); add('en', c.en);
    for (const a of c.alt) add('alt', a);
  });
  const paperCount = concepts.map((c) => c.papers.length);

  /* Concepts whose names hold the text, best first: a name equal to it, starting with it,
   * holding it; then the shorter name, the concept more papers name, ontology order. */
  function search(text) {
    const q = fold(text);
    if (!q) return [];
    const best = new Map();
    for (const e of searchIndex) {
      const at = e.folded.indexOf(q);
      if (at < 0) continue;
      const match = e.folded === q ? 0 : at === 0 ? 1 : 2;
      const hit = { concept: e.concept, field: e.field, text: e.text, match,
                    length: e.folded.length };
      const old = best.get(e.concept);
      if (!old || match < old.match || (match === old.match && hit.length < old.length))
        best.set(e.concept, hit);
    }
    return [...best.values()].sort((a, b) => a.match - b.match || a.length - b.length ||
      paperCount[b.concept] - paperCount[a.concept] || a.concept - b.concept);
  }

  const MAX_RESULTS = 12;
  const input = $('atlas-search');
  const list = $('atlas-results');
  let results = [];
  let active = -1;

  function showResults() {
    results = search(input.value);
    active = results.length ? 0 : -1;
    list.replaceChildren();
    if (!input.value.trim()) { closeResults(); return; }
    results.slice(0, MAX_RESULTS).forEach((r, i) => {
      const c = concepts[r.concept];
      const li = el('li', { id: 'atlas-result-' + i, role: 'option', 'data-concept': c.id,
                            'aria-selected': i === active ? 'true' : 'false' },
        el('span', { class: 'r-name', lang: langTag(state.lang), text: nameOf(c) }),
        el('span', { class: 'r-other', text: otherName(c) || '' }));
      if (r.field === 'alt' || r.field === 'id')
        li.append(el('span', { class: 'r-match', text: '≈ ' + r.text }));
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); openResult(i); });
      list.append(li);
    });
    if (!results.length) list.append(el('li', { class: 'r-none', text: t('noResults') }));
    else if (results.length > MAX_RESULTS)
      list.append(el('li', { class: 'r-none', text: fmt('more', { n: results.length - MAX_RESULTS }) }));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    markActive();
  }

  function markActive() {
    list.querySelectorAll('[role=option]').forEach((li, i) => {
      li.setAttribute('aria-selected', i === active ? 'true' : 'false');
      if (i === active) li.scrollIntoView({ block: 'nearest' });
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', 'atlas-result-' + active);
    else input.removeAttribute('aria-activedescendant');
  }

  function closeResults() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function openResult(i) {
    const r = results[i];
    if (!r) return;
    closeResults();
    input.select();
    go({ concept: r.concept });
  }

  input.addEventListener('input', showResults);
  input.addEventListener('focus', () => { if (input.value.trim()) showResults(); });
  input.addEventListener('blur', closeResults);
  input.addEventListener('keydown', (ev) => {
    const n = Math.min(results.length, MAX_RESULTS);
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (list.hidden) { showResults(); return; }
      if (!n) return;
      active = ev.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n;
      markActive();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (list.hidden) results = search(input.value);
      openResult(active >= 0 && !list.hidden ? active : 0);
    } else if (ev.key === 'Escape') {
      closeResults();
    }
  });

  // ------------------------------------------------------------------ the map

  const view = $('atlas-map-view');
  let svg = null;

  /* The SVG of a map holder: base64 of zlib-compressed text, inflated by the browser. */
  async function inflate(holderId) {
    const bin = atob($(holderId).textContent.trim());
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Response(stream).text();
  }

  /* A map, parsed once. render_map drew it for the page: concept boxes carry data-concept,
   * relations and phrases data-from and data-to, and nothing has an id. */
  async function loadMap(holderId) {
    if (parsedMaps.has(holderId)) return parsedMaps.get(holderId);
    const template = document.createElement('template');
    template.innerHTML = await inflate(holderId);
    const s = template.content.querySelector('svg');
    if (!s) throw new Error('map ' + holderId + ' holds no SVG');
    const box = (s.getAttribute('viewBox') || '0 0 100 100').split(/[\s,]+/).map(Number);
    s.removeAttribute('width');
    s.removeAttribute('height');
    s.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    s.atlasHome = { x: box[0], y: box[1], w: box[2], h: box[3] };
    s.atlasBox = Object.assign({}, s.atlasHome);
    document.adoptNode(s);
    parsedMaps.set(holderId, s);
    return s;
  }

  function setBox(b) {
    svg.atlasBox = b;
    svg.setAttribute('viewBox', b.x + ' ' + b.y + ' ' + b.w + ' ' + b.h);
  }

  function fit() { if (svg) setBox(Object.assign({}, svg.atlasHome)); }

  /* The client point (x, y) in the map's coordinates. */
  function toMap(x, y) {
    return new DOMPoint(x, y).matrixTransform(svg.getScreenCTM().inverse());
  }

  function zoomAt(factor, x, y) {
    if (!svg) return;
    const b = svg.atlasBox, home = svg.atlasHome;
    const w = Math.min(home.w * 3, Math.max(home.w / 40, b.w / factor));
    const k = w / b.w;
    const p = toMap(x, y);
    setBox({ x: p.x - (p.x - b.x) * k, y: p.y - (p.y - b.y) * k, w, h: b.h * k });
  }

  function zoomCenter(factor) {
    const r = view.getBoundingClientRect();
    zoomAt(factor, r.left + r.width / 2, r.top + r.height / 2);
  }

  function panBy(dx, dy) { // client pixels
    if (!svg) return;
    const s = svg.getScreenCTM().a || 1;
    const b = svg.atlasBox;
    setBox({ x: b.x - dx / s, y: b.y - dy / s, w: b.w, h: b.h });
  }

  /* Brings the concept's box into view: centred, and zoomed in until its label can be read
   * (its font at least READABLE pixels on screen) when it is smaller. */
  const READABLE = 14;
  function labelPixels(g) {
    const label = g.querySelector('text');
    const size = label ? parseFloat(label.getAttribute('font-size')) : NaN;
    return (Number.isFinite(size) ? size : 14) * (svg.getScreenCTM().a || 1);
  }
  function center(g) {
    const r = g.getBoundingClientRect(), v = view.getBoundingClientRect();
    const px = labelPixels(g);
    const inside = r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom;
    const readable = px >= READABLE * 0.95;
    if (inside && readable) return;
    const a = toMap(r.left, r.top), z = toMap(r.right, r.bottom);
    const cx = (a.x + z.x) / 2, cy = (a.y + z.y) / 2;
    const b = svg.atlasBox;
    const k = readable ? 1 : READABLE / px;
    const w = Math.max(svg.atlasHome.w / 40, b.w / k), h = w * b.h / b.w;
    setBox({ x: cx - w / 2, y: cy - h / 2, w, h });
  }

  const pointers = new Map();
  let drag = null;
  let dragged = false;

  view.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
    drag = { x: ev.clientX, y: ev.clientY, id: ev.pointerId, moved: false };
    dragged = false;
  });
  view.addEventListener('pointermove', (ev) => {
    if (!pointers.has(ev.pointerId)) return;
    const prev = pointers.get(ev.pointerId);
    if (pointers.size === 2) { // pinch
      const other = [...pointers.entries()].find(([id]) => id !== ev.pointerId)[1];
      const before = Math.hypot(prev.x - other.x, prev.y - other.y);
      const after = Math.hypot(ev.clientX - other.x, ev.clientY - other.y);
      if (before > 0) zoomAt(after / before, (ev.clientX + other.x) / 2, (ev.clientY + other.y) / 2);
      dragged = true;
    } else if (drag && ev.pointerId === drag.id) {
      if (!drag.moved && Math.hypot(ev.clientX - drag.x, ev.clientY - drag.y) > 4) {
        drag.moved = dragged = true;
        view.setPointerCapture(ev.pointerId);
        view.classList.add('atlas-dragging');
      }
      if (drag.moved) panBy(ev.clientX - prev.x, ev.clientY - prev.y);
    }
    pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
  });
  const endPointer = (ev) => {
    pointers.delete(ev.pointerId);
    if (drag && ev.pointerId === drag.id) drag = null;
    view.classList.remove('atlas-dragging');
  };
  view.addEventListener('pointerup', endPointer);
  view.addEventListener('pointercancel', endPointer);
  view.addEventListener('click', (ev) => {
    if (dragged) { dragged = false; return; }
    const g = ev.target.closest && ev.target.closest('g.node.concept');
    if (g && byId.has(g.getAttribute('data-concept')))
      go({ concept: byId.get(g.getAttribute('data-concept')) }, true);
  });
  view.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const dy = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
    zoomAt(Math.exp(-dy * 0.0015), ev.clientX, ev.clientY);
  }, { passive: false });
  view.addEventListener('keydown', (ev) => {
    const step = 60;
    const keys = {
      '+': () => zoomCenter(1.25), '=': () => zoomCenter(1.25), '-': () => zoomCenter(0.8),
      '0': fit, ArrowLeft: () => panBy(step, 0), ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step), ArrowDown: () => panBy(0, -step),
    };
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });
  $('atlas-zoom-in').addEventListener('click', () => zoomCenter(1.25));
  $('atlas-zoom-out').addEventListener('click', () => zoomCenter(0.8));
  $('atlas-zoom-fit').addEventListener('click', fit);

  /* Puts the scope's map in the current language on screen; resolves to whether it changed.
   * A map asked for while another is still loading wins. */
  let mapWanted = null;
  async function showMap() {
    const holder = scopeByValue.get(state.scope).maps[state.lang];
    if (holder === shownMap) return false;
    mapWanted = holder;
    view.setAttribute('aria-busy', 'true');
    const m = await loadMap(holder);
    if (mapWanted !== holder) return false;
    view.replaceChildren(m);
    view.removeAttribute('aria-busy');
    svg = m;
    shownMap = holder;
    return true;
  }

  /* The chosen concept, its neighbours and their relations stand out on the map. */
  function highlight() {
    if (!svg) return null;
    for (const e of svg.querySelectorAll('.atlas-selected, .atlas-near, .atlas-near-edge'))
      e.classList.remove('atlas-selected', 'atlas-near', 'atlas-near-edge');
    svg.classList.toggle('atlas-has-selection', state.concept !== null);
    if (state.concept === null) return null;
    const c = concepts[state.concept];
    const near = new Set(c.links.map((l) => concepts[l.concept].id));
    let selected = null;
    for (const g of svg.querySelectorAll('g.node.concept')) {
      const id = g.getAttribute('data-concept');
      if (id === c.id) { g.classList.add('atlas-selected'); selected = g; }
      else if (near.has(id)) g.classList.add('atlas-near');
    }
    for (const g of svg.querySelectorAll('g.edge, g.node.phrase')) {
      if (g.getAttribute('data-from') === c.id || g.getAttribute('data-to') === c.id)
        g.classList.add('atlas-near-edge');
    }
    return selected;
  }

  // ------------------------------------------------------------------ the details

  const details = $('atlas-details');

  function conceptLink(i, attr) {
    const c = concepts[i];
    const a = el('a', { href: '#' + hashFor(Object.assign({}, state, { concept: i })),
                        class: 'd-concept', lang: langTag(state.lang) }, nameOf(c));
    a.setAttribute(attr, c.id);
    return a;
  }

  function conceptList(items, attr) {
    if (!items.length) return null;
    const span = el('span', { class: 'd-list' });
    items.forEach((i, k) => { if (k) span.append(state.lang === 'en' ? ', ' : '、'); span.append(conceptLink(i, attr)); });
    return span;
  }

  function fact(dl, label, value) {
    if (!value) return;
    dl.append(el('dt', { text: label }), el('dd', {}, value));
  }

  function rankCell(pair) {
    const v = Number.isInteger(pair[0]) ? String(pair[0]) : pair[0].toFixed(4);
    return el('td', { class: 'num' }, v, el('span', { class: 'rank', text: ' #' + pair[1] }));
  }

  /* Where the sentence holding text[i] starts and where the one holding text[i - 1] ends:
   * at 。！？!? or a line break, at most CONTEXT characters from the quote (then at a
   * character boundary). */
  const CONTEXT = 160;
  const SENTENCE_END = /[。！？!?\n]/;
  function sentenceStart(text, i) {
    for (let k = i - 1; k >= Math.max(0, i - CONTEXT); k--) if (SENTENCE_END.test(text[k])) return k + 1;
    let k = Math.max(0, i - CONTEXT);
    if (k > 0 && /[\uDC00-\uDFFF]/.test(text[k])) k--;
    return k;
  }
  function sentenceEnd(text, i) {
    const lim = Math.min(text.length, i + CONTEXT);
    for (let k = i; k < lim; k++) if (SENTENCE_END.test(text[k])) return text[k] === '\n' ? k : k + 1;
    let k = lim;
    if (k < text.length && /[\uDC00-\uDFFF]/.test(text[k])) k++;
    return k;
  }

  /* A quote: where it stands, then the sentences around it in their paragraph with the quote
   * in <mark>; "…" shows the whole paragraph. */
  function quoteBlock(q) {
    const p = DATA.papers[q.paper];
    const where = [p.id + (q.line !== null ? ':' + q.line + (q.end > q.line ? '-' + q.end : '') : '')];
    if (q.section !== null) {
      const sec = p.sections.find((s) => s.id === q.section);
      where.push(sec ? (sec.authors.length ? sec.authors.join('、') + '：' : '') + (sec.title || sec.id) : q.section);
    }
    const block = el('blockquote', { class: 'd-quote', 'data-paper': p.id,
                                     'data-line': q.line !== null ? q.line : '' },
      el('p', { class: 'd-where', text: where.join(' · ') }));
    const para = el('p', { class: 'd-para', lang: 'zh-Hans' });
    if (q.para !== null) {
      /* the sentences the quote lies in; the rest of the paragraph behind "…" */
      const text = DATA.paragraphs[q.para].text;
      const [a, b] = q.mark;
      const from = sentenceStart(text, a), to = sentenceEnd(text, b);
      const far = [];
      const more = () => {
        const button = el('button', { type: 'button', class: 'd-more', title: t('wholeParagraph'),
                                      'aria-label': t('wholeParagraph') }, '…');
        button.addEventListener('click', () => {
          for (const f of far) f.hidden = false;
          for (const m of para.querySelectorAll('.d-more')) m.remove();
        });
        return button;
      };
      if (from > 0) {
        far.push(el('span', { class: 'd-far', hidden: true, text: text.slice(0, from) }));
        para.append(far[far.length - 1], more());
      }
      para.append(text.slice(from, a), el('mark', { text: text.slice(a, b) }), text.slice(b, to));
      if (to < text.length) {
        far.push(el('span', { class: 'd-far', hidden: true, text: text.slice(to) }));
        para.append(more(), far[far.length - 1]);
      }
    } else {
      para.append(el('mark', { text: q.quote }), el('span', { class: 'd-muted', text: ' ' + t('notLocated') }));
    }
    block.append(para);
    if (q.note) block.append(el('p', { class: 'd-note', text: q.note }));
    return block;
  }

  function papersSection(c) {
    const sec = el('section', { class: 'd-papers' });
    const total = c.papers.reduce((n, p) => n + p.quotes.length, 0);
    sec.append(el('h3', { text: t('quotes') + ' (' + total + ')' }));
    const first = scopePaper();
    const order = c.papers.slice().sort((a, b) => (b.paper === first) - (a.paper === first));
    for (const pm of order) {
      const p = DATA.papers[pm.paper];
      const art = el('article', { class: 'd-paper' + (pm.paper === first ? ' d-current' : ''),
                                  'data-paper': p.id },
        el('h4', {}, el('span', { class: 'd-paper-id', text: p.id }), ' ', paperLabel(p)));
      if (!pm.mentioned)
        art.append(el('p', { class: 'd-muted', text: t('onlyRelations') + ' (' + pm.relations + ')' }));
      for (const q of pm.quotes) art.append(quoteBlock(q));
      sec.append(art);
    }
    if (!c.papers.length) sec.append(el('p', { class: 'd-muted', text: t('none') }));
    return sec;
  }

  function kindPhrase(l, heading) {
    const k = DATA.kinds[l.kind];
    const inverse = heading && l.dir === 'in';
    const zh = inverse ? k.inverse_zh || k.zh : k.zh;
    const en = inverse ? k.inverse_en || k.en : k.en;
    return state.lang === 'en' ? en || zh || k.id : zh || en || k.id;
  }

  function relationsSection(c) {
    const sec = el('section', { class: 'd-relations' });
    sec.append(el('h3', { text: t('relations') + ' (' + c.links.length + ')' }));
    let ul = null, prev = null;
    c.links.forEach((l, li) => {
      if (!prev || prev.kind !== l.kind || prev.dir !== l.dir) {
        const n = c.links.filter((x) => x.kind === l.kind && x.dir === l.dir).length;
        sec.append(el('h4', { class: 'd-kind', 'data-kind': DATA.kinds[l.kind].id, 'data-dir': l.dir,
                              text: kindPhrase(l, true) + ' (' + n + ')' }));
        ul = el('ul', { class: 'd-links' });
        sec.append(ul);
      }
      prev = l;
      const other = concepts[l.concept];
      const phrase = kindPhrase(l, false);
      const arrow = l.dir === 'out' ? '—' + phrase + '→' : '←' + phrase + '—';
      const meta = el('div', { class: 'd-link-meta' },
        el('span', { class: 'd-papers-of', text: l.papers.map((p) => DATA.papers[p].id).join(' · ') }));
      const item = el('li', { class: 'd-link' },
        el('div', { class: 'd-link-head' }, el('span', { class: 'd-arrow', text: arrow }), ' ',
          conceptLink(l.concept, 'data-neighbor'), ' ',
          el('span', { class: 'd-other', text: otherName(other) || '' })), meta);
      if (l.quotes.length) {
        const box = el('div', { class: 'd-link-quotes', id: 'atlas-link-quotes-' + li, hidden: true });
        const button = el('button', { type: 'button', class: 'd-quotes-toggle',
                                      'aria-expanded': 'false', 'aria-controls': box.id },
          t('showQuotes') + ' (' + l.quotes.length + ')');
        button.addEventListener('click', () => {
          const open = box.hidden;
          if (open && !box.childElementCount) for (const q of l.quotes) box.append(quoteBlock(q));
          box.hidden = !open;
          button.setAttribute('aria-expanded', open ? 'true' : 'false');
          button.textContent = (open ? t('hideQuotes') : t('showQuotes')) + ' (' + l.quotes.length + ')';
        });
        meta.append(' ', button);
        item.append(box);
      }
      ul.append(item);
    });
    if (!c.links.length) sec.append(el('p', { class: 'd-muted', text: t('none') }));
    return sec;
  }

  function showConcept(i) {
    const c = concepts[i];
    const theme = c.theme >= 0 ? DATA.themes[c.theme] : null;
    details.replaceChildren();
    details.setAttribute('data-concept', c.id);
    details.append(el('header', { class: 'd-head' },
      el('h2', { class: 'd-name', lang: langTag(state.lang), text: nameOf(c) }),
      el('p', { class: 'd-other-name', lang: langTag(state.lang === 'en' ? 'zh' : 'en'), text: otherName(c) || '' })));
    const dl = el('dl', { class: 'd-facts' });
    fact(dl, t('id'), el('code', { text: c.id }));
    if (c.alt.length) fact(dl, t('also'), c.alt.join(state.lang === 'en' ? '; ' : '、'));
    if (theme) {
      const swatch = el('span', { class: 'd-swatch theme-' + theme.id });
      swatch.style.background = theme.color;
      const other = state.lang === 'en' ? theme.zh : theme.en;
      fact(dl, t('theme'), el('span', {}, swatch, (state.lang === 'en' ? theme.en : theme.zh) || theme.id,
                                el('span', { class: 'd-muted', text: other ? ' (' + other + ')' : '' })));
    }
    fact(dl, t('broader'), conceptList(c.broader, 'data-goto'));
    fact(dl, t('narrower'), conceptList(c.narrower, 'data-goto'));
    details.append(dl);

    const def = el('section', { class: 'd-def' }, el('h3', { text: t('definition') }));
    const order = state.lang === 'en' ? ['en', 'zh'] : ['zh', 'en'];
    for (const l of order) if (c.def[l]) def.append(el('p', { lang: langTag(l), text: c.def[l] }));
    details.append(def);

    if (c.ranks.length) {
      const table = el('table', { class: 'd-ranks' },
        el('thead', {}, el('tr', {}, el('th', { text: t('scopeCol') }), el('th', { class: 'num', text: t('conceptsCol') }),
          el('th', { class: 'num', text: t('degree') }), el('th', { class: 'num', text: t('inDeg') }),
          el('th', { class: 'num', text: t('outDeg') }), el('th', { class: 'num', text: t('pagerank') }))));
      const body = el('tbody');
      for (const r of c.ranks) {
        body.append(el('tr', { 'data-scope': r.scope },
          el('td', { text: r.scope === 'all' ? t('all') : r.scope }), el('td', { class: 'num', text: String(r.n) }),
          rankCell(r.degree), rankCell(r.in), rankCell(r.out), rankCell(r.pagerank)));
      }
      table.append(body);
      details.append(el('section', { class: 'd-rank-section' }, el('h3', { text: t('ranks') }), table,
                        el('p', { class: 'd-muted', text: t('ranksNote') })));
    }
    details.append(papersSection(c), relationsSection(c));
  }

  function showIntro() {
    details.replaceChildren();
    details.removeAttribute('data-concept');
    if (state.unknown !== null)
      details.append(el('p', { class: 'd-warning' }, t('unknown'), el('code', { text: state.unknown })));
    details.append(el('h2', { class: 'd-name', text: t('introTitle') }), el('p', { text: t('intro') }));
    details.append(el('h3', { text: t('papersTitle') }));
    const ul = el('ul', { class: 'd-paper-list' });
    for (const s of scopes) {
      if (s.kind !== 'paper') continue;
      const p = DATA.papers[s.paper];
      const a = el('a', { href: '#' + hashFor(Object.assign({}, state, { scope: s.value, concept: null })),
                          'data-scope': s.value }, el('span', { class: 'd-paper-id', text: p.id }), ' ', paperLabel(p));
      ul.append(el('li', {}, a, el('span', { class: 'd-muted', text: ' — ' + fmt('paperConcepts', { n: s.concepts, r: s.relations }) })));
    }
    details.append(ul);
  }

  // ------------------------------------------------------------------ language and scope menu

  const scopeSelect = $('atlas-scope');

  function fillScopes() {
    scopeSelect.replaceChildren();
    let group = null;
    for (const s of scopes) {
      const option = el('option', { value: s.value, text: scopeLabel(s) });
      if (s.kind === 'section') {
        if (!group || group.dataset.paper !== String(s.paper)) {
          group = el('optgroup', { label: DATA.papers[s.paper].id + ' · ' + t('essays'), 'data-paper': s.paper });
          scopeSelect.append(group);
        }
        group.append(option);
      } else {
        group = null;
        scopeSelect.append(option);
      }
    }
    scopeSelect.value = state.scope;
  }

  function applyLanguage() {
    document.documentElement.lang = langTag(state.lang);
    document.title = t('title') + ' · ckg atlas';
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
    for (const e of document.querySelectorAll('[data-i18n-label]')) e.setAttribute('aria-label', t(e.dataset.i18nLabel));
    for (const e of document.querySelectorAll('[data-i18n-title]')) e.title = t(e.dataset.i18nTitle);
    const button = $('atlas-lang');
    button.textContent = t('langButton');
    button.lang = state.lang === 'en' ? 'zh-Hans' : 'en';
    button.setAttribute('aria-label', state.lang === 'en' ? '切换到中文' : 'Switch to English');
    fillScopes();
  }

  scopeSelect.addEventListener('change', () => go({ scope: scopeSelect.value }));
  $('atlas-lang').addEventListener('click', () => go({ lang: state.lang === 'en' ? 'zh' : 'en' }));

  // ------------------------------------------------------------------ showing a state

  const note = $('atlas-map-note');
  let shownLang = null;

  /* Shows st: language, scope menu and details at once, then the map when it is ready, with
   * the concept chosen on it. When all is on screen, <html data-atlas-shown> says what is
   * shown (SCOPE|LANG|CONCEPT), for tests and scripts. */
  let renderCount = 0;
  async function render(st) {
    const langChanged = st.lang !== shownLang;
    Object.assign(state, st);
    const mine = ++renderCount;
    const center_ = centerNext;
    centerNext = true;
    document.documentElement.removeAttribute('data-atlas-shown');
    if (langChanged) { applyLanguage(); shownLang = state.lang; }
    scopeSelect.value = state.scope;
    const key = state.concept === null ? 'intro|' + state.lang + '|' + state.unknown + '|' + state.scope
                                       : state.concept + '|' + state.lang + '|' + state.scope;
    if (key !== shownDetails) {
      if (state.concept === null) showIntro(); else showConcept(state.concept);
      details.scrollTop = 0;
      shownDetails = key;
    }
    const mapChanged = await showMap();
    if (mine !== renderCount) return;
    const g = highlight();
    note.hidden = !(state.concept !== null && !g);
    if (!note.hidden) {
      note.replaceChildren(t('notOnMap'), ' ');
      if (state.scope !== 'all')
        note.append(el('a', { href: '#' + hashFor(Object.assign({}, state, { scope: 'all' })) }, t('showAll')));
    }
    if (g && (center_ || mapChanged)) center(g);
    document.documentElement.setAttribute('data-atlas-shown', state.scope + '|' + state.lang + '|' +
      (state.concept === null ? '' : concepts[state.concept].id));
  }

  window.addEventListener('hashchange', () => render(readHash()));
  window.addEventListener('resize', () => { if (svg) setBox(svg.atlasBox); });

  render(readHash()).then(() => { window.atlasReady = performance.now(); }, (e) => {
    view.textContent = String(e);
    throw e;
  });
})();
