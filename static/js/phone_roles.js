// The answer form of a roles activity on a phone: catalogue chips (real
// checkboxes), an own-role field, and the chosen roles, each removable.
import { el } from "./dom.js";
import { t } from "./i18n.js";

// As the server compares words (sessions/text.py key): case and spaces do not matter.
export function roleKey(role) {
  return role.normalize("NFC").split(/\s+/).filter(Boolean).join(" ").toLowerCase();
}

function cleanRole(role) {
  return role.normalize("NFC").split(/\s+/).filter(Boolean).join(" ");
}

export function sameRoles(a, b) {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((role, i) => roleKey(role) === roleKey(b[i]));
}

let widgetCount = 0;

export function rolesWidget(activity, { onChange }) {
  const id = `roles-${++widgetCount}`;
  const config = activity.config || {};
  const catalogue = config.catalogue || [];
  const catalogueByKey = new Map(catalogue.map((role) => [roleKey(role), role]));
  const maxRoles = config.max_roles || 12;
  let chosen = [];

  const hint = el("p", { class: "hint", id: `${id}-hint`, "aria-live": "polite" });
  const boxes = new Map();
  const chips = el("div", { class: "chips" });
  for (const role of catalogue) {
    const box = el("input", { type: "checkbox", value: role, onchange: () => toggle(role, box.checked) });
    boxes.set(roleKey(role), box);
    chips.append(el("label", { class: "chip" }, box, el("span", { text: role })));
  }
  const fieldset = el("fieldset", { class: "chip-set" }, el("legend", { text: t("pick_roles") }), chips);

  const ownInput = el("input", { id: `${id}-own`, maxlength: 60, autocomplete: "off", "aria-describedby": `${id}-hint` });
  const ownForm = el(
    "form",
    { class: "own-role", onsubmit: addOwn },
    el("label", { for: `${id}-own`, text: t("own_role") }),
    el("div", { class: "inline" }, ownInput, el("button", { type: "submit", class: "button", text: t("add") })),
  );
  if (config.allow_own === false) ownForm.hidden = true;

  const chosenList = el("ul", { class: "chosen" });
  const chosenBox = el("div", { class: "chosen-box" }, el("h2", { text: t("your_roles") }), chosenList);
  const editor = el("div", { class: "roles-editor" }, fieldset, ownForm, hint);
  const node = el("div", { class: "roles" }, editor, chosenBox);

  function addOwn(event) {
    event.preventDefault();
    const role = cleanRole(ownInput.value);
    if (!role) return;
    const key = roleKey(role);
    if (chosen.some((r) => roleKey(r) === key)) {
      hint.textContent = t("already_chosen", { role: catalogueByKey.get(key) || role });
    } else {
      // A typed role that is in the catalogue is that chip: one role, not two spellings.
      toggle(catalogueByKey.get(key) || role, true);
    }
    ownInput.value = "";
  }

  function toggle(role, on) {
    const key = roleKey(role);
    hint.textContent = "";
    if (on && !chosen.some((r) => roleKey(r) === key)) {
      if (chosen.length >= maxRoles) {
        hint.textContent = t("too_many", { max: maxRoles });
        const box = boxes.get(key);
        if (box) box.checked = false;
        return;
      }
      chosen.push(role);
    } else if (!on) {
      chosen = chosen.filter((r) => roleKey(r) !== key);
    }
    draw();
    onChange(chosen.slice());
  }

  function draw() {
    const keys = new Set(chosen.map(roleKey));
    for (const [key, box] of boxes) box.checked = keys.has(key);
    const editable = !editor.hidden;
    chosenList.replaceChildren(
      ...chosen.map((role) =>
        el(
          "li",
          {},
          el("span", { text: role }),
          editable &&
            el("button", {
              type: "button",
              class: "remove",
              "aria-label": t("remove_role", { role }),
              text: "×",
              onclick: () => {
                toggle(role, false);
                // The button is gone: keep focus near where it was.
                (boxes.get(roleKey(role)) || ownInput).focus();
              },
            }),
        ),
      ),
    );
    if (!chosen.length) chosenList.append(el("li", { class: "muted", text: t("no_roles") }));
    // Read-only and empty says nothing the status line does not say better.
    chosenBox.hidden = !editable && !chosen.length;
  }

  draw();
  return {
    node,
    roles: () => chosen.slice(),
    setRoles(roles) {
      chosen = (roles || []).map(cleanRole).filter(Boolean);
      draw();
    },
    setEditable(editable) {
      if (editor.hidden === !editable) return;
      editor.hidden = !editable;
      draw();
    },
  };
}
