// The projector: join code always on screen, the current activity, its answer
// count and, once the leader lets them be seen, the results. The current
// activity may be a homework of the project, shown from another session: its
// snapshots come here too, keyed by its activity id.
import { askSync, nextCurrent, openSocket, showConnection, SnapshotStore } from "./connection.js";
import { byId, readJson, show } from "./dom.js";
import { countText, t } from "./i18n.js";
import { clearResults, renderResults } from "./results_kind.js";
import { Countdown } from "./timer.js";

const page = readJson("projector-data");
const snapshots = new SnapshotStore();
const countdown = new Countdown(byId("activity-timer"));
const state = { activity: null, ended: false, joinCode: page.join_code || null };

const socket = openSocket({ projector: page.token }, showConnection);

socket.on("connect", syncState);

// Activity events seen: a sync reply read before one of them is older than
// what the event said, and must not overwrite it (ask again instead).
let activityEvents = 0;

async function syncState() {
  const seen = activityEvents;
  const reply = socket && (await askSync(socket));
  if (!reply) return;
  if (!reply.ok) return;
  if (activityEvents !== seen) return syncState();
  countdown.syncClock(reply.session.server_time);
  state.ended = reply.session.status === "ended";
  state.joinCode = reply.session.join_code;
  state.activity = reply.activity;
  setJoined(reply.joined);
  snapshots.offer(reply.snapshot);
  render();
}

// A homework from another session: its activity event comes here only while
// this session shows it, whatever its state (a closed homework can be shown).
function fromElsewhere(activity) {
  return Boolean(activity?.homework_code) && activity.homework_code !== state.joinCode;
}

socket.on("activity", (activity) => {
  activityEvents += 1;
  state.activity = fromElsewhere(activity) ? activity : nextCurrent(state.activity, activity);
  render();
});

socket.on("snapshot", (snapshot) => {
  if (!snapshots.offer(snapshot)) return; // never go back to an older version
  const current = state.activity?.id === snapshot.activity_id ? state.activity : null;
  // A homework's snapshot counts who joined the homework, not this room.
  if (!fromElsewhere(current)) setJoined(snapshot.joined);
  if (current) render();
});

socket.on("presence", (presence) => setJoined(presence.joined));

socket.on("session_ended", () => {
  state.ended = true;
  render();
  socket.disconnect();
});

function setJoined(count) {
  if (typeof count === "number") byId("joined-count").textContent = String(count);
}

function render() {
  const activity = state.activity;
  show(byId("ended-view"), state.ended);
  show(byId("idle-view"), !state.ended && !activity);
  show(byId("activity-view"), !state.ended && Boolean(activity));
  if (state.ended || !activity) {
    countdown.set(null);
    return;
  }
  byId("activity-prompt").textContent = activity.prompt;
  byId("activity-view").dataset.kind = activity.kind;
  const badge = byId("activity-state");
  badge.textContent = t(activity.state);
  badge.dataset.state = activity.state;
  countdown.set(activity.state === "open" ? activity.timer_ends_at : null);
  const homework = byId("activity-homework");
  show(homework, Boolean(activity.homework_code));
  homework.textContent =
    activity.state === "open" && fromElsewhere(activity)
      ? t("homework_open", { code: activity.homework_code })
      : t("homework");

  const snapshot = snapshots.get(activity.id);
  byId("answer-count").textContent = snapshot ? countText("answers", snapshot.answer_count) : "";
  // The activity event says whether results may be seen; the snapshot that
  // carries them may come a moment later.
  const results = activity.results_visible && snapshot?.results_visible && snapshot.results;
  show(byId("results-hidden"), !activity.results_visible);
  const container = byId("results");
  show(container, Boolean(results));
  container.dataset.kind = activity.kind;
  if (!results) {
    clearResults(container);
    return;
  }
  renderResults(container, activity.kind, results, {
    config: activity.config,
    large: true,
    limit: 10,
    idPrefix: "stage",
  });
}

let resizing = null;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(render, 200);
});
