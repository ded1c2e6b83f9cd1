// The answer form of a status check on a phone: the previous meeting's
// commitments of the participant's own organisation, each with three choices
// (done, under way, not started). Only an owner may mark a step (the server
// checks it too), so other organisations' steps are listed, folded away and
// read-only, for the whole picture (docs/kinds.md).
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { roleKey as organisationKey } from "./phone_roles.js";
import { formatDay } from "./results_next_steps.js";

export const STATUSES = ["done", "under_way", "not_started"];

let widgetCount = 0;

export function sameMarks(a, b) {
  if (!a || !b) return false;
  const marksA = Object.entries(a.marks || {});
  const marksB = b.marks || {};
  return marksA.length === Object.keys(marksB).length && marksA.every(([key, status]) => marksB[key] === status);
}

// Whose a step is goes without saying among one's own.
function stepText(commitment, own = false) {
  const date = formatDay(commitment.by);
  return own ? t("step_due", { date }) : t("step_owner_by", { organisation: commitment.organisation, date });
}

export function statusCheckWidget(activity, { onChange, participant = null }) {
  const id = `status-${++widgetCount}`;
  const commitments = activity.config?.commitments || [];
  const own = participant?.organisation || "";
  const ownKey = own.trim() ? organisationKey(own) : null;
  const mine = commitments.filter((c) => ownKey !== null && organisationKey(c.organisation) === ownKey);
  const others = commitments.filter((c) => !mine.includes(c));
  const radios = new Map(); // key -> {status: input}

  const parts = [];
  if (!commitments.length) {
    parts.push(el("p", { class: "notice notice-info", text: t("no_commitments") }));
  } else if (!ownKey) {
    parts.push(el("p", { class: "notice notice-info", text: t("status_no_organisation") }));
  } else if (!mine.length) {
    parts.push(el("p", { class: "notice notice-info", text: t("status_none_of_yours", { organisation: own }) }));
  } else {
    parts.push(el("h2", { class: "status-heading", text: t("status_yours", { organisation: own }) }));
    mine.forEach((commitment, index) => parts.push(markSet(commitment, `${id}-${index}`)));
  }
  if (others.length) {
    parts.push(
      el(
        "details",
        // Open when there is nothing of one's own to mark: the list is all there is.
        { class: "status-others", open: !mine.length },
        el("summary", { text: t("status_others", { count: others.length }) }),
        el(
          "ul",
          { class: "status-other-list" },
          ...others.map((c) =>
            el(
              "li",
              {},
              el("span", { class: "step-what", text: c.what }),
              " ",
              el("span", { class: "step-meta muted", text: stepText(c) }),
            ),
          ),
        ),
      ),
    );
  }
  const node = el("div", { class: "status-check" }, ...parts);

  function markSet(commitment, name) {
    const inputs = {};
    const options = STATUSES.map((status) => {
      const input = el("input", {
        type: "radio",
        name,
        id: `${name}-${status}`,
        value: status,
        onchange: () => onChange(answer()),
      });
      inputs[status] = input;
      return el(
        "label",
        { class: "option", for: input.id, dataset: { status } },
        input,
        el("span", { text: t(`status_${status}`) }),
      );
    });
    radios.set(commitment.key, inputs);
    return el(
      "fieldset",
      { class: "status-step" },
      el(
        "legend",
        {},
        el("span", { class: "step-what", text: commitment.what }),
        " ",
        el("span", { class: "step-meta muted", text: stepText(commitment, true) }),
      ),
      el("div", { class: "options" }, ...options),
    );
  }

  function answer() {
    const marks = {};
    for (const [key, inputs] of radios) {
      const checked = STATUSES.find((status) => inputs[status].checked);
      if (checked) marks[key] = checked;
    }
    return { marks };
  }

  return {
    node,
    answer,
    setAnswer(value) {
      const marks = value?.marks || {};
      for (const [key, inputs] of radios) {
        for (const status of STATUSES) inputs[status].checked = marks[key] === status;
      }
    },
    setEditable(editable) {
      for (const inputs of radios.values()) for (const input of Object.values(inputs)) input.disabled = !editable;
    },
    same: sameMarks,
    filled: (value) => Object.keys(value?.marks || {}).length > 0,
  };
}
