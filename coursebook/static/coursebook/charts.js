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

  function isDark() {
    return document.documentElement.dataset.theme === "dark";
  }

  async function draw(figure) {
    const specNode = figure.querySelector("script.coursebook-chart__spec");
    const view = figure.querySelector(".coursebook-chart__view");
    if (!specNode || !view || typeof window.vegaEmbed !== "function") return;
    const spec = fitToColumn(JSON.parse(specNode.textContent));
    const previous = figure.coursebookResult;
    const saved = {};
    if (previous) {
      for (const param of spec.params || []) {
        try { saved[param.name] = previous.view.signal(param.name); } catch (e) { /* not a signal */ }
      }
      previous.finalize();
      view.replaceChildren();
    }
    const options = { actions: false, renderer: "svg", config: isDark() ? DARK : LIGHT };
    const result = await window.vegaEmbed(view, spec, options);
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
    if (figure.scrollWidth > figure.clientWidth + 1) figure.setAttribute("tabindex", "0");
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
