#!/usr/bin/python3
"""check_atlas.py — the concept atlas in a real browser, used the way a student uses it.

    check_atlas.py --ckg CKG [--diff A B] [--shots DIR] ATLAS.html
    check_atlas.py --hostile FIXTURE [--shots DIR] ATLAS.html

Drives Debian's chromium headless through chromium-driver (python3-selenium), with the page
opened from disk (file://), as a student would open it from a USB stick.

With --ckg (the shipped ontology's atlas, built with its corpus), what the page shows is
compared with what the ckg binary says, the page's own data never serving as the truth:
  - the scope menu: `all`, every paper, every section, the diff; each map's concepts, each
    an element with data-concept, are those of `ckg export` for the scope, and the map of
    all papers draws each of its relations (data-from, data-to);
  - search: typing (case, width and space insensitive: "ｔ ｆ Ｐ" finds TFP), the first
    result of an exact name is the concept `ckg show` resolves it to, every result holds the
    text, arrow keys move through the results, Enter opens one;
  - a click on a map node, a click on a neighbour, Back and Forward, deep links (#c=, &p=,
    by id and by name, and an unknown one), the scope menu, the zh/en switch (labels of the
    page and of the map);
  - the details of several concepts against `ckg show --format json` (names, broader,
    narrower, every rank, every quote's paper and line) and `ckg neighbors --format json`
    (each neighbour in order, the groups by kind and direction); a relation's quotes open on
    demand and match `ckg neighbors --evidence`;
  - every quote's <mark> holds the text of the curated quote (compared as the letters and
    digits they are made of, so the source's punctuation glyphs and citation marks do not
    count), on screen for several concepts and in the page's data for all of them;
  - pan (drag), zoom (wheel, buttons) and fit change the view without choosing a concept;
  - a concept opened by its address is centred and zoomed until its label reads;
  - a theme's swatch in the details has the colour of the concept's box on the map of all
    papers, also when the page opens on the diff map.
With --hostile (the atlas of tests/fixtures/render/hostile, built from the texts
tests/cli/hostile_corpus.py writes), every concept's details are opened with every relation's
quotes: each text of the ontology must be there as text; no element, script or handler may
come from the ontology or the corpus; nothing may call alert().

Throughout, any console error (a script error, a CSP violation), any uncaught exception and
any network request other than the file itself fails the run. The load time (from navigation
to the first map on screen, median of five fresh loads) is printed, not judged: speed is
measured, not asserted. --shots DIR writes screenshots at 1920x1080 and at 420x900.

Prints one line per check group and "N passed, N failed"; exit 1 on a failure, 2 when the
browser cannot run."""

import argparse
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # pragma: no cover - reported below
    webdriver = None

import yaml

CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--hide-scrollbars", "--mute-audio"]
MAX_BYTES = 8 * 1000 * 1000

# Runs before the page's own script in every document: counts dialogs and records errors.
WATCH = r"""
window.__atlasAlerts = [];
for (const f of ['alert', 'confirm', 'prompt'])
  window[f] = function (m) { window.__atlasAlerts.push(f + ':' + String(m)); };
window.__atlasErrors = [];
window.addEventListener('error', (e) => window.__atlasErrors.push('error: ' + e.message));
window.addEventListener('unhandledrejection', (e) => window.__atlasErrors.push('rejection: ' + e.reason));
document.addEventListener('securitypolicyviolation',
  (e) => window.__atlasErrors.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
"""

# The elements the page itself may hold (its template, its details, the maps' SVG).
PAGE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4",
    "div", "label", "span", "select", "option", "optgroup", "input", "ul", "li", "button",
    "main", "section", "p", "aside", "noscript", "script", "dl", "dt", "dd", "code", "a",
    "table", "thead", "tbody", "tr", "th", "td", "article", "blockquote", "mark",
    "svg", "g", "path", "polygon", "polyline", "ellipse", "text", "template",
}


# ------------------------------------------------------------------ comparing texts

CIRCLED = re.compile("[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]")
CITATION = re.compile(r"\[\d+(?:[,\-–—~、]\d+)*\]")


def letters(s):
    """The letters and digits a text is made of (NFKC, citation marks and circled numbers
    dropped): what a quote and the source text it was copied from have in common."""
    s = CIRCLED.sub("", s)
    s = unicodedata.normalize("NFKC", s)
    s = CITATION.sub("", s)
    return "".join(ch for ch in s if unicodedata.category(ch)[0] in "LN").casefold()


def fold(s):
    """A name folded as ckg folds names: NFKC, case, and no white space."""
    s = unicodedata.normalize("NFKC", s).casefold()
    return "".join(ch for ch in s if not ch.isspace() and unicodedata.category(ch) != "Cf")


# ------------------------------------------------------------------ the run

class Run:
    def __init__(self, path, shots):
        self.path = os.path.abspath(path)
        self.url = "file://" + self.path
        self.shots = shots
        self.passed = self.failed = 0
        self.group = ""
        self.profile = tempfile.mkdtemp(prefix="ckg-atlas-profile-")
        opts = Options()
        for a in CHROMIUM_FLAGS + ["--user-data-dir=" + self.profile]:
            opts.add_argument(a)
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if browser:
            opts.binary_location = browser
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
        self.d = webdriver.Chrome(service=Service(driver), options=opts)
        self.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH})
        self.viewport()

    def close(self):
        try:
            self.d.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    # -------------------------------------------------------------- reporting

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL [%s] %s" % (self.group, what))
        return ok

    def equal(self, got, want, what):
        return self.check(got == want, "%s: got %r, expected %r" % (what, got, want))

    # -------------------------------------------------------------- the page

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def shown(self):
        return self.js("return document.documentElement.getAttribute('data-atlas-shown')")

    def wait_shown(self, want, what="", timeout=20):
        try:
            WebDriverWait(self.d, timeout).until(lambda d: self.shown() == want)
            return self.check(True, "")
        except TimeoutException:
            return self.check(False, "%s: the page shows %r, expected %r" % (what, self.shown(), want))

    def open(self, fragment="", want=None):
        """A fresh load of the file (through about:blank, so it is not a same-document
        navigation)."""
        self.d.get("about:blank")
        self.d.get(self.url + ("#" + fragment if fragment else ""))
        if want is not None:
            self.wait_shown(want, "opening #" + fragment)

    def navigate(self, fragment, want):
        """A same-document navigation, as a link on the page makes."""
        self.js("location.hash = arguments[0]", fragment)
        self.wait_shown(want, "going to #" + fragment)

    def hash(self):
        return self.js("return decodeURIComponent(location.hash)")

    def details_id(self):
        return self.js("return document.getElementById('atlas-details').getAttribute('data-concept')")

    def map_concepts(self):
        return self.js("return [...document.querySelectorAll('#atlas-map-view g.node.concept')]"
                       ".map(g => g.getAttribute('data-concept'))")

    def map_relations(self):
        return {tuple(r) for r in self.js(
            "return [...document.querySelectorAll('#atlas-map-view g.edge')]"
            ".map(g => [g.getAttribute('data-from'), g.getAttribute('data-to')])")}

    def viewport(self, width=1920, height=1080):
        """The window's size (a phone's when narrow) for what is opened next."""
        self.size = (width, height)
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1,
                                "mobile": width < 600})

    def shot(self, name, width=1920, height=1080):
        """A screenshot at this size; the page is laid out again at it, as after turning a
        tablet, so open a page at the size first (viewport) to see it as it opens there.
        The size is then what it was."""
        if not self.shots:
            return
        os.makedirs(self.shots, exist_ok=True)
        before = self.size
        self.viewport(width, height)
        time.sleep(0.3)
        path = os.path.join(self.shots, name + ".png")
        self.d.save_screenshot(path)
        print("shot %s (%dx%d)" % (path, width, height))
        self.viewport(*before)

    # -------------------------------------------------------------- what must never happen

    def check_quiet(self):
        """No console error, uncaught exception, CSP violation, dialog or network request
        other than the file, since the last call."""
        for e in self.d.get_log("browser"):
            self.check(e.get("level") not in ("SEVERE", "ERROR"), "console: %s" % e.get("message"))
        errors = self.js("return window.__atlasErrors || []")
        self.check(not errors, "errors in the page: %s" % errors)
        alerts = self.js("return window.__atlasAlerts || []")
        self.check(not alerts, "dialogs opened: %s" % alerts)
        # requests of the page (the browser's own pages have requests of their own)
        for entry in self.d.get_log("performance"):
            msg = json.loads(entry["message"])["message"]
            if msg.get("method") != "Network.requestWillBeSent":
                continue
            page = msg["params"].get("documentURL", "").split("#")[0]
            url = msg["params"]["request"]["url"]
            if page == self.url:
                self.check(url.split("#")[0] == self.url, "network request: %s" % url)


# ------------------------------------------------------------------ the shipped atlas

class Truth:
    """What the ckg binary says."""

    def __init__(self, ckg):
        self.ckg = ckg
        self.cache = {}

    def run(self, *args):
        if args not in self.cache:
            out = subprocess.run([self.ckg] + list(args), check=True, capture_output=True,
                                 text=True).stdout
            self.cache[args] = json.loads(out) if "--format" in args else out
        return self.cache[args]

    def export(self, *scope):
        return self.run("export", "--format", "json", *scope)

    def concepts_of(self, paper=None, section=None):
        args = ()
        if paper:
            args += ("--paper", paper)
        if section:
            args += ("--section", section)
        return {c["id"] for c in self.export(*args)["concepts"]}

    def show(self, name):
        return self.run("show", name, "--format", "json")

    def neighbors(self, concept, evidence=False):
        return self.run("neighbors", concept, "--format", "json",
                        *(("--evidence",) if evidence else ()))


def rank_text(r):
    return str(int(r)) if float(r).is_integer() else ("%g" % r)


def check_scopes(run, truth, diff):
    run.group = "scopes and maps"
    run.open("", "all|zh|")
    everything = truth.export()
    papers = [p["id"] for p in everything["papers"]]
    want = ["all"] + papers
    for p in everything["papers"]:
        want += [p["id"] + "/" + s["id"] for s in p["sections"]]
    if diff:
        want.append("diff:%s:%s" % tuple(diff))
    got = run.js("return [...document.querySelectorAll('#atlas-scope option')].map(o => o.value)")
    run.equal(got, want, "the scope menu's values")
    run.equal(sorted(run.map_concepts()), sorted(truth.concepts_of()), "the map of all papers")
    run.equal(run.js("return document.querySelectorAll('#atlas-map-view [id]').length"), 0,
              "ids left in the map")
    run.check(run.js("return document.querySelectorAll('#atlas-map-view g.node.concept:not([data-concept])').length") == 0,
              "a concept box without data-concept")
    run.equal(sorted(run.map_relations()),
              sorted({(r["from"], r["to"]) for r in everything["relations"]}),
              "the relations of the map of all papers (data-from, data-to)")
    for value in want[1:]:
        run.js("const s = document.getElementById('atlas-scope'); s.value = arguments[0];"
               "s.dispatchEvent(new Event('change'))", value)
        run.wait_shown(value + "|zh|", "scope " + value)
        if value.startswith("diff:"):
            a, b = value[5:].split(":")
            expect = truth.concepts_of(*a.split("/")) | truth.concepts_of(*b.split("/"))
        else:
            expect = truth.concepts_of(*value.split("/"))
        run.equal(sorted(run.map_concepts()), sorted(expect), "the map of " + value)
        run.equal(run.hash(), "#p=" + value, "the address after choosing " + value)
    run.d.back()
    run.wait_shown(want[-2] + "|zh|", "Back after choosing scopes")
    run.check_quiet()


def type_search(run, text):
    box = run.d.find_element(By.ID, "atlas-search")
    box.clear()
    box.send_keys(text)
    WebDriverWait(run.d, 5).until(lambda d: not run.js("return document.getElementById('atlas-results').hidden"))
    return box


def results(run):
    return run.js("return [...document.querySelectorAll('#atlas-results [role=option]')]"
                  ".map(li => [li.getAttribute('data-concept'), li.getAttribute('aria-selected')])")


def check_search(run, truth):
    run.group = "search"
    run.open("", "all|zh|")
    concepts = {c["id"]: c for c in truth.export()["concepts"]}
    # exact names in any of their forms: the first result is the concept ckg resolves
    for text, name in (("数据要素", "数据要素"), ("ｔ ｆ Ｐ", "TFP"), ("ai", "AI"),
                       ("data-factor", "data-factor"), (" 新质 生产力 ", "新质生产力"),
                       ("DIGITAL ECONOMY", "digital economy")):
        type_search(run, text)
        want = truth.show(name)["id"]
        got = results(run)
        run.check(got and got[0][0] == want, "%r: first result %r, ckg resolves %r to %r"
                  % (text, got[:1], name, want))
    # every result holds the text in one of its names
    type_search(run, "生产")
    got = results(run)
    run.check(len(got) > 3, "'生产' finds %d concepts" % len(got))
    for cid, _ in got:
        c = concepts[cid]
        names = [c["id"], c["zh"], c["en"]] + c["alt"]
        run.check(any("生产" in fold(n) for n in names), "%s does not hold '生产'" % cid)
    # Enter opens the best match
    box = type_search(run, "ｔｆｐ")
    box.send_keys(Keys.ENTER)
    tfp = truth.show("TFP")["id"]
    run.wait_shown("all|zh|" + tfp, "Enter on 'ｔｆｐ'")
    run.equal(run.details_id(), tfp, "the details after Enter")
    run.equal(run.hash(), "#c=" + tfp, "the address after Enter")
    # arrows move through the results, Enter opens the one chosen
    box = type_search(run, "生产力")
    first = results(run)
    run.equal([s for _, s in first[:3]], ["true", "false", "false"], "the first result is chosen")
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    run.equal([s for _, s in results(run)[:3]], ["false", "false", "true"], "two steps down")
    box.send_keys(Keys.ARROW_UP)
    chosen = results(run)
    run.equal([s for _, s in chosen[:3]], ["false", "true", "false"], "one step up")
    box.send_keys(Keys.ENTER)
    run.wait_shown("all|zh|" + chosen[1][0], "Enter on the second result")
    run.check(run.js("return document.getElementById('atlas-results').hidden"), "results stay open")
    # nothing found says so
    type_search(run, "不存在的概念名")
    run.equal(results(run), [], "results for an unknown name")
    run.check(run.js("return document.querySelector('#atlas-results .r-none') !== null"),
              "no 'nothing found' line")
    run.d.find_element(By.ID, "atlas-search").send_keys(Keys.ESCAPE)
    run.check_quiet()


def click_concept(run, cid):
    shape = run.d.find_element(By.CSS_SELECTOR, '#atlas-map-view g.node.concept[data-concept="%s"] '
                                                '> :is(path, polygon, ellipse)' % cid)
    ActionChains(run.d).move_to_element(shape).click().perform()


def view_box(run):
    return run.js("return document.querySelector('#atlas-map-view svg').getAttribute('viewBox')")


def check_map(run):
    run.group = "map: click, pan, zoom"
    run.open("", "all|zh|")
    run.d.find_element(By.ID, "atlas-zoom-fit").click()
    home = view_box(run)
    for cid in ("digital-economy", "data-factor"):
        click_concept(run, cid)
        run.wait_shown("all|zh|" + cid, "a click on " + cid)
        run.equal(run.details_id(), cid, "the details after a click on the map")
        run.equal(run.hash(), "#c=" + cid, "the address after a click on the map")
        run.check(run.js("return document.querySelector('#atlas-map-view g.atlas-selected')"
                         ".getAttribute('data-concept')") == cid, "the clicked box is not marked")
    run.d.find_element(By.ID, "atlas-zoom-fit").click()
    run.equal(view_box(run), home, "fit")
    run.d.find_element(By.ID, "atlas-zoom-in").click()
    zoomed = [float(x) for x in view_box(run).split()]
    run.check(zoomed[2] < float(home.split()[2]) * 0.9, "+ does not zoom in: %s" % zoomed)
    view = run.d.find_element(By.ID, "atlas-map-view")
    before = view_box(run)
    ActionChains(run.d).move_to_element_with_offset(view, 10, 10).click_and_hold() \
        .move_by_offset(40, 0).move_by_offset(60, 30).release().perform()
    after = [float(x) for x in view_box(run).split()]
    b = [float(x) for x in before.split()]
    run.check(after[0] < b[0] and after[2] == b[2], "a drag does not pan: %s -> %s" % (b, after))
    run.equal(run.details_id(), "data-factor", "the concept after a drag")
    run.js("const v = document.getElementById('atlas-map-view'), r = v.getBoundingClientRect();"
           "v.dispatchEvent(new WheelEvent('wheel', {deltaY: -400, clientX: r.left + r.width / 2,"
           " clientY: r.top + r.height / 2, bubbles: true, cancelable: true}))")
    wheeled = [float(x) for x in view_box(run).split()]
    run.check(wheeled[2] < after[2], "the wheel does not zoom in: %s -> %s" % (after, wheeled))
    run.d.find_element(By.ID, "atlas-zoom-out").click()
    run.check(float(view_box(run).split()[2]) > wheeled[2], "- does not zoom out")
    run.check_quiet()


def details_state(run):
    return run.js(r"""
    const d = document.getElementById('atlas-details');
    const q = (s) => [...d.querySelectorAll(s)];
    return {
      id: d.getAttribute('data-concept'),
      name: d.querySelector('.d-name').textContent,
      other: d.querySelector('.d-other-name').textContent,
      goto: q('[data-goto]').map(a => a.getAttribute('data-goto')),
      ranks: q('.d-ranks tbody tr').map(tr => [tr.getAttribute('data-scope'),
        ...[...tr.querySelectorAll('td')].slice(1).map(td => td.textContent)]),
      papers: q('.d-papers article').map(a => a.getAttribute('data-paper')),
      quotes: q('.d-papers blockquote.d-quote').map(b => [b.getAttribute('data-paper'),
        b.getAttribute('data-line'), (b.querySelector('mark') || {}).textContent,
        b.querySelectorAll('mark').length]),
      neighbors: q('[data-neighbor]').map(a => a.getAttribute('data-neighbor')),
      groups: q('h4.d-kind').map(h => [h.getAttribute('data-kind'), h.getAttribute('data-dir'),
        h.nextElementSibling.querySelectorAll('li').length]),
    };""")


def check_details(run, truth):
    run.group = "details against ckg show and ckg neighbors"
    names = ("数据要素", "digital-economy", "TFP", "新质生产力", "关键核心技术", "新型生产要素",
             "数字技术", "未来产业")
    run.open("", "all|zh|")
    for name in names:
        show = truth.show(name)
        cid = show["id"]
        run.navigate("c=" + cid, "all|zh|" + cid)
        st = details_state(run)
        run.equal(st["id"], cid, "details of " + name)
        run.equal(st["name"], show["zh"], cid + ": the name")
        run.equal(st["other"], show["en"], cid + ": the English name")
        run.equal(st["goto"], [c["id"] for c in show["broader"] + show["narrower"]],
                  cid + ": broader and narrower")
        want_ranks = []
        for r in show["centrality"]:
            want_ranks.append([r["scope"], str(r["concepts"])] + [
                "#" + rank_text(r[k]["rank"]) for k in ("degree", "in_degree", "out_degree", "pagerank")])
        got_ranks = [[row[0], row[1]] + ["#" + cell.split("#")[-1] for cell in row[2:]]
                     for row in st["ranks"]]
        run.equal(got_ranks, want_ranks, cid + ": ranks")
        run.equal(st["papers"], [p["id"] for p in show["papers"]], cid + ": papers")
        want_quotes = [(p["id"], str(q["line"]), letters(q["quote"])) for p in show["papers"]
                       for q in p["quotes"]]
        got_quotes = [(p, line, letters(mark or "")) for p, line, mark, n in st["quotes"]]
        run.equal(got_quotes, want_quotes, cid + ": quotes (paper, line, marked text)")
        run.check(all(n == 1 for *_, n in st["quotes"]), cid + ": a quote with other than one mark")
        nb = truth.neighbors(cid)["neighbors"]
        run.equal(st["neighbors"], [n["id"] for n in nb], cid + ": neighbours in order")
        groups = []
        for n in nb:
            if groups and groups[-1][:2] == [n["kind"], n["direction"]]:
                groups[-1][2] += 1
            else:
                groups.append([n["kind"], n["direction"], 1])
        run.equal(st["groups"], groups, cid + ": groups by kind and direction")
    run.check_quiet()


def check_relation_quotes(run, truth):
    run.group = "relation quotes on demand"
    cid = "data-factor"
    run.open("c=" + cid, "all|zh|" + cid)
    nb = truth.neighbors(cid, evidence=True)["neighbors"]
    toggles = run.d.find_elements(By.CSS_SELECTOR, "#atlas-details .d-quotes-toggle")
    run.equal(len(toggles), sum(1 for n in nb if n["evidence"]), "a button per relation with quotes")
    run.check(run.js("return [...document.querySelectorAll('.d-link-quotes')].every(b => b.hidden)"),
              "quotes shown before they are asked for")
    withq = [n for n in nb if n["evidence"]]
    for i in (0, len(toggles) - 1):
        run.js("arguments[0].scrollIntoView({block: 'center'})", toggles[i])
        toggles[i].click()
        run.equal(toggles[i].get_attribute("aria-expanded"), "true", "the button says it is open")
        got = run.js("const b = document.getElementById(arguments[0].getAttribute('aria-controls'));"
                     "return [b.hidden, [...b.querySelectorAll('blockquote.d-quote')].map(q => ["
                     "q.getAttribute('data-paper'), q.getAttribute('data-line'),"
                     "q.querySelector('mark').textContent])]", toggles[i])
        run.check(not got[0], "the quotes stay hidden")
        want = [(e["paper"], str(e["line"]), letters(e["quote"])) for e in withq[i]["evidence"]]
        run.equal([(p, l, letters(m)) for p, l, m in got[1]], want,
                  "the quotes of %s —%s→ %s" % (cid, withq[i]["kind"], withq[i]["id"]))
        if i == 0:
            run.shot("atlas-relation-quotes")
        toggles[i].click()
        run.equal(toggles[i].get_attribute("aria-expanded"), "false", "the button closes")
    run.check_quiet()


def check_all_marks(run, truth):
    run.group = "every quote's mark"
    run.open("", "all|zh|")
    marks = run.js("""
      const D = JSON.parse(document.getElementById('atlas-data').textContent);
      const out = [];
      for (const c of D.concepts) {
        const qs = c.papers.flatMap(p => p.quotes).concat(c.links.flatMap(l => l.quotes));
        for (const q of qs) out.push([c.id, D.papers[q.paper].id, q.quote, q.line,
          q.para === null ? null : D.paragraphs[q.para].text.slice(q.mark[0], q.mark[1])]);
      }
      return out;""")
    run.check(len(marks) > 1000, "only %d quotes in the data" % len(marks))
    bad = [m for m in marks if m[4] is None or letters(m[4]) != letters(m[2])]
    run.check(not bad, "%d of %d marks differ from their quote, e.g. %s" % (len(bad), len(marks), bad[:3]))
    # the lines are those ckg reports for the same quotes
    lines = {}
    for c in truth.export()["concepts"][:40]:
        for p in truth.show(c["id"])["papers"]:
            for q in p["quotes"]:
                lines[(c["id"], p["id"], q["quote"])] = q["line"]
    seen = {(m[0], m[1], m[2]): m[3] for m in marks}
    diff = [(k, v, seen.get(k)) for k, v in lines.items() if seen.get(k) != v]
    run.check(lines and not diff, "lines differ from ckg show: %s" % diff[:3])


def check_navigation(run, truth):
    run.group = "neighbours, Back, deep links"
    run.open("c=data-factor", "all|zh|data-factor")
    first = run.d.find_element(By.CSS_SELECTOR, "#atlas-details [data-neighbor]")
    target = first.get_attribute("data-neighbor")
    first.click()
    run.wait_shown("all|zh|" + target, "a click on the neighbour " + target)
    run.equal(run.hash(), "#c=" + target, "the address after a click on a neighbour")
    run.d.back()
    run.wait_shown("all|zh|data-factor", "Back")
    run.d.forward()
    run.wait_shown("all|zh|" + target, "Forward")
    broader = truth.show("data-factor")["broader"][0]["id"]
    run.d.back()
    run.wait_shown("all|zh|data-factor", "Back again")
    run.d.find_element(By.CSS_SELECTOR, '#atlas-details [data-goto="%s"]' % broader).click()
    run.wait_shown("all|zh|" + broader, "a click on a broader concept")

    # a deep link with a scope: that paper's map, its quotes first, the concept marked
    run.open("c=digital-economy&p=hong2024", "hong2024|zh|digital-economy")
    run.equal(run.js("return document.getElementById('atlas-scope').value"), "hong2024", "the menu")
    run.equal(sorted(run.map_concepts()), sorted(truth.concepts_of("hong2024")), "the map of hong2024")
    run.equal(run.js("return document.querySelector('.d-papers article').getAttribute('data-paper')"),
              "hong2024", "the scope's paper first")
    run.equal(run.js("return document.querySelector('#atlas-map-view g.atlas-selected').getAttribute('data-concept')"),
              "digital-economy", "the concept marked on the map")
    run.equal(run.js("""const r = document.querySelector('#atlas-map-view g.atlas-selected').getBoundingClientRect(),
                     v = document.getElementById('atlas-map-view').getBoundingClientRect();
                     return r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom"""),
              True, "the concept in view")
    # a name in the address, and a concept the scope's map lacks
    run.open("c=" + "数字经济", "all|zh|digital-economy")
    run.open("c=nope-concept", "all|zh|")
    run.check("nope-concept" in run.js("return document.getElementById('atlas-details').textContent"),
              "an unknown concept is not named")
    only_elsewhere = sorted(truth.concepts_of() - truth.concepts_of("peng2024"))[0]
    run.open("c=%s&p=peng2024" % only_elsewhere, "peng2024|zh|" + only_elsewhere)
    run.check(run.js("return !document.getElementById('atlas-map-note').hidden"),
              "no note that the concept is not on the map")
    run.check_quiet()


def check_language(run, truth):
    run.group = "language"
    run.open("c=data-factor", "all|zh|data-factor")
    show = truth.show("data-factor")
    run.shot("atlas-zh-data-factor")
    run.d.find_element(By.ID, "atlas-lang").click()
    run.wait_shown("all|en|data-factor", "the switch to English")
    run.equal(run.js("return document.documentElement.lang"), "en", "<html lang>")
    run.equal(run.js("return document.querySelector('#atlas-details .d-name').textContent"),
              show["en"], "the name in English")
    run.equal(run.hash(), "#c=data-factor&l=en", "the address")
    label = run.js("return [...document.querySelectorAll('#atlas-map-view g.atlas-selected text')]"
                   ".map(t => t.textContent).join(' ')")
    run.equal(re.sub(r"\s+", " ", label).strip(), show["en"], "the map's label in English")
    run.check(re.search(r"[A-Za-z]", run.js("return document.getElementById('atlas-search').placeholder")),
              "the search box is not in English")
    run.shot("atlas-en-data-factor")
    run.d.find_element(By.ID, "atlas-lang").click()
    run.wait_shown("all|zh|data-factor", "the switch back to Chinese")
    run.equal(run.js("return document.documentElement.lang"), "zh-Hans", "<html lang>")
    label = run.js("return [...document.querySelectorAll('#atlas-map-view g.atlas-selected text')]"
                   ".map(t => t.textContent).join('')")
    run.equal(label, show["zh"], "the map's label in Chinese")
    run.d.back()
    run.wait_shown("all|en|data-factor", "Back to English")
    run.check_quiet()


def check_load(run):
    run.group = "size and load time"
    size = os.path.getsize(run.path)
    run.check(size < MAX_BYTES, "the atlas is %d bytes, over %d" % (size, MAX_BYTES))
    times = []
    for _ in range(5):
        run.open("", "all|zh|")
        times.append(run.js("return window.atlasReady"))
    run.check(all(isinstance(t, (int, float)) for t in times), "no load time: %s" % times)
    print("load: %.2f MB, map on screen %.0f ms after navigation (median of %s)"
          % (size / 1e6, statistics.median(times), ", ".join("%.0f" % t for t in times)))
    run.shot("atlas-intro")
    run.viewport(420, 900)
    run.open("", "all|zh|")
    run.shot("atlas-narrow-intro", 420, 900)
    run.open("c=new-quality-productive-forces&p=zhai2024", "zhai2024|zh|new-quality-productive-forces")
    run.shot("atlas-narrow-concept", 420, 900)
    run.viewport()
    run.open("c=data-factor&p=diff:peng2024:hong2024", None)
    run.shot("atlas-diff")
    run.check_quiet()


def check_opened_concept_reads(run):
    """A concept opened by its address is on screen, centred, with its label at least 13
    pixels high, however small it is on the whole map: on a wide screen and on a phone's."""
    run.group = "an opened concept can be read"
    for cid, width, height in (("data-factor", 1920, 1080), ("century-changes", 1920, 1080),
                               ("new-quality-productive-forces", 420, 900),
                               ("data-factor", 420, 900)):
        run.viewport(width, height)
        run.open("c=" + cid, "all|zh|" + cid)
        got = run.js("""const svg = document.querySelector('#atlas-map-view svg');
          const g = svg.querySelector('g.atlas-selected'), t = g.querySelector('text');
          const r = g.getBoundingClientRect(), v = document.getElementById('atlas-map-view').getBoundingClientRect();
          return [parseFloat(t.getAttribute('font-size')) * svg.getScreenCTM().a,
                  r.left >= v.left && r.right <= v.right && r.top >= v.top && r.bottom <= v.bottom,
                  Math.abs((r.left + r.right) / 2 - (v.left + v.right) / 2) < v.width / 4]""")
        run.check(got[0] >= 13, "%s: its label is %.1f px on screen" % (cid, got[0]))
        run.check(got[1], "%s: its box is not inside the map's view" % cid)
        run.check(got[2], "%s: its box is not near the middle of the view" % cid)
        if width < 600:
            run.shot("atlas-narrow-" + cid, width, height)
    run.viewport()
    run.check_quiet()


def check_theme_swatch(run, diff):
    """The theme's swatch in the details is the colour of the concept's box on the map of
    all papers, whichever map the page opened with (a diff map colours boxes by text)."""
    run.group = "theme colours"
    swatch = "return getComputedStyle(document.querySelector('#atlas-details .d-swatch')).backgroundColor"
    run.open("c=data-factor", "all|zh|data-factor")
    box = run.js("const s = getComputedStyle(document.querySelector("
                 "'#atlas-map-view g.node.concept[data-concept=\"data-factor\"] path')); return s.fill")
    run.equal(run.js(swatch), box, "the swatch on the map of all papers")
    if diff:
        scope = "diff:%s:%s" % tuple(diff)
        run.open("c=data-factor&p=" + scope, scope + "|zh|data-factor")
        run.equal(run.js(swatch), box, "the swatch of a page opened on the diff map")
    run.check_quiet()


def shipped(args):
    truth = Truth(args.ckg)
    run = Run(args.atlas, args.shots)
    try:
        for check in (check_load, lambda r: check_scopes(r, truth, args.diff),
                      lambda r: check_search(r, truth), check_map,
                      lambda r: check_details(r, truth), lambda r: check_relation_quotes(r, truth),
                      lambda r: check_all_marks(r, truth), lambda r: check_navigation(r, truth),
                      lambda r: check_language(r, truth),
                      check_opened_concept_reads, lambda r: check_theme_swatch(r, args.diff)):
            before = run.failed
            check(run)
            print("%-4s %s" % ("ok" if run.failed == before else "FAIL", run.group))
    finally:
        run.close()
    return run


# ------------------------------------------------------------------ the hostile atlas

def hostile(args):
    texts = load_hostile(args.hostile)
    run = Run(args.atlas, args.shots)
    try:
        run.group = "hostile text stays text"
        run.open("", "all|zh|")
        n_scripts = run.js("return document.scripts.length")
        for cid, own in texts["concepts"].items():
            run.navigate("c=" + cid, "all|zh|" + cid)
            run.js("for (const b of document.querySelectorAll('.d-quotes-toggle')) b.click()")
            got = run.js("""
              const d = document.getElementById('atlas-details');
              const tags = new Set([...document.querySelectorAll('*')].map(e => e.localName));
              return {text: d.textContent, tags: [...tags], scripts: document.scripts.length,
                      handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                        .filter(a => a.name.startsWith('on')).map(a => e.localName + '@' + a.name)),
                      marks: [...d.querySelectorAll('mark')].map(m => m.textContent),
                      paras: [...d.querySelectorAll('.d-para')].map(p => p.textContent)};""")
            for what, text in own:
                run.check(text in got["text"], "%s: its %s %r is not shown" % (cid, what, text))
            stray = sorted(set(got["tags"]) - PAGE_TAGS)
            run.check(not stray, "%s: elements from the text: %s" % (cid, stray))
            run.equal(got["scripts"], n_scripts, cid + ": scripts in the document")
            run.equal(got["handlers"], [], cid + ": event handler attributes")
            marked = [letters(m) for m in got["marks"]]
            for q in texts["quotes"].get(cid, []):
                run.check(letters(q) in marked, "%s: no mark holds the quote %r" % (cid, q))
            run.check(any("<img src=x onerror=" in p and "</p><script>" in p for p in got["paras"]),
                      cid + ": the paragraphs' markup is not shown as text")
        box = type_search(run, "<script>")
        run.check(len(results(run)) >= 1, "searching '<script>' finds nothing")
        box.send_keys(Keys.ENTER)
        run.wait_shown("all|zh|script-concept", "Enter on '<script>'")
        for scope in run.js("return [...document.querySelectorAll('#atlas-scope option')].map(o => o.value)"):
            run.navigate("c=script-concept&p=" + scope, scope + "|zh|script-concept")
            run.check(run.js("return document.querySelectorAll('#atlas-map-view g.node.concept').length") > 0,
                      "the map of %s has no concepts" % scope)
        run.d.find_element(By.ID, "atlas-lang").click()
        run.wait_shown(scope + "|en|script-concept", "English")
        run.shot("atlas-hostile")
        run.check_quiet()
        print("%-4s %s" % ("ok" if not run.failed else "FAIL", run.group))
    finally:
        run.close()
    return run


def load_hostile(root):
    """Every text of the hostile fixture, by the concept whose details show it."""
    def read(path):
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    themes = {t["id"]: t for t in read(os.path.join(root, "themes.yaml"))["themes"]}
    concepts, quotes = {}, {}
    for path in sorted(glob.glob(os.path.join(root, "concepts", "*.yaml"))):
        for c in read(path)["concepts"]:
            own = [("zh name", c["zh"]), ("en name", c["en"]),
                   ("zh definition", c["definition"]["zh"]), ("en definition", c["definition"]["en"]),
                   ("theme", themes[c["theme"]]["zh"])]
            own += [("alt name", "、".join(c.get("alt", [])))] if c.get("alt") else []
            concepts[c["id"]] = own
    for path in sorted(glob.glob(os.path.join(root, "papers", "*.yaml"))):
        p = read(path)
        meta = p["paper"]
        for m in p.get("mentions", []):
            concepts[m["concept"]].append(("paper title", meta["title"]))
            concepts[m["concept"]].append(("first author", meta["authors"][0]))
            quotes.setdefault(m["concept"], []).extend(e["quote"] for e in m["evidence"])
        for r in p.get("relations", []):
            for end in (r["from"], r["to"]):
                quotes.setdefault(end, []).extend(e["quote"] for e in r["evidence"])
    return {"concepts": concepts, "quotes": quotes}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("atlas")
    ap.add_argument("--ckg", help="the ckg binary that built the atlas (for the shipped ontology)")
    ap.add_argument("--diff", nargs=2, metavar=("A", "B"), help="the diff the atlas was built with")
    ap.add_argument("--hostile", metavar="FIXTURE", help="the hostile fixture the atlas was built from")
    ap.add_argument("--shots", help="write screenshots into this folder")
    args = ap.parse_args()
    if webdriver is None:
        print("check_atlas: python3-selenium is missing (make deps installs it)", file=sys.stderr)
        return 2
    if not (args.ckg or args.hostile):
        ap.error("give --ckg CKG or --hostile FIXTURE")
    try:
        run = hostile(args) if args.hostile else shipped(args)
    except WebDriverException as e:
        print("check_atlas: the browser failed: %s" % e, file=sys.stderr)
        return 2
    print("%d passed, %d failed" % (run.passed, run.failed))
    return 1 if run.failed else 0


if __name__ == "__main__":
    sys.exit(main())
