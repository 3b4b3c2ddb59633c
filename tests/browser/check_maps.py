#!/usr/bin/python3
"""check_maps.py — look at concept maps the way a reader does: in a real browser.

Loads every SVG given on the command line into one page in headless Chromium (Debian's
`chromium`), and there, with the fonts the browser actually uses, measures:
  - every text line of every concept box against the box's shape: a label that sticks out
    of its box (by more than TOLERANCE user units) is a failure;
  - every pair of concept boxes: boxes that overlap are a failure;
  - the font each label is drawn in: it must be the CJK font the map names first.
Phrases on arrows are checked too: one that covers a concept box counts as a warning.

Every map is shown as a slide program shows a picture: in a 1920x1080 box, scaled to fit
(preserveAspectRatio meet). There each label's height on the screen is read as its font
size times the scale getScreenCTM gives its text, and the map's aspect from its viewBox;
every line reports the smallest concept label, the smallest linking phrase and the aspect.
--slide KIND turns them into checks: "slide" (every concept label at least 16 px, every
phrase 12 px, aspect 1.5 to 2.1), "ego" (the same labels, aspect at least 1.2) or "poster"
(every label at least 10 px); a map below them fails.

The page's script writes its verdict into the DOM; Chromium's --dump-dom hands it back.
With --shots DIR, also writes a PNG screenshot of each map into DIR, to look at: the
1920x1080 slide with the map fitted in it (with --slide), else the map at --shot-scale.

Exit status: 0 when every map passes, 1 when one fails, 2 when the browser cannot run.
Prints one line per map and a final "N passed, N failed" line."""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

TOLERANCE = 0.5  # SVG user units (points)
FONT = "Noto Sans CJK SC"
SLIDE_W, SLIDE_H = 1920, 1080
# --slide KIND: smallest concept label (px), smallest phrase (px), aspect range
THRESHOLDS = {
    "slide": (16.0, 12.0, 1.5, 2.1),
    "ego": (16.0, 12.0, 1.2, None),
    "poster": (10.0, 10.0, None, None),
}
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--mute-audio",
]

SCRIPT = r"""
const TOL = %(tol)s;
function box(e) { const b = e.getBBox(); return {x: b.x, y: b.y, w: b.width, h: b.height}; }
function overlap(a, b, pad) {
  return a.x + pad < b.x + b.w && b.x + pad < a.x + a.w &&
         a.y + pad < b.y + b.h && b.y + pad < a.y + a.h;
}
const out = [];
/* The height a text is drawn at on the screen: its font size times the scale of its CTM. */
function screen_px(t) {
  const m = t.getScreenCTM();
  return parseFloat(t.getAttribute('font-size')) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
}
for (const holder of document.querySelectorAll('div[data-map]')) {
  const svg = holder.querySelector('svg');
  const vb = svg.viewBox.baseVal;
  const r = {map: holder.dataset.map, concepts: 0, texts: 0, overflow: [], overlaps: [],
             fonts: [], phrase_overlaps: 0, legend: !!svg.querySelector('g.graph > text'),
             max_excess: 0, aspect: vb.width / vb.height, concept_px: null, phrase_px: null,
             smallest_concept: '', smallest_phrase: '', phrases: 0};
  const shapes = [];
  for (const g of svg.querySelectorAll('g.node.concept')) {
    r.concepts++;
    const shape = g.querySelector('path, polygon, ellipse');
    const id = g.id;
    if (!shape) { r.overflow.push(id + ': no shape'); continue; }
    const s = box(shape);
    shapes.push({id: id, b: s});
    for (const t of g.querySelectorAll('text')) {
      r.texts++;
      const b = box(t);
      const excess = Math.max(s.x - b.x, b.x + b.w - (s.x + s.w), s.y - b.y, b.y + b.h - (s.y + s.h));
      r.max_excess = Math.max(r.max_excess, excess);
      if (excess > TOL)
        r.overflow.push(id + ' "' + t.textContent + '" sticks out by ' + excess.toFixed(2));
      const fam = getComputedStyle(t).fontFamily.replace(/["']/g, '');
      if (!fam.startsWith('%(font)s')) r.fonts.push(id + ': ' + fam);
    }
  }
  for (let i = 0; i < shapes.length; i++)
    for (let j = i + 1; j < shapes.length; j++)
      if (overlap(shapes[i].b, shapes[j].b, 0.5))
        r.overlaps.push(shapes[i].id + ' / ' + shapes[j].id);
  const phrases = [...svg.querySelectorAll('g.node.phrase text, g.edge text')].map(box);
  for (const p of phrases)
    for (const s of shapes)
      if (overlap(p, s.b, 1)) { r.phrase_overlaps++; break; }
  /* The slide: a 1920x1080 box the map is fitted into, as a slide program fits it. Only
   * now: the boxes above are measured at the map's own size, where the browser lays text
   * out as it does when one reads the map (shrunk far, it rounds glyphs to pixels). */
  svg.setAttribute('width', '%(slide_w)d');
  svg.setAttribute('height', '%(slide_h)d');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  for (const g of svg.querySelectorAll('g.node.concept')) {
    for (const t of g.querySelectorAll('text')) {
      const px = screen_px(t);
      if (r.concept_px === null || px < r.concept_px) {
        r.concept_px = px;
        r.smallest_concept = g.id + ' "' + t.textContent + '"';
      }
    }
  }
  for (const t of svg.querySelectorAll('g.node.phrase text, g.edge text')) {
    r.phrases++;
    const px = screen_px(t);
    if (r.phrase_px === null || px < r.phrase_px) {
      r.phrase_px = px;
      r.smallest_phrase = '"' + t.textContent + '"';
    }
  }
  out.push(r);
  holder.remove();
}
const pre = document.createElement('pre');
pre.id = 'verdict';
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(browser, page, tmp, extra):
    profile = tempfile.mkdtemp(prefix="profile-", dir=tmp)
    cmd = [browser] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile] + extra + ["file://" + page]
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)


def svg_size(text):
    m = re.search(r'<svg width="([0-9.]+)pt" height="([0-9.]+)pt"', text)
    return (float(m.group(1)), float(m.group(2))) if m else (1000.0, 1000.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("svgs", nargs="+")
    ap.add_argument("--shots", help="also write a screenshot of each map into this folder")
    ap.add_argument("--shot-scale", type=float, default=0.5)
    ap.add_argument("--slide", choices=sorted(THRESHOLDS),
                    help="fail a map whose labels, fitted to a 1920x1080 slide, are smaller "
                         "than this kind of map allows, or whose aspect is outside its range")
    args = ap.parse_args()
    limits = THRESHOLDS.get(args.slide)

    browser = chromium()
    if not browser:
        print("check_maps: no chromium on PATH (make deps installs Debian's chromium)",
              file=sys.stderr)
        return 2
    fc = subprocess.run(["fc-match", "-f", "%{family}", FONT], stdout=subprocess.PIPE,
                        text=True)
    if FONT not in fc.stdout:
        print("check_maps: the font %r is not installed (fc-match gives %r); "
              "make deps installs fonts-noto-cjk" % (FONT, fc.stdout), file=sys.stderr)
        return 2

    tmp = tempfile.mkdtemp(prefix="ckg-maps-")
    try:
        parts = []
        for path in args.svgs:
            with open(path, encoding="utf-8") as f:
                svg = f.read()
            svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype
            parts.append('<div data-map="%s">%s</div>' % (html.escape(path), svg))
        page = os.path.join(tmp, "page.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>')
            f.write("\n".join(parts))
            f.write("<script>%s</script></body></html>"
                    % (SCRIPT % {"tol": TOLERANCE, "font": FONT, "slide_w": SLIDE_W,
                                 "slide_h": SLIDE_H}))
        res = run_browser(browser, page, tmp, ["--virtual-time-budget=60000", "--dump-dom"])
        m = re.search(r'<pre id="verdict">(.*?)</pre>', res.stdout.decode("utf-8", "replace"),
                      re.S)
        if res.returncode != 0 or not m:
            print("check_maps: chromium gave no verdict (exit %d)\n%s"
                  % (res.returncode, res.stderr.decode("utf-8", "replace")[-2000:]),
                  file=sys.stderr)
            return 2
        verdict = json.loads(html.unescape(m.group(1)))

        passed = failed = 0
        for r in verdict:
            problems = []
            if r["concepts"] == 0:
                problems.append("no concept boxes")
            if not r["legend"]:
                problems.append("no legend")
            if r["overflow"]:
                problems.append("%d labels overflow: %s" % (len(r["overflow"]),
                                                            "; ".join(r["overflow"][:5])))
            if r["overlaps"]:
                problems.append("%d boxes overlap: %s" % (len(r["overlaps"]),
                                                          "; ".join(r["overlaps"][:5])))
            if r["fonts"]:
                problems.append("labels not in %s: %s" % (FONT, "; ".join(r["fonts"][:3])))
            if limits:
                min_concept, min_phrase, lo, hi = limits
                if r["concept_px"] is not None and r["concept_px"] < min_concept - 0.05:
                    problems.append("concept label %.1f px on the slide, under %g px: %s"
                                    % (r["concept_px"], min_concept, r["smallest_concept"]))
                if r["phrase_px"] is not None and r["phrase_px"] < min_phrase - 0.05:
                    problems.append("linking phrase %.1f px on the slide, under %g px: %s"
                                    % (r["phrase_px"], min_phrase, r["smallest_phrase"]))
                if lo is not None and r["aspect"] < lo:
                    problems.append("aspect %.2f, under %g" % (r["aspect"], lo))
                if hi is not None and r["aspect"] > hi:
                    problems.append("aspect %.2f, over %g" % (r["aspect"], hi))
            status = "FAIL" if problems else "ok"
            slide = "on a %dx%d slide: concept labels >= %s px, phrases >= %s px, aspect %.2f" % (
                SLIDE_W, SLIDE_H,
                "%.1f" % r["concept_px"] if r["concept_px"] is not None else "-",
                "%.1f" % r["phrase_px"] if r["phrase_px"] is not None else "-", r["aspect"])
            print("%-4s %s: %d concepts, %d label lines, largest excess %.2f, "
                  "%d phrases touching a box; %s%s" % (
                      status, r["map"], r["concepts"], r["texts"], r["max_excess"],
                      r["phrase_overlaps"], slide, "".join("\n     " + p for p in problems)))
            if problems:
                failed += 1
            else:
                passed += 1

        if args.shots:
            os.makedirs(args.shots, exist_ok=True)
            for path in args.svgs:
                with open(path, encoding="utf-8") as f:
                    w, h = svg_size(f.read())
                if args.slide:
                    px_w, px_h = SLIDE_W, SLIDE_H
                    style = "width:%dpx;height:%dpx;object-fit:contain" % (px_w, px_h)
                else:
                    px_w = max(200, int(w * 4 / 3 * args.shot_scale))
                    px_h = max(200, int(h * 4 / 3 * args.shot_scale))
                    style = "width:%dpx;height:%dpx" % (px_w, px_h)
                shot_page = os.path.join(tmp, "shot.html")
                with open(shot_page, "w", encoding="utf-8") as f:
                    f.write('<html><body style="margin:0;background:#777"><img src="file://%s" '
                            'style="%s;background:white"></body></html>'
                            % (os.path.abspath(path), style))
                png = os.path.join(args.shots, os.path.splitext(os.path.basename(path))[0] + ".png")
                run_browser(browser, shot_page, tmp,
                            ["--screenshot=" + os.path.abspath(png),
                             "--window-size=%d,%d" % (px_w, px_h)])
                print("shot %s (%dx%d)" % (png, px_w, px_h))
        print("%d passed, %d failed" % (passed, failed))
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
