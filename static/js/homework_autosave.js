// Keeping the homework form's draft on the server (homework.js): saved a moment
// after the last change, one save at a time, tried again while the server is
// away; and the draft's status line beside the hand-in button.
import { byId } from "./dom.js";
import { formatTime, t } from "./i18n.js";
import { canonical, debounce, sameAnswer } from "./homework_draft.js";

const ACK_TIMEOUT = 8000;
const RETRY = 3000;

// state: the page's (homework.js), with its socket and form. locked() says why
// the form cannot change, if it cannot; render() shows the page anew.
export function autosave(state, { locked, render }) {
  let savedJson = null; // the draft the server has, canonical JSON
  let savedAt = null; // when the server saved it (ISO)
  let saving = false;
  let saveAgain = false;
  let savingShown = false; // "Saving…" shows only when a save is slow
  let problem = ""; // why the last draft was not saved
  const saver = debounce(save, 800);

  function dirty() {
    return Boolean(state.form) && canonical(state.form.draftAnswer()) !== savedJson;
  }

  function save() {
    saver.cancel();
    const { form, socket } = state;
    if (!form || locked() || !dirty()) return renderStatus();
    if (!socket?.connected) return renderStatus();
    if (saving) {
      saveAgain = true;
      return;
    }
    const answer = form.draftAnswer();
    const json = canonical(answer);
    saving = true;
    const slow = setTimeout(() => {
      savingShown = true;
      renderStatus();
    }, 500);
    socket.timeout(ACK_TIMEOUT).emit("save_draft", { activity_id: form.activityId, answer }, (err, reply) => {
      clearTimeout(slow);
      saving = false;
      savingShown = false;
      if (err || reply?.error === "unavailable") {
        // Kept on this device; tried again in a moment or after reconnecting.
        problem = reply?.message || "";
        if (state.socket?.connected) setTimeout(save, RETRY);
      } else if (!reply.ok) {
        if (reply.error === "past_due" || reply.error === "closed") {
          state.refused = reply;
          render();
        } else {
          problem = reply.message;
        }
      } else {
        savedJson = json;
        savedAt = reply.saved_at;
        problem = "";
      }
      renderStatus();
      if (saveAgain) {
        saveAgain = false;
        save();
      }
    });
  }

  function renderStatus() {
    const node = byId("draft-status");
    const { form, socket } = state;
    if (!form || locked()) {
      node.textContent = "";
      return;
    }
    const handedIn = state.submission && sameAnswer(state.submission.answer, form.submitAnswer());
    if (problem) node.textContent = problem;
    // Handed in as it stands: the hand-in's status says it all.
    else if (!dirty()) {
      node.textContent = savedAt && !handedIn ? t("draft_saved", { time: formatTime(savedAt) }) : "";
    }
    else if (!socket?.connected) node.textContent = t("draft_offline");
    else if (savingShown) node.textContent = t("saving");
    // Otherwise the last words stay until the save is acked: no chatter while typing.
  }

  return {
    save,
    dirty,
    renderStatus,
    cancel: () => saver.cancel(),
    // The form changed: the last problem is old news; saved in a moment.
    edited() {
      problem = "";
      renderStatus();
      saver.schedule();
    },
    // What the server has (from a sync), canonical JSON and when it was saved.
    saved(json, at) {
      savedJson = json;
      savedAt = at;
    },
  };
}
