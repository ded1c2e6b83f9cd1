// The answer form of a multiple-choice activity on a phone: radio buttons when
// one option is taken, checkboxes when several are (at most max_choices).
// Options are answered as their text, in the config's order (docs/kinds.md).
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { roleKey as optionKey } from "./phone_roles.js";

let widgetCount = 0;

function keysOf(answer) {
  return new Set((answer?.choices || []).map(optionKey));
}

export function sameChoices(a, b) {
  if (!a || !b) return false;
  const keysA = keysOf(a);
  const keysB = keysOf(b);
  return keysA.size === keysB.size && [...keysA].every((key) => keysB.has(key));
}

export function choiceWidget(activity, { onChange }) {
  const id = `choice-${++widgetCount}`;
  const config = activity.config || {};
  const options = config.options || [];
  const multiple = Boolean(config.multiple);
  const max = multiple ? Math.min(config.max_choices || options.length, options.length) : 1;
  let chosen = new Set(); // option keys

  let instruction = t("choose_one");
  if (multiple && max >= options.length) instruction = t("choose_any");
  else if (multiple && max > 1) instruction = t("choose_up_to", { max });

  const hint = el("p", { class: "hint", id: `${id}-hint`, "aria-live": "polite" });
  const inputs = new Map();
  const list = el("div", { class: "options" });
  for (const [index, option] of options.entries()) {
    const input = el("input", {
      type: multiple ? "checkbox" : "radio",
      name: id,
      id: `${id}-${index}`,
      value: option,
      onchange: () => pick(option, input.checked),
    });
    inputs.set(optionKey(option), input);
    list.append(el("label", { class: "option", for: input.id }, input, el("span", { text: option })));
  }
  const node = el(
    "div",
    { class: "choice" },
    el("fieldset", { class: "option-set" }, el("legend", { text: instruction }), list),
    hint,
  );

  function pick(option, on) {
    const key = optionKey(option);
    hint.textContent = "";
    if (!multiple) {
      chosen = new Set([key]);
    } else if (on && !chosen.has(key)) {
      if (chosen.size >= max) {
        inputs.get(key).checked = false;
        hint.textContent = t("too_many_choices", { max });
        return;
      }
      chosen.add(key);
    } else if (!on) {
      chosen.delete(key);
    }
    draw();
    onChange(answer());
  }

  function answer() {
    return { choices: options.filter((option) => chosen.has(optionKey(option))) };
  }

  function draw() {
    for (const [key, input] of inputs) input.checked = chosen.has(key);
  }

  return {
    node,
    answer,
    setAnswer(value) {
      // A choice the list no longer has cannot be shown, nor sent again.
      chosen = new Set([...keysOf(value)].filter((key) => inputs.has(key)));
      if (!multiple && chosen.size > 1) chosen = new Set([...chosen].slice(0, 1));
      draw();
    },
    setEditable(editable) {
      for (const input of inputs.values()) input.disabled = !editable;
      if (!editable) hint.textContent = "";
    },
    same: sameChoices,
    filled: (value) => Boolean(value?.choices?.length),
  };
}
