// Results of the plain question kinds (docs/kinds.md), on every page:
// multiple choice as bars in the config's order with counts and shares, a
// scale as columns over its steps with the mean and median. Open text is in
// results_text.js.
import { el } from "./dom.js";
import { lang, t } from "./i18n.js";
import { barGraphic } from "./results.js";
import { renderText } from "./results_text.js";
import { plural } from "./results_views.js";

const SVG = "http://www.w3.org/2000/svg";

function number(value, options = {}) {
  return new Intl.NumberFormat(lang(), { maximumFractionDigits: 2, ...options }).format(value);
}

export function percent(share) {
  return number(share || 0, { style: "percent", maximumFractionDigits: 0 });
}

// Multiple choice: one bar per option, in the config's order (not ranked).
export function renderChoice(pane, results, { config = {}, large = false } = {}) {
  const options = results.options || [];
  const list = el("ul", {
    class: large ? "bars bars-large choice-bars" : "bars choice-bars",
    "aria-label": t("choice_results"),
  });
  for (const option of options) {
    list.append(
      el(
        "li",
        { class: "bar-row" },
        el("span", { class: "bar-word", text: option.option }),
        zeroable(barGraphic(option.share || 0), option.count),
        el("span", {
          class: "bar-count",
          text: t("count_share", { count: option.count, share: percent(option.share) }),
        }),
      ),
    );
  }
  pane.classList.toggle("choice-many", options.length > 8);
  pane.replaceChildren(list);
  if (config.multiple) pane.append(el("p", { class: "muted plain-note", text: t("choice_multiple_note") }));
}

// No answers, no bar (barGraphic draws at least a sliver).
function zeroable(bar, count) {
  if (!count) bar.querySelector(".bar-fill").setAttribute("width", "0");
  return bar;
}

function columnBar(fraction) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "scale-bar");
  svg.setAttribute("viewBox", "0 0 10 100");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const height = fraction > 0 ? Math.max(1.5, fraction * 100) : 0;
  const rect = document.createElementNS(SVG, "rect");
  rect.setAttribute("class", "bar-fill");
  rect.setAttribute("x", "0");
  rect.setAttribute("y", (100 - height).toFixed(2));
  rect.setAttribute("width", "10");
  rect.setAttribute("height", height.toFixed(2));
  const base = document.createElementNS(SVG, "rect");
  base.setAttribute("class", "bar-track");
  base.setAttribute("x", "0");
  base.setAttribute("y", "99");
  base.setAttribute("width", "10");
  base.setAttribute("height", "1");
  svg.append(base, rect);
  return svg;
}

// A scale: a column per step, the mean and the median beside them.
export function renderScale(pane, results, { large = false } = {}) {
  const steps = results.distribution || [];
  const max = Math.max(1, ...steps.map((step) => step.count));
  const columns = el("ol", {
    class: steps.length > 7 ? "scale-columns scale-many" : "scale-columns",
    "aria-label": t("scale_distribution"),
  });
  for (const step of steps) {
    const name = step.label ? t("scale_step_labelled", { value: step.value, label: step.label }) : String(step.value);
    columns.append(
      el(
        "li",
        { class: "scale-column" },
        el("span", {
          class: "visually-hidden",
          text: t("scale_step_count", { step: name, answers: plural("result_answers", step.count) }),
        }),
        // What is seen: the sentence above says it all for a screen reader.
        el("span", { class: "scale-count", "aria-hidden": "true", text: String(step.count) }),
        columnBar(step.count / max),
        el("span", { class: "scale-value", "aria-hidden": "true", text: String(step.value) }),
        el("span", { class: "scale-step-label", "aria-hidden": "true", text: step.label || "" }),
      ),
    );
  }
  const stat = (key, value) =>
    el(
      "div",
      { class: "scale-stat" },
      el("dt", { text: t(key) }),
      el("dd", { text: value === null || value === undefined ? "–" : number(value) }),
    );
  const stats = el("dl", { class: "scale-stats" }, stat("scale_mean", results.mean), stat("scale_median", results.median));
  pane.replaceChildren(el("div", { class: large ? "scale-result scale-result-large" : "scale-result" }, stats, columns));
}

// The phone's plain bars for any kind: word and count.
export function resultWords(kind, results) {
  if (kind === "choice") return (results?.options || []).map((o) => ({ key: o.option, word: o.option, count: o.count }));
  if (kind === "scale") {
    return (results?.distribution || []).map((step) => ({
      key: String(step.value),
      word: step.label ? `${step.value} · ${step.label}` : String(step.value),
      count: step.count,
    }));
  }
  if (kind === "next_steps") {
    return (results?.organisations || []).map((o) => ({ key: o.organisation, word: o.organisation, count: o.count }));
  }
  if (kind === "status_check") {
    const tally = results?.tally || {};
    return ["done", "under_way", "not_started", "unmarked"].map((status) => ({
      key: status,
      word: t(`status_${status}`),
      count: tally[status] || 0,
    }));
  }
  return results?.words || [];
}

// One line for the console's answers table.
export function plainSummary(kind, answer, config = {}) {
  if (kind === "choice") return (answer.choices || []).join(", ");
  if (kind === "scale") {
    const label = config?.labels?.[String(answer.value)];
    return label ? t("scale_step_labelled", { value: answer.value, label }) : String(answer.value ?? "");
  }
  return answer.text || "";
}

export const PLAIN_RENDERERS = { choice: renderChoice, scale: renderScale, text: renderText };
