"""The whole book as one PDF to hand out, with its charts drawn.

Headless Chromium opens the single-page print version (``print/index.html``, see
:func:`coursebook.build.install_print_version`) from disk, waits until every chart is drawn and
the mathematics typeset, and lays the page out as a handout (:data:`PREPARE_JS`,
:data:`PRINT_CSS`):

- a cover, then a contents page with page numbers; every chapter starts on a new page;
- each interactive chart printed in its default state, without its sliders and menus, and with a
  line giving the address of the web page where it responds to them (:func:`published_url`);
- code as the web page shows it at first: folded away behind no toggle in the chapters, open in the
  exercises, whose answer cells are the tasks;
- the exercises as tasks with a box to write the answer in, without the checks' placeholder
  feedback ("Not yet ...") that only makes sense in a running notebook;
- tables that repeat their header row on each page and wrap between words, in smaller type when
  they are wide; charts are never cut across pages, other outputs may be.

It prints twice with Playwright's ``page.pdf()`` (A4, tagged): the first print tells on which page
each chapter starts, the second writes those numbers into the contents. pypdf then stamps running
heads and page numbers on every page after the cover (:func:`stamp_pages`, drawn by the same
Chromium from a small page of its own) and builds the bookmarks from the book's headings: parts,
chapters and sections, each once (Chromium's own outline repeats a heading's text when it holds
links or numbers). The charts are SVG, so the PDF holds them as vector drawings with their text.

Any Chromium or Chrome does (:func:`chromium_path`): ``COURSE_CHROMIUM``, one on the ``PATH``, the
one ``python -m playwright install chromium`` downloads, or Chrome's usual place on macOS.

    python -m coursebook.pdf [HTML_DIR]     # default _build/html -> _build/html/<PDF_NAME>
"""

from __future__ import annotations

import html
import io
import os
import shutil
import sys
from pathlib import Path

__all__ = [
    "CHROMIUM_ARGS",
    "HOW_TO_GET_CHROMIUM",
    "PDF_NAME",
    "PRINT_CSS",
    "chromium_path",
    "print_pdf",
    "published_url",
    "stamp_pages",
]

ROOT = Path(__file__).resolve().parent.parent
#: The file name of the PDF inside the built book (the welcome page links it).
PDF_NAME = "ai-technology-diplomacy.pdf"
#: One line for a machine without a browser: how to print the PDF after the HTML build.
HOW_TO_GET_CHROMIUM = (
    "to print it, run: .venv/bin/python -m playwright install chromium && .venv/bin/python -m coursebook.pdf"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
#: Page margins (the running head and the page number sit in the top and bottom ones).
MARGIN_MM = {"top": 20, "bottom": 18, "left": 16, "right": 16}
#: Width of the text column in CSS pixels (96 per inch): the page is laid out at this width.
COLUMN_PX = round((210 - MARGIN_MM["left"] - MARGIN_MM["right"]) / 25.4 * 96)

#: The handout's layout; applied on top of the book's own print styles.
PRINT_CSS = """
html { font-size: 13.5px !important; }
body { line-height: 1.45; }
.bd-article, .bd-article-container, .bd-content, .bd-main, .bd-container, .bd-container__inner, .bd-page-width {
  max-width: none !important; width: auto !important; padding: 0 !important; margin: 0 !important; }
#jb-print-docs-body, .headerlink, .prev-next-area, .bd-footer, .bd-footer-content, .footer-article-items,
#pst-back-to-top, .skip-link, .vega-bindings, .vega-embed details, .vega-actions,
details.hide.above-input > summary { display: none !important; }
/* Cover and contents */
.pdf-cover { break-after: page; padding-top: 55mm; }
.bd-main .bd-content .bd-article .pdf-cover h1 { display: block !important; font-size: 2.6rem; margin: 0 0 1.5rem; }
.pdf-cover .pdf-cover__intro { font-size: 1.15rem; max-width: 38rem; }
.pdf-cover .pdf-cover__meta { margin-top: 30mm; color: #444; }
.pdf-contents { break-after: page; }
.pdf-contents h2 { margin-top: 0; }
.pdf-contents .pdf-contents__part { font-weight: 600; margin: 0.9rem 0 0.2rem; }
.pdf-contents ol { list-style: none; margin: 0; padding: 0; }
.pdf-contents li a { display: flex; align-items: baseline; gap: 0.4rem; color: inherit; text-decoration: none; padding: 0.12rem 0; }
.pdf-contents li a .pdf-contents__leader { flex: 1; border-bottom: 1px dotted #888; }
.pdf-contents li a .pdf-contents__page { min-width: 2.2rem; text-align: right; font-variant-numeric: tabular-nums; }
/* A chapter per page; headings stay with what follows them */
.pdf-chapter { break-before: page; }
h1, h2, h3, h4 { break-after: avoid; break-inside: avoid; }
p { orphans: 3; widows: 3; }
/* Charts: whole, inside the column, in their default state */
figure.coursebook-chart { overflow: visible !important; break-inside: avoid; margin: 1rem 0; }
figure.coursebook-chart svg { max-width: 100%; height: auto; }
.pdf-interactive { font-size: 0.9rem; font-style: italic; margin-top: 0.3rem; }
/* Code: kept with its output, long lines wrapped between words */
div.cell_input { break-inside: avoid; break-after: avoid; }
div.cell_input + div.cell_output { break-before: avoid; }
pre { white-space: pre-wrap !important; overflow-wrap: break-word; word-break: normal; }
div.cell_output { break-inside: auto !important; }
/* Tables: whole width, header repeated on each page, rows kept whole, words never broken */
.course-table-wrapper, .pst-scrollable-table-container, .table-wrapper { overflow: visible !important; }
.bd-main .bd-content table, table { font-size: 0.88rem; break-inside: auto !important; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table th, table td { overflow-wrap: normal !important; word-break: normal !important; hyphens: manual !important;
  min-width: 0 !important; max-width: none !important; padding: 0.2rem 0.35rem !important; }
table.pdf-wide { font-size: 0.78rem; }
table.pdf-wider { font-size: 0.68rem; }
/* Exercises: a task, then room to write the answer */
.pdf-answer { border: 1px solid #999; border-radius: 3px; height: 42mm; margin: 0.5rem 0 1.2rem; padding: 0.3rem 0.6rem;
  color: #555; font-size: 0.85rem; break-inside: avoid;
  background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 8.5mm, #ddd 8.5mm, #ddd calc(8.5mm + 1px)); }
.pdf-paper-note { font-style: italic; }
"""

#: Lays the print page out as a handout and returns its headings (see the module's docstring).
#: Every heading gets an id of its own and a (hidden) link to it, so that Chromium writes a named
#: destination for it into the PDF: the page numbers and the bookmarks are read from those.
PREPARE_JS = r"""
(args) => {
  const text = (node) => {
    const copy = node.cloneNode(true);
    copy.querySelectorAll('.headerlink, .pdf-skip').forEach((n) => n.remove());
    return copy.textContent.replace(/\s+/g, ' ').trim();
  };
  const article = document.querySelector('article.bd-article');
  const headings = [];
  const links = document.createElement('nav');
  links.hidden = true;
  let counter = 0;
  const mark = (heading, entry) => {
    heading.id = heading.id || `pdf-heading-${++counter}`;
    const link = document.createElement('a');
    link.href = `#${heading.id}`;
    links.appendChild(link);
    headings.push({ ...entry, id: heading.id });
  };

  // Parts and chapters, in the book's order, from Sphinx's print table of contents.
  const parts = [];
  for (const node of document.querySelectorAll('#jb-print-toc nav > *')) {
    if (node.matches('p.caption')) parts.push({ caption: text(node), docs: [] });
    else if (parts.length) node.querySelectorAll('li.toctree-l1 > a[href^="#document-"]')
      .forEach((a) => parts[parts.length - 1].docs.push(a.getAttribute('href').slice('#document-'.length)));
  }

  // The cover: the welcome page's title and first paragraph, the edition and the web address.
  const welcome = article.querySelector(':scope > section');
  const title = welcome.querySelector(':scope > h1');
  const intro = welcome.querySelector(':scope > p');
  const cover = document.createElement('section');
  cover.className = 'pdf-cover';
  cover.appendChild(title);
  if (intro) { intro.classList.add('pdf-cover__intro'); cover.appendChild(intro); }
  const meta = document.createElement('div');
  meta.className = 'pdf-cover__meta';
  meta.innerHTML = `<p>${args.author}</p><p>Printed from the web book, where the charts respond to
    their sliders and menus and the exercises check your answers:<br><a href="${args.url}">${args.url}</a></p>`;
  cover.appendChild(meta);
  mark(title, { level: 0, title: 'Cover', doc: null });

  // The contents: the welcome page, then each part's chapters, with page numbers filled in later.
  const contents = document.createElement('nav');
  contents.className = 'pdf-contents';
  contents.innerHTML = '<h2>Contents</h2>';
  mark(contents.querySelector('h2'), { level: 0, title: 'Contents', doc: null });
  const entry = (list, heading, label) => {
    const item = document.createElement('li');
    item.innerHTML = `<a href="#${heading.id}"><span class="pdf-contents__title"></span>` +
      `<span class="pdf-contents__leader"></span><span class="pdf-contents__page" data-target="${heading.id}">00</span></a>`;
    item.querySelector('.pdf-contents__title').textContent = label;
    list.appendChild(item);
  };
  const addList = () => contents.appendChild(document.createElement('ol'));

  // Welcome page sections.
  const welcomeSections = Array.from(welcome.querySelectorAll(':scope > section > h2'));
  if (welcomeSections.length) {
    const list = addList();
    welcomeSections.forEach((heading, index) => {
      mark(heading, { level: index === 0 ? 1 : 2, title: text(heading), doc: 'index', part: null, chapter: 'Welcome' });
      entry(list, heading, text(heading));
    });
  }
  // Chapters, with their sections, part by part.
  for (const part of parts) {
    const caption = document.createElement('p');
    caption.className = 'pdf-contents__part';
    caption.textContent = part.caption;
    contents.appendChild(caption);
    const list = addList();
    for (const doc of part.docs) {
      const anchor = document.getElementById(`document-${doc}`);
      const section = anchor && anchor.nextElementSibling;
      if (!section) continue;
      section.classList.add('pdf-chapter');
      section.dataset.doc = doc;
      const heading = section.querySelector(':scope > h2');
      const chapter = text(heading);
      mark(heading, { level: 1, title: chapter, doc, part: part.caption, chapter });
      entry(list, heading, chapter);
      section.querySelectorAll(':scope > section > h3')
        .forEach((sub) => mark(sub, { level: 2, title: text(sub), doc, part: part.caption, chapter }));
    }
  }
  article.prepend(cover, contents);
  article.appendChild(links);

  // Interactive charts: drawn in their default state, controls hidden (CSS), address given.
  let interactive = 0;
  for (const figure of article.querySelectorAll('figure.coursebook-chart')) {
    const bindings = figure.querySelector('.vega-bindings');
    if (!bindings || !bindings.children.length) continue;
    const chapter = figure.closest('.pdf-chapter');
    const address = args.url + (chapter ? `${chapter.dataset.doc}.html` : '');
    const note = document.createElement('p');
    note.className = 'pdf-interactive';
    note.innerHTML = 'Printed in its default state; on the web its sliders and menus change it:<br>' +
      `<a href="${address}">${address}</a>`;
    figure.appendChild(note);
    interactive += 1;
  }

  // Exercises: a check's feedback only makes sense in a running notebook, so each check cell (a
  // cell calling a check... function, or showing the checks' feedback) gives way to a box to write in.
  const isCheck = (cell) => {
    const code = cell.querySelector('.cell_input pre');
    const output = cell.querySelector('.cell_output');
    return Boolean(cell.querySelector('.exercise-feedback')) ||
      Boolean(code && /\bcheck\w*\s*\(/.test(code.textContent)) ||
      Boolean(output && /(^|\n|:\s*)Not yet\b/.test(output.textContent));
  };
  let answers = 0;
  for (const cell of article.querySelectorAll('.pdf-chapter .cell')) {
    const doc = cell.closest('.pdf-chapter').dataset.doc;
    if (!(doc.startsWith('exercises/') || cell.querySelector('.exercise-feedback')) || !isCheck(cell)) continue;
    cell.classList.add('pdf-hidden');
    cell.style.display = 'none';
    let previous = cell.previousElementSibling;
    while (previous && previous.classList.contains('pdf-hidden')) previous = previous.previousElementSibling;
    if (previous && previous.classList.contains('pdf-answer')) continue;  // one box for consecutive checks
    const box = document.createElement('div');
    box.className = 'pdf-answer';
    box.textContent = 'Your answer';
    cell.after(box);
    answers += 1;
  }
  for (const section of article.querySelectorAll('.pdf-chapter')) {
    if (!section.dataset.doc.startsWith('exercises/')) continue;
    section.querySelectorAll('details').forEach((details) => { details.open = true; });
    const first = section.querySelector(':scope > p');
    if (first) {
      const note = document.createElement('p');
      note.className = 'pdf-paper-note';
      note.textContent = 'On paper: write each answer in the box below its task. The notebook version ' +
        `checks your answers and gives hints (${args.url}${section.dataset.doc}.html).`;
      first.after(note);
    }
  }

  // Tables: long snake_case values may wrap after an underscore; wide tables get smaller type.
  for (const cell of article.querySelectorAll('table td, table th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      if (!/[_/]/.test(node.textContent) || node.parentElement.closest('pre, code.literal')) continue;
      const pieces = node.textContent.split(/(?<=[_/])/);
      const fragment = document.createDocumentFragment();
      pieces.forEach((piece, i) => {
        fragment.appendChild(document.createTextNode(piece));
        if (i < pieces.length - 1) fragment.appendChild(document.createElement('wbr'));
      });
      node.replaceWith(fragment);
    }
  }
  let wide = 0;
  for (const table of article.querySelectorAll('table')) {
    const room = table.parentElement.clientWidth;
    if (table.scrollWidth <= room + 1) continue;
    table.classList.add('pdf-wide');
    if (table.scrollWidth > room + 1) table.classList.add('pdf-wider');
    wide += 1;
  }
  return { headings, interactive, answers, wide };
}
"""

#: Writes the page numbers (``{heading id: page number}``) into the contents.
NUMBER_CONTENTS_JS = """
(pages) => {
  for (const span of document.querySelectorAll('.pdf-contents__page')) {
    span.textContent = String(pages[span.dataset.target] ?? '');
  }
}
"""


def chromium_path() -> str | None:
    """The browser that prints: ``COURSE_CHROMIUM``, else a Chromium or Chrome on the ``PATH``, else
    the Chromium that ``python -m playwright install chromium`` downloaded, else Chrome or Chromium
    in its usual macOS place; ``None`` if there is none."""
    if os.environ.get("COURSE_CHROMIUM"):
        return os.environ["COURSE_CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        if path := shutil.which(name):
            return path
    path = _playwright_executable()
    if path and Path(path).is_file():
        return path
    return next((path for path in _MACOS_BROWSERS if Path(path).is_file()), None)


#: Where Chrome and Chromium are installed on macOS.
_MACOS_BROWSERS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)


def _playwright_executable() -> str | None:
    """Where ``python -m playwright install chromium`` puts its Chromium (whether it is there or not)."""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            return playwright.chromium.executable_path
    except Exception:  # noqa: BLE001 - no Playwright driver: no browser of its own either
        return None


def published_url(root: Path = ROOT) -> str:
    """The address of the published book: GitHub Pages of ``repository.url`` in ``_config.yml``
    (``https://<owner>.github.io/<repository>/``, as the publishing workflow deploys it)."""
    from coursebook.student_branch import repository

    settings = repository(root)
    if "github.com" not in settings.url or settings.slug.count("/") != 1:
        return settings.url.rstrip("/") + "/"
    owner, name = settings.slug.split("/")
    if name.lower() == f"{owner.lower()}.github.io":
        return f"https://{name.lower()}/"
    return f"https://{owner.lower()}.github.io/{name}/"


def _destination_pages(pdf: bytes) -> dict[str, tuple[int, float | None]]:
    """``{named destination: (page index, top)}`` of a PDF printed by Chromium."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    found = {}
    for name, destination in reader.named_destinations.items():
        page = reader.get_destination_page_number(destination)
        if page is not None and page >= 0:
            found[name.lstrip("/")] = (page, destination.top)
    return found


def _running_heads(headings: list[dict], pages: dict[str, tuple[int, float | None]], page_count: int) -> list[dict]:
    """For each page: its number (none on the cover) and running head (none where a chapter starts)."""
    starts = sorted((pages[h["id"]][0], h["chapter"]) for h in headings if h["level"] == 1 and h["id"] in pages)
    heads = []
    for index in range(page_count):
        chapter = next((name for start, name in reversed(starts) if start <= index), "")
        starts_here = any(start == index for start, _ in starts)
        heads.append({"number": "" if index == 0 else str(index + 1), "head": "" if index == 0 or starts_here else chapter})
    return heads


def _overlay_html(heads: list[dict], title: str) -> str:
    """One A4 sheet per page with its running head and page number, in the page margins."""
    sheets = "".join(
        '<div class="sheet">'
        + (f'<div class="head"><span>{html.escape(title)}</span><span>{html.escape(h["head"])}</span></div>' if h["head"] else "")
        + (f'<div class="foot">{h["number"]}</div>' if h["number"] else "")
        + "</div>"
        for h in heads
    )
    top, bottom, side = MARGIN_MM["top"], MARGIN_MM["bottom"], MARGIN_MM["left"]
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 0; }}
body {{ margin: 0; font: 8.5pt/1.2 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #444; }}
.sheet {{ position: relative; width: 210mm; height: 296mm; overflow: hidden; }}
.sheet + .sheet {{ break-before: page; }}
.head {{ position: absolute; top: {top - 10}mm; left: {side}mm; right: {side}mm; display: flex;
  justify-content: space-between; gap: 8mm; border-bottom: 0.4pt solid #999; padding-bottom: 1mm; white-space: nowrap; }}
.head span:last-child {{ overflow: hidden; text-overflow: ellipsis; }}
.foot {{ position: absolute; bottom: {bottom - 11}mm; left: 0; right: 0; text-align: center; }}
</style></head><body>{sheets}</body></html>"""


def stamp_pages(body: bytes, overlay: bytes) -> "PdfWriter":  # noqa: F821 - pypdf is imported lazily
    """The pages of ``body`` with the pages of ``overlay`` (same count) drawn over them."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(body)))
    stamps = PdfReader(io.BytesIO(overlay))
    if len(stamps.pages) != len(writer.pages):
        raise RuntimeError(f"{len(stamps.pages)} running-head pages for {len(writer.pages)} pages")
    for page, stamp in zip(writer.pages, stamps.pages):
        page.merge_page(stamp)
        page.compress_content_streams()  # merging leaves them uncompressed: twice the file size
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    return writer


def _add_bookmarks(writer: "PdfWriter", headings: list[dict], pages: dict[str, tuple[int, float | None]]) -> int:  # noqa: F821
    """Bookmarks: cover, contents, welcome, then part > chapter > section; each heading once."""
    from pypdf.generic import Fit

    writer._root_object.pop("/Outlines", None)  # noqa: SLF001 - no outline of Chromium's own
    count, parents, part_items = 0, {}, {}
    for heading in headings:
        if heading["id"] not in pages:
            continue
        page, top = pages[heading["id"]]
        fit = Fit.xyz(top=top) if top is not None else Fit.fit()
        parent = None
        if heading["level"] >= 1 and heading.get("part"):
            if heading["part"] not in part_items:
                part_items[heading["part"]] = writer.add_outline_item(title=heading["part"], page_number=page, fit=fit)
                count += 1
            parent = part_items[heading["part"]]
        if heading["level"] == 2:
            parent = parents.get(heading["chapter"], parent)
        item = writer.add_outline_item(title=heading["title"], page_number=page, parent=parent, fit=fit)
        count += 1
        if heading["level"] == 1:
            parents[heading["chapter"]] = item
    writer.page_mode = "/UseOutlines"
    return count


def print_pdf(html_dir: Path, output: Path | None = None, timeout_ms: int = 180_000, root: Path = ROOT) -> Path:
    """Print ``html_dir/print/index.html`` as a handout to ``output`` (default ``html_dir/PDF_NAME``)."""
    from playwright.sync_api import sync_playwright

    from coursebook.student_branch import repository

    author = repository(root).author
    page_path = (html_dir / "print" / "index.html").resolve()
    if not page_path.is_file():
        raise FileNotFoundError(f"{page_path} is missing: build the book first (scripts/build-book.sh).")
    output = output or html_dir / PDF_NAME
    executable = chromium_path()
    if executable is None:
        raise RuntimeError(f"No Chromium or Chrome found; {HOW_TO_GET_CHROMIUM}")
    margin = {side: f"{mm}mm" for side, mm in MARGIN_MM.items()}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            # Lay the page (and size the charts) for the text column of an A4 page.
            context = browser.new_context(viewport={"width": COLUMN_PX, "height": 1000}, color_scheme="light")
            page = context.new_page()
            page.emulate_media(media="print", color_scheme="light")
            page.goto(page_path.as_uri(), wait_until="load", timeout=timeout_ms)
            page.wait_for_function(
                "Array.from(document.querySelectorAll('figure.coursebook-chart')).every(f => f.dataset.rendered === 'true')",
                timeout=timeout_ms,
            )
            page.evaluate("() => (window.MathJax && MathJax.startup && MathJax.startup.promise) || null")
            page.add_style_tag(content=PRINT_CSS)
            url = published_url(root)
            layout = page.evaluate(PREPARE_JS, {"url": url, "author": html.escape(author)})
            headings = layout["headings"]
            options = {"format": "A4", "print_background": True, "outline": False, "tagged": True, "margin": margin}
            body = page.pdf(**options)
            for _attempt in range(3):  # the numbers take the room kept for them: this settles at once
                pages = _destination_pages(body)
                page.evaluate(NUMBER_CONTENTS_JS, {key: number + 1 for key, (number, _top) in pages.items()})
                body = page.pdf(**options)
                if _destination_pages(body) == pages:
                    break
            pages = _destination_pages(body)  # bookmarks and running heads follow the final print
            from pypdf import PdfReader

            page_count = len(PdfReader(io.BytesIO(body)).pages)
            title = page.title().split("—")[0].strip() or "AI Technology Diplomacy"
            sheet = context.new_page()
            sheet.set_content(_overlay_html(_running_heads(headings, pages, page_count), title))
            overlay = sheet.pdf(format="A4", print_background=False, margin={"top": "0", "bottom": "0", "left": "0", "right": "0"})
        finally:
            browser.close()
    writer = stamp_pages(body, overlay)
    _add_bookmarks(writer, headings, pages)
    writer.add_metadata({"/Title": title, "/Author": author, "/Subject": f"Printed from {url}"})
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as handle:
        writer.write(handle)
    return output


def main(arguments: list[str]) -> int:
    html_dir = Path(arguments[0]) if arguments else ROOT / "_build" / "html"
    if chromium_path() is None:
        print(f"coursebook: no Chromium or Chrome found; {HOW_TO_GET_CHROMIUM}")
        return 1
    try:
        print(f"wrote {print_pdf(html_dir)}")
    except FileNotFoundError as error:
        print(f"coursebook: {error}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
