// The roles an actor expects of the region, in the "Andras ögon" form: catalogue
// chips (real checkboxes) and own roles, which become chips of their own.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { cleanText, textKey } from "./homework_draft.js";

const MAX_ROLES = 12; // per actor, as sessions/kinds/others_view.py

export function roleChips({ id, catalogue, allowOwn, onChange }) {
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
