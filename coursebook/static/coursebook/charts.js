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
   * Widths per character are generous estimates for the course's fonts (16 px titles, 13 px axes). */
  const TITLE_PX = 9.5;
  const AXIS_TITLE_PX = 7.6;
  function wrapLines(text, maxChars) {
    if (typeof text !== "string" || text.length <= maxChars) return text;
    const lines = [];
    let line = "";
    for (const word of text.split(" ")) {
      if (line && (line + " " + word).length > maxChars) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    }
    if (line) lines.push(line);
    return lines.length > 1 ? lines : text;
  }
  function wrapTitle(title, width, px) {
    const chars = Math.max(12, Math.floor(width / px));
    if (typeof title === "string") return wrapLines(title, chars);
    if (title && typeof title === "object" && !Array.isArray(title) && typeof title.text === "string") {
      return Object.assign({}, title, { text: wrapLines(title.text, chars) });
    }
    return title;
  }
  function wrapTitles(spec, width) {
    const copy = Object.assign({}, spec);
    const own = typeof copy.width === "number" ? Math.min(copy.width + 40, width) : width;
    if (copy.title) copy.title = wrapTitle(copy.title, own, TITLE_PX);
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
          encoding[channel] = Object.assign({}, def, { title: wrapTitle(def.title, length, AXIS_TITLE_PX) });
        }
      }
      copy.encoding = encoding;
    }
    return copy;
  }

  /* Below this plot width a chart fitted to a phone's column is too cramped to read; it keeps its
   * designed width instead and scrolls sideways (with a note saying so). */
  const MIN_PLOT_WIDTH = 170;

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
    if (spec.width === "container" && result.view.width() < MIN_PLOT_WIDTH) {
      result.finalize();
      view.replaceChildren();
      spec = wrapTitles(Object.assign({}, designed, { autosize: { type: "pad" } }), Math.max(column, (designed.width || 400) + 200));
      result = await window.vegaEmbed(view, spec, options);
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
