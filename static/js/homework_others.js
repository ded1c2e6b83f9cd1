// The "Andras ögon" (others_view) homework form: one card per actor asked, with
// its kind, organisation, the roles it expects of the region, how large it sees
// that role, and a quote. The widgets are homework_widgets.js's and
// homework_roles.js's. The answer's shape is docs/homework.md's; the server
// checks it again.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { cleanText, textKey } from "./homework_draft.js";
import { roleChips } from "./homework_roles.js";
import { confirmRemove, countedText, nextId, pickOrOwn, radioGroup, reveal } from "./homework_widgets.js";

export function othersViewForm(activity, { onChange }) {
  const config = activity.config || {};
  const actorCatalogue = config.actor_catalogue || [];
  const roleCatalogue = config.role_catalogue || [];
  const sizes = config.sizes || [];
  const allowOwn = config.allow_own !== false;
  const maxActors = config.max_actors || 15;
  let cards = [];

  const list = el("ol", { class: "hw-cards" });
  const empty = el("p", { class: "hw-empty", text: t("no_actors_yet") });
  const addHint = el("p", { class: "hint", id: nextId("ov-add-hint"), "aria-live": "polite" });
  const addButton = el("button", {
    type: "button",
    class: "button hw-add",
    text: t("add_actor"),
    "aria-describedby": addHint.id,
    onclick: () => {
      const card = addCard(null, { open: true });
      card.focus();
      changed();
    },
  });
  const node = el(
    "fieldset",
    { class: "hw-form hw-others" },
    el("legend", { class: "visually-hidden", text: activity.prompt }),
    el("h2", { text: t("actors_asked") }),
    el("p", { class: "hint", text: t("others_intro") }),
    empty,
    list,
    el("div", { class: "hw-adds" }, addButton, addHint),
  );

  function changed() {
    for (const [i, card] of cards.entries()) card.retitle(i + 1);
    empty.hidden = cards.length > 0;
    const full = cards.length >= maxActors;
    addButton.disabled = full;
    addHint.textContent = full ? t("max_actors", { max: maxActors }) : "";
    onChange();
  }

  function addCard(actor, { open }) {
    const id = nextId("ov");
    const summary = el("summary", { class: "hw-card-title" });
    const details = el("details", { class: "hw-card", open });
    const kind = pickOrOwn({
      id: `${id}-kind`,
      label: t("actor_kind"),
      ownLabel: t("actor_kind_own"),
      catalogue: actorCatalogue,
      allowOwn,
      maxlength: 60,
      onChange: changed,
    });
    const nameHint = el("p", { class: "hint", id: `${id}-name-hint`, text: t("organisation_hint") });
    const name = el("input", {
      id: `${id}-name`,
      maxlength: 120,
      autocomplete: "off",
      "aria-describedby": nameHint.id,
      oninput: changed,
    });
    const roles = roleChips({ id, catalogue: roleCatalogue, allowOwn, onChange: changed });
    const size = radioGroup({
      name: `${id}-size`,
      legend: t("size_legend"),
      options: [
        { value: "", label: t("size_none") },
        ...sizes.map((label, i) => ({ value: String(i), label })),
      ],
      onChange: changed,
      className: "hw-sizes",
    });
    const quote = countedText({
      id: `${id}-quote`,
      label: t("quote"),
      maxlength: 500,
      onChange: changed,
      multiline: true,
    });
    const card = {
      node: el("li", {}, details),
      kind,
      value() {
        const chosen = size.value();
        return {
          kind: kind.value(),
          name: cleanText(name.value),
          roles: roles.value(),
          size: chosen === null || chosen === "" ? null : Number(chosen),
          quote: cleanText(quote.input.value),
        };
      },
      set(value) {
        kind.set(value?.kind);
        name.value = cleanText(value?.name);
        roles.set(Array.isArray(value?.roles) ? value.roles : []);
        size.set(Number.isInteger(value?.size) ? value.size : "");
        quote.set(typeof value?.quote === "string" ? value.quote : "");
      },
      retitle(n) {
        const { kind: k, name: who } = card.value();
        const actor = [k || t("new_actor"), who].filter(Boolean).join(" · ");
        summary.textContent = t("actor_title", { n, actor });
      },
      focus: () => reveal(kind.select).focus(),
      summary,
    };
    const remove = el("button", {
      type: "button",
      class: "button danger hw-remove",
      text: t("remove_actor"),
      onclick: () => {
        const question = t("confirm_remove", { what: summary.textContent });
        if (!blank(card.value()) && !confirmRemove(question)) return;
        const at = cards.indexOf(card);
        cards = cards.filter((c) => c !== card);
        card.node.remove();
        changed();
        // The button is gone: keep focus near where it was.
        (cards[at]?.summary || cards[at - 1]?.summary || addButton).focus();
      },
    });
    details.append(
      summary,
      el(
        "div",
        { class: "hw-card-body" },
        ...kind.nodes,
        el("div", { class: "field" }, el("label", { for: name.id, text: t("organisation") }), name, nameHint),
        roles.node,
        size.node,
        quote.node,
        remove,
      ),
    );
    card.set(actor);
    cards.push(card);
    list.append(card.node);
    return card;
  }

  function blank(actor) {
    return !actor.kind && !actor.name && !actor.roles.length && actor.size === null && !actor.quote;
  }

  const form = {
    node,
    draftAnswer: () => ({ actors: cards.map((card) => card.value()) }),
    // Cards left completely empty are no actor.
    submitAnswer: () => ({ actors: cards.map((card) => card.value()).filter((a) => !blank(a)) }),
    setAnswer(answer) {
      cards = [];
      list.replaceChildren();
      const actors = Array.isArray(answer?.actors) ? answer.actors : [];
      for (const actor of actors) addCard(actor, { open: actors.length === 1 });
      if (!actors.length) addCard(null, { open: true });
      for (const [i, card] of cards.entries()) card.retitle(i + 1);
      empty.hidden = cards.length > 0;
      addButton.disabled = cards.length >= maxActors;
    },
    setEditable(editable) {
      node.disabled = !editable;
    },
    // A first problem the server would refuse, to fix before handing in: {message, control}.
    check() {
      const filled = cards.filter((card) => !blank(card.value()));
      if (!filled.length) return { message: t("need_actor"), control: addButton };
      const seen = new Set();
      for (const card of filled) {
        const actor = card.value();
        const n = cards.indexOf(card) + 1;
        if (!actor.kind) return { message: t("need_kind", { n }), control: card.kind.control() };
        const identity = `${textKey(actor.kind)}\n${textKey(actor.name)}`;
        if (seen.has(identity)) {
          const message = t("duplicate_actor", { actor: actor.name || actor.kind });
          return { message, control: card.kind.control() };
        }
        seen.add(identity);
      }
      return null;
    },
  };
  return form;
}
