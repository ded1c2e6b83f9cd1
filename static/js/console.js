// The leader's console: runs the session's activities and shows what comes in.
// It can also put a homework of the project on the projector ("Homework" list,
// show_homework): that activity belongs to the homework's own session, so it is
// no card of the programme, but its live results are shown all the same.
import { ask, askSync, openSocket, showConnection, SnapshotStore } from "./connection.js";
import { activityCard } from "./console_card.js";
import { setUpDetail } from "./console_detail.js";
import { byId, readJson, show } from "./dom.js";
import { t } from "./i18n.js";

const page = readJson("console-data");
const snapshots = new SnapshotStore();
const activities = new Map(); // id -> activity, in programme order
const cards = new Map(); // id -> card
let shownHomework = null; // a homework from another session, on the projector
const clock = { skew: 0 }; // server time minus this laptop's, for countdowns
let currentId = null;
let selectedId = null; // the activity whose live results are shown

function announce(text) {
  byId("console-status").textContent = text || "";
}

// Every leader event goes through here: a refusal's message is shown as it is.
async function send(event, payload = {}) {
  let reply;
  try {
    reply = await ask(socket, event, payload);
  } catch {
    announce(t("no_reply"));
    return null;
  }
  if (!reply.ok) {
    announce(reply.message);
    render();
    return reply;
  }
  if (reply.activity) {
    applyActivity(reply.activity);
    announce(t("state_now", { state: t(`state_${reply.activity.state}`) }));
  } else {
    announce("");
  }
  return reply;
}

const detail = setUpDetail({ send, announce });

const socket = openSocket({ leader: page.session_id }, showConnection);

socket.on("connect", syncState);
socket.on("connect_error", (err) => {
  if (!socket.active && err?.message) announce(err.message);
});

// Activity events seen: a sync reply read before one of them is older than
// what the event said, and must not overwrite it (ask again instead).
let activityEvents = 0;

async function syncState() {
  const seen = activityEvents;
  const reply = socket && (await askSync(socket));
  if (!reply) return;
  if (!reply.ok) return announce(reply.message);
  if (activityEvents !== seen) return syncState();
  if (reply.session.status === "ended") return location.assign(page.archive_url);
  const serverNow = Date.parse(reply.session.server_time);
  if (!Number.isNaN(serverNow)) clock.skew = serverNow - Date.now();
  currentId = reply.session.current_activity_id;
  for (const activity of reply.activities) activities.set(activity.id, activity);
  const current = reply.activity;
  shownHomework = current && !activities.has(current.id) ? current : null;
  for (const snapshot of reply.snapshots) snapshots.offer(snapshot);
  setJoined(reply.joined);
  render();
}

function activityById(id) {
  if (id === null || id === undefined) return null;
  return activities.get(id) || (shownHomework?.id === id ? shownHomework : null);
}

// An activity that is not in the programme comes only while this session
// shows it: a homework, current whatever its state.
function applyHomework(activity) {
  if (shownHomework?.id === activity.id && shownHomework.version > activity.version) return;
  shownHomework = activity;
  if (currentId !== activity.id) {
    currentId = activity.id;
    selectedId = null;
  }
  render();
}

function applyActivity(activity) {
  activityEvents += 1;
  if (!activities.has(activity.id) && activity.homework_code) {
    applyHomework(activity);
    return;
  }
  const known = activities.get(activity.id);
  // Acks and broadcasts can cross: keep the newer version of the activity.
  if (known && known.version > activity.version) return;
  activities.set(activity.id, activity);
  if ((activity.state === "open" || activity.state === "revealed") && currentId !== activity.id) {
    currentId = activity.id;
    selectedId = null; // the leader moved on: show what is on the projector now
  }
  render();
}

socket.on("activity", applyActivity);
socket.on("snapshot", (snapshot) => {
  if (!snapshots.offer(snapshot)) return;
  // A homework's snapshot counts who joined the homework, not this room.
  if (activities.has(snapshot.activity_id)) setJoined(snapshot.joined);
  render();
});
socket.on("presence", (presence) => {
  setJoined(presence.joined);
  render(); // "n answers from m joined" follows too
});
socket.on("session_ended", () => location.assign(page.archive_url));

let joined = 0;

function setJoined(count) {
  if (typeof count !== "number") return;
  joined = count;
  byId("joined-count").textContent = String(count);
}

function render() {
  const list = byId("activity-list");
  for (const activity of activities.values()) {
    if (!cards.has(activity.id)) {
      const card = activityCard(activity, { send, select }, clock);
      cards.set(activity.id, card);
      list.append(card.node);
    }
  }
  show(byId("no-activities"), activities.size === 0);
  const shownId = selectedId ?? currentId;
  for (const [id, card] of cards) card.update(activities.get(id), snapshots.get(id), id === shownId);
  const shown = activityById(shownId);
  const homework = Boolean(shown) && shown === shownHomework;
  detail.render(shown, snapshots.get(shownId), joined, { homework });
  for (const button of document.querySelectorAll("[data-show-homework]")) {
    button.setAttribute("aria-pressed", String(Number(button.dataset.showHomework) === shownHomework?.id && currentId === shownHomework?.id));
  }
}

function select(id) {
  selectedId = id;
  render();
}

// The "Homework" list (leader/_console_homework.html): put one on the projector.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-show-homework]");
  if (!button) return;
  const reply = await send("show_homework", { activity_id: Number(button.dataset.showHomework) });
  if (reply?.ok) {
    selectedId = null;
    render();
    announce(t("homework_shown"));
  }
});

byId("end-session").addEventListener("click", async () => {
  if (!window.confirm(t("confirm_end"))) return;
  const reply = await send("end_session");
  if (reply?.ok) location.assign(page.archive_url);
});
