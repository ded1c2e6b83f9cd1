// An actor's card in the actor mapping form (homework_actors.js): its name and
// the areas it leads or contributes to. The form keeps the list of cards;
// a card keeps its own areas.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { textKey } from "./homework_draft.js";
import { nextId, pickOrOwn, radioGroup } from "./homework_widgets.js";

const MAX_AREAS = 20; // per actor, as sessions/kinds/actor_map.py

// value: a saved actor ({name, areas}) or null. onRemove(actor) is the remove
// button's: the form asks, takes the card out and moves focus.
export function actorCard(value, { open, actorCatalogue, areaCatalogue, allowOwn, onChange, onRemove }) {
  const id = nextId("am");
  const summary = el("summary", { class: "hw-card-title" });
  const details = el("details", { class: "hw-card", open });
  const pick = pickOrOwn({
    id: `${id}-name`,
    label: t("actor"),
    ownLabel: t("actor_own"),
    catalogue: actorCatalogue,
    allowOwn,
    maxlength: 120,
    onChange,
  });
  const areaList = el("ul", { class: "hw-areas" });
  const areaHint = el("p", { class: "hint", id: `${id}-area-hint`, "aria-live": "polite" });
  const addAreaButton = el("button", {
    type: "button",
    class: "button hw-add",
    text: t("add_area"),
    "aria-describedby": areaHint.id,
    onclick: () => {
      const area = addArea(null);
      onChange();
      area.pick.select.focus();
    },
  });
  const actor = {
    uid: id,
    pick,
    areas: [],
    node: el("li", {}, details),
    summary,
    name: () => pick.value(),
    value: () => ({ name: pick.value(), areas: actor.areas.map((a) => a.value()) }),
    retitle(n) {
      const count = actor.areas.filter((a) => a.value().area).length;
      const what = [pick.value() || t("new_actor"), count ? t("areas_count", { count }) : ""];
      summary.textContent = t("actor_title", { n, actor: what.filter(Boolean).join(" · ") });
      const full = actor.areas.length >= MAX_AREAS;
      addAreaButton.disabled = full;
      areaHint.textContent = full ? t("max_areas", { max: MAX_AREAS }) : "";
    },
  };

  function addArea(area) {
    const areaId = nextId("ama");
    const areaPick = pickOrOwn({
      id: areaId,
      label: t("area"),
      ownLabel: t("area_own"),
      catalogue: areaCatalogue,
      allowOwn,
      maxlength: 120,
      onChange,
    });
    const mode = radioGroup({
      name: `${areaId}-mode`,
      legend: t("mode_legend"),
      options: [
        { value: "leads", label: t("leads") },
        { value: "contributes", label: t("contributes") },
      ],
      onChange,
      className: "hw-modes",
    });
    const row = {
      pick: areaPick,
      mode,
      value: () => ({ area: areaPick.value(), mode: mode.value() }),
    };
    const remove = el("button", {
      type: "button",
      class: "button danger hw-remove-small",
      text: t("remove_area"),
      onclick: () => {
        const at = actor.areas.indexOf(row);
        actor.areas = actor.areas.filter((a) => a !== row);
        row.node.remove();
        onChange();
        (actor.areas[at]?.pick.select || actor.areas[at - 1]?.pick.select || addAreaButton).focus();
      },
    });
    row.node = el("li", { class: "hw-area" }, ...areaPick.nodes, mode.node, remove);
    areaPick.set(area?.area);
    mode.set(area?.mode ?? null);
    actor.areas.push(row);
    areaList.append(row.node);
    return row;
  }

  const remove = el("button", {
    type: "button",
    class: "button danger hw-remove",
    text: t("remove_actor"),
    onclick: () => onRemove(actor),
  });

  details.append(
    summary,
    el(
      "div",
      { class: "hw-card-body" },
      ...pick.nodes,
      el(
        "fieldset",
        { class: "hw-area-set" },
        el("legend", { text: t("areas_legend") }),
        el("p", { class: "hint", text: t("areas_intro") }),
        areaList,
        el("div", { class: "hw-adds" }, addAreaButton, areaHint),
      ),
      remove,
    ),
  );
  pick.set(value?.name);
  for (const area of Array.isArray(value?.areas) ? value.areas : []) addArea(area);
  actor.addArea = addArea;
  return actor;
}

function blankArea(area) {
  return !area.area && !area.mode;
}

// The actors as handed in: areas left empty are left out, and so are actors
// with neither a name nor an area.
export function submittedActors(actors) {
  return actors
    .map((actor) => {
      const value = actor.value();
      return { name: value.name, areas: value.areas.filter((a) => !blankArea(a)) };
    })
    .filter((actor) => actor.name || actor.areas.length);
}

// The first problem in the actors the server would refuse: {message, control} or null.
export function checkActors(actors, addActorButton) {
  const listed = actors.filter((a) => a.name() || a.areas.some((area) => !blankArea(area.value())));
  if (!listed.length) return { message: t("need_actor"), control: addActorButton };
  const names = new Set();
  for (const actor of listed) {
    const n = actors.indexOf(actor) + 1;
    const name = actor.name();
    if (!name) return { message: t("need_actor_name", { n }), control: actor.pick.control() };
    if (names.has(textKey(name))) {
      return { message: t("duplicate_actor", { actor: name }), control: actor.pick.control() };
    }
    names.add(textKey(name));
    const areas = new Set();
    for (const row of actor.areas) {
      const { area, mode } = row.value();
      if (!area && !mode) continue;
      if (!area) return { message: t("need_area", { actor: name }), control: row.pick.control() };
      if (!mode) return { message: t("need_mode", { actor: name, area }), control: row.mode.inputs[0] };
      if (areas.has(textKey(area))) {
        return { message: t("duplicate_area", { actor: name, area }), control: row.pick.control() };
      }
      areas.add(textKey(area));
    }
  }
  return null;
}
