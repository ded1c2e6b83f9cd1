// Small helpers the result renderers share.
import { el } from "./dom.js";
import { t } from "./i18n.js";

// "1 region" / "3 regions": the page gives key and key_one, both with {count}.
export function plural(key, count, params = {}) {
  const one = `${key}_one`;
  return count === 1 && t(one) !== one ? t(one, { count, ...params }) : t(key, { count, ...params });
}

// Heading levels: the projector's results sit under its h1, elsewhere under an h2.
export function headingTags(large) {
  return large ? ["h2", "h3"] : ["h3", "h4"];
}

const switches = new WeakMap();

// One of several views at a time (the projector has no room for all): a row of
// toggle buttons, built once so focus stays on the pressed one, above the view.
// views: [{key, label, nodes: [Node], shown?()}]; `initial` (else the first)
// is shown at the start, and again whenever a different `initial` is given
// (another activity of the same kind in the same place).
export function viewSwitch(pane, views, { initial } = {}) {
  let state = switches.get(pane);
  const keys = views.map((v) => v.key).join(" ");
  if (state && initial !== undefined && state.initial !== initial) {
    state.current = initial;
    state.initial = initial;
  }
  if (!state || state.keys !== keys) {
    const bar = el("div", { class: "view-switch", role: "group", "aria-label": t("view_switch") });
    // It scrolls when its view is long: focusable, so a keyboard can scroll it.
    const body = el("div", { class: "view-body", tabindex: "0", role: "region" });
    state = { keys, bar, body, buttons: new Map(), current: initial ?? views[0].key, initial, views };
    for (const view of views) {
      const button = el("button", {
        type: "button",
        class: "button small",
        dataset: { view: view.key },
        text: view.label,
        onclick: () => {
          state.current = view.key;
          draw(state);
        },
      });
      state.buttons.set(view.key, button);
      bar.append(button);
    }
    switches.set(pane, state);
    pane.replaceChildren(bar, body);
  }
  state.views = views;
  draw(state);
}

function draw(state) {
  const view = state.views.find((v) => v.key === state.current) || state.views[0];
  for (const [key, button] of state.buttons) button.setAttribute("aria-pressed", key === view.key ? "true" : "false");
  state.body.dataset.view = view.key;
  state.body.setAttribute("aria-label", view.label);
  // Moving a node that is already in place would throw away focus inside it.
  const same =
    state.body.children.length === view.nodes.length && view.nodes.every((node, i) => state.body.children[i] === node);
  if (!same) state.body.replaceChildren(...view.nodes);
  view.shown?.();
}
