// The answer form of an open-text activity on a phone: a textarea as long as
// the config allows, with a character counter under it.
import { el } from "./dom.js";
import { t } from "./i18n.js";

let widgetCount = 0;

// As the server cleans a typed text (sessions/text.py clean): NFC, control
// characters dropped, runs of white space folded to one space.
export function cleanText(text) {
  return String(text ?? "")
    .normalize("NFC")
    .replace(/\p{Cc}/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .join(" ");
}

export function textWidget(activity, { onChange }) {
  const id = `text-${++widgetCount}`;
  const maxLength = activity.config?.max_length || 280;
  const counter = el("p", { class: "char-count", id: `${id}-count` });
  // Said once when the limit is reached, not at every key.
  const limit = el("p", { class: "visually-hidden", "aria-live": "polite" });
  const area = el("textarea", {
    id,
    class: "text-answer-input",
    maxlength: maxLength,
    rows: maxLength > 200 ? 6 : 3,
    "aria-describedby": counter.id,
    oninput: () => {
      count();
      onChange({ text: area.value });
    },
  });
  const node = el(
    "div",
    { class: "text-answer field" },
    el("label", { for: id, text: t("your_answer") }),
    area,
    counter,
    limit,
  );

  function count() {
    const length = area.value.length;
    counter.textContent = t("char_count", { count: length, max: maxLength });
    counter.classList.toggle("is-near-limit", maxLength - length <= Math.max(10, maxLength / 10));
    const full = length >= maxLength ? t("char_limit", { max: maxLength }) : "";
    if (limit.textContent !== full) limit.textContent = full;
  }

  count();
  return {
    node,
    answer: () => ({ text: area.value }),
    setAnswer(answer) {
      const text = answer?.text || "";
      // The same text again must not move the caret of someone typing.
      if (area.value === text) return;
      area.value = text;
      count();
    },
    setEditable(editable) {
      area.readOnly = !editable;
      area.classList.toggle("is-locked", !editable);
    },
    same: (a, b) => Boolean(a && b) && cleanText(a.text) === cleanText(b.text),
    filled: (answer) => cleanText(answer?.text).length > 0,
  };
}
