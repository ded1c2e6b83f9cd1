// Actor mapping (actor_map): the actor network, the actor × area matrix and the
// *mellanrum* (areas nobody leads, areas several lead, unclear interfaces,
// areas nobody mapped), each with the regions that show it (docs/homework.md).
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { networkShown, renderNetwork } from "./results_network.js";
import { headingTags, plural, viewSwitch } from "./results_views.js";

const maps = new WeakMap(); // pane -> persistent parts

// options: {config, large, idPrefix}
export function renderActorMap(pane, results, options = {}) {
  const { large = false } = options;
  const prefix = options.idPrefix || "am";
  const [h, sub] = headingTags(large);
  let parts = maps.get(pane);
  if (!parts) {
    parts = {
      holder: {}, // the network's key: one drawing per pane
      networkSection: el("section", { class: "am-section am-network", "aria-labelledby": `${prefix}-network-heading` }),
      // On the projector it scrolls on its own: keyboard users can reach it.
      mellanrum: el("section", {
        class: "am-section am-mellanrum",
        "aria-labelledby": `${prefix}-mellanrum-heading`,
        tabindex: large ? "0" : null,
      }),
      matrix: el("section", { class: "am-section am-matrix", "aria-labelledby": `${prefix}-matrix-heading` }),
    };
    parts.networkSection.append(
      el(h, { id: `${prefix}-network-heading`, class: "results-heading", text: t("network_heading") }),
    );
    maps.set(pane, parts);
  }
  const network = renderNetwork(parts.holder, results?.network, {
    regions: results?.regions,
    relationTypes: options.config?.relation_types,
    large,
    idPrefix: `${prefix}-network`,
  });
  if (network.parentNode !== parts.networkSection) parts.networkSection.append(network);
  parts.mellanrum.replaceChildren(...mellanrumParts(results?.mellanrum, `${prefix}-mellanrum`, large, [h, sub]));
  // The table is drawn anew: keep where it was scrolled to, and focus on it.
  const before = parts.matrix.querySelector(".matrix-scroll");
  const scrolled = before && { left: before.scrollLeft, top: before.scrollTop, focused: document.activeElement === before };
  parts.matrix.replaceChildren(...matrixParts(results?.matrix, `${prefix}-matrix`, results?.mellanrum, h));
  const after = parts.matrix.querySelector(".matrix-scroll");
  if (scrolled && after) {
    after.scrollLeft = scrolled.left;
    after.scrollTop = scrolled.top;
    if (scrolled.focused) after.focus({ preventScroll: true });
  }

  if (large) {
    parts.overview ??= el("div", { class: "am-overview" }, parts.networkSection, parts.mellanrum);
    viewSwitch(pane, [
      {
        key: "network",
        label: t("view_network"),
        nodes: [parts.overview],
        shown: () => networkShown(parts.holder),
      },
      { key: "matrix", label: t("view_matrix"), nodes: [parts.matrix], shown: () => {} },
    ]);
    return;
  }
  // Built once: moving the network would lose focus in its filters.
  if (parts.networkSection.parentNode !== pane) pane.replaceChildren(parts.networkSection, parts.mellanrum, parts.matrix);
  networkShown(parts.holder);
}

function mellanrumParts(found, id, large, [h, sub]) {
  const gaps = found || {};
  const list = (key, items, row) => {
    const heading = `${id}-${key}`;
    return el(
      "div",
      { class: `gap gap-${key}` },
      el(
        sub,
        { id: heading, class: "gap-heading" },
        el("span", { text: t(`gap_${key}`) }),
        el("span", { class: "gap-count", text: ` (${(items || []).length})` }),
      ),
      !large && el("p", { class: "hint", text: t(`gap_${key}_hint`) }),
      items?.length
        ? el("ul", { class: "gap-list", "aria-labelledby": heading }, items.map(row))
        : el("p", { class: "muted", text: t("none") }),
    );
  };
  const regions = (names) => el("span", { class: "evidence", text: t("in_regions", { regions: (names || []).join(", ") }) });
  return [
    el(h, { id, class: "results-heading", text: t("mellanrum_heading") }),
    list("unled", gaps.unled, (gap) =>
      el("li", {}, el("strong", { text: gap.area }), " ", regions(gap.regions)),
    ),
    list("contested", gaps.contested, (gap) =>
      el(
        "li",
        {},
        el("strong", { text: gap.area }),
        el(
          "ul",
          { class: "evidence-list" },
          (gap.regions || []).map((entry) =>
            el("li", { class: "evidence", text: t("region_actors", { region: entry.region, actors: (entry.actors || []).join(", ") }) }),
          ),
        ),
      ),
    ),
    list("unclear", gaps.unclear, (gap) =>
      el(
        "li",
        {},
        el("strong", { text: (gap.labels || [gap.source, gap.target]).join(" – ") }),
        " ",
        el("span", { class: "evidence", text: t("unclear_in", { regions: (gap.regions || []).join(", ") }) }),
      ),
    ),
    list("unmapped", gaps.unmapped, (area) => el("li", {}, el("strong", { text: typeof area === "string" ? area : area.area }))),
  ];
}

function matrixParts(matrix, id, gaps, h) {
  const heading = el(h, { id, class: "results-heading", text: t("matrix_heading") });
  const actors = matrix?.actors || [];
  const areas = matrix?.areas || [];
  if (!actors.length || !areas.length) return [heading, el("p", { class: "muted", text: t("no_answers_yet") })];
  const labels = matrix.labels || {};
  const label = (key) => labels[key] ?? key;
  const cells = new Map((matrix.cells || []).map((cell) => [`${cell.actor}\u0001${cell.area}`, cell]));
  const unled = new Set((gaps?.unled || []).map((gap) => gap.key));
  const contested = new Set((gaps?.contested || []).map((gap) => gap.key));
  const areaHead = (area) =>
    el(
      "th",
      { scope: "col", class: unled.has(area) ? "is-unled" : contested.has(area) ? "is-contested" : "" },
      el("span", { text: label(area) }),
      unled.has(area) && el("span", { class: "area-flag", text: t("flag_unled") }),
      contested.has(area) && el("span", { class: "area-flag", text: t("flag_contested") }),
    );
  const table = el(
    "table",
    { class: "actor-matrix" },
    el("caption", { text: t("matrix_caption") }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("matrix_actor") }), areas.map(areaHead))),
    el(
      "tbody",
      {},
      actors.map((actor) =>
        el("tr", {}, el("th", { scope: "row", text: label(actor) }), areas.map((area) => matrixCell(cells.get(`${actor}\u0001${area}`)))),
      ),
    ),
  );
  return [
    heading,
    el("p", { class: "hint matrix-key", text: t("matrix_key") }),
    el("div", { class: "table-scroll matrix-scroll", tabindex: "0", role: "region", "aria-labelledby": id }, table),
  ];
}

function matrixCell(cell) {
  const leads = cell?.leads || 0;
  const contributes = cell?.contributes || 0;
  if (!leads && !contributes) {
    return el("td", { class: "cell-empty" }, el("span", { "aria-hidden": "true", text: "·" }), el("span", { class: "visually-hidden", text: t("cell_none") }));
  }
  const level = Math.min(4, leads);
  return el(
    "td",
    { class: `cell cell-lead-${level}` },
    el(
      "span",
      { "aria-hidden": "true", class: "cell-short" },
      leads > 0 && el("span", { class: "cell-leads", text: t("cell_leads_short", { count: leads }) }),
      leads > 0 && contributes > 0 && " · ",
      contributes > 0 && el("span", { class: "cell-contributes", text: t("cell_contributes_short", { count: contributes }) }),
    ),
    el("span", {
      class: "visually-hidden",
      text: [leads > 0 && plural("cell_leads", leads), contributes > 0 && plural("cell_contributes", contributes)]
        .filter(Boolean)
        .join(", "),
    }),
  );
}
