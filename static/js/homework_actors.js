// The actor mapping (actor_map) homework form: the region, its actors with the
// areas each leads or contributes to, and the relations between the actors.
// Relations point at actors by an id on the page, so renaming an actor carries
// its relations along; a relation whose actor was removed is kept and marked for
// fixing. The answer's shape is docs/homework.md's; the server checks it again.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { cleanText, textKey } from "./homework_draft.js";
import { confirmRemove, nextId, pickOrOwn, radioGroup, reveal } from "./homework_others.js";

const MAX_AREAS = 20; // per actor, as sessions/kinds/actor_map.py
// Financing and commissioning go from one actor to the other; the rest are
// mutual (docs/homework.md, sessions/catalogue.py).
const DIRECTED = new Set(["finansiering", "uppdrag"]);
const MISSING = "__missing__";

function capitalised(word) {
  return word ? word[0].toLocaleUpperCase() + word.slice(1) : word;
}

function field(control, label, hint) {
  return el(
    "div",
    { class: "field" },
    el("label", { for: control.id, text: label }),
    control,
    hint || null,
  );
}

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

  function actorLabel(actor) {
    return actor.name() || t("unnamed_actor", { n: actors.indexOf(actor) + 1 });
  }

  function addActor(value, { open }) {
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
      onChange: changed,
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
        changed();
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
        onChange: changed,
      });
      const mode = radioGroup({
        name: `${areaId}-mode`,
        legend: t("mode_legend"),
        options: [
          { value: "leads", label: t("leads") },
          { value: "contributes", label: t("contributes") },
        ],
        onChange: changed,
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
          changed();
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
      onclick: () => {
        const value = actor.value();
        const used = relations.some((r) => r.uses(actor.uid));
        const question = used
          ? t("confirm_remove_used", { what: summary.textContent })
          : t("confirm_remove", { what: summary.textContent });
        if ((value.name || value.areas.length) && !confirmRemove(question)) return;
        const at = actors.indexOf(actor);
        actors = actors.filter((a) => a !== actor);
        actor.node.remove();
        changed();
        (actors[at]?.summary || actors[at - 1]?.summary || addActorButton).focus();
      },
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
    actors.push(actor);
    actorList.append(actor.node);
    return actor;
  }

  // One end of a relation: an actor on the page (uid), or the name of one that
  // is no longer in the list (missing), or nothing chosen yet.
  function endPicker(id, onPick) {
    const select = el("select", { id });
    const end = { uid: null, missing: null, lastName: "", select };
    select.addEventListener("change", () => {
      if (select.value === MISSING) return;
      end.uid = select.value || null;
      end.missing = null;
      onPick();
    });
    return end;
  }

  function resolve(end) {
    const byUid = end.uid && actors.find((a) => a.uid === end.uid);
    if (end.uid && !byUid) {
      // Its actor was removed: keep what it was, to be fixed by hand.
      end.uid = null;
      end.missing = end.lastName;
    }
    if (!end.uid && end.missing) {
      // The same actor came back (typed again): the relation finds it.
      const again = actors.find((a) => a.name() && textKey(a.name()) === textKey(end.missing));
      if (again) {
        end.uid = again.uid;
        end.missing = null;
      }
    }
    if (end.uid) end.lastName = actors.find((a) => a.uid === end.uid).name();
  }

  function fillEnd(end) {
    const options = [["", t("choose_actor")]];
    if (end.missing !== null) {
      const gone = end.missing ? t("removed_actor", { actor: end.missing }) : t("removed_unnamed");
      options.push([MISSING, gone]);
    }
    for (const actor of actors) options.push([actor.uid, actorLabel(actor)]);
    const signature = JSON.stringify(options);
    if (end.select.dataset.options !== signature) {
      end.select.dataset.options = signature;
      end.select.replaceChildren(...options.map(([value, text]) => el("option", { value, text })));
    }
    end.select.value = end.uid || (end.missing !== null ? MISSING : "");
  }

  function endName(end) {
    if (end.uid) return actors.find((a) => a.uid === end.uid)?.name() || "";
    return end.missing || "";
  }

  function addRelation(value) {
    const id = nextId("amr");
    const legend = el("legend", { class: "hw-relation-title" });
    const fix = el("p", { class: "hw-fix", id: `${id}-fix`, hidden: true });
    const from = endPicker(`${id}-from`, changed);
    const to = endPicker(`${id}-to`, changed);
    const fromLabel = el("label", { for: from.select.id });
    const toLabel = el("label", { for: to.select.id });
    const type = el("select", { id: `${id}-type`, onchange: changed });
    for (const word of types) type.append(el("option", { value: word, text: capitalised(word) }));
    const typeHint = el("p", { class: "hint", id: `${id}-type-hint` });
    type.setAttribute("aria-describedby", typeHint.id);
    const clear = radioGroup({
      name: `${id}-clear`,
      legend: t("interface_legend"),
      options: [
        { value: "clear", label: t("interface_clear") },
        { value: "unclear", label: t("interface_unclear") },
      ],
      onChange: changed,
      className: "hw-clear",
    });
    const relation = {
      from,
      to,
      type,
      clear,
      uses: (uid) => from.uid === uid || to.uid === uid,
      value: () => ({
        from: endName(from),
        to: endName(to),
        type: type.value,
        clear: clear.value() !== "unclear",
      }),
      broken: () => from.missing !== null || to.missing !== null,
      refresh(n) {
        resolve(from);
        resolve(to);
        fillEnd(from);
        fillEnd(to);
        const directed = DIRECTED.has(textKey(type.value));
        fromLabel.textContent = directed ? t("from") : t("between");
        toLabel.textContent = directed ? t("to") : t("and");
        typeHint.textContent = directed ? t("directed") : t("mutual");
        const a = endName(from) || "…";
        const b = endName(to) || "…";
        legend.textContent = t("relation_title", {
          n,
          relation: `${a} ${directed ? "→" : "–"} ${b} (${type.value})`,
        });
        let problem = "";
        if (relation.broken()) {
          const gone = [from, to].find((end) => end.missing !== null).missing;
          problem = gone ? t("relation_fix", { actor: gone }) : t("relation_fix_unnamed");
        } else if (from.uid && from.uid === to.uid) {
          problem = t("relation_self");
        }
        fix.textContent = problem;
        fix.hidden = !problem;
        relation.node.classList.toggle("needs-fix", Boolean(problem));
        for (const end of [from, to]) {
          const wrong = end.missing !== null || Boolean(problem && from.uid === to.uid);
          if (wrong) end.select.setAttribute("aria-invalid", "true");
          else end.select.removeAttribute("aria-invalid");
          end.select.setAttribute("aria-describedby", fix.id);
        }
      },
    };
    const remove = el("button", {
      type: "button",
      class: "button danger hw-remove-small",
      text: t("remove_relation"),
      onclick: () => {
        const at = relations.indexOf(relation);
        relations = relations.filter((r) => r !== relation);
        relation.node.remove();
        changed();
        (relations[at]?.from.select || relations[at - 1]?.from.select || addRelationButton).focus();
      },
    });
    relation.node = el(
      "li",
      { class: "hw-relation" },
      el(
        "fieldset",
        {},
        legend,
        el(
          "div",
          { class: "hw-relation-grid" },
          el("div", { class: "field" }, fromLabel, from.select),
          field(type, t("relation_type"), typeHint),
          el("div", { class: "field" }, toLabel, to.select),
        ),
        fix,
        clear.node,
        remove,
      ),
    );
    // Ends named in a saved answer find their actors by name.
    for (const [end, name] of [
      [from, value?.from],
      [to, value?.to],
    ]) {
      const wanted = cleanText(name);
      const actor = wanted && actors.find((a) => textKey(a.name()) === textKey(wanted));
      if (actor) end.uid = actor.uid;
      else if (wanted) end.missing = wanted;
    }
    const typeKey = textKey(value?.type);
    type.value = types.find((word) => textKey(word) === typeKey) || types[0] || "";
    clear.set(value?.clear === false ? "unclear" : "clear");
    relations.push(relation);
    relationList.append(relation.node);
    return relation;
  }

  function blankArea(area) {
    return !area.area && !area.mode;
  }

  function submitActors() {
    return actors
      .map((actor) => {
        const value = actor.value();
        return { name: value.name, areas: value.areas.filter((a) => !blankArea(a)) };
      })
      .filter((actor) => actor.name || actor.areas.length);
  }

  function submitRelations() {
    return relations.filter((r) => r.broken() || r.from.uid || r.to.uid).map((r) => r.value());
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
      actors: submitActors(),
      relations: submitRelations(),
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
      const seen = new Set();
      for (const [i, relation] of relations.entries()) {
        const n = i + 1;
        const { from, to } = relation;
        if (!relation.broken() && !from.uid && !to.uid) continue; // left empty: not sent
        if (!from.uid || !to.uid || !endName(from) || !endName(to)) {
          const control = !from.uid || !endName(from) ? from.select : to.select;
          return { message: t("relation_needs_ends", { n }), control };
        }
        if (from.uid === to.uid) return { message: t("relation_self_n", { n }), control: to.select };
        const typeKey = textKey(relation.type.value);
        const ends = [textKey(endName(from)), textKey(endName(to))];
        if (!DIRECTED.has(typeKey)) ends.sort();
        const identity = [typeKey, ...ends].join("\n");
        if (seen.has(identity)) return { message: t("duplicate_relation", { n }), control: relation.type };
        seen.add(identity);
      }
      return null;
    },
  };
}
