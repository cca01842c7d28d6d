/* Draw every course chart on the page with the Vega bundle served by the book.
 * Charts follow the theme (light/dark) and keep their control values when it changes. */
(function () {
  "use strict";

  /* Colours for the page's dark mode; contrast with the theme's dark background is above 4.5:1. */
  const DARK = {
    background: null,
    title: { color: "#f2f2f2", subtitleColor: "#d9d9d9" },
    style: { "guide-label": { fill: "#e6e6e6" }, "guide-title": { fill: "#f2f2f2" }, "group-title": { fill: "#f2f2f2" } },
    axis: { domainColor: "#bfbfbf", gridColor: "#4d4d4d", tickColor: "#bfbfbf", labelColor: "#e6e6e6", titleColor: "#f2f2f2" },
    legend: { labelColor: "#e6e6e6", titleColor: "#f2f2f2", symbolFillColor: "#e6e6e6" },
    header: { labelColor: "#e6e6e6", titleColor: "#f2f2f2" },
    view: { stroke: "#666666" },
    text: { color: "#f2f2f2" },
  };
  const LIGHT = { background: null };

  /* A single or layered chart takes the width of the text column (and of a phone's screen);
   * side-by-side and stacked charts keep the widths they were designed with. */
  const COMPOSED = ["hconcat", "vconcat", "concat", "facet", "repeat"];
  function fitToColumn(spec) {
    if (COMPOSED.some(function (key) { return key in spec; })) return spec;
    return Object.assign({}, spec, { width: "container", autosize: { type: "fit-x", contains: "padding" } });
  }

  /* Titles wrap onto several lines where they are wider than the space they have (Vega never wraps
   * text, and with a width set by the page a long title would be cut off at the chart's edge).
   * Widths are measured with the fonts Vega draws with (16 px bold titles, 13 px bold axis titles). */
  const TITLE_FONT = "bold 16px sans-serif";
  const AXIS_TITLE_FONT = "bold 13px sans-serif";
  const measure = document.createElement("canvas").getContext("2d");
  function textWidth(text, font) {
    measure.font = font;
    return measure.measureText(text).width;
  }
  function wrapLines(text, maxWidth, font) {
    if (typeof text !== "string" || textWidth(text, font) <= maxWidth) return text;
    const lines = [];
    let line = "";
    for (const word of text.split(" ")) {
      const candidate = line ? line + " " + word : word;
      if (line && textWidth(candidate, font) > maxWidth) { lines.push(line); line = word; }
      else line = candidate;
    }
    if (line) lines.push(line);
    return lines.length > 1 ? lines : text;
  }
  function wrapTitle(title, width, font) {
    const room = Math.max(120, width - 16);
    if (typeof title === "string") return wrapLines(title, room, font);
    if (title && typeof title === "object" && !Array.isArray(title) && typeof title.text === "string") {
      return Object.assign({}, title, { text: wrapLines(title.text, room, font) });
    }
    return title;
  }
  function wrapTitles(spec, width) {
    const copy = Object.assign({}, spec);
    const own = typeof copy.width === "number" ? Math.min(copy.width + 40, width) : width;
    if (copy.title) copy.title = wrapTitle(copy.title, own, TITLE_FONT);
    for (const key of ["hconcat", "vconcat", "concat", "layer"]) {
      if (Array.isArray(copy[key])) copy[key] = copy[key].map(function (part) { return wrapTitles(part, own); });
    }
    if (copy.spec) copy.spec = wrapTitles(copy.spec, own);
    if (copy.encoding) {
      const encoding = Object.assign({}, copy.encoding);
      for (const channel of ["x", "y"]) {
        const def = encoding[channel];
        if (def && typeof def.title === "string") {
          const length = channel === "x" && typeof copy.width === "number" ? Math.min(copy.width, own) : own * 0.9;
          encoding[channel] = Object.assign({}, def, { title: wrapTitle(def.title, length, AXIS_TITLE_FONT) });
        }
      }
      copy.encoding = encoding;
    }
    return copy;
  }

  /* Below this plot width a chart fitted to a phone's column is too cramped to read; it keeps its
   * designed width instead and scrolls sideways (with a note saying so). */
  const MIN_PLOT_WIDTH = 140;

  /* How far (px) the chart's text runs past the sides of its drawing, or -1 if it runs past the top
   * or bottom (Vega sizes a fitted chart by its axes and legends, not by text marks, so labels beside
   * bars can run past the edge). */
  function overflow(view) {
    const svg = view.querySelector("svg");
    if (!svg) return 0;
    const box = svg.getBoundingClientRect();
    let left = 0, right = 0, vertical = false;
    for (const t of svg.querySelectorAll("text")) {
      if (!t.textContent.trim()) continue;
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      left = Math.max(left, box.left - r.left);
      right = Math.max(right, r.right - box.right);
      if (r.top < box.top - 1 || r.bottom > box.bottom + 1) vertical = true;
    }
    if (vertical) return -1;
    return left > 1 || right > 1 ? Math.ceil(left + right) + 4 : 0;
  }

  function isDark() {
    return document.documentElement.dataset.theme === "dark";
  }

  async function draw(figure) {
    const specNode = figure.querySelector("script.coursebook-chart__spec");
    const view = figure.querySelector(".coursebook-chart__view");
    if (!specNode || !view || typeof window.vegaEmbed !== "function") return;
    const designed = JSON.parse(specNode.textContent);
    const column = figure.clientWidth || view.clientWidth || 688;
    let spec = wrapTitles(fitToColumn(designed), column);
    const previous = figure.coursebookResult;
    const saved = {};
    if (previous) {
      for (const param of spec.params || []) {
        try { saved[param.name] = previous.view.signal(param.name); } catch (e) { /* not a signal */ }
      }
      previous.finalize();
      view.replaceChildren();
    }
    const narrow = column < 560;
    const config = Object.assign({}, isDark() ? DARK : LIGHT);
    if (narrow) {
      /* On a phone, legends go below the chart so the plot keeps the width. */
      config.legend = Object.assign({}, config.legend, { orient: "bottom", direction: "vertical" });
    }
    const options = { actions: false, renderer: "svg", config: config };
    let result = await window.vegaEmbed(view, spec, options);
    if (spec.width === "container") {
      const plot = result.view.width();
      const over = overflow(view);
      if (plot < MIN_PLOT_WIDTH || over !== 0) {
        /* Narrow the plot by what runs over, if it stays readable; else keep the designed width
         * (the figure then scrolls sideways, and says so). */
        const narrower = over > 0 && plot - over >= MIN_PLOT_WIDTH;
        result.finalize();
        view.replaceChildren();
        spec = narrower
          ? wrapTitles(Object.assign({}, designed, { width: plot - over, autosize: { type: "pad" } }), column)
          : wrapTitles(Object.assign({}, designed, { autosize: { type: "pad" } }), Math.max(column, (designed.width || 400) + 200));
        result = await window.vegaEmbed(view, spec, options);
      }
    }
    for (const [name, value] of Object.entries(saved)) {
      try { result.view.signal(name, value); } catch (e) { /* param no longer present */ }
    }
    await result.view.runAsync();
    figure.coursebookResult = result;
    markScrollable(figure);
    figure.dataset.rendered = "true";
  }

  /* A chart wider than the column scrolls sideways; keyboard users must be able to reach it. */
  function markScrollable(figure) {
    let note = figure.querySelector(".coursebook-chart__scroll-note");
    if (!note) {
      note = document.createElement("p");
      note.className = "coursebook-chart__scroll-note";
      note.textContent = "This chart is wider than the screen: scroll sideways to see all of it.";
      figure.insertBefore(note, figure.firstChild);
    }
    const scrolls = figure.scrollWidth > figure.clientWidth + 1;
    figure.classList.toggle("is-scrollable", scrolls);
    if (scrolls) figure.setAttribute("tabindex", "0");
    else figure.removeAttribute("tabindex");
  }

  function drawAll() {
    return Promise.all(Array.from(document.querySelectorAll("figure.coursebook-chart")).map(draw));
  }

  function start() {
    drawAll();
    window.addEventListener("resize", function () {
      document.querySelectorAll("figure.coursebook-chart").forEach(markScrollable);
    });
    new MutationObserver(function (changes) {
      if (changes.some(function (c) { return c.attributeName === "data-theme"; })) drawAll();
    }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
