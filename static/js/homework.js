// The participant's homework page: join (or carry on with a continue-link), fill
// in the form, which is kept as a draft on the server and on this device, and
// hand it in, as often as wanted until the due date (docs/homework.md).
// Hand-ins go through the same outbox as a phone's answers: a lost ack or a
// reload sends the same client_id again, which the server applies at most once.
import { askSync, openSocket, showConnection } from "./connection.js";
import { byId, readJson, show } from "./dom.js";
import { formatTime, lang, t } from "./i18n.js";
import { newClientId, phoneStore } from "./outbox.js";
import { setUpJoin } from "./phone_join.js";
import { actorMapForm } from "./homework_actors.js";
import { canonical, debounce, localCopy, sameAnswer, startingPoint } from "./homework_draft.js";
import { othersViewForm, reveal } from "./homework_others.js";

const FORMS = { others_view: othersViewForm, actor_map: actorMapForm };
const ACK_TIMEOUT = 8000;
const RETRY = 3000;

const page = readJson("homework-data");
const store = phoneStore(page.code);
const views = ["join-view", "homework-view", "ended-view"].map(byId);
const body = byId("homework-body");
const sendButton = byId("hand-in");
const submitError = byId("submit-error");

const state = {
  ended: page.ended,
  activity: null,
  participant: null,
  submission: null,
  refused: null, // {error, message}: the server refused a draft or hand-in for good
  offset: 0, // the server's clock minus ours, in ms
};
let socket = null;
let form = null; // the form on screen, with its activityId
let copy = null; // this device's copy of the form (homework_draft.localCopy)
let savedJson = null; // the draft the server has, canonical JSON
let savedAt = null; // when the server saved it (ISO)
let saving = false;
let saveAgain = false;
let savingShown = false; // "Saving…" shows only when a save is slow
let draftProblem = ""; // why the last draft was not saved
let sendingId = null; // client_id of the hand-in waiting for its ack
let invalid = null; // the control a check marked aria-invalid
const saver = debounce(saveDraft, 800);

takeContinueToken();

const join = setUpJoin(page, (token) => {
  store.saveToken(token);
  connect();
});

// A continue-link carries the token in the fragment: keep it, then take it out
// of the address bar (and so out of history and shared screenshots).
function takeContinueToken() {
  const match = /^#continue=([^&]+)/.exec(location.hash);
  if (!match) return;
  let token = match[1];
  try {
    token = decodeURIComponent(token);
  } catch {
    // Not percent-encoded: the token as it is.
  }
  if (token !== store.token()) {
    // Someone else's hand-in waiting here must not go out under this token.
    store.clearOutbox();
    store.saveToken(token);
  }
  history.replaceState(history.state, "", location.pathname + location.search);
}

function showView(id) {
  for (const view of views) show(view, view.id === id);
}

function connect() {
  showView("homework-view");
  socket = openSocket({ participant: store.token() }, (status) => {
    showConnection(status);
    renderDraftStatus();
    renderHandIn();
  });
  socket.on("connect", () => syncState());
  socket.on("connect_error", (err) => {
    // Refused because the server's database is away: try again shortly.
    if (err?.data?.error === "unavailable") return setTimeout(() => socket?.connect(), RETRY);
    if (err?.data?.error !== "bad_token") return;
    // The token is stale (or forged): this browser must join again.
    store.forgetToken();
    store.clearOutbox();
    socket.disconnect();
    socket = null;
    showConnection("online");
    if (state.ended) return showView("ended-view");
    showView("join-view");
    join.showError(err.message);
  });
  socket.on("activity", (activity) => {
    if (activity.id !== state.activity?.id) return;
    if (activity.due_at !== state.activity.due_at || activity.state !== state.activity.state) {
      // A new due date or state: what the server refused before may be fine now.
      state.refused = null;
    }
    state.activity = activity;
    render();
  });
  socket.on("session_ended", () => {
    state.ended = true;
    finish();
    if (form) render();
    else showView("ended-view");
  });
}

// Closed for good: nothing is left to send.
function finish() {
  saver.cancel();
  store.clearOutbox();
  copy?.clear();
  socket?.disconnect();
  // Disconnected on purpose: no "Reconnecting…".
  showConnection("online");
}

async function syncState() {
  const reply = socket && (await askSync(socket));
  if (!reply) return;
  if (!reply.ok) return showSubmitError(reply.message);
  state.offset = Date.parse(reply.session.server_time) - Date.now() || 0;
  state.ended = reply.session.status === "ended";
  state.participant = reply.participant;
  state.submission = reply.submission;
  const before = state.activity;
  state.activity = reply.activity;
  if (before && (before.due_at !== reply.activity?.due_at || before.state !== reply.activity?.state)) {
    state.refused = null;
  }
  if (!state.activity) {
    body.replaceChildren(t("no_homework"));
    return;
  }
  takeStartingPoint(reply.draft);
  if (state.ended) finish();
  render();
  // Whatever was in flight on the old connection goes again now (same
  // client_id, so the server applies it at most once).
  sendingId = null;
  flushOutbox();
  if (dirty()) saveDraft();
}

// Which answer the form shows: see homework_draft.startingPoint. On a later sync
// (a reconnect, or the tab shown again) the form changes only when another device
// saved something newer than this device's last change.
function takeStartingPoint(draft) {
  const activity = state.activity;
  const fresh = form?.activityId !== activity.id;
  if (fresh) {
    const make = FORMS[activity.kind];
    if (!make) {
      form = null;
      body.replaceChildren(t("unsupported"));
      return;
    }
    form = make(activity, { onChange: changed, participant: state.participant });
    form.activityId = activity.id;
    copy = localCopy(page.code, activity.id, state.participant.id);
    body.replaceChildren(form.node);
  }
  const start = startingPoint({ draft, submission: state.submission, local: copy.read() });
  // A hand-in leaves out empty cards: compare it with the form as it would be handed in.
  const shown = start.source === "submission" ? form.submitAnswer() : form.draftAnswer();
  if (fresh || (start.source !== "local" && !sameAnswer(start.answer, shown))) form.setAnswer(start.answer);
  if (start.source === "local") {
    // Typed here and not saved yet: saved as a draft right after this sync.
    savedJson = draft ? canonical(draft.answer) : null;
    savedAt = draft?.saved_at || null;
  } else {
    // The server has what the form shows, as a draft or as a hand-in.
    savedJson = canonical(form.draftAnswer());
    savedAt = start.source === "draft" ? draft.saved_at : null;
  }
}

function locked() {
  if (state.ended) return t("closed_by_leader");
  if (!state.activity) return "";
  if (state.refused) return state.refused.message;
  if (state.activity.state !== "open") return t("closed");
  const due = Date.parse(state.activity.due_at || "");
  if (due && Date.now() + state.offset > due) return t("past_due");
  return "";
}

function dirty() {
  return Boolean(form) && canonical(form.draftAnswer()) !== savedJson;
}

function changed() {
  copy.write(form.draftAnswer(), Date.now() + state.offset);
  draftProblem = "";
  hideSubmitError();
  renderHandIn();
  renderDraftStatus();
  saver.schedule();
}

function saveDraft() {
  saver.cancel();
  if (!form || locked() || !dirty()) return renderDraftStatus();
  if (!socket?.connected) return renderDraftStatus();
  if (saving) {
    saveAgain = true;
    return;
  }
  const answer = form.draftAnswer();
  const json = canonical(answer);
  saving = true;
  const slow = setTimeout(() => {
    savingShown = true;
    renderDraftStatus();
  }, 500);
  socket.timeout(ACK_TIMEOUT).emit("save_draft", { activity_id: form.activityId, answer }, (err, reply) => {
    clearTimeout(slow);
    saving = false;
    savingShown = false;
    if (err || reply?.error === "unavailable") {
      // Kept on this device; tried again in a moment or after reconnecting.
      draftProblem = reply?.message || "";
      if (socket?.connected) setTimeout(saveDraft, RETRY);
    } else if (!reply.ok) {
      if (reply.error === "past_due" || reply.error === "closed") {
        state.refused = reply;
        render();
      } else {
        draftProblem = reply.message;
      }
    } else {
      savedJson = json;
      savedAt = reply.saved_at;
      draftProblem = "";
    }
    renderDraftStatus();
    if (saveAgain) {
      saveAgain = false;
      saveDraft();
    }
  });
}

function renderDraftStatus() {
  const node = byId("draft-status");
  if (!form || locked()) {
    node.textContent = "";
    return;
  }
  const handedIn = state.submission && sameAnswer(state.submission.answer, form.submitAnswer());
  if (draftProblem) node.textContent = draftProblem;
  // Handed in as it stands: the hand-in's status says it all.
  else if (!dirty()) {
    node.textContent = savedAt && !handedIn ? t("draft_saved", { time: formatTime(savedAt) }) : "";
  }
  else if (!socket?.connected) node.textContent = t("draft_offline");
  else if (savingShown) node.textContent = t("saving");
  // Otherwise the last words stay until the save is acked: no chatter while typing.
}

// --- Handing in

function handIn() {
  if (!form || locked()) return;
  hideSubmitError();
  const problem = form.check();
  if (problem) return showSubmitError(problem.message, problem.control);
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
  if (!socket?.connected) return renderHandIn();
  sendingId = entry.client_id;
  renderHandIn();
  socket.timeout(ACK_TIMEOUT).emit("submit", entry, (err, reply) => {
    if (sendingId === entry.client_id) sendingId = null;
    const stillOurs = store.outbox()?.client_id === entry.client_id;
    if (err || reply?.error === "unavailable") {
      // No ack in time, or the server could not save: keep the entry. It goes
      // again, same client_id, after the next connect or in a moment.
      if (stillOurs && socket?.connected) setTimeout(flushOutbox, RETRY);
      return renderHandIn();
    }
    if (stillOurs) store.clearOutbox();
    if (!reply.ok) {
      if (reply.error === "past_due" || reply.error === "closed") {
        state.refused = reply;
        render();
      }
      if (stillOurs) showSubmitError(reply.message);
      return renderHandIn();
    }
    if (reply.submission.activity_id === state.activity?.id) state.submission = reply.submission;
    renderHandIn();
  });
}

function showSubmitError(message, control = null) {
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

function hideSubmitError() {
  submitError.hidden = true;
  submitError.textContent = "";
  invalid?.removeAttribute("aria-invalid");
  invalid = null;
}

// The hand-in's state, in the header and beside the button.
function renderHandIn() {
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

function render() {
  if (!state.activity) return;
  byId("homework-prompt").textContent = state.activity.prompt;
  byId("homework-due").textContent = state.activity.due_at
    ? t("due", { when: formatDue(state.activity.due_at) })
    : "";
  if (!form) return;
  const reason = locked();
  const notice = byId("locked-notice");
  notice.textContent = reason;
  notice.hidden = !reason;
  form.setEditable(!reason);
  if (reason) saver.cancel();
  sendButton.hidden = Boolean(reason);
  byId("send-bar").classList.toggle("is-locked", Boolean(reason));
  renderContinue(!reason);
  renderHandIn();
  renderDraftStatus();
}

// --- Dates

function formatDue(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const options = { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" };
  if (date.getFullYear() !== new Date().getFullYear()) options.year = "numeric";
  return new Intl.DateTimeFormat(lang(), options).format(date);
}

// Today: the time; another day: the date too.
function formatWhen(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  if (date.toDateString() === new Date().toDateString()) return formatTime(iso);
  const options = { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
  return new Intl.DateTimeFormat(lang(), options).format(date);
}

// --- The personal continue-link

function continueLink() {
  return `${location.origin}${location.pathname}#continue=${encodeURIComponent(store.token())}`;
}

function renderContinue(visible) {
  const box = byId("continue-box");
  box.hidden = !visible || !store.token();
  const input = byId("continue-link");
  // Only when it changed: rewriting it would drop a selection made to copy it.
  if (!box.hidden && input.value !== continueLink()) input.value = continueLink();
}

byId("copy-link").addEventListener("click", async () => {
  const input = byId("continue-link");
  const said = byId("copy-status");
  try {
    await navigator.clipboard.writeText(input.value);
    said.textContent = t("copied");
  } catch {
    // No clipboard (an http page, an old browser): select it for copying by hand.
    input.focus();
    input.select();
    input.setSelectionRange(0, input.value.length);
    said.textContent = t("copy_by_hand");
  }
});

// --- Start

sendButton.addEventListener("click", handIn);

// Leaving or hiding the page saves now; coming back asks what changed elsewhere.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") saveDraft();
  else if (socket?.connected) syncState();
});
window.addEventListener("pagehide", () => saveDraft());

// The due date passes while the page is open.
setInterval(() => {
  if (form && state.activity && !state.ended && form.node.disabled !== Boolean(locked())) render();
}, 15000);

if (store.token()) connect();
else if (state.ended) showView("ended-view");
else showView("join-view");
