// The leader's lessons board in the console (docs/kinds.md): a column per open
// theme and one for the lessons not placed yet. A lesson card is dragged onto
// a theme, or moved with the theme list and the Move button on the card (the
// keyboard's way: the list only chooses, so arrowing through it moves nothing).
// Forms add, rename and merge themes (a merge asks first: it cannot be
// undone); "Start voting" sets the dots. Every change is one
// edit_lessons_board event; the board comes back in the ack.
import { el, keepingFocus } from "./dom.js";
import { t } from "./i18n.js";
import { boardOf, openThemes, resolveTheme } from "./lessons_board.js";
import { plural } from "./results_views.js";

const SHORT = 40; // how much of a lesson a control's name repeats

function shorten(text) {
  return text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text;
}

function field(id, label, control) {
  return el("div", { class: "field" }, el("label", { for: id, text: label }), control);
}

// actions: {send(event, payload) -> Promise<reply|null>, announce(text)}
export function lessonsBoard(actions) {
  let shown = null; // {activity, board, results}
  let drawnColumns = "";
  let drawnThemes = "";
  const chosen = new Map(); // lesson key -> the theme chosen on its card, not moved yet

  const heading = el("h3", { id: "lessons-board-heading", text: t("lessons_board") });
  const phase = el("p", { class: "lessons-phase" });
  const columns = el("div", { class: "board-columns" });

  const dots = el("input", { id: "lessons-dots", type: "number", min: 1, max: 10, required: true });
  const votingForm = el(
    "form",
    { class: "board-form board-voting" },
    field(dots.id, t("lessons_dots_setting"), dots),
    el("button", { type: "submit", class: "button primary", text: t("lessons_start_voting") }),
  );
  const reopen = el("button", { type: "button", class: "button", text: t("lessons_reopen") });

  const newName = el("input", { id: "lessons-new-theme", maxlength: 120, autocomplete: "off", required: true });
  const addForm = el(
    "form",
    { class: "board-form" },
    field(newName.id, t("lessons_new_theme"), newName),
    el("button", { type: "submit", class: "button", text: t("lessons_add_theme") }),
  );
  const renameWhich = el("select", { id: "lessons-rename-theme" });
  const renameTo = el("input", { id: "lessons-rename-to", maxlength: 120, autocomplete: "off", required: true });
  const renameForm = el(
    "form",
    { class: "board-form" },
    field(renameWhich.id, t("lessons_rename_which"), renameWhich),
    field(renameTo.id, t("lessons_rename_to"), renameTo),
    el("button", { type: "submit", class: "button", text: t("lessons_rename") }),
  );
  const mergeSource = el("select", { id: "lessons-merge-source", required: true });
  const mergeTarget = el("select", { id: "lessons-merge-target", required: true });
  const mergeForm = el(
    "form",
    { class: "board-form" },
    field(mergeSource.id, t("lessons_merge_source"), mergeSource),
    field(mergeTarget.id, t("lessons_merge_target"), mergeTarget),
    el("button", { type: "submit", class: "button", text: t("lessons_merge") }),
  );

  const node = el(
    "section",
    { class: "lessons-board", "aria-labelledby": heading.id, hidden: true },
    heading,
    el("p", { class: "hint", text: t("lessons_board_hint") }),
    phase,
    el("div", { class: "board-phase-controls" }, votingForm, reopen),
    columns,
    el("div", { class: "board-forms" }, addForm, renameForm, mergeForm),
  );

  async function change(payload, done) {
    if (!shown) return null;
    const reply = await actions.send("edit_lessons_board", { activity_id: shown.activity.id, change: payload });
    if (reply?.ok) actions.announce(done);
    return reply;
  }

  function submitted(form, handler) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      await handler();
    });
  }

  submitted(votingForm, () =>
    change({ action: "start_voting", dots: Number(dots.value) }, t("lessons_voting_started")),
  );
  reopen.addEventListener("click", () => change({ action: "reopen_collecting" }, t("lessons_collecting_again")));
  submitted(addForm, async () => {
    const reply = await change({ action: "add_theme", name: newName.value }, t("lessons_theme_added"));
    if (reply?.ok) newName.value = "";
  });
  submitted(renameForm, async () => {
    const reply = await change(
      { action: "rename_theme", theme: renameWhich.value, name: renameTo.value },
      t("lessons_theme_renamed"),
    );
    if (reply?.ok) renameTo.value = "";
  });
  // A merge cannot be undone: it asks first, naming both themes.
  submitted(mergeForm, async () => {
    if (!shown) return;
    const name = (key) => openThemes(shown.board).find((theme) => theme.key === key)?.name || key;
    const question = t("lessons_merge_confirm", { source: name(mergeSource.value), target: name(mergeTarget.value) });
    // The same theme twice is the server's to refuse (invalid_merge): no question.
    if (mergeSource.value !== mergeTarget.value && !window.confirm(question)) return;
    const reply = await change(
      { action: "merge_themes", source: mergeSource.value, target: mergeTarget.value },
      t("lessons_themes_merged"),
    );
    if (reply?.ok) {
      mergeSource.value = "";
      mergeTarget.value = "";
    }
  });

  function themeName(key) {
    return key ? openThemes(shown.board).find((x) => x.key === key)?.name : t("lessons_unplaced");
  }

  function place(ref, theme) {
    return change(
      { action: "place_lesson", lesson: ref, theme: theme || null },
      t("lessons_moved", { theme: themeName(theme) }),
    );
  }

  function card(lesson, where, themes) {
    const label = shorten(lesson.text);
    const move = el(
      "select",
      {
        class: "board-move",
        dataset: { key: `move:${lesson.key}` },
        "aria-label": t("lessons_move", { lesson: label }),
        onchange: () => chosen.set(lesson.key, move.value),
      },
      el("option", { value: "", text: t("lessons_unplaced") }),
      themes.map((theme) => el("option", { value: theme.key, text: theme.name })),
    );
    // A choice not moved yet survives a redraw (a new lesson arriving).
    const pick = chosen.get(lesson.key);
    const stillThere = pick === "" || themes.some((theme) => theme.key === pick);
    move.value = pick !== undefined && stillThere ? pick : where || "";
    const moveButton = el("button", {
      type: "button",
      class: "button small board-move-button",
      dataset: { key: `move-button:${lesson.key}` },
      "aria-label": t("lessons_move_lesson", { lesson: label }),
      text: t("lessons_move_button"),
      onclick: async () => {
        const to = move.value;
        if (to === (where || "")) {
          chosen.delete(lesson.key);
          actions.announce(t("lessons_already_there", { theme: themeName(to) }));
          return;
        }
        const reply = await place(lesson.key, to);
        if (reply?.ok) chosen.delete(lesson.key);
      },
    });
    const item = el(
      "li",
      { class: "board-card", draggable: "true", dataset: { lesson: lesson.key } },
      el("p", { class: "board-card-text", text: lesson.text }),
      lesson.organisation && el("p", { class: "board-card-org muted", text: lesson.organisation }),
      el("div", { class: "board-move-row" }, move, moveButton),
    );
    item.addEventListener("dragstart", (event) => {
      event.dataTransfer.setData("text/plain", lesson.key);
      event.dataTransfer.effectAllowed = "move";
      item.classList.add("is-dragged");
    });
    item.addEventListener("dragend", () => item.classList.remove("is-dragged"));
    return item;
  }

  // A column takes a dropped card: the lessons of the unplaced column go back.
  function column(key, title, lessons, themes, votes) {
    const titleId = `board-theme-${key || "unplaced"}`;
    const list = el("ul", { class: "board-cards" }, lessons.map((lesson) => card(lesson, key, themes)));
    const section = el(
      "section",
      {
        class: key ? "board-theme" : "board-theme board-unplaced",
        "aria-labelledby": titleId,
        dataset: { theme: key },
      },
      el(
        "div",
        { class: "board-theme-head" },
        el("h4", { id: titleId, text: title }),
        votes !== null && el("span", { class: "board-votes", text: plural("lessons_result_dots", votes) }),
      ),
      lessons.length ? list : el("p", { class: "muted board-empty", text: t("lessons_drop_here") }),
    );
    section.addEventListener("dragover", (event) => {
      if (!event.dataTransfer.types.includes("text/plain")) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      section.classList.add("is-drop-target");
    });
    section.addEventListener("dragleave", (event) => {
      if (!section.contains(event.relatedTarget)) section.classList.remove("is-drop-target");
    });
    section.addEventListener("drop", (event) => {
      event.preventDefault();
      section.classList.remove("is-drop-target");
      const ref = event.dataTransfer.getData("text/plain");
      const from = resolveTheme(shown.board, shown.board.placed[ref]) || "";
      if (ref && from !== key) {
        chosen.delete(ref);
        place(ref, key);
      }
    });
    return section;
  }

  // blank: a first, empty "Choose a theme" (the merge's lists start on it).
  function fillSelect(select, themes, blank = false) {
    const value = select.value;
    select.replaceChildren(
      ...(blank ? [el("option", { value: "", text: t("lessons_choose_theme") })] : []),
      ...themes.map((theme) => el("option", { value: theme.key, text: theme.name })),
    );
    if (themes.some((theme) => theme.key === value)) select.value = value;
    else if (blank) select.value = "";
  }

  function drawForms(board, themes) {
    const signature = JSON.stringify([board.phase, board.dots, themes]);
    if (signature === drawnThemes) return;
    const phaseChanged = !drawnThemes || JSON.parse(drawnThemes)[0] !== board.phase;
    drawnThemes = signature;
    fillSelect(renameWhich, themes);
    fillSelect(mergeSource, themes, true);
    fillSelect(mergeTarget, themes, true);
    const voting = board.phase === "vote";
    votingForm.hidden = voting;
    reopen.hidden = !voting;
    if (phaseChanged || !dots.value) dots.value = String(board.dots);
    phase.textContent = voting ? t("lessons_phase_vote", { dots: board.dots }) : t("lessons_phase_collect");
  }

  function render(activity, snapshot) {
    node.hidden = !activity;
    if (!activity) {
      shown = null;
      return;
    }
    const board = boardOf(activity);
    const results = snapshot?.results || null;
    shown = { activity, board, results };
    const themes = openThemes(board);
    drawForms(board, themes);
    // Every lesson the snapshot has, placed as the board (maybe newer) says.
    const lessons = [...(results?.themes || []).flatMap((x) => x.lessons), ...(results?.unplaced || [])];
    for (const key of chosen.keys()) if (!lessons.some((lesson) => lesson.key === key)) chosen.delete(key);
    const votes = Object.fromEntries((results?.themes || []).map((x) => [x.key, x.votes]));
    const signature = JSON.stringify([board, lessons, votes]);
    if (signature === drawnColumns) return;
    drawnColumns = signature;
    const byTheme = new Map(themes.map((theme) => [theme.key, []]));
    const unplaced = [];
    for (const lesson of lessons) {
      const key = resolveTheme(board, board.placed[lesson.key]);
      (key ? byTheme.get(key) : unplaced).push(lesson);
    }
    const voting = board.phase === "vote";
    keepingFocus(columns, () =>
      columns.replaceChildren(
        column("", t("lessons_unplaced_count", { count: unplaced.length }), unplaced, themes, null),
        ...themes.map((theme) =>
          column(theme.key, theme.name, byTheme.get(theme.key), themes, voting ? votes[theme.key] || 0 : null),
        ),
      ),
    );
  }

  return { node, render };
}
