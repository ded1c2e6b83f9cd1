// One activity in the console's programme list. Built once and updated in
// place, so a keyboard user's focus stays on the button they pressed.
import { el } from "./dom.js";
import { countText, t } from "./i18n.js";
import { Countdown } from "./timer.js";

const TIMERS = [0, 30, 60, 120, 300];

function timerLabel(seconds) {
  if (!seconds) return t("no_timer");
  if (seconds < 60) return t("seconds", { n: seconds });
  return seconds === 60 ? t("minutes_one") : t("minutes", { n: seconds / 60 });
}

// A button that stays focusable when it may not be used (aria-disabled), so
// focus is not thrown to the page when the state changes under it.
function actionButton(label, describedBy, onPress) {
  const button = el("button", { type: "button", class: "button", "aria-describedby": describedBy, text: label });
  button.addEventListener("click", () => {
    if (button.getAttribute("aria-disabled") !== "true") onPress();
  });
  return button;
}

function allow(button, allowed) {
  button.setAttribute("aria-disabled", allowed ? "false" : "true");
}

// actions: {send(event, payload), select(activityId)}; clock: {skew} in ms,
// from the last sync's server_time, shared by every card.
export function activityCard(activity, actions, clock) {
  const id = activity.id;
  const promptId = `activity-${id}-prompt`;
  const badge = el("span", { class: "state-badge" });
  const count = el("p", { class: "card-count" });
  const countdownNode = el("p", { class: "card-timer", role: "timer", hidden: true });
  const countdown = new Countdown(countdownNode);
  const timer = el(
    "select",
    { id: `activity-${id}-timer` },
    TIMERS.map((seconds) => el("option", { value: seconds, text: timerLabel(seconds) })),
  );
  const openButton = actionButton(t("open_button"), promptId, () => {
    const seconds = Number(timer.value);
    actions.send("open_activity", seconds ? { activity_id: id, timer_seconds: seconds } : { activity_id: id });
  });
  const closeButton = actionButton(t("close_button"), promptId, () =>
    actions.send("close_activity", { activity_id: id }),
  );
  const revealButton = actionButton(t("reveal_button"), promptId, () =>
    actions.send("reveal_activity", { activity_id: id }),
  );
  const hide = el("input", {
    type: "checkbox",
    id: `activity-${id}-hide`,
    onchange: () => actions.send("set_hide_results", { activity_id: id, hidden: hide.checked }),
  });
  const selectButton = el("button", {
    type: "button",
    class: "button link",
    "aria-describedby": promptId,
    text: t("select"),
    onclick: () => actions.select(id),
  });

  const node = el(
    "li",
    { class: "activity-card" },
    el(
      "div",
      { class: "card-head" },
      el("span", { class: "card-position", text: String(activity.position) }),
      el("h3", { id: promptId, class: "card-prompt", text: activity.prompt }),
      badge,
      // Set in the programme editor: nobody sees who answered (docs/privacy.md).
      activity.config?.anonymous ? el("span", { class: "state-badge", text: t("anonymous_activity") }) : null,
    ),
    count,
    countdownNode,
    el(
      "div",
      { class: "card-controls" },
      el("label", { for: timer.id, text: t("timer") }),
      timer,
      openButton,
      closeButton,
      revealButton,
    ),
    el("div", { class: "check" }, hide, el("label", { for: hide.id, text: t("hide_results") })),
    selectButton,
  );

  return {
    node,
    update(current, snapshot, selected) {
      node.dataset.state = current.state;
      badge.textContent = t(`state_${current.state}`);
      badge.dataset.state = current.state;
      count.textContent = snapshot ? countText("answers", snapshot.answer_count) : "";
      countdown.skew = clock.skew;
      countdown.set(current.state === "open" ? current.timer_ends_at : null);
      allow(openButton, current.state !== "open");
      allow(closeButton, current.state === "open");
      allow(revealButton, current.state === "open" || current.state === "closed");
      hide.checked = current.hide_results;
      selectButton.setAttribute("aria-pressed", selected ? "true" : "false");
      node.classList.toggle("is-selected", selected);
    },
  };
}
