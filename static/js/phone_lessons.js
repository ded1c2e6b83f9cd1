// The answer form of a lessons activity on a phone (docs/kinds.md). While the
// room collects: up to max_lessons text fields, each with a character counter,
// added and removed. Once the leader starts voting: the themes with their
// lessons and a dot counter each; the answer is then {votes} alone, and the
// server keeps the lessons it has. phone.js tells the widget of each new
// activity (setActivity), so it switches when the board's phase does: the
// switch is said aloud, and focus inside the widget moves to the new hint.
// While collecting again the dots already given wait on the server.
import { el, keepingFocus } from "./dom.js";
import { t } from "./i18n.js";
import { boardOf, newLessonId, openThemes, resolvedVotes, totalDots as total } from "./lessons_board.js";
import { cleanText } from "./phone_text.js";

let widgetCount = 0;

function sameLessons(a, b) {
  const key = (list) =>
    (list || [])
      .map((lesson) => `${lesson.id}\u0000${cleanText(lesson.text)}`)
      .filter((entry) => !entry.endsWith("\u0000"))
      .sort()
      .join("\u0001");
  return key(a) === key(b);
}

export function lessonsWidget(activity, { onChange }) {
  const id = `lessons-${++widgetCount}`;
  const config = activity.config || {};
  const maxLength = config.max_length || 280;
  const maxLessons = config.max_lessons || 3;
  let board = boardOf(activity);
  let lessons = [{ id: newLessonId(), text: "" }]; // what the fields hold
  let votes = {}; // theme key -> dots
  let hadVotes = false; // the stored answer has dots: taking them all back is an answer
  let editable = true;
  let shownPhase = null;
  let shownBoard = "";

  const body = el("div", { class: "lessons-body" });
  // Said once, not at every key: the limit reached, a lesson removed.
  const said = el("p", { class: "visually-hidden", "aria-live": "polite" });
  const node = el("div", { class: "lessons-answer" }, body, said);
  const fields = el("ol", { class: "lesson-fields" });
  const addButton = el("button", { type: "button", class: "button", onclick: addLesson });
  const dotsLeft = el("p", { class: "dots-left", id: `${id}-left`, role: "status" });
  const themeList = el("ol", { class: "vote-themes" });
  const controls = new Map(); // theme key -> {minus, plus, count}

  function say(text) {
    said.textContent = "";
    said.textContent = text;
  }

  function answer() {
    if (board.phase === "vote") return { votes: { ...votes } };
    const written = lessons.filter((lesson) => cleanText(lesson.text));
    // No votes while collecting: the server keeps the dots given before.
    return { lessons: written.map(({ id: lessonId, text }) => ({ id: lessonId, text })) };
  }

  function changed() {
    onChange(answer());
  }

  // -- collecting -------------------------------------------------------------

  // One field per lesson id, made once: a redraw must not move the caret of
  // someone typing (phone.js redraws on every activity event).
  const fieldNodes = new Map(); // lesson id -> {item, area, label, remove, count}

  function fieldFor(lessonId) {
    if (fieldNodes.has(lessonId)) return fieldNodes.get(lessonId);
    const fieldId = `${id}-${lessonId}`;
    const counter = el("p", { class: "char-count", id: `${fieldId}-count` });
    const area = el("textarea", {
      id: fieldId,
      class: "lesson-input",
      maxlength: maxLength,
      rows: 3,
      "aria-describedby": counter.id,
      dataset: { key: `text:${lessonId}` },
    });
    const count = () => {
      const length = area.value.length;
      counter.textContent = t("char_count", { count: length, max: maxLength });
      counter.classList.toggle("is-near-limit", maxLength - length <= Math.max(10, maxLength / 10));
    };
    area.addEventListener("input", () => {
      const lesson = lessons.find((l) => l.id === lessonId);
      if (!lesson) return;
      lesson.text = area.value;
      count();
      if (area.value.length >= maxLength) say(t("char_limit", { max: maxLength }));
      changed();
    });
    const label = el("label", { for: fieldId });
    const remove = el("button", {
      type: "button",
      class: "button small lesson-remove",
      dataset: { key: `remove:${lessonId}` },
      text: t("lessons_remove_short"),
      onclick: () => removeLesson(lessonId),
    });
    const item = el(
      "li",
      { class: "lesson-field field" },
      el("div", { class: "lesson-field-head" }, label, remove),
      area,
      counter,
    );
    const parts = { item, area, label, remove, count };
    fieldNodes.set(lessonId, parts);
    return parts;
  }

  function drawFields() {
    for (const [index, lesson] of lessons.entries()) {
      const parts = fieldFor(lesson.id);
      if (parts.area.value !== lesson.text) parts.area.value = lesson.text;
      parts.count();
      parts.label.textContent = t("lessons_label", { n: index + 1 });
      parts.remove.setAttribute("aria-label", t("lessons_remove", { n: index + 1 }));
      parts.remove.hidden = !editable || lessons.length < 2;
      parts.area.readOnly = !editable;
      parts.area.classList.toggle("is-locked", !editable);
    }
    for (const lessonId of [...fieldNodes.keys()]) {
      if (!lessons.some((lesson) => lesson.id === lessonId)) fieldNodes.delete(lessonId);
    }
    const items = lessons.map((lesson) => fieldNodes.get(lesson.id).item);
    const inPlace = fields.children.length === items.length && items.every((item, i) => fields.children[i] === item);
    if (!inPlace) keepingFocus(fields, () => fields.replaceChildren(...items));
    addButton.textContent = t("lessons_add");
    addButton.hidden = !editable || lessons.length >= maxLessons;
  }

  function addLesson() {
    if (lessons.length >= maxLessons) return;
    const lesson = { id: newLessonId(), text: "" };
    lessons.push(lesson);
    drawFields();
    document.getElementById(`${id}-${lesson.id}`)?.focus();
    if (lessons.length >= maxLessons) say(t("lessons_at_most", { max: maxLessons }));
  }

  function removeLesson(lessonId) {
    const at = lessons.findIndex((lesson) => lesson.id === lessonId);
    if (at < 0 || lessons.length < 2) return;
    lessons.splice(at, 1);
    drawFields();
    const next = lessons[Math.min(at, lessons.length - 1)];
    document.getElementById(`${id}-${next.id}`)?.focus();
    say(t("lessons_removed"));
    changed();
  }

  function collectView() {
    return [phaseHint(t("lessons_hint", { max: maxLessons, length: maxLength })), fields, addButton];
  }

  // The first line of each phase's view: focus lands here when the phase changes.
  function phaseHint(text) {
    return el("p", { class: "hint lessons-phase-hint", id: `${id}-phase`, tabindex: "-1", text });
  }

  // -- voting -------------------------------------------------------------------

  function themeItem(theme) {
    const nameId = `${id}-${theme.key}-name`;
    const count = el("span", { class: "dot-count", id: `${id}-${theme.key}-count` });
    const press = (delta) => () => {
      const now = votes[theme.key] || 0;
      if (!editable || (delta > 0 && total(votes) >= board.dots) || now + delta < 0) {
        if (delta > 0 && editable) say(t("lessons_no_dots_left"));
        return;
      }
      votes = { ...votes, [theme.key]: now + delta };
      if (!votes[theme.key]) delete votes[theme.key];
      drawVotes();
      changed();
    };
    const button = (delta, label, symbol) =>
      el("button", {
        type: "button",
        class: "button dot-button",
        dataset: { key: `${delta > 0 ? "plus" : "minus"}:${theme.key}` },
        "aria-label": t(label, { theme: theme.name }),
        "aria-describedby": count.id,
        text: symbol,
        onclick: press(delta),
      });
    const minus = button(-1, "lessons_remove_dot", "−");
    const plus = button(1, "lessons_add_dot", "+");
    controls.set(theme.key, { minus, plus, count });
    const texts = board.ballot[theme.key] || [];
    const list = texts.length
      ? el(
          "details",
          { class: "vote-lessons" },
          el("summary", {
            text: texts.length === 1 ? t("lessons_count_one") : t("lessons_count", { count: texts.length }),
          }),
          el("ul", {}, texts.map((text) => el("li", { text }))),
        )
      : el("p", { class: "muted vote-lessons", text: t("lessons_none_in_theme") });
    return el(
      "li",
      { class: "vote-theme" },
      el(
        "div",
        { class: "vote-row" },
        el("h2", { class: "vote-theme-name", id: nameId, text: theme.name }),
        el("div", { class: "dot-controls", role: "group", "aria-labelledby": nameId }, minus, count, plus),
      ),
      list,
    );
  }

  function drawVotes() {
    const used = total(votes);
    dotsLeft.textContent = t("lessons_dots_left", { left: Math.max(0, board.dots - used), dots: board.dots });
    dotsLeft.classList.toggle("is-over", used > board.dots);
    for (const [key, { minus, plus, count }] of controls) {
      const mine = votes[key] || 0;
      count.textContent = mine === 1 ? t("lessons_dots_one") : t("lessons_dots", { count: mine });
      count.classList.toggle("has-dots", mine > 0);
      minus.setAttribute("aria-disabled", String(!editable || mine === 0));
      plus.setAttribute("aria-disabled", String(!editable || used >= board.dots));
    }
  }

  function voteView() {
    controls.clear();
    themeList.replaceChildren(...openThemes(board).map(themeItem));
    return [phaseHint(t("lessons_voting_note")), dotsLeft, themeList];
  }

  // -- the whole ------------------------------------------------------------------

  function draw() {
    const signature = JSON.stringify([board.phase, board.dots, openThemes(board), board.ballot]);
    if (signature !== shownBoard) {
      const switched = shownPhase !== null && shownPhase !== board.phase;
      const focusInside = node.contains(document.activeElement);
      shownBoard = signature;
      shownPhase = board.phase;
      keepingFocus(body, () => body.replaceChildren(...(board.phase === "vote" ? voteView() : collectView())));
      if (switched) {
        // The view was replaced under the participant: say what it is now.
        say(board.phase === "vote" ? t("lessons_voting_note") : t("lessons_collecting_note"));
        if (focusInside) document.getElementById(`${id}-phase`)?.focus();
      }
    }
    if (shownPhase === "vote") drawVotes();
    else drawFields();
  }

  draw();
  return {
    node,
    answer,
    setActivity(next) {
      board = boardOf(next);
      votes = resolvedVotes(board, votes);
      draw();
    },
    setAnswer(value) {
      // An answer written while collecting has no votes: the dots stay as known.
      if (value === null || value?.votes) {
        votes = resolvedVotes(board, value?.votes);
        hadVotes = hadVotes || total(votes) > 0;
      }
      if (board.phase !== "vote" && (Array.isArray(value?.lessons) || value === null)) {
        const given = (value?.lessons || []).map((lesson) => ({ id: lesson.id, text: lesson.text }));
        // The same lessons again (a redraw) must not move the caret of someone typing.
        if (!sameLessons(given, lessons)) lessons = given.length ? given : [{ id: newLessonId(), text: "" }];
      }
      draw();
    },
    setEditable(value) {
      if (editable === value) return;
      editable = value;
      draw();
    },
    same(a, b) {
      if (!a || !b) return false;
      if (a.lessons && b.lessons && !sameLessons(a.lessons, b.lessons)) return false;
      // While collecting the dots are not the phone's to send: the server
      // keeps those given before (they wait for the next vote).
      if (board.phase !== "vote") return Boolean(a.lessons && b.lessons);
      const va = resolvedVotes(board, a.votes);
      const vb = resolvedVotes(board, b.votes);
      const keys = new Set([...Object.keys(va), ...Object.keys(vb)]);
      return [...keys].every((key) => va[key] === vb[key]);
    },
    filled(value) {
      if (board.phase === "vote") return total(resolvedVotes(board, value?.votes)) > 0 || hadVotes;
      return (value?.lessons || []).some((lesson) => cleanText(lesson.text));
    },
  };
}
