// The console's live view of one activity: ranked words with merges, and every
// answer with a button to hide it from the results.
import { byId, el, keepingFocus, show } from "./dom.js";
import { countText, t } from "./i18n.js";
import { barGraphic } from "./results.js";

// actions: {send(event, payload) -> Promise<reply|null>}
export function setUpDetail(actions) {
  let shown = null; // {activity, snapshot}

  byId("merge-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!shown) return;
    const source = byId("merge-source");
    const target = byId("merge-target");
    const reply = await actions.send("merge_words", {
      activity_id: shown.activity.id,
      source: source.value,
      target: target.value,
    });
    if (reply?.ok) {
      source.value = "";
      target.value = "";
      actions.announce(t("merged"));
      source.focus();
    }
  });

  function wordRow(word, max, activityId) {
    const merged = (word.merged || []).map((spelling) =>
      el(
        "li",
        {},
        el("span", { text: spelling }),
        el("button", {
          type: "button",
          class: "button small",
          dataset: { key: `unmerge:${spelling}` },
          text: t("unmerge", { word: spelling }),
          onclick: async () => {
            const reply = await actions.send("unmerge_word", { activity_id: activityId, source: spelling });
            if (reply?.ok) {
              actions.announce(t("unmerged"));
              // The button went with the merge; the merge form is the next likely step.
              byId("merge-source").focus();
            }
          },
        }),
      ),
    );
    return el(
      "li",
      { class: "bar-row" },
      el("span", { class: "bar-word", text: word.word }),
      barGraphic(word.count / max),
      el("span", { class: "bar-count", text: String(word.count) }),
      merged.length > 0 && el("div", { class: "merged" }, el("span", { class: "muted", text: t("also_counts") }), el("ul", {}, merged)),
      byOrganisation(word),
    );
  }

  // "Region Skåne 2 · Region Halland 1": who named the word, for the leader.
  function byOrganisation(word) {
    const named = Object.entries(word.by_organisation || {}).filter(([org]) => org);
    if (!named.length) return null;
    named.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "sv"));
    const text = named.map(([org, count]) => `${org} ${count}`).join(" · ");
    return el("div", { class: "by-org muted" }, el("span", { text: `${t("by_organisation")} ` }), el("span", { text }));
  }

  function submissionRow(sub) {
    const name = sub.name || t("anonymous");
    return el(
      "tr",
      { class: sub.hidden ? "is-hidden" : "" },
      el("td", { text: name }),
      el("td", { text: sub.organisation || "" }),
      el("td", { text: (sub.answer?.roles || []).join(", ") }),
      el(
        "td",
        {},
        sub.hidden && el("span", { class: "hidden-tag", text: t("hidden_answer") }),
        el("button", {
          type: "button",
          class: "button small",
          dataset: { key: `submission:${sub.id}` },
          "aria-label": t(sub.hidden ? "show_answer" : "hide_answer", { name }),
          text: sub.hidden ? t("show") : t("hide"),
          onclick: () => actions.send("hide_submission", { submission_id: sub.id, hidden: !sub.hidden }),
        }),
      ),
    );
  }

  function render(activity, snapshot, joined) {
    shown = activity ? { activity, snapshot } : null;
    show(byId("detail"), Boolean(activity));
    if (!activity) return;
    byId("detail-prompt").textContent = activity.prompt;
    byId("detail-count").textContent = snapshot
      ? t("answers_of", { count: snapshot.answer_count, joined })
      : countText("answers", 0);
    const words = snapshot?.results?.words || [];
    const max = Math.max(1, ...words.map((w) => w.count));
    const list = byId("detail-words");
    keepingFocus(list, () => list.replaceChildren(...words.map((w) => wordRow(w, max, activity.id))));
    show(byId("detail-no-words"), !words.length);
    const options = byId("word-options");
    const wordList = JSON.stringify(words.map((w) => w.word));
    // Replacing the options under an open suggestion list makes it flicker.
    if (options.dataset.words !== wordList) {
      options.dataset.words = wordList;
      options.replaceChildren(...words.map((w) => el("option", { value: w.word })));
    }
    const rows = byId("submission-rows");
    keepingFocus(rows, () => rows.replaceChildren(...(snapshot?.submissions || []).map(submissionRow)));
  }

  return { render };
}
