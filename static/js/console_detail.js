// The console's live view of one activity: ranked words with merges (or, for
// the homework kinds, their results and a merge form per field; for the plain
// questions, their results as the projector shows them), and every answer
// with a button to hide it from the results.
import { byId, el, keepingFocus, show } from "./dom.js";
import { countText, t } from "./i18n.js";
import { lessonsBoard } from "./console_lessons.js";
import { barGraphic } from "./results.js";
import { answerSummary, HOMEWORK_KINDS, mergePanel, PLAIN_KINDS, renderResults } from "./results_kind.js";

// actions: {send(event, payload) -> Promise<reply|null>}
export function setUpDetail(actions) {
  let shown = null; // {activity, snapshot}
  const homeworkMerges = mergePanel("homework-merge", actions);
  byId("detail-merge-panel").append(homeworkMerges.node);
  const board = lessonsBoard(actions); // a lessons activity's themes, above its results
  byId("detail-results").before(board.node);

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

  function submissionRow(sub, kind, config) {
    const name = sub.name || t("anonymous");
    return el(
      "tr",
      { class: sub.hidden ? "is-hidden" : "" },
      el("td", { text: name }),
      el("td", { text: sub.organisation || "" }),
      el("td", { class: "answer-summary", text: answerSummary(kind, sub.answer, config) }),
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
        kind === "text" && starButton(sub, name),
      ),
    );
  }

  // An open text starred here is gathered for the documentation as a quote.
  function starButton(sub, name) {
    return el("button", {
      type: "button",
      class: `button small star${sub.starred ? " is-starred" : ""}`,
      dataset: { key: `star:${sub.id}` },
      "aria-pressed": String(Boolean(sub.starred)),
      "aria-label": t("star_answer", { name }),
      text: sub.starred ? t("starred") : t("star"),
      onclick: () => actions.send("star_submission", { submission_id: sub.id, starred: !sub.starred }),
    });
  }

  // fromHomework: the activity is a homework shown from its own session,
  // whose snapshots count who joined the homework.
  function render(activity, snapshot, joined, { homework: fromHomework = false } = {}) {
    shown = activity ? { activity, snapshot } : null;
    show(byId("detail"), Boolean(activity));
    if (!activity) return;
    board.render(activity.kind === "lessons" ? activity : null, snapshot);
    byId("detail-prompt").textContent = activity.prompt;
    show(byId("detail-homework"), fromHomework);
    byId("detail-count").textContent = snapshot
      ? t("answers_of", { count: snapshot.answer_count, joined: fromHomework ? snapshot.joined : joined })
      : countText("answers", 0);
    const homework = HOMEWORK_KINDS.has(activity.kind);
    const drawn = homework || PLAIN_KINDS.has(activity.kind); // by results_kind.js
    show(byId("detail-roles"), !drawn);
    show(byId("merge-form"), !drawn);
    show(byId("detail-results"), drawn);
    show(byId("detail-merge-panel"), homework);
    byId("answers-column").textContent = t(drawn ? "column_answer" : "column_roles");
    const rows = byId("submission-rows");
    const submissionRows = () =>
      (snapshot?.submissions || []).map((sub) => submissionRow(sub, activity.kind, activity.config));
    if (drawn) {
      const results = snapshot?.results || null;
      // A plain question shows its options or steps even before any answer.
      show(byId("detail-no-results"), !results || (homework && !results.answers));
      renderResults(byId("detail-results"), activity.kind, results, { config: activity.config, idPrefix: "detail" });
      if (homework) homeworkMerges.update(activity, activity.kind, results);
      keepingFocus(rows, () => rows.replaceChildren(...submissionRows()));
      return;
    }
    show(byId("detail-no-results"), false);
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
    keepingFocus(rows, () => rows.replaceChildren(...submissionRows()));
  }

  return { render };
}
