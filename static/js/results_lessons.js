// Results of a lessons activity (docs/kinds.md) on every page: the themes
// ranked by their dots, each with a bar, the themes merged into it and its
// lessons; the lessons not placed yet; the themes still empty in one line.
// The projector's variant is larger and scrolls inside the stage.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { barGraphic } from "./results.js";
import { headingTags, plural } from "./results_views.js";

function lessonItem(lesson) {
  return el(
    "li",
    { class: "lessons-item" },
    el("span", { class: "lessons-text", text: lesson.text }),
    lesson.organisation && el("span", { class: "lessons-org muted", text: lesson.organisation }),
  );
}

function themeItem(theme, place, max, { voting, heading }) {
  return el(
    "li",
    { class: "lessons-rank" },
    el(
      "div",
      { class: "lessons-rank-head" },
      voting && el("span", { class: "lessons-place", "aria-hidden": "true", text: String(place) }),
      el(heading, { class: "lessons-theme", text: theme.name }),
      voting && el("span", { class: "lessons-votes", text: plural("lessons_result_dots", theme.votes) }),
    ),
    voting && barGraphic(max ? theme.votes / max : 0),
    theme.merged?.length > 0 &&
      el("p", { class: "muted lessons-merged", text: t("includes", { words: theme.merged.join(", ") }) }),
    theme.lessons.length > 0 && el("ul", { class: "lessons-list" }, theme.lessons.map(lessonItem)),
  );
}

// options: {large}
export function renderLessons(pane, results, { large = false } = {}) {
  const [heading] = headingTags(large);
  const voting = results.phase === "vote";
  const themes = results.themes || [];
  const shown = themes.filter((theme) => theme.votes > 0 || theme.lessons.length > 0);
  const empty = themes.filter((theme) => !theme.votes && !theme.lessons.length);
  const max = Math.max(0, ...shown.map((theme) => theme.votes));
  const summary = voting
    ? t("lessons_result_voting", {
        voters: plural("lessons_result_voters", results.voters),
        dots: plural("lessons_result_dots", results.votes),
      })
    : t("lessons_result_collecting", { lessons: plural("lessons_result_lessons", results.lessons) });
  const ranking = el(
    "ol",
    { class: "lessons-ranking", "aria-label": t(voting ? "lessons_ranked" : "lessons_by_theme") },
    // Tied themes share their place: 1, 2, 2, 4.
    shown.map((theme) =>
      themeItem(theme, 1 + shown.filter((other) => other.votes > theme.votes).length, max, { voting, heading }),
    ),
  );
  const unplaced = results.unplaced || [];
  const body = el(
    "div",
    // On the projector the list scrolls inside the stage: focusable, so a
    // keyboard can scroll it too.
    large
      ? { class: "lessons-scroll", tabindex: "0", role: "region", "aria-label": t("lessons_by_theme") }
      : { class: "lessons-scroll" },
    shown.length ? ranking : el("p", { class: "muted", text: t("no_answers_yet") }),
    unplaced.length > 0 &&
      el(
        "section",
        { class: "lessons-unplaced" },
        el(heading, { text: t("lessons_unplaced_heading", { count: unplaced.length }) }),
        el("ul", { class: "lessons-list" }, unplaced.map(lessonItem)),
      ),
    empty.length > 0 &&
      el("p", {
        class: "muted lessons-empty",
        text: t("lessons_empty_themes", { themes: empty.map((theme) => theme.name).join(", ") }),
      }),
  );
  pane.classList.toggle("lessons-large", large);
  pane.replaceChildren(el("p", { class: "lessons-summary", text: summary }), body);
}

// One line for the console's answers table.
export function lessonsSummary(answer) {
  const texts = (answer.lessons || []).map((lesson) => lesson.text);
  const dots = Object.values(answer.votes || {}).reduce((sum, n) => sum + n, 0);
  const line = texts.join(" · ");
  return dots ? `${line} (${plural("lessons_result_dots", dots)})` : line;
}
