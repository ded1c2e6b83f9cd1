// The actor mapping (actor_map) homework form: the region, its actors with the
// areas each leads or contributes to (homework_actor_cards.js), and the
// relations between the actors (homework_relations.js). This module keeps the
// lists, the limits and the answer. The answer's shape is docs/homework.md's;
// the server checks it again.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { cleanText } from "./homework_draft.js";
import { actorCard, checkActors, submittedActors } from "./homework_actor_cards.js";
import { checkRelations, relationRow, submittedRelations } from "./homework_relations.js";
import { confirmRemove, field, nextId, reveal } from "./homework_widgets.js";

export function actorMapForm(activity, { onChange, participant }) {
  const config = activity.config || {};
  const actorCatalogue = config.actor_catalogue || [];
  const areaCatalogue = config.area_catalogue || [];
  const types = config.relation_types || [];
  const allowOwn = config.allow_own !== false;
  const maxActors = config.max_actors || 30;
  const maxRelations = config.max_relations ?? 60;
  let actors = [];
  let relations = [];

  const regionHint = el("p", { class: "hint", id: nextId("am-region-hint"), text: t("region_hint") });
  const region = el("input", {
    id: nextId("am-region"),
    maxlength: 120,
    autocomplete: "organization",
    "aria-describedby": regionHint.id,
    oninput: () => changed(),
  });

  const actorList = el("ol", { class: "hw-cards" });
  const actorHint = el("p", { class: "hint", id: nextId("am-actor-hint"), "aria-live": "polite" });
  const addActorButton = el("button", {
    type: "button",
    class: "button hw-add",
    text: t("add_actor"),
    "aria-describedby": actorHint.id,
    onclick: () => {
      const actor = addActor(null, { open: true });
      changed();
      reveal(actor.pick.select).focus();
    },
  });

  const relationList = el("ol", { class: "hw-relations" });
  const relationHint = el("p", { class: "hint", id: nextId("am-relation-hint"), "aria-live": "polite" });
  const addRelationButton = el("button", {
    type: "button",
    class: "button hw-add",
    text: t("add_relation"),
    "aria-describedby": relationHint.id,
    onclick: () => {
      const relation = addRelation(null);
      changed();
      relation.from.select.focus();
    },
  });
  const relationsSection = el(
    "section",
    { class: "hw-section" },
    el("h2", { text: t("relations") }),
    el("p", { class: "hint", text: t("relations_intro") }),
    relationList,
    el("div", { class: "hw-adds" }, addRelationButton, relationHint),
  );
  relationsSection.hidden = maxRelations === 0;

  const node = el(
    "fieldset",
    { class: "hw-form hw-actors" },
    el("legend", { class: "visually-hidden", text: activity.prompt }),
    el("section", { class: "hw-section" }, field(region, t("region"), regionHint)),
    el(
      "section",
      { class: "hw-section" },
      el("h2", { text: t("actors_in_region") }),
      el("p", { class: "hint", text: t("actors_intro") }),
      actorList,
      el("div", { class: "hw-adds" }, addActorButton, actorHint),
    ),
    relationsSection,
  );

  function changed() {
    refresh();
    onChange();
  }

  // Everything that follows from the list of actors: titles, the relations'
  // choices, the limits.
  function refresh() {
    for (const [i, actor] of actors.entries()) actor.retitle(i + 1);
    for (const [i, relation] of relations.entries()) relation.refresh(i + 1);
    const fullActors = actors.length >= maxActors;
    addActorButton.disabled = fullActors;
    actorHint.textContent = fullActors ? t("max_actors", { max: maxActors }) : "";
    const named = actors.filter((a) => a.name()).length;
    const fullRelations = relations.length >= maxRelations;
    addRelationButton.disabled = fullRelations || named < 2;
    relationHint.textContent = fullRelations
      ? t("max_relations", { max: maxRelations })
      : named < 2
        ? t("relations_need_actors")
        : "";
  }

  function addActor(value, { open }) {
    const actor = actorCard(value, {
      open,
      actorCatalogue,
      areaCatalogue,
      allowOwn,
      onChange: changed,
      onRemove: removeActor,
    });
    actors.push(actor);
    actorList.append(actor.node);
    return actor;
  }

  function removeActor(actor) {
    const value = actor.value();
    const used = relations.some((r) => r.uses(actor.uid));
    const question = used
      ? t("confirm_remove_used", { what: actor.summary.textContent })
      : t("confirm_remove", { what: actor.summary.textContent });
    if ((value.name || value.areas.length) && !confirmRemove(question)) return;
    const at = actors.indexOf(actor);
    actors = actors.filter((a) => a !== actor);
    actor.node.remove();
    changed();
    (actors[at]?.summary || actors[at - 1]?.summary || addActorButton).focus();
  }

  function addRelation(value) {
    const relation = relationRow(value, {
      types,
      actors: () => actors,
      onChange: changed,
      onRemove: removeRelation,
    });
    relations.push(relation);
    relationList.append(relation.node);
    return relation;
  }

  function removeRelation(relation) {
    const at = relations.indexOf(relation);
    relations = relations.filter((r) => r !== relation);
    relation.node.remove();
    changed();
    (relations[at]?.from.select || relations[at - 1]?.from.select || addRelationButton).focus();
  }

  return {
    node,
    draftAnswer: () => ({
      region: cleanText(region.value),
      actors: actors.map((actor) => actor.value()),
      relations: relations.map((relation) => relation.value()),
    }),
    submitAnswer: () => ({
      region: cleanText(region.value),
      actors: submittedActors(actors),
      relations: submittedRelations(relations),
    }),
    setAnswer(answer) {
      actors = [];
      relations = [];
      actorList.replaceChildren();
      relationList.replaceChildren();
      region.value =
        answer && typeof answer.region === "string" ? answer.region : participant?.organisation || "";
      const given = Array.isArray(answer?.actors) ? answer.actors : [];
      for (const actor of given) addActor(actor, { open: given.length === 1 });
      if (!given.length) addActor(null, { open: true });
      for (const relation of Array.isArray(answer?.relations) ? answer.relations : []) addRelation(relation);
      refresh();
    },
    setEditable(editable) {
      node.disabled = !editable;
    },
    // A first problem the server would refuse, to fix before handing in: {message, control}.
    check() {
      if (!cleanText(region.value)) return { message: t("need_region"), control: region };
      return checkActors(actors, addActorButton) || checkRelations(relations, actors);
    },
  };
}
