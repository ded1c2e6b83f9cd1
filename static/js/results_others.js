// "Andras ögon" (others_view): how other actors see the region's role. Per kind
// of actor the roles it expects, how large it sees the role and its quotes; then
// the roles expected overall beside those participants took (docs/homework.md).
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { barGraphic, renderBars } from "./results.js";
import { headingTags, plural, viewSwitch } from "./results_views.js";

// options: {config, large, idPrefix}
export function renderOthersView(pane, results, options = {}) {
  const { large = false } = options;
  const prefix = options.idPrefix || "ov";
  const sizes = options.config?.sizes || [];
  const kinds = results?.kinds || [];
  const [h, sub] = headingTags(large);
  const kindsSection = el(
    "section",
    { class: "ov-section ov-kinds-section", "aria-labelledby": `${prefix}-kinds-heading` },
    el(h, { id: `${prefix}-kinds-heading`, class: "results-heading", text: t("ov_kinds_heading") }),
    kinds.length
      ? el(
          "div",
          { class: "ov-kinds" },
          kinds.map((kind, index) => kindCard(kind, sizes, { large, id: `${prefix}-kind-${index}`, tag: sub })),
        )
      : el("p", { class: "muted", text: t("no_answers_yet") }),
  );
  const overall = el(
    "section",
    { class: "ov-section ov-overall", "aria-labelledby": `${prefix}-expected-heading` },
    el(h, { id: `${prefix}-expected-heading`, class: "results-heading", text: t("ov_expected_heading") }),
    wordBars(results?.expected_roles, large ? 8 : 15, { merged: !large }),
  );
  const comparison = comparisonSection(results?.comparison, `${prefix}-comparison`, [h, sub]);
  if (!large) {
    pane.replaceChildren(kindsSection, overall, comparison);
    return;
  }
  // On the projector one view at a time, chosen with two buttons.
  viewSwitch(pane, [
    { key: "kinds", label: t("view_kinds"), nodes: [kindsSection] },
    { key: "comparison", label: t("view_comparison"), nodes: [el("div", { class: "ov-side" }, overall, comparison)] },
  ]);
}

function kindCard(kind, sizes, { large, id, tag }) {
  const names = kind.names || [];
  return el(
    "article",
    { class: "ov-kind", "aria-labelledby": id },
    el(
      "header",
      { class: "ov-kind-head" },
      el(tag, { id, class: "ov-kind-name", text: kind.kind }),
      el("span", { class: "ov-kind-count", text: plural("ov_asked", kind.actors) }),
    ),
    !large && names.length > 0 && el("p", { class: "ov-names muted", text: t("ov_names", { names: names.join(", ") }) }),
    !large && kind.merged?.length > 0 && el("p", { class: "merged-note muted", text: t("includes", { words: kind.merged.join(", ") }) }),
    el("p", { class: "ov-subheading", text: t("ov_roles_heading") }),
    wordBars(kind.roles, large ? 3 : 8),
    sizeBlock(kind, sizes, large),
    quotesBlock(kind, large),
  );
}

function wordBars(words, limit, { merged = false } = {}) {
  if (!words?.length) return el("p", { class: "muted", text: t("no_roles_given") });
  const list = el("ol", { class: "bars ov-bars" });
  renderBars(list, words, { limit });
  if (merged) {
    // The leader's pages say which spellings a word includes.
    for (const [index, word] of words.slice(0, limit).entries()) {
      if (word.merged?.length) {
        list.children[index].append(
          el("div", { class: "merged muted", text: t("includes", { words: word.merged.join(", ") }) }),
        );
      }
    }
  }
  return list;
}

function sizeText(kind) {
  const range = kind.size_range;
  if (!range) return t("size_none", { kind: kind.kind });
  if (range.from === range.to) return t("size_single", { kind: kind.kind, size: range.from_label });
  return t("size_range", { kind: kind.kind, from: range.from_label, to: range.to_label });
}

// How large a role: the summary line, and how many gave each size.
function sizeBlock(kind, sizes, large) {
  const counts = kind.sizes || [];
  const summary = el("p", { class: "ov-size-range", text: sizeText(kind) });
  if (!kind.size_range || large) return el("div", { class: "ov-size" }, summary);
  const max = Math.max(1, ...counts);
  return el(
    "div",
    { class: "ov-size" },
    summary,
    el(
      "ol",
      { class: "size-scale", "aria-label": t("size_scale_label", { kind: kind.kind }) },
      counts.map((count, index) =>
        el(
          "li",
          { class: count ? "size-step" : "size-step is-empty" },
          el("span", { class: "size-label", text: sizes[index] ?? String(index + 1) }),
          barGraphic(count / max),
          el("span", { class: "size-count", text: String(count) }),
        ),
      ),
    ),
  );
}

function quotesBlock(kind, large) {
  const quotes = kind.quotes || [];
  if (!quotes.length) return null;
  const shown = large ? quotes.slice(-1) : quotes;
  return el(
    "div",
    { class: "ov-quotes" },
    !large && el("p", { class: "ov-subheading", text: t("ov_quotes_heading") }),
    el(
      "ul",
      { class: "quotes" },
      shown.map((quote) =>
        el(
          "li",
          {},
          el("figure", {}, el("blockquote", {}, el("p", { text: quote.text })), el("figcaption", { text: quoteBy(quote, kind) })),
        ),
      ),
    ),
    large && quotes.length > 1 && el("p", { class: "muted ov-more", text: plural("more_quotes", quotes.length - 1) }),
  );
}

function quoteBy(quote, kind) {
  const who = quote.name || kind.kind;
  return quote.organisation ? t("quote_asked_by", { name: who, organisation: quote.organisation }) : who;
}

function comparisonSection(comparison, id, [h, sub]) {
  const section = el(
    "section",
    { class: "ov-section ov-comparison", "aria-labelledby": id },
    el(h, { id, class: "results-heading", text: t("comparison_heading") }),
  );
  if (!comparison) {
    section.append(el("p", { class: "muted", text: t("comparison_none") }));
    return section;
  }
  const prompt = comparison.source?.prompt;
  if (prompt) section.append(el("p", { class: "muted comparison-source", text: t("comparison_source", { prompt }) }));
  section.append(
    el(
      "div",
      { class: "comparison" },
      comparisonList("both", t("comparison_both"), comparison.both, `${id}-both`, sub),
      comparisonList("missing", t("comparison_expected_not_taken"), comparison.expected_not_taken, `${id}-missing`, sub),
      comparisonList("extra", t("comparison_taken_not_expected"), comparison.taken_not_expected, `${id}-extra`, sub),
    ),
  );
  return section;
}

function comparisonList(key, heading, words, id, tag) {
  return el(
    "div",
    { class: `comparison-list comparison-${key}` },
    el(tag, { id, class: "comparison-heading", text: heading }),
    words?.length
      ? el("ul", { class: "chips", "aria-labelledby": id }, words.map((word) => el("li", { text: word })))
      : el("p", { class: "muted", text: t("none") }),
  );
}
