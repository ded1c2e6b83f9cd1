// Small form widgets the homework forms share (homework_others.js,
// homework_actors.js and its parts): ids, a catalogue select with "Other…",
// radio groups, a counted text field, and focus and confirm helpers.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { cleanText, textKey } from "./homework_draft.js";

const OWN = "__own__";
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

// A labelled control with an optional hint under it.
export function field(control, label, hint) {
  return el(
    "div",
    { class: "field" },
    el("label", { for: control.id, text: label }),
    control,
    hint || null,
  );
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
export function countedText({ id, label, maxlength, onChange, multiline = false }) {
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
