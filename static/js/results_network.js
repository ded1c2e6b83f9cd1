// The actor network of an actor mapping, drawn with cytoscape (loaded from
// /vendor when first needed): an actor's circle grows with the regions naming
// it, a relation's line with the regions naming it; colour, line style and
// arrow say the relation type; a red halo marks an interface some region finds
// unclear. Filters by relation type and region act on the drawing and on the
// table of relations under it, which is what a screen reader reads.
// This module builds the section and applies the filters; the drawing, the
// filters and legend, and the table live in results_network_*.js.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { plural } from "./results_views.js";
import { draw } from "./results_network_draw.js";
import { buildFilters, relationTypes, updateFilters, updateLegend } from "./results_network_filters.js";
import { fit } from "./results_network_layout.js";
import { buildTable, renderTable } from "./results_network_table.js";

const networks = new WeakMap(); // section -> state

// Returns the section (built once per `holder` and updated in place, so the
// drawing and the filters keep their state across snapshots).
// options: {regions, relationTypes, large, idPrefix}
export function renderNetwork(holder, network, options = {}) {
  let state = networks.get(holder);
  if (!state) {
    state = build(options);
    networks.set(holder, state);
  }
  state.network = { nodes: network?.nodes || [], edges: network?.edges || [] };
  state.types = relationTypes(options.relationTypes, state.network.edges);
  state.regions = options.regions || [];
  updateFilters(state);
  updateLegend(state);
  apply(state);
  return state.section;
}

// Call when the section was hidden and is shown again: the canvas takes its size.
export function networkShown(holder) {
  const state = networks.get(holder);
  if (state?.cy) {
    state.cy.resize();
    fit(state);
  }
}

function build({ large = false, idPrefix = "network" }) {
  const state = { large, prefix: idPrefix, checks: new Map(), cy: null, drawnKeys: "", typeNames: "" };
  // Changing a filter shows the network anew.
  state.onFilter = () => apply(state);
  buildFilters(state);
  state.legend = el("ul", { class: "network-legend", "aria-label": t("legend") });
  state.canvas = el("div", {
    class: "network-canvas",
    role: "img",
    "aria-label": t("network_label"),
  });
  state.fallback = el("p", { class: "notice", hidden: true, text: t("network_unavailable") });
  state.empty = el("p", { class: "muted network-empty", hidden: true, text: t("network_empty") });
  state.summary = el("p", { class: "network-summary muted", role: "status" });
  const tableBox = buildTable(state);
  state.section = el(
    "div",
    { class: large ? "network network-large" : "network" },
    // The projector is a display: its network shows everything, without filters.
    el("div", { class: "network-tools" }, !large && state.filters, state.legend),
    state.summary,
    el("div", { class: "network-stage" }, state.canvas, state.empty),
    state.fallback,
    tableBox,
  );
  if (typeof ResizeObserver === "function") {
    let last = "";
    new ResizeObserver(([entry]) => {
      const size = `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`;
      if (size === last || !state.cy) return;
      last = size;
      state.cy.resize();
      fit(state);
    }).observe(state.canvas);
  }
  return state;
}

// What the filters let through: nodes of the chosen region, relations of the
// chosen types between shown nodes.
function visible(state) {
  const region = state.region.value;
  const nodes = state.network.nodes.filter((node) => !region || (node.regions || []).includes(region));
  const shown = new Set(nodes.map((node) => node.key));
  const edges = state.network.edges.filter(
    (edge) =>
      (state.checks.get(edge.type)?.checked ?? true) &&
      (!region || (edge.regions || []).includes(region)) &&
      shown.has(edge.source) &&
      shown.has(edge.target),
  );
  const unclear = (edge) => (region ? (edge.unclear_regions || []).includes(region) : edge.unclear > 0);
  return { region, nodes, edges, unclear };
}

function apply(state) {
  const view = visible(state);
  state.summary.textContent = `${plural("shown_actors", view.nodes.length)} · ${plural("shown_relations", view.edges.length)}`;
  state.empty.hidden = state.network.nodes.length > 0;
  renderTable(state, view);
  draw(state, view);
}
