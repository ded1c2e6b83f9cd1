// The participant's phone: join, wait, answer the open activity, see results.
// Answers go through an outbox in localStorage, so a lost ack or a reload never
// loses an answer, and a resend with the same client_id never counts twice.
import { askSync, nextCurrent, openSocket, showConnection, SnapshotStore } from "./connection.js";
import { byId, el, readJson, show } from "./dom.js";
import { countText, formatTime, t } from "./i18n.js";
import { newClientId, phoneStore } from "./outbox.js";
import { answerable, answerWidget, draftAnswer } from "./phone_answer.js";
import { renderBars } from "./results.js";
import { resultWords } from "./results_plain.js";
import { Countdown } from "./timer.js";
import { setUpJoin } from "./phone_join.js";
import { showPublished } from "./phone_published.js";
import { setUpMyData } from "./phone_my_data.js";

const page = readJson("phone-data");
const store = phoneStore(page.code);
const snapshots = new SnapshotStore();
const countdown = new Countdown(byId("activity-timer"));
const views = ["join-view", "waiting-view", "activity-view", "ended-view"].map(byId);

const state = { ended: page.ended, activity: null, submission: null, participant: null };
let socket = null;
let widget = null; // { activityId, ... } for the activity on screen
let sendingId = null; // client_id of the submit waiting for its ack

const join = setUpJoin(page, (token) => {
  store.saveToken(token);
  myData.refresh();
  connect();
});
// Erased: this phone is nobody in the session any more (docs/privacy.md).
const myData = setUpMyData(page.code, store, () => {
  socket?.disconnect();
  socket = null;
  store.forgetToken();
  store.clearOutbox();
  if (!state.ended) showView("join-view");
});
myData.refresh();

function joinAgain(message) {
  store.forgetToken();
  store.clearOutbox();
  socket?.disconnect();
  socket = null;
  showConnection("online");
  showView("join-view");
  join.showError(message);
}

function showView(id) {
  for (const view of views) show(view, view.id === id);
}

function connect() {
  socket = openSocket({ participant: store.token() }, showConnection);
  socket.on("connect", () => syncState({ reconnected: true }));
  socket.on("connect_error", (err) => {
    // Refused because the server's database is away: try again shortly.
    if (err?.data?.error === "unavailable") return setTimeout(() => socket?.connect(), 3000);
    if (err?.data?.error !== "bad_token") return;
    // The token is stale (or forged): this phone must join again.
    joinAgain(err.message);
  });
  // The leader erased this participant: nothing of theirs is left to send.
  socket.on("erased", () => joinAgain(t("erased")));
  socket.on("activity", (activity) => {
    activityEvents += 1;
    const before = state.activity?.id;
    state.activity = nextCurrent(state.activity, activity);
    // Another activity became current: our own answer to it comes with sync.
    if (state.activity?.id !== before) syncState();
    else render();
  });
  socket.on("snapshot", (snapshot) => {
    if (snapshots.offer(snapshot) && snapshot.activity_id === state.activity?.id) renderResults();
  });
  socket.on("session_ended", () => {
    state.ended = true;
    store.clearOutbox();
    store.clearDraft();
    socket.disconnect();
    render();
  });
}

// Activity events seen: a sync reply read before one of them is older than
// what the event said, and must not overwrite it (ask again instead).
let activityEvents = 0;

async function syncState({ reconnected = false } = {}) {
  const seen = activityEvents;
  const reply = socket && (await askSync(socket));
  if (!reply) return;
  if (!reply.ok) return showStatus(reply.message);
  if (activityEvents !== seen) return syncState({ reconnected });
  countdown.syncClock(reply.session.server_time);
  state.ended = reply.session.status === "ended";
  state.participant = reply.participant;
  state.activity = reply.activity;
  state.submission = reply.submission;
  snapshots.offer(reply.snapshot);
  if (state.ended) socket.disconnect();
  render();
  // Whatever was in flight on the old connection is sent again now (same
  // client_id, so the server applies it at most once).
  if (reconnected) sendingId = null;
  flushOutbox();
}

function render() {
  if (state.ended) {
    countdown.set(null);
    showPublished(page.code, store.token());
    return showView("ended-view");
  }
  const activity = state.activity;
  if (!activity || activity.state === "draft") {
    const who = state.participant;
    byId("waiting-name").textContent =
      who && !who.anonymous ? t("welcome", { name: who.name }) : t("welcome_anonymous");
    countdown.set(null);
    return showView("waiting-view");
  }
  showView("activity-view");
  byId("activity-prompt").textContent = activity.prompt;
  show(byId("activity-anonymous"), Boolean(activity.config?.anonymous));
  countdown.set(activity.state === "open" ? activity.timer_ends_at : null);
  if (activity.homework_code) {
    // A homework shown at the meeting: it is answered on its own page.
    widget = null;
    byId("send-bar").querySelector(".send")?.remove();
    byId("activity-body").replaceChildren(
      el("p", { text: t("homework_on_screen") }),
      el("a", {
        class: "button primary send phone-homework-link",
        href: `/join/${encodeURIComponent(activity.homework_code)}`,
        text: t("homework_link"),
      }),
    );
    showStatus("");
  } else if (!answerable(activity.kind)) {
    widget = null;
    byId("send-bar").querySelector(".send")?.remove();
    byId("activity-body").replaceChildren(t("unsupported"));
    showStatus("");
  } else {
    renderAnswer(activity);
  }
  renderStatus();
  renderResults();
}

function renderAnswer(activity) {
  if (widget?.activityId !== activity.id) {
    widget = answerWidget(activity, { onChange: saveDraft, participant: state.participant });
    widget.activityId = activity.id;
    byId("activity-body").replaceChildren(widget.node);
    byId("send-bar").querySelector(".send")?.remove();
    widget.button = el("button", { type: "button", class: "button primary send", onclick: submit });
    byId("send-bar").prepend(widget.button);
  }
  widget.setActivity?.(activity); // e.g. a lessons board that starts voting
  // What the phone shows: an unsent change first, then an unacknowledged
  // submit, then what the server has.
  const draft = store.draft();
  const outbox = store.outbox();
  const open = activity.state === "open";
  if (open && draft?.activity_id === activity.id) widget.setAnswer(draftAnswer(draft));
  else if (outbox?.activity_id === activity.id) widget.setAnswer(outbox.answer);
  else widget.setAnswer(state.submission?.answer || null);
  widget.setEditable(open);
  widget.button.hidden = !open;
}

function saveDraft(answer) {
  store.saveDraft({ activity_id: state.activity.id, answer });
  renderStatus();
}

function pending() {
  const outbox = store.outbox();
  return outbox && outbox.activity_id === state.activity?.id ? outbox : null;
}

function renderStatus() {
  if (!widget || !state.activity) return;
  const open = state.activity.state === "open";
  const answer = widget.answer();
  const sent = state.submission?.answer;
  const outbox = pending();
  let text = "";
  if (!open) text = sent ? t("closed") : t("closed_no_answer");
  else if (outbox && widget.same(outbox.answer, answer))
    text = outbox.client_id === sendingId ? t("sending") : t("queued");
  else if (sent && widget.same(sent, answer)) text = t("received", { time: formatTime(state.submission.updated_at) });
  else if (widget.filled(answer) && (sent || outbox)) text = t("unsent");
  showStatus(text);
  const unchanged = (sent && widget.same(sent, answer)) || (outbox && widget.same(outbox.answer, answer));
  widget.button.textContent = sent ? t("update") : t("submit");
  widget.button.disabled = !widget.filled(answer) || Boolean(unchanged);
}

function showStatus(text) {
  byId("answer-status").textContent = text || "";
  const button = byId("send-bar").querySelector(".send");
  byId("send-bar").hidden = (!button || button.hidden) && !text;
}

function submit() {
  const entry = {
    activity_id: state.activity.id,
    client_id: newClientId(),
    answer: widget.answer(),
  };
  store.saveOutbox(entry);
  send(entry);
}

function flushOutbox() {
  const entry = store.outbox();
  if (entry && entry.client_id !== sendingId) send(entry);
}

function send(entry) {
  if (!socket?.connected) return renderStatus();
  sendingId = entry.client_id;
  renderStatus();
  socket.timeout(8000).emit("submit", entry, (err, reply) => {
    if (sendingId === entry.client_id) sendingId = null;
    const current = store.outbox();
    const stillOurs = current?.client_id === entry.client_id;
    if (err || reply?.error === "unavailable") {
      // No ack in time, or the server could not save: keep the entry. It goes
      // again, same client_id, after the next connect or in a moment.
      if (stillOurs && socket?.connected) setTimeout(flushOutbox, 3000);
      if (reply) showStatus(reply.message);
      return renderStatus();
    }
    if (stillOurs) store.clearOutbox();
    if (!reply.ok) {
      if (stillOurs) showStatus(reply.message);
      return;
    }
    if (reply.submission.activity_id === state.activity?.id) {
      state.submission = reply.submission;
      const draft = store.draft();
      if (draft && widget?.same(draftAnswer(draft), reply.submission.answer)) store.clearDraft();
    }
    renderStatus();
  });
}

function renderResults() {
  const activity = state.activity;
  const snapshot = activity && snapshots.get(activity.id);
  // A homework's results are on the big screen, not in the phone's bars.
  const visible = activity?.state === "revealed" && !activity.homework_code && snapshot?.results;
  show(byId("results-view"), Boolean(visible));
  if (!visible) return;
  byId("results-count").textContent = countText("answers", snapshot.answer_count);
  // Every option of a multiple choice (up to 20), in its order; else the top ten.
  const limit = activity.kind === "choice" ? 20 : 10;
  renderBars(byId("results-bars"), resultWords(activity.kind, snapshot.results), { limit });
}

if (state.ended) render();
else if (store.token()) connect();
else showView("join-view");
