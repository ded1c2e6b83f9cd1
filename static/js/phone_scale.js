// The answer form of a scale activity on a phone: one radio group of the steps
// (arrow keys move along it). Up to seven steps whose labels are only at the
// ends sit in a row, the end labels under it; otherwise each step is a row of
// its own with its label beside the number, which fits 320 px at ten steps.
import { el } from "./dom.js";
import { t } from "./i18n.js";

let widgetCount = 0;

export function scaleSteps(config) {
  const min = Number.isInteger(config?.min) ? config.min : 1;
  const max = Number.isInteger(config?.max) && config.max > min ? config.max : min + 4;
  const labels = config?.labels || {};
  const steps = [];
  for (let value = min; value <= max; value++) steps.push({ value, label: labels[String(value)] || null });
  return steps;
}

export function scaleWidget(activity, { onChange }) {
  const id = `scale-${++widgetCount}`;
  const steps = scaleSteps(activity.config);
  const first = steps[0];
  const last = steps[steps.length - 1];
  const middleLabels = steps.slice(1, -1).some((step) => step.label);
  const inRow = steps.length <= 7 && !middleLabels;
  let value = null;

  const inputs = new Map();
  const group = el("div", { class: "scale-steps" });
  for (const step of steps) {
    const input = el("input", {
      type: "radio",
      name: id,
      id: `${id}-${step.value}`,
      value: step.value,
      onchange: () => {
        value = step.value;
        onChange({ value });
      },
    });
    inputs.set(step.value, input);
    // The label's words join the number in the radio's name ("1 Inte alls");
    // in a row they are shown under the ends instead.
    group.append(
      el(
        "label",
        { class: "scale-step", for: input.id },
        input,
        el("span", { class: "scale-number", text: String(step.value) }),
        step.label && el("span", { class: inRow ? "visually-hidden" : "scale-label", text: ` ${step.label}` }),
      ),
    );
  }
  const ends =
    inRow &&
    (first.label || last.label) &&
    el(
      "div",
      { class: "scale-ends", "aria-hidden": "true" },
      el("span", { text: first.label || "" }),
      el("span", { text: last.label || "" }),
    );
  const node = el(
    "fieldset",
    { class: `scale ${inRow ? "scale-row" : "scale-list"}` },
    el("legend", { text: t("scale_legend", { min: first.value, max: last.value }) }),
    group,
    ends,
  );

  return {
    node,
    answer: () => (value === null ? {} : { value }),
    setAnswer(answer) {
      value = inputs.has(answer?.value) ? answer.value : null;
      for (const [step, input] of inputs) input.checked = step === value;
    },
    setEditable(editable) {
      for (const input of inputs.values()) input.disabled = !editable;
    },
    same: (a, b) => Number.isInteger(a?.value) && a.value === b?.value,
    filled: (answer) => Number.isInteger(answer?.value),
  };
}
