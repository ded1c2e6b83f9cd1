// Results of any activity kind, drawn the same way on every page (projector,
// console, the leader's homework page, archive):
//
//   renderResults(container, kind, results, {config, large, idPrefix})
//
// The container holds one pane per kind (a child with data-results-kind); the
// pane of `kind` is shown and filled, the others hidden. A page may put a
// pane in its markup (the projector's and the archive's word cloud and bars);
// otherwise it is made here. Also here: the leader's merge form for the
// homework kinds, and a one-line summary of an answer for the answers table.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { clearCloud, renderBars, renderCloud } from "./results.js";
import { renderActorMap } from "./results_actor_map.js";
import { lessonsSummary, renderLessons } from "./results_lessons.js";
import { NEXT_STEPS_RENDERERS, nextStepsSummary } from "./results_next_steps.js";
import { renderOthersView } from "./results_others.js";
import { PLAIN_RENDERERS, plainSummary } from "./results_plain.js";
import { plural } from "./results_views.js";

export const HOMEWORK_KINDS = new Set(["others_view", "actor_map"]);
// The plain questions (docs/kinds.md): drawn here, with nothing to merge.
// Next steps and their status check are drawn here too, with nothing to merge.
export const PLAIN_KINDS = new Set([...Object.keys(PLAIN_RENDERERS), ...Object.keys(NEXT_STEPS_RENDERERS)]);

// Lessons too: their board is arranged in the console (console_lessons.js).
PLAIN_KINDS.add("lessons");

// Which fields a leader can merge in each kind (docs/homework.md).
const MERGE_FIELDS = { others_view: ["actor", "role"], actor_map: ["actor", "area"] };

const drawn = new WeakMap(); // pane -> the results it shows

export function renderResults(container, kind, results, options = {}) {
  const pane = paneFor(container, kind);
  if (!results) {
    drawn.delete(pane);
    clearPane(pane, kind);
    return;
  }
  // A page redraws on every event; a snapshot's results are replaced only by a
  // newer version, so the same object needs no new drawing (which would reset
  // scrolling). A word cloud checks its own size and words (open text keeps
  // its list when the results are the same).
  if (kind !== "roles" && kind !== "text" && drawn.get(pane) === results) return;
  drawn.set(pane, results);
  if (kind === "roles") renderRoles(pane, results, options);
  else if (kind === "others_view") renderOthersView(pane, results, options);
  else if (kind === "actor_map") renderActorMap(pane, results, options);
  else if (Object.hasOwn(NEXT_STEPS_RENDERERS, kind)) NEXT_STEPS_RENDERERS[kind](pane, results, options);
  else if (kind === "lessons") renderLessons(pane, results, options);
  else if (PLAIN_KINDS.has(kind)) PLAIN_RENDERERS[kind](pane, results, options);
  else pane.replaceChildren(el("p", { class: "muted", text: t("unknown_kind") }));
}

// Empties what the results showed (the projector does this when they are hidden).
export function clearResults(container) {
  for (const pane of container.querySelectorAll(":scope > [data-results-kind]")) {
    clearPane(pane, pane.dataset.resultsKind);
  }
}

function paneFor(container, kind) {
  let pane = null;
  for (const child of container.children) {
    if (child.dataset.resultsKind === undefined) continue;
    const mine = child.dataset.resultsKind === kind;
    child.hidden = !mine;
    if (mine) pane = child;
  }
  if (!pane) {
    pane = el("div", { class: `results-pane results-${kind}`, dataset: { resultsKind: kind } });
    container.append(pane);
  }
  return pane;
}

function clearPane(pane, kind) {
  if (kind !== "roles") {
    // The homework kinds keep their drawing (its filters and layout) for when
    // the results come back, hidden meanwhile; the next render updates it.
    pane.hidden = true;
    return;
  }
  const cloud = pane.querySelector("svg.cloud");
  if (cloud) clearCloud(cloud);
  const bars = pane.querySelector("ol.bars");
  if (bars && !("static" in bars.dataset)) bars.replaceChildren();
}

// Roles: ranked bars and a word cloud.
function renderRoles(pane, results, { large = false, limit = 10 } = {}) {
  let cloud = pane.querySelector("svg.cloud");
  if (!cloud) {
    cloud = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    cloud.setAttribute("class", "cloud");
    cloud.setAttribute("role", "img");
    cloud.setAttribute("aria-label", t("word_cloud"));
    pane.append(cloud);
  }
  let bars = pane.querySelector("ol.bars");
  if (!bars) {
    bars = el("ol", { class: large ? "bars bars-large" : "bars", "aria-label": t("most_named") });
    pane.append(bars);
  }
  const words = results.words || [];
  // The archive writes its bars on the server (with who named each word).
  if (!("static" in bars.dataset)) renderBars(bars, words, { limit });
  const box = cloud.getBoundingClientRect();
  renderCloud(cloud, words, {
    width: Math.round(box.width),
    height: Math.round(box.height),
    minSize: large ? Math.max(18, box.height / 22) : 14,
    maxSize: large ? Math.max(40, box.height / 5) : Math.max(32, box.height / 5),
  });
}

// One line for the answers table: what a submission holds, in brief.
export function answerSummary(kind, answer, config = {}) {
  if (!answer) return "";
  if (Object.hasOwn(NEXT_STEPS_RENDERERS, kind)) return nextStepsSummary(kind, answer, config);
  if (kind === "lessons") return lessonsSummary(answer);
  if (PLAIN_KINDS.has(kind)) return plainSummary(kind, answer, config);
  if (kind === "others_view") {
    const actors = answer.actors || [];
    const names = actors.map((actor) => (actor.name ? `${actor.kind} (${actor.name})` : actor.kind));
    return plural("summary_actors", actors.length, { names: names.join(", ") });
  }
  if (kind === "actor_map") {
    const relations = answer.relations || [];
    const unclear = relations.filter((relation) => relation.clear === false).length;
    const parts = [
      plural("summary_map_actors", (answer.actors || []).length),
      plural("summary_map_relations", relations.length),
    ];
    if (unclear) parts.push(plural("summary_map_unclear", unclear));
    return `${answer.region || t("no_region")}: ${parts.join(", ")}`;
  }
  return (answer.roles || []).join(", ");
}

// The words a field's merge form suggests, from the results on screen.
function suggestions(kind, field, results) {
  if (!results) return [];
  if (kind === "others_view") {
    if (field === "actor") return (results.kinds || []).map((k) => k.kind);
    if (field === "role") {
      const roles = new Set((results.expected_roles || []).map((w) => w.word));
      for (const k of results.kinds || []) for (const w of k.roles || []) roles.add(w.word);
      return [...roles];
    }
  }
  if (kind === "actor_map") {
    if (field === "actor") return (results.network?.nodes || []).map((n) => n.label);
    if (field === "area") {
      const labels = results.matrix?.labels || {};
      return (results.matrix?.areas || []).map((key) => labels[key] ?? key);
    }
  }
  return [];
}

// The merges in force: from the activity when it carries them ({"field:key":
// target}), else from the results' "merged" lists.
function mergesOf(kind, activity, results) {
  const found = [];
  if (activity?.merges && typeof activity.merges === "object") {
    for (const [slot, target] of Object.entries(activity.merges)) {
      const at = slot.indexOf(":");
      if (at > 0) found.push({ field: slot.slice(0, at), source: slot.slice(at + 1), target });
    }
    return found;
  }
  const add = (field, words, labelOf) => {
    for (const word of words || []) {
      for (const source of word.merged || []) found.push({ field, source, target: labelOf(word) });
    }
  };
  if (kind === "others_view") {
    add("actor", results?.kinds, (k) => k.kind);
    add("role", results?.expected_roles, (w) => w.word);
  } else if (kind === "actor_map") {
    add("actor", results?.network?.nodes, (n) => n.label);
    const labels = results?.matrix?.labels || {};
    const areas = Object.entries(results?.matrix?.merged || {});
    add("area", areas.map(([key, merged]) => ({ key, merged })), (a) => labels[a.key] ?? a.key);
  }
  return found;
}

// The leader's merge form for the homework kinds: which field (actor, role,
// area), the word to merge and the word to count it as; then the merges in
// force, each with a button to undo it. Built once, updated in place.
// actions: {send(event, payload) -> Promise<reply|null>, announce(text)}
export function mergePanel(prefix, actions) {
  const field = el("select", { id: `${prefix}-field` });
  const source = el("input", { id: `${prefix}-source`, list: `${prefix}-options`, maxlength: 120, autocomplete: "off", required: true });
  const target = el("input", { id: `${prefix}-target`, list: `${prefix}-options`, maxlength: 120, autocomplete: "off", required: true });
  const options = el("datalist", { id: `${prefix}-options` });
  const list = el("ul", { class: "merge-list" });
  const none = el("p", { class: "muted", text: t("no_merges") });
  const headingId = `${prefix}-heading`;
  const listHeadingId = `${prefix}-list-heading`;
  let shown = null; // {activity, kind, results}

  const form = el(
    "form",
    { class: "merge-form merge-form-fields", "aria-labelledby": headingId },
    el("h3", { id: headingId, text: t("merge_heading") }),
    el("p", { class: "hint", text: t("merge_hint_homework") }),
    el("div", { class: "field" }, el("label", { for: field.id, text: t("merge_field") }), field),
    el("div", { class: "field" }, el("label", { for: source.id, text: t("merge_source") }), source),
    el("div", { class: "field" }, el("label", { for: target.id, text: t("merge_target") }), target),
    el("button", { type: "submit", class: "button", text: t("merge_button") }),
    options,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!shown) return;
    const reply = await actions.send("merge_words", {
      activity_id: shown.activity.id,
      source: source.value,
      target: target.value,
      field: field.value,
    });
    if (reply?.ok) {
      source.value = "";
      target.value = "";
      actions.announce(t("merged"));
      source.focus();
    }
  });
  field.addEventListener("change", () => fillOptions());

  const node = el(
    "div",
    { class: "merge-panel" },
    form,
    el("h4", { id: listHeadingId, text: t("merges_heading") }),
    none,
    list,
  );
  list.setAttribute("aria-labelledby", listHeadingId);

  function fieldLabel(kind, name) {
    return t(kind === "others_view" && name === "actor" ? "field_actor_kind" : `field_${name}`);
  }

  function fillOptions() {
    if (!shown) return;
    const words = suggestions(shown.kind, field.value, shown.results);
    const signature = JSON.stringify([field.value, words]);
    // Replacing the options under an open suggestion list makes it flicker.
    if (options.dataset.words === signature) return;
    options.dataset.words = signature;
    options.replaceChildren(...words.map((word) => el("option", { value: word })));
  }

  function update(activity, kind, results) {
    shown = activity ? { activity, kind, results } : null;
    if (!shown) return;
    const fields = MERGE_FIELDS[kind] || ["role"];
    if (field.dataset.fields !== fields.join(" ")) {
      field.dataset.fields = fields.join(" ");
      field.replaceChildren(...fields.map((name) => el("option", { value: name, text: fieldLabel(kind, name) })));
    }
    fillOptions();
    const merges = mergesOf(kind, activity, results);
    none.hidden = merges.length > 0;
    const active = document.activeElement;
    const focusedKey = active && list.contains(active) ? active.dataset.key : null;
    list.replaceChildren(
      ...merges.map((merge) =>
        el(
          "li",
          {},
          el("span", { class: "merge-field", text: `${fieldLabel(kind, merge.field)}: ` }),
          el("span", { text: t("merge_pair", { source: merge.source, target: merge.target }) }),
          " ",
          el("button", {
            type: "button",
            class: "button small",
            dataset: { key: `${merge.field}:${merge.source}` },
            "aria-label": t("unmerge", { word: merge.source }),
            text: t("unmerge_short"),
            onclick: async () => {
              const reply = await actions.send("unmerge_word", {
                activity_id: activity.id,
                source: merge.source,
                field: merge.field,
              });
              if (reply?.ok) {
                actions.announce(t("unmerged"));
                // The button went with the merge; the form is the next likely step.
                source.focus();
              }
            },
          }),
        ),
      ),
    );
    if (focusedKey) list.querySelector(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
  }

  return { node, update };
}
