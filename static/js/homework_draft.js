// Homework drafts: the answer as JSON, compared regardless of key order, kept in
// localStorage per join code and activity, and which version a page starts from
// (docs/homework.md, "Lifecycle").

// As the server cleans a text (sessions/text.py): NFC, runs of white space folded.
export function cleanText(value) {
  return String(value ?? "")
    .normalize("NFC")
    .split(/\s+/)
    .filter(Boolean)
    .join(" ");
}

// As the server compares words: case and spacing do not matter.
export function textKey(value) {
  return cleanText(value).toLowerCase();
}

// JSON with sorted keys: the database may give an answer's keys in another order.
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function sameAnswer(a, b) {
  return canonical(a) === canonical(b);
}

// The page's own copy wins: it is right even when localStorage is unavailable.
const memory = new Map();

// This device's copy of the form: {answer, at} where `at` is the time of the
// last change in milliseconds on the server's clock (see startingPoint). Per
// participant too: a continue-link may bring someone else into this browser.
export function localCopy(code, activityId, participantId) {
  const key = `mellanrum:homework:${code}:${activityId}:${participantId}`;
  function write(value) {
    memory.set(key, value);
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Private mode or a full store: the draft on the server still counts.
    }
  }
  return {
    read() {
      if (memory.has(key)) return memory.get(key);
      try {
        const raw = localStorage.getItem(key);
        return raw === null ? null : JSON.parse(raw);
      } catch {
        return null;
      }
    },
    write: (answer, at) => write({ answer, at }),
    clear: () => write(null),
  };
}

function stamp(iso) {
  const ms = Date.parse(iso || "");
  return Number.isNaN(ms) ? 0 : ms;
}

// What the form starts from: the newer of the server's draft and submission,
// unless this device has a newer copy that differs (typed while offline, or the
// tab closed before the draft was saved).
// Returns {answer, source: "local"|"draft"|"submission"|null, at}.
export function startingPoint({ draft, submission, local }) {
  const candidates = [];
  if (submission?.answer) {
    candidates.push({ answer: submission.answer, source: "submission", at: stamp(submission.updated_at) });
  }
  if (draft?.answer) candidates.push({ answer: draft.answer, source: "draft", at: stamp(draft.saved_at) });
  // On a tie the submission wins: it is what the leader sees.
  const server = candidates.reduce((best, c) => (!best || c.at > best.at ? c : best), null);
  if (local?.answer && (!server || (local.at > server.at && !sameAnswer(local.answer, server.answer)))) {
    return { answer: local.answer, source: "local", at: local.at };
  }
  return server || { answer: null, source: null, at: 0 };
}

// fn runs `wait` ms after the last call; flush() runs it now if one is pending.
export function debounce(fn, wait) {
  let timer = null;
  const run = () => {
    timer = null;
    fn();
  };
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(run, wait);
    },
    pending: () => timer !== null,
    flush() {
      if (timer === null) return;
      clearTimeout(timer);
      run();
    },
    cancel() {
      clearTimeout(timer);
      timer = null;
    },
  };
}
