// A relation between two actors in the actor mapping form (homework_actors.js).
// Its ends point at actors by their card's uid, so renaming an actor carries
// its relations along; an end whose actor was removed keeps the name and is
// marked for fixing, and finds the actor again if it is typed back in.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { cleanText, textKey } from "./homework_draft.js";
import { field, nextId, radioGroup } from "./homework_widgets.js";

// Financing and commissioning go from one actor to the other; the rest are
// mutual (docs/homework.md, sessions/catalogue.py).
const DIRECTED = new Set(["finansiering", "uppdrag"]);
const MISSING = "__missing__";

function capitalised(word) {
  return word ? word[0].toLocaleUpperCase() + word.slice(1) : word;
}

function actorLabel(actor, actors) {
  return actor.name() || t("unnamed_actor", { n: actors.indexOf(actor) + 1 });
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

function resolve(end, actors) {
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

function fillEnd(end, actors) {
  const options = [["", t("choose_actor")]];
  if (end.missing !== null) {
    const gone = end.missing ? t("removed_actor", { actor: end.missing }) : t("removed_unnamed");
    options.push([MISSING, gone]);
  }
  for (const actor of actors) options.push([actor.uid, actorLabel(actor, actors)]);
  const signature = JSON.stringify(options);
  if (end.select.dataset.options !== signature) {
    end.select.dataset.options = signature;
    end.select.replaceChildren(...options.map(([value, text]) => el("option", { value, text })));
  }
  end.select.value = end.uid || (end.missing !== null ? MISSING : "");
}

function endName(end, actors) {
  if (end.uid) return actors.find((a) => a.uid === end.uid)?.name() || "";
  return end.missing || "";
}

// value: a saved relation ({from, to, type, clear}) or null. actors() gives the
// form's actor cards as they are now. onRemove(relation) is the remove
// button's: the form takes the relation out and moves focus.
export function relationRow(value, { types, actors, onChange, onRemove }) {
  const id = nextId("amr");
  const legend = el("legend", { class: "hw-relation-title" });
  const fix = el("p", { class: "hw-fix", id: `${id}-fix`, hidden: true });
  const from = endPicker(`${id}-from`, onChange);
  const to = endPicker(`${id}-to`, onChange);
  const fromLabel = el("label", { for: from.select.id });
  const toLabel = el("label", { for: to.select.id });
  const type = el("select", { id: `${id}-type`, onchange: onChange });
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
    onChange,
    className: "hw-clear",
  });
  const relation = {
    from,
    to,
    type,
    clear,
    uses: (uid) => from.uid === uid || to.uid === uid,
    value: () => ({
      from: endName(from, actors()),
      to: endName(to, actors()),
      type: type.value,
      clear: clear.value() !== "unclear",
    }),
    broken: () => from.missing !== null || to.missing !== null,
    refresh(n) {
      const now = actors();
      resolve(from, now);
      resolve(to, now);
      fillEnd(from, now);
      fillEnd(to, now);
      const directed = DIRECTED.has(textKey(type.value));
      fromLabel.textContent = directed ? t("from") : t("between");
      toLabel.textContent = directed ? t("to") : t("and");
      typeHint.textContent = directed ? t("directed") : t("mutual");
      const a = endName(from, now) || "…";
      const b = endName(to, now) || "…";
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
    onclick: () => onRemove(relation),
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
    const actor = wanted && actors().find((a) => textKey(a.name()) === textKey(wanted));
    if (actor) end.uid = actor.uid;
    else if (wanted) end.missing = wanted;
  }
  const typeKey = textKey(value?.type);
  type.value = types.find((word) => textKey(word) === typeKey) || types[0] || "";
  clear.set(value?.clear === false ? "unclear" : "clear");
  return relation;
}

// The relations as handed in: those left empty (no end chosen) are left out.
export function submittedRelations(relations) {
  return relations.filter((r) => r.broken() || r.from.uid || r.to.uid).map((r) => r.value());
}

// The first problem in the relations the server would refuse: {message, control} or null.
export function checkRelations(relations, actors) {
  const seen = new Set();
  for (const [i, relation] of relations.entries()) {
    const n = i + 1;
    const { from, to } = relation;
    if (!relation.broken() && !from.uid && !to.uid) continue; // left empty: not sent
    if (!from.uid || !to.uid || !endName(from, actors) || !endName(to, actors)) {
      const control = !from.uid || !endName(from, actors) ? from.select : to.select;
      return { message: t("relation_needs_ends", { n }), control };
    }
    if (from.uid === to.uid) return { message: t("relation_self_n", { n }), control: to.select };
    const typeKey = textKey(relation.type.value);
    const ends = [textKey(endName(from, actors)), textKey(endName(to, actors))];
    if (!DIRECTED.has(typeKey)) ends.sort();
    const identity = [typeKey, ...ends].join("\n");
    if (seen.has(identity)) return { message: t("duplicate_relation", { n }), control: relation.type };
    seen.add(identity);
  }
  return null;
}
