// A lessons activity's board as the pages read it from activity.merges
// (sessions/kinds/lessons_board.py, docs/kinds.md). An empty merges is the
// board the settings start with: their themes as t1…tn, collecting.

export function boardOf(activity) {
  const stored = activity?.merges || {};
  const config = activity?.config || {};
  if (!Object.keys(stored).length) {
    return {
      phase: "collect",
      dots: config.dots || 3,
      themes: (config.themes || []).map((name, i) => ({ key: `t${i + 1}`, name })),
      merged: {},
      placed: {},
      ballot: {},
    };
  }
  return {
    phase: stored.phase || "collect",
    dots: stored.dots || config.dots || 3,
    themes: stored.themes || [],
    merged: stored.merged || {},
    placed: stored.placed || {},
    ballot: stored.ballot || {},
  };
}

// The themes one can place lessons in and vote for, in the board's order.
export function openThemes(board) {
  return board.themes.filter((theme) => !Object.hasOwn(board.merged, theme.key));
}

// The theme a key counts as now (merges followed), or null.
export function resolveTheme(board, key) {
  const seen = new Set();
  while (key && Object.hasOwn(board.merged, key) && !seen.has(key)) {
    seen.add(key);
    key = board.merged[key];
  }
  return key && openThemes(board).some((theme) => theme.key === key) ? key : null;
}

// Dots on the themes they count for now (a merged theme's go to its target).
export function resolvedVotes(board, votes) {
  const out = {};
  for (const [key, count] of Object.entries(votes || {})) {
    const target = resolveTheme(board, key);
    if (target && Number.isInteger(count) && count > 0) out[target] = (out[target] || 0) + count;
  }
  return out;
}

export function totalDots(votes) {
  return Object.values(votes).reduce((sum, n) => sum + n, 0);
}

// A lesson id for a new lesson: 1–16 of [a-z0-9], as the server asks.
export function newLessonId() {
  const bytes = new Uint8Array(6);
  if (globalThis.crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join("") + Date.now().toString(36).slice(-4);
}
