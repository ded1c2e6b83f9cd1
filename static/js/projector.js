// The projector: join code always on screen, the current activity, its answer
// count and, once the leader lets them be seen, the results.
import { askSync, nextCurrent, openSocket, showConnection, SnapshotStore } from "./connection.js";
import { byId, readJson, show } from "./dom.js";
import { countText, t } from "./i18n.js";
import { clearCloud, renderBars, renderCloud } from "./results.js";
import { Countdown } from "./timer.js";

const page = readJson("projector-data");
const snapshots = new SnapshotStore();
const countdown = new Countdown(byId("activity-timer"));
const state = { activity: null, ended: false };

const socket = openSocket({ projector: page.token }, showConnection);

socket.on("connect", syncState);

async function syncState() {
  const reply = socket && (await askSync(socket));
  if (!reply) return;
  if (!reply.ok) return;
  countdown.syncClock(reply.session.server_time);
  state.ended = reply.session.status === "ended";
  state.activity = reply.activity;
  setJoined(reply.joined);
  snapshots.offer(reply.snapshot);
  render();
}

socket.on("activity", (activity) => {
  state.activity = nextCurrent(state.activity, activity);
  render();
});

socket.on("snapshot", (snapshot) => {
  if (!snapshots.offer(snapshot)) return; // never go back to an older version
  setJoined(snapshot.joined);
  if (snapshot.activity_id === state.activity?.id) render();
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
  const badge = byId("activity-state");
  badge.textContent = t(activity.state);
  badge.dataset.state = activity.state;
  countdown.set(activity.state === "open" ? activity.timer_ends_at : null);

  const snapshot = snapshots.get(activity.id);
  byId("answer-count").textContent = snapshot ? countText("answers", snapshot.answer_count) : "";
  // The activity event says whether results may be seen; the snapshot that
  // carries them may come a moment later.
  const results = activity.results_visible && snapshot?.results_visible && snapshot.results;
  show(byId("results-hidden"), !activity.results_visible);
  show(byId("results"), Boolean(results));
  if (!results) {
    clearCloud(byId("cloud"));
    byId("bars").replaceChildren();
    return;
  }
  renderBars(byId("bars"), results.words, { limit: 10 });
  drawCloud(results.words);
}

function drawCloud(words) {
  const svg = byId("cloud");
  const box = svg.getBoundingClientRect();
  renderCloud(svg, words, {
    width: Math.round(box.width),
    height: Math.round(box.height),
    minSize: Math.max(18, box.height / 22),
    maxSize: Math.max(40, box.height / 5),
  });
}

let resizing = null;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(render, 200);
});
