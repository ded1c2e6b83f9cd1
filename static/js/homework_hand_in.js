// Handing in the homework form (homework.js): checked first, then kept in the
// same outbox as a phone's answers until the server acks it. A lost ack or a
// reload sends the same client_id again, which the server applies at most once.
// Also the hand-in's state in the header and beside the button, and the error
// line under it.
import { byId } from "./dom.js";
import { formatTime, lang, t } from "./i18n.js";
import { newClientId } from "./outbox.js";
import { sameAnswer } from "./homework_draft.js";
import { reveal } from "./homework_widgets.js";

const ACK_TIMEOUT = 8000;
const RETRY = 3000;

// Today: the time; another day: the date too.
function formatWhen(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  if (date.toDateString() === new Date().toDateString()) return formatTime(iso);
  const options = { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
  return new Intl.DateTimeFormat(lang(), options).format(date);
}

// state: the page's (homework.js), with its socket and form. locked() says why
// the form cannot change, if it cannot; render() shows the page anew;
// saveDraft() saves the form as typed.
export function handInControls(state, { store, locked, render, saveDraft }) {
  const sendButton = byId("hand-in");
  const submitError = byId("submit-error");
  let sendingId = null; // client_id of the hand-in waiting for its ack
  let invalid = null; // the control a check marked aria-invalid

  function handIn() {
    const form = state.form;
    if (!form || locked()) return;
    hideError();
    const problem = form.check();
    if (problem) return showError(problem.message, problem.control);
    // The form as typed is kept whatever becomes of the hand-in.
    saveDraft();
    const entry = { activity_id: form.activityId, client_id: newClientId(), answer: form.submitAnswer() };
    store.saveOutbox(entry);
    send(entry);
  }

  function pending() {
    const entry = store.outbox();
    return entry && entry.activity_id === state.activity?.id ? entry : null;
  }

  function flushOutbox() {
    const entry = pending();
    if (entry && entry.client_id !== sendingId && !locked()) send(entry);
  }

  function send(entry) {
    const socket = state.socket;
    if (!socket?.connected) return renderStatus();
    sendingId = entry.client_id;
    renderStatus();
    socket.timeout(ACK_TIMEOUT).emit("submit", entry, (err, reply) => {
      if (sendingId === entry.client_id) sendingId = null;
      const stillOurs = store.outbox()?.client_id === entry.client_id;
      if (err || reply?.error === "unavailable") {
        // No ack in time, or the server could not save: keep the entry. It goes
        // again, same client_id, after the next connect or in a moment.
        if (stillOurs && state.socket?.connected) setTimeout(flushOutbox, RETRY);
        return renderStatus();
      }
      if (stillOurs) store.clearOutbox();
      if (!reply.ok) {
        if (reply.error === "past_due" || reply.error === "closed") {
          state.refused = reply;
          render();
        }
        if (stillOurs) showError(reply.message);
        return renderStatus();
      }
      if (reply.submission.activity_id === state.activity?.id) state.submission = reply.submission;
      renderStatus();
    });
  }

  function showError(message, control = null) {
    submitError.textContent = message;
    submitError.hidden = false;
    if (control) {
      invalid = control;
      control.setAttribute("aria-invalid", "true");
      reveal(control).focus();
    } else {
      submitError.focus();
    }
  }

  function hideError() {
    submitError.hidden = true;
    submitError.textContent = "";
    invalid?.removeAttribute("aria-invalid");
    invalid = null;
  }

  // The hand-in's state, in the header and beside the button.
  function renderStatus() {
    const form = state.form;
    if (!form) return;
    const submitted = state.submission;
    const answer = form.submitAnswer();
    const same = Boolean(submitted) && sameAnswer(submitted.answer, answer);
    const when = submitted && formatWhen(submitted.updated_at);
    const headline = byId("hand-in-state");
    headline.textContent = !submitted
      ? t("not_handed_in")
      : same
        ? t("handed_in_at", { when })
        : t("handed_in_changed", { when });
    headline.dataset.state = !submitted ? "none" : same ? "handed-in" : "changed";

    const entry = pending();
    let status = "";
    if (entry && entry.client_id === sendingId) status = t("handing_in");
    else if (entry) status = t("hand_in_queued");
    else if (same) status = t("handed_in", { when });
    byId("hand-in-status").textContent = status;
    sendButton.textContent = submitted ? t("hand_in_again") : t("hand_in");
    const waiting = entry && sameAnswer(entry.answer, answer);
    sendButton.disabled = Boolean(same || waiting);
  }

  // A locked form has no button to hand in with.
  function showLocked(reason) {
    sendButton.hidden = Boolean(reason);
    byId("send-bar").classList.toggle("is-locked", Boolean(reason));
  }

  sendButton.addEventListener("click", handIn);

  return {
    renderStatus,
    showError,
    hideError,
    showLocked,
    // After a (re)connect: whatever was in flight on the old connection goes
    // again now (same client_id, so the server applies it at most once).
    resend() {
      sendingId = null;
      flushOutbox();
    },
  };
}
