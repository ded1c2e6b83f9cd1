// The Socket.IO connection every live page uses, and the snapshot store.
import { io } from "/vendor/socket.io.esm.min.js";
import { t } from "./i18n.js";

const ACK_TIMEOUT = 8000;

// onStatus receives "connecting", "online", "offline" or "refused".
export function openSocket(auth, onStatus = () => {}) {
  const socket = io({ auth });
  onStatus("connecting");
  socket.on("connect", () => onStatus("online"));
  socket.on("disconnect", (reason) => {
    onStatus("offline");
    // Socket.IO does not retry by itself after the server closed the socket.
    if (reason === "io server disconnect") socket.connect();
  });
  socket.on("connect_error", () => onStatus(socket.active ? "offline" : "refused"));
  return socket;
}

// The page's #connection line: says so while the socket is not online.
export function showConnection(status) {
  const node = document.getElementById("connection");
  const text = { connecting: t("connecting"), offline: t("reconnecting"), refused: t("refused") }[status];
  node.textContent = text || "";
  node.hidden = !text;
}

// An event with an ack, as a promise. Rejects only when no ack came in time;
// a refusal resolves with {ok: false, error, message}.
export function ask(socket, event, payload = {}, timeout = ACK_TIMEOUT) {
  return new Promise((resolve, reject) => {
    socket.timeout(timeout).emit(event, payload, (err, reply) => {
      if (err) reject(err);
      else resolve(reply);
    });
  });
}

// `sync`, asked again every 2 s while the socket stays up without an ack.
// Resolves with the reply, or null once the socket is down (whose reconnect
// syncs anew).
export async function askSync(socket) {
  for (;;) {
    try {
      return await ask(socket, "sync");
    } catch {
      if (!socket.connected) return null;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

// Snapshots may arrive out of order (sync ack vs broadcast): keep the newest.
export class SnapshotStore {
  constructor() {
    this.byActivity = new Map();
  }

  // Returns true when the snapshot is newer than what we had.
  offer(snapshot) {
    if (!snapshot) return false;
    const known = this.byActivity.get(snapshot.activity_id);
    if (known && known.version >= snapshot.version) return false;
    this.byActivity.set(snapshot.activity_id, snapshot);
    return true;
  }

  get(activityId) {
    return this.byActivity.get(activityId) || null;
  }
}

// Which activity the server calls current, as "activity" events come in:
// opening or revealing one makes it current (see server/control.py).
export function nextCurrent(current, changed) {
  if (current && changed.id === current.id) return changed;
  if (changed.state === "open" || changed.state === "revealed") return changed;
  return current;
}
