// Results of next steps and their status check (docs/kinds.md), on every page.
// Next steps: the commitments grouped by the date they are due, each with its
// organisation, and how many each organisation took on. Status check: the
// tally as bars (readable from the back of the room), then every step with
// its status in words, never in colour alone.
import { el } from "./dom.js";
import { lang, t } from "./i18n.js";
import { barGraphic, renderBars } from "./results.js";
import { headingTags, plural } from "./results_views.js";

// The tally's order (sessions/kinds/status_check.py), and unmarked last.
const TALLY = ["done", "under_way", "not_started", "unmarked"];

// "2017-03-01" as the page's language writes a day; the date as it came when
// it is no date.
export function formatDay(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!match) return iso || "";
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(lang(), { day: "numeric", month: "long", year: "numeric" }).format(day);
}

function day(iso) {
  return el("time", { datetime: iso, text: formatDay(iso) });
}

// On the projector a section scrolls when its list is long: focusable, so a
// keyboard can scroll it too.
function section(tag, heading, large, ...children) {
  return el(
    "section",
    { class: "ns-section", tabindex: large ? "0" : null, "aria-label": large ? heading : null },
    el(tag, { class: "results-heading", text: heading }),
    ...children,
  );
}

// The commitments under one heading per due date, in the server's order.
function byDay(commitments, item) {
  const days = [];
  for (const commitment of commitments) {
    const last = days.at(-1);
    if (last?.by === commitment.by) last.items.push(commitment);
    else days.push({ by: commitment.by, items: [commitment] });
  }
  return el(
    "ol",
    { class: "ns-days" },
    ...days.map((group) =>
      el(
        "li",
        { class: "ns-day" },
        el("p", { class: "ns-due" }, t("due_by"), " ", day(group.by)),
        el("ul", { class: "ns-steps" }, ...group.items.map(item)),
      ),
    ),
  );
}

// badge: a status check's status, before the step; note: after it.
function stepItem(commitment, { badge = null, note = null } = {}) {
  return el(
    "li",
    { class: "ns-step", dataset: { key: commitment.key } },
    badge && [badge, " "],
    el("span", { class: "ns-what", text: commitment.what }),
    " ",
    el("span", { class: "ns-org", text: commitment.organisation }),
    note && [" ", note],
  );
}

export function renderNextSteps(pane, results, { large = false } = {}) {
  const [h, sub] = headingTags(large);
  const commitments = results.commitments || [];
  if (!commitments.length) {
    pane.replaceChildren(el("p", { class: "muted", text: t("no_commitments_yet") }));
    return;
  }
  const organisations = el("ol", { class: large ? "bars bars-large ns-orgs" : "bars ns-orgs" });
  renderBars(
    organisations,
    (results.organisations || []).map((o) => ({ key: o.organisation, word: o.organisation, count: o.count })),
    { limit: 30 },
  );
  pane.replaceChildren(
    el(
      "div",
      { class: large ? "ns-result ns-result-large" : "ns-result" },
      section(h, plural("commitments_heading", commitments.length), large, byDay(commitments, (c) => stepItem(c))),
      section(sub, t("per_organisation"), large, organisations),
    ),
  );
}

function tallyRow(status, count, total) {
  const bar = barGraphic(total ? count / total : 0);
  if (!count) bar.querySelector(".bar-fill").setAttribute("width", "0");
  return el(
    "li",
    { class: "bar-row sc-row", dataset: { status } },
    el("span", { class: "bar-word", text: t(`status_${status}`) }),
    bar,
    el("span", { class: "bar-count", text: String(count) }),
  );
}

// "marked differently: 1 done, 1 under way" when colleagues disagree.
function disagreement(marks) {
  const parts = TALLY.filter((status) => marks?.[status]).map((status) =>
    t("marks_count", { count: marks[status], status: t(`status_${status}`) }),
  );
  return el("span", { class: "sc-disagree", text: t("marked_differently", { marks: parts.join(", ") }) });
}

export function renderStatusCheck(pane, results, { large = false } = {}) {
  const [h, sub] = headingTags(large);
  const commitments = results.commitments || [];
  if (!commitments.length) {
    pane.replaceChildren(el("p", { class: "muted sc-none", text: t("no_commitments") }));
    return;
  }
  const tally = results.tally || {};
  const bars = el(
    "ul",
    { class: large ? "bars bars-large sc-tally" : "bars sc-tally" },
    ...TALLY.map((status) => tallyRow(status, tally[status] || 0, commitments.length)),
  );
  const item = (c) =>
    stepItem(c, {
      badge: el("span", { class: "sc-status", dataset: { status: c.status }, text: t(`status_${c.status}`) }),
      note: c.agreed === false ? disagreement(c.marks) : null,
    });
  pane.replaceChildren(
    el(
      "div",
      { class: large ? "ns-result sc-result ns-result-large" : "ns-result sc-result" },
      section(h, plural("status_tally", commitments.length), large, bars),
      section(sub, t("status_steps"), large, byDay(commitments, item)),
    ),
  );
}

// One line for the console's answers table.
export function nextStepsSummary(kind, answer, config = {}) {
  if (kind === "next_steps") {
    return (answer.steps || [])
      .map((step) => t("summary_step", { what: step.what, organisation: step.organisation, date: step.by }))
      .join("; ");
  }
  const whats = new Map((config?.commitments || []).map((c) => [c.key, c.what]));
  return Object.entries(answer.marks || {})
    .map(([key, status]) => t("summary_mark", { what: whats.get(key) ?? key, status: t(`status_${status}`) }))
    .join("; ");
}

export const NEXT_STEPS_RENDERERS = { next_steps: renderNextSteps, status_check: renderStatusCheck };
