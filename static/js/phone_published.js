// After the session: the outcomes the process leader published to its
// participants (docs/review.md), asked once with this phone's token
// (GET /api/sessions/<code>/published) and drawn with the same renderers as
// the archive. A phone that never joined, or whose token is refused, shows
// only the thank-you.
import { byId, el } from "./dom.js";
import { countText, t } from "./i18n.js";
import { renderResults } from "./results_kind.js";

let asked = false;

export async function showPublished(code, token) {
  const box = byId("published");
  if (asked || !box || !token) return;
  asked = true;
  const status = byId("published-status");
  let reply = null;
  try {
    const response = await fetch(`/api/sessions/${encodeURIComponent(code)}/published`, {
      headers: { "X-Participant-Token": token },
      cache: "no-store",
    });
    reply = await response.json().catch(() => null);
    // Not a participant of this session (forgotten or foreign token): nothing to show.
    if (response.status === 403) return;
    if (!response.ok || !reply?.ok) reply = null;
  } catch {
    reply = null;
  }
  box.hidden = false;
  if (!reply) {
    status.textContent = t("published_failed");
    return;
  }
  const activities = reply.activities || [];
  status.textContent = activities.length ? t("published_intro") : t("published_none");
  const list = byId("published-list");
  list.replaceChildren(...activities.map(outcome));
  // Drawn once in the page: a word cloud measures its box.
  for (const activity of activities) {
    const node = byId(`published-${activity.id}`);
    renderResults(node, activity.kind, activity.results, {
      config: activity.config || {},
      idPrefix: `published-${activity.id}`,
    });
  }
}

function outcome(activity) {
  const headingId = `published-title-${activity.id}`;
  return el(
    "section",
    { class: "card published-activity", "aria-labelledby": headingId },
    el("h2", { id: headingId, class: "prompt", text: activity.prompt }),
    el("p", { class: "muted", text: countText("answers", activity.answer_count) }),
    el("div", { id: `published-${activity.id}`, class: "published-results" }),
  );
}
