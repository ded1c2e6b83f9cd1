// What a phone keeps in localStorage, per session code: its participant token,
// the submit not yet acknowledged (the outbox) and the selection not yet sent.

// The page's own copy wins: it is right even when localStorage is unavailable.
const memory = new Map();

// json: false keeps a plain string, as the token is documented to be stored.
function read(key, json = true) {
  if (memory.has(key)) return memory.get(key);
  try {
    const raw = localStorage.getItem(key);
    return json && raw !== null ? JSON.parse(raw) : raw;
  } catch {
    return null;
  }
}

function write(key, value, json = true) {
  memory.set(key, value);
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, json ? JSON.stringify(value) : value);
  } catch {
    // Private mode or a full store: the phone still works, it just forgets on reload.
  }
}

export function phoneStore(code) {
  const tokenKey = `mellanrum:participant:${code}`;
  const outboxKey = `mellanrum:outbox:${code}`;
  const draftKey = `mellanrum:draft:${code}`;
  return {
    token: () => read(tokenKey, false),
    saveToken: (token) => write(tokenKey, token, false),
    forgetToken: () => write(tokenKey, null),
    // {activity_id, client_id, answer}
    outbox: () => read(outboxKey),
    saveOutbox: (entry) => write(outboxKey, entry),
    clearOutbox: () => write(outboxKey, null),
    // {activity_id, roles}
    draft: () => read(draftKey),
    saveDraft: (draft) => write(draftKey, draft),
    clearDraft: () => write(draftKey, null),
  };
}

// 8–64 characters of [A-Za-z0-9_-], as the protocol asks.
export function newClientId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (globalThis.crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
