// The answer form of a next-steps activity on a phone: one card per
// commitment (what, which organisation, by when), up to max_steps. The
// organisation starts as the participant's own and offers the project's
// member organisations, the join form's list (#organisations on phone.html).
// A card with neither a text nor a date is not sent, so an unused one never
// blocks the answer (docs/kinds.md).
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { roleKey as organisationKey } from "./phone_roles.js";
import { cleanText } from "./phone_text.js";

let widgetCount = 0;

// As the server compares steps: cleaned texts, organisations by key.
function comparable(answer) {
  return (answer?.steps || []).map((step) => [
    cleanText(step.what),
    organisationKey(cleanText(step.organisation)),
    String(step.by ?? "").trim(),
  ]);
}

export function sameSteps(a, b) {
  if (!a || !b) return false;
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}

export function nextStepsWidget(activity, { onChange, participant = null }) {
  const id = `steps-${++widgetCount}`;
  const config = activity.config || {};
  const maxSteps = config.max_steps || 3;
  const maxLength = config.max_length || 200;
  const own = participant?.organisation || "";
  let cards = []; // {node, legend, what, organisation, by, remove}
  let serial = 0;
  let editable = true;

  const list = el("ol", { class: "step-cards" });
  const hint = el("p", { class: "hint", id: `${id}-hint`, "aria-live": "polite" });
  const add = el("button", {
    type: "button",
    class: "button",
    text: t("add_step"),
    "aria-describedby": hint.id,
    onclick: () => {
      if (cards.length >= maxSteps) return;
      cards[addCard()].what.focus();
      draw();
    },
  });
  const node = el(
    "div",
    { class: "next-steps" },
    el("p", { class: "hint", text: t("steps_intro", { max: maxSteps }) }),
    list,
    el("div", { class: "step-actions" }, add),
    hint,
  );

  function field(label, input) {
    return el("div", { class: "field" }, el("label", { for: input.id, text: label }), input);
  }

  // Returns the new card's index.
  function addCard(step = {}) {
    const prefix = `${id}-${++serial}`;
    const card = {
      legend: el("legend"),
      what: el("textarea", { id: `${prefix}-what`, rows: 2, maxlength: maxLength, oninput: changed }),
      organisation: el("input", {
        id: `${prefix}-organisation`,
        list: "organisations",
        maxlength: 120,
        autocomplete: "off",
        oninput: changed,
      }),
      by: el("input", { id: `${prefix}-by`, type: "date", oninput: changed, onchange: changed }),
      remove: el("button", { type: "button", class: "button small link", text: t("remove_step") }),
    };
    card.what.value = step.what ?? "";
    card.organisation.value = step.organisation ?? own;
    card.by.value = step.by ?? "";
    card.remove.addEventListener("click", () => removeCard(card));
    card.node = el(
      "li",
      { class: "step-card" },
      el(
        "fieldset",
        {},
        card.legend,
        field(t("step_what"), card.what),
        field(t("step_organisation"), card.organisation),
        field(t("step_by"), card.by),
        card.remove,
      ),
    );
    cards.push(card);
    list.append(card.node);
    return cards.length - 1;
  }

  function removeCard(card) {
    const index = cards.indexOf(card);
    cards.splice(index, 1);
    card.node.remove();
    draw();
    changed();
    // Focus goes where the removed card was: the next card, else the button.
    (cards[index]?.what || cards[index - 1]?.what || add).focus();
  }

  function draw() {
    cards.forEach((card, index) => {
      const number = index + 1;
      card.legend.textContent = t("step_legend", { number });
      card.remove.setAttribute("aria-label", t("remove_step_label", { number }));
      card.remove.hidden = !editable || cards.length === 1;
      card.node.querySelector("fieldset").disabled = !editable;
    });
    add.hidden = !editable || maxSteps === 1;
    add.disabled = cards.length >= maxSteps;
    const full = editable && maxSteps > 1 && cards.length >= maxSteps;
    hint.textContent = full ? t("steps_max", { max: maxSteps }) : "";
  }

  function answer() {
    const steps = cards
      .filter((card) => cleanText(card.what.value) || card.by.value)
      .map((card) => ({ what: card.what.value, organisation: card.organisation.value, by: card.by.value }));
    return { steps };
  }

  function changed() {
    onChange(answer());
  }

  addCard();
  draw();

  return {
    node,
    answer,
    setAnswer(value) {
      // The same answer again (every event redraws the phone) must not move
      // the caret, nor drop a card not yet filled in.
      if (sameSteps(value || { steps: [] }, answer())) return;
      for (const card of cards) card.node.remove();
      cards = [];
      for (const step of (value?.steps || []).slice(0, maxSteps)) addCard(step);
      if (!cards.length) addCard();
      draw();
    },
    setEditable(value) {
      editable = value;
      draw();
    },
    same: sameSteps,
    filled: (value) => Boolean(value?.steps?.length),
  };
}
