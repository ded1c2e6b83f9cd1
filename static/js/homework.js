// The participant's homework page: join (or carry on with a continue-link), fill
// in the form, which is kept as a draft on the server and on this device, and
// hand it in, as often as wanted until the due date (docs/homework.md).
// This module is the page's controller: the connection, the sync and what the
// page shows. Saving drafts: homework_autosave.js; handing in (through the
// outbox): homework_hand_in.js; the continue-link: homework_continue.js.
import { askSync, openSocket, showConnection } from "./connection.js";
import { byId, readJson, show } from "./dom.js";
import { lang, t } from "./i18n.js";
import { phoneStore } from "./outbox.js";
import { setUpJoin } from "./phone_join.js";
import { setUpMyData } from "./phone_my_data.js";
import { actorMapForm } from "./homework_actors.js";
import { autosave } from "./homework_autosave.js";
import { renderContinue, setUpCopyLink, takeContinueToken } from "./homework_continue.js";
import { canonical, localCopy, sameAnswer, startingPoint } from "./homework_draft.js";
import { handInControls } from "./homework_hand_in.js";
import { othersViewForm } from "./homework_others.js";

const FORMS = { others_view: othersViewForm, actor_map: actorMapForm };
const RETRY = 3000;

const page = readJson("homework-data");
const store = phoneStore(page.code);
const views = ["join-view", "homework-view", "ended-view"].map(byId);
const body = byId("homework-body");

const state = {
  ended: page.ended,
  activity: null,
  participant: null,
  submission: null,
  refused: null, // {error, message}: the server refused a draft or hand-in for good
  offset: 0, // the server's clock minus ours, in ms
  socket: null,
  form: null, // the form on screen, with its activityId
  copy: null, // this device's copy of the form (homework_draft.localCopy)
};
const drafts = autosave(state, { locked, render });
const handIn = handInControls(state, { store, locked, render, saveDraft: drafts.save });

takeContinueToken(store);

const join = setUpJoin(page, (token) => {
  store.saveToken(token);
  myData.refresh();
  connect();
});
// Erased: this browser is nobody in the homework any more (docs/privacy.md).
const myData = setUpMyData(page.code, store, () => {
  finish();
  state.socket = null;
  store.forgetToken();
  store.clearDraft();
  state.form = null;
  showView(state.ended ? "ended-view" : "join-view");
});
myData.refresh();

function showView(id) {
  for (const view of views) show(view, view.id === id);
}

function connect() {
  showView("homework-view");
  const socket = openSocket({ participant: store.token() }, (status) => {
    showConnection(status);
    drafts.renderStatus();
    handIn.renderStatus();
  });
  state.socket = socket;
  socket.on("connect", () => syncState());
  socket.on("connect_error", (err) => {
    // Refused because the server's database is away: try again shortly.
    if (err?.data?.error === "unavailable") return setTimeout(() => state.socket?.connect(), RETRY);
    if (err?.data?.error !== "bad_token") return;
    // The token is stale (or forged): this browser must join again.
    store.forgetToken();
    store.clearOutbox();
    state.socket.disconnect();
    state.socket = null;
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
    if (state.form) render();
    else showView("ended-view");
  });
}

// Closed for good: nothing is left to send.
function finish() {
  drafts.cancel();
  store.clearOutbox();
  state.copy?.clear();
  state.socket?.disconnect();
  // Disconnected on purpose: no "Reconnecting…".
  showConnection("online");
}

async function syncState() {
  const reply = state.socket && (await askSync(state.socket));
  if (!reply) return;
  if (!reply.ok) return handIn.showError(reply.message);
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
  handIn.resend();
  if (drafts.dirty()) drafts.save();
}

// Which answer the form shows: see homework_draft.startingPoint. On a later sync
// (a reconnect, or the tab shown again) the form changes only when another device
// saved something newer than this device's last change.
function takeStartingPoint(draft) {
  const activity = state.activity;
  const fresh = state.form?.activityId !== activity.id;
  if (fresh) {
    const make = FORMS[activity.kind];
    if (!make) {
      state.form = null;
      body.replaceChildren(t("unsupported"));
      return;
    }
    state.form = make(activity, { onChange: changed, participant: state.participant });
    state.form.activityId = activity.id;
    state.copy = localCopy(page.code, activity.id, state.participant.id);
    body.replaceChildren(state.form.node);
  }
  const form = state.form;
  const start = startingPoint({ draft, submission: state.submission, local: state.copy.read() });
  // A hand-in leaves out empty cards: compare it with the form as it would be handed in.
  const shown = start.source === "submission" ? form.submitAnswer() : form.draftAnswer();
  if (fresh || (start.source !== "local" && !sameAnswer(start.answer, shown))) form.setAnswer(start.answer);
  if (start.source === "local") {
    // Typed here and not saved yet: saved as a draft right after this sync.
    drafts.saved(draft ? canonical(draft.answer) : null, draft?.saved_at || null);
  } else {
    // The server has what the form shows, as a draft or as a hand-in.
    drafts.saved(canonical(form.draftAnswer()), start.source === "draft" ? draft.saved_at : null);
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

function changed() {
  state.copy.write(state.form.draftAnswer(), Date.now() + state.offset);
  handIn.hideError();
  handIn.renderStatus();
  drafts.edited();
}

function render() {
  if (!state.activity) return;
  byId("homework-prompt").textContent = state.activity.prompt;
  byId("homework-due").textContent = state.activity.due_at
    ? t("due", { when: formatDue(state.activity.due_at) })
    : "";
  if (!state.form) return;
  const reason = locked();
  const notice = byId("locked-notice");
  notice.textContent = reason;
  notice.hidden = !reason;
  state.form.setEditable(!reason);
  if (reason) drafts.cancel();
  handIn.showLocked(reason);
  renderContinue(store, !reason);
  handIn.renderStatus();
  drafts.renderStatus();
}

function formatDue(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const options = { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" };
  if (date.getFullYear() !== new Date().getFullYear()) options.year = "numeric";
  return new Intl.DateTimeFormat(lang(), options).format(date);
}

// --- Start

setUpCopyLink();

// Leaving or hiding the page saves now; coming back asks what changed elsewhere.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") drafts.save();
  else if (state.socket?.connected) syncState();
});
window.addEventListener("pagehide", () => drafts.save());

// The due date passes while the page is open.
setInterval(() => {
  if (state.form && state.activity && !state.ended && state.form.node.disabled !== Boolean(locked())) render();
}, 15000);

if (store.token()) connect();
else if (state.ended) showView("ended-view");
else showView("join-view");
