// The leader's homework page: the results as they come in, with the merge form
// for aliases, while the homework runs; its frozen outcome once it is closed
// (then without a socket). The hand-ins table above is written by the server.
import { ask, askSync, openSocket, showConnection, SnapshotStore } from "./connection.js";
import { byId, readJson, show } from "./dom.js";
import { countText, t } from "./i18n.js";
import { mergePanel, renderResults } from "./results_kind.js";

const page = readJson("homework-leader-data");
const body = byId("results-body");
let activity = { id: page.activity_id, kind: page.kind, config: page.config || {}, version: -1 };
let merges = null; // the merge form, while the homework runs

function announce(text) {
  byId("homework-status").textContent = text || "";
}

function render(snapshot) {
  const results = snapshot?.results || null;
  byId("results-count").textContent = snapshot ? countText("answers", snapshot.answer_count) : "";
  show(byId("results-empty"), !results || !results.answers);
  renderResults(body, activity.kind, results, { config: activity.config, idPrefix: "homework" });
  merges?.update(activity, activity.kind, results);
}

if (!page.running) {
  render(page.final_snapshot);
} else {
  const snapshots = new SnapshotStore();
  const socket = openSocket({ leader: page.session_id }, showConnection);
  const current = () => snapshots.get(activity.id);

  const applyActivity = (changed) => {
    if (changed?.id !== activity.id || changed.version < activity.version) return;
    activity = changed;
    render(current());
  };

  // Like the console: a refusal's message is shown as it is.
  const send = async (event, payload) => {
    let reply;
    try {
      reply = await ask(socket, event, payload);
    } catch {
      announce(t("no_reply"));
      return null;
    }
    if (!reply.ok) announce(reply.message);
    else if (reply.activity) applyActivity(reply.activity);
    return reply;
  };

  merges = mergePanel("homework-merge", { send, announce });
  byId("results-merge").append(merges.node);

  socket.on("connect", async () => {
    const reply = await askSync(socket);
    if (!reply) return;
    if (!reply.ok) return announce(reply.message);
    if (reply.session.status === "ended") return location.reload();
    const mine = (reply.activities || []).find((a) => a.id === activity.id);
    if (mine) activity = mine;
    for (const snapshot of reply.snapshots || []) snapshots.offer(snapshot);
    render(current());
  });
  socket.on("connect_error", (err) => {
    if (!socket.active && err?.message) announce(err.message);
  });
  socket.on("activity", applyActivity);
  socket.on("snapshot", (snapshot) => {
    // Never go back to an older version; another activity is not ours.
    if (snapshots.offer(snapshot) && snapshot.activity_id === activity.id) render(snapshot);
  });
  // Closed from another tab: the page then shows the archived outcome.
  socket.on("session_ended", () => location.reload());
}
