// Results of an open-text activity (docs/kinds.md): the texts as a list,
// newest last, each with its organisation; or their words as a word cloud.
// A toggle switches between them, starting with the config's display.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { renderCloud } from "./results.js";
import { viewSwitch } from "./results_views.js";

const panes = new WeakMap(); // pane -> {list, empty, cloud, noWords, results}

function textItem(entry) {
  return el(
    "li",
    { class: "text-item", dataset: { id: entry.submission_id } },
    el("p", { class: "text-body", text: entry.text }),
    entry.organisation && el("p", { class: "text-org muted", text: entry.organisation }),
  );
}

function drawCloud(parts, words, large) {
  parts.noWords.hidden = words.length > 0;
  const box = parts.cloud.getBoundingClientRect();
  renderCloud(parts.cloud, words, {
    width: Math.round(box.width),
    height: Math.round(box.height),
    limit: 60,
    minSize: large ? Math.max(18, box.height / 22) : 14,
    maxSize: large ? Math.max(40, box.height / 5) : Math.max(32, box.height / 5),
  });
}

// options: {config, large}
export function renderText(pane, results, { config = {}, large = false } = {}) {
  let parts = panes.get(pane);
  if (!parts) {
    const cloud = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    cloud.setAttribute("class", "cloud");
    cloud.setAttribute("role", "img");
    cloud.setAttribute("aria-label", t("word_cloud"));
    parts = {
      list: el("ol", { class: large ? "text-list text-list-large" : "text-list" }),
      empty: el("p", { class: "muted", text: t("no_answers_yet") }),
      cloud,
      noWords: el("p", { class: "muted", text: t("no_words_yet") }),
      results: null,
    };
    panes.set(pane, parts);
  }
  const texts = results.texts || [];
  const words = results.words || [];
  if (parts.results !== results) {
    // Whoever reads the newest (at the bottom) keeps reading there.
    const scroller = parts.list.closest(".view-body");
    const atEnd =
      parts.results !== null && scroller && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 8;
    parts.results = results;
    parts.list.replaceChildren(...texts.map(textItem));
    parts.empty.hidden = texts.length > 0;
    if (atEnd) scroller.scrollTop = scroller.scrollHeight;
  }
  viewSwitch(
    pane,
    [
      { key: "list", label: t("view_list"), nodes: [parts.empty, parts.list] },
      {
        key: "cloud",
        label: t("view_cloud"),
        nodes: [parts.noWords, parts.cloud],
        shown: () => drawCloud(parts, words, large),
      },
    ],
    { initial: config.display === "cloud" ? "cloud" : "list" },
  );
}
