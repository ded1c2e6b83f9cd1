// The "Andras ögon" (others_view) homework form: one card per actor asked, with
// its kind, organisation, the roles it expects of the region, how large it sees
// that role, and a quote. Also the small widgets the actor mapping form shares.
// The answer's shape is docs/homework.md's; the server checks it again.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { cleanText, textKey } from "./homework_draft.js";

const OWN = "__own__";
const MAX_ROLES = 12; // per actor, as sessions/kinds/others_view.py
let uid = 0;

export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

// Opens the card (a <details>) around a control before it gets focus.
export function reveal(control) {
  for (let node = control?.parentElement; node; node = node.parentElement) {
    if (node.tagName === "DETAILS") node.open = true;
  }
  return control;
}

// Asks before throwing away what someone typed.
export function confirmRemove(question) {
  return typeof window.confirm !== "function" || window.confirm(question);
}

// A <select> of a catalogue plus "Other…", which shows a text field for one's own word.
export function pickOrOwn({ id, label, ownLabel, catalogue, allowOwn, maxlength, onChange }) {
  const select = el("select", { id, class: "hw-pick" });
  select.append(el("option", { value: "", text: t("choose") }));
  for (const word of catalogue) select.append(el("option", { value: word, text: word }));
  const ownOption = allowOwn ? el("option", { value: OWN, text: t("other_option") }) : null;
  if (ownOption) select.append(ownOption);
  const own = el("input", { id: `${id}-own`, maxlength, autocomplete: "off" });
  const ownField = el(
    "div",
    { class: "field hw-own" },
    el("label", { for: own.id, text: ownLabel }),
    own,
  );
  const field = el("div", { class: "field" }, el("label", { for: id, text: label }), select);
  const byKey = new Map(catalogue.map((word) => [textKey(word), word]));

  function showOwn() {
    ownField.hidden = select.value !== OWN;
  }
  select.addEventListener("change", () => {
    showOwn();
    onChange();
  });
  own.addEventListener("input", onChange);
  showOwn();

  return {
    nodes: [field, ownField],
    select,
    value: () => (select.value === OWN ? cleanText(own.value) : select.value),
    set(value) {
      const word = cleanText(value);
      const known = byKey.get(textKey(word));
      own.value = "";
      if (!word) select.value = "";
      else if (known) select.value = known;
      else if (allowOwn) {
        select.value = OWN;
        own.value = word;
      } else {
        // Not in the catalogue and no own words allowed: keep it visible, so
        // nothing typed earlier silently disappears (the server says what is wrong).
        if (![...select.options].some((o) => o.value === word)) {
          select.insertBefore(el("option", { value: word, text: word }), ownOption);
        }
        select.value = word;
      }
      showOwn();
    },
    // Where to send someone to fix this value.
    control: () => (select.value === OWN ? own : select),
  };
}

// Radio buttons in a fieldset; value() is the checked value or null.
export function radioGroup({ name, legend, options, onChange, className = "" }) {
  const inputs = options.map((option, i) =>
    el("input", { type: "radio", name, value: option.value, id: `${name}-${i}`, onchange: onChange }),
  );
  const node = el(
    "fieldset",
    { class: `hw-radios ${className}`.trim() },
    el("legend", { text: legend }),
    el(
      "div",
      { class: "hw-radio-row" },
      options.map((option, i) =>
        el("label", { class: "hw-radio", for: inputs[i].id }, inputs[i], el("span", { text: option.label })),
      ),
    ),
  );
  return {
    node,
    inputs,
    value: () => inputs.find((input) => input.checked)?.value ?? null,
    set(value) {
      const wanted = value === null || value === undefined ? null : String(value);
      for (const input of inputs) input.checked = input.value === wanted;
    },
  };
}

// A text field counting its characters against its limit.
function countedText({ id, label, maxlength, onChange, multiline = false }) {
  const count = el("p", { class: "hint hw-count", id: `${id}-count` });
  const input = el(multiline ? "textarea" : "input", {
    id,
    maxlength,
    rows: multiline ? 3 : undefined,
    autocomplete: "off",
    "aria-describedby": count.id,
  });
  const update = () => {
    count.textContent = t("characters", { count: input.value.length, max: maxlength });
  };
  input.addEventListener("input", () => {
    update();
    onChange();
  });
  update();
  return {
    node: el("div", { class: "field" }, el("label", { for: id, text: label }), input, count),
    input,
    set(value) {
      input.value = value || "";
      update();
    },
  };
}

// The roles an actor expects: catalogue chips (real checkboxes) and own roles,
// which become chips of their own.
function roleChips({ id, catalogue, allowOwn, onChange }) {
  let chosen = [];
  const boxes = new Map(); // key → checkbox
  const catalogueByKey = new Map(catalogue.map((role) => [textKey(role), role]));
  const chips = el("div", { class: "chips" });
  const hint = el("p", { class: "hint", id: `${id}-roles-hint`, "aria-live": "polite" });

  function addChip(role) {
    const box = el("input", { type: "checkbox", value: role, onchange: () => toggle(role, box.checked) });
    boxes.set(textKey(role), box);
    chips.append(el("label", { class: "chip" }, box, el("span", { text: role })));
  }
  for (const role of catalogue) addChip(role);

  function sync() {
    const keys = new Set(chosen.map(textKey));
    for (const [key, box] of boxes) box.checked = keys.has(key);
  }

  function toggle(role, on) {
    const key = textKey(role);
    hint.textContent = "";
    if (on && !chosen.some((r) => textKey(r) === key)) {
      if (chosen.length >= MAX_ROLES) {
        hint.textContent = t("too_many_roles", { max: MAX_ROLES });
        sync();
        return;
      }
      chosen.push(role);
    } else if (!on) {
      chosen = chosen.filter((r) => textKey(r) !== key);
    }
    sync();
    onChange();
  }

  const own = el("input", {
    id: `${id}-own-role`,
    maxlength: 60,
    autocomplete: "off",
    "aria-describedby": hint.id,
    onkeydown: (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        addOwn();
      }
    },
  });
  function addOwn() {
    const role = cleanText(own.value);
    if (!role) return;
    const key = textKey(role);
    if (!boxes.has(key)) addChip(role);
    const spelled = catalogueByKey.get(key) || boxes.get(key).value;
    if (chosen.some((r) => textKey(r) === key)) hint.textContent = t("already_chosen", { role: spelled });
    else toggle(spelled, true);
    own.value = "";
  }
  const ownField = el(
    "div",
    { class: "field hw-own-role" },
    el("label", { for: own.id, text: t("own_role") }),
    el(
      "div",
      { class: "inline" },
      own,
      el("button", { type: "button", class: "button", text: t("add"), onclick: addOwn }),
    ),
  );
  ownField.hidden = !allowOwn;

  return {
    node: el(
      "fieldset",
      { class: "chip-set hw-roles" },
      el("legend", { text: t("roles_legend") }),
      chips,
      ownField,
      hint,
    ),
    value: () => chosen.slice(),
    set(roles) {
      chosen = [];
      for (const raw of roles || []) {
        const role = cleanText(raw);
        const key = textKey(role);
        if (!role || chosen.some((r) => textKey(r) === key)) continue;
        if (!boxes.has(key)) addChip(role);
        chosen.push(catalogueByKey.get(key) || role);
      }
      sync();
    },
  };
}

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
