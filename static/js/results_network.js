// The actor network of an actor mapping, drawn with cytoscape (loaded from
// /vendor when first needed): an actor's circle grows with the regions naming
// it, a relation's line with the regions naming it; colour, line style and
// arrow say the relation type; a red halo marks an interface some region finds
// unclear. Filters by relation type and region act on the drawing and on the
// table of relations under it, which is what a screen reader reads.
import { el } from "./dom.js";
import { t } from "./i18n.js";
import { plural } from "./results_views.js";

const CYTOSCAPE = "/vendor/cytoscape.esm.min.js";
// The catalogue's types in their usual order: each has its colour (--rel-N in
// results_homework.css) and line style; finansiering and uppdrag have a direction.
const KNOWN_TYPES = ["samverkan", "finansiering", "uppdrag", "kunskapsutbyte"];
const KNOWN_DIRECTED = new Set(["finansiering", "uppdrag"]);
const LINE_STYLES = ["solid", "solid", "dashed", "dotted"];
const DASHES = { solid: null, dashed: "6 4", dotted: "1.5 3.5" };
const FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

let loading = null;

function loadCytoscape() {
  loading ??= import(CYTOSCAPE).then((module) => module.default);
  return loading;
}

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

function relationTypes(configured, edges) {
  const types = [];
  const add = (name, directed) => {
    if (!name || types.some((type) => type.name === name)) return;
    types.push({ name, directed });
  };
  for (const name of configured || []) add(name, KNOWN_DIRECTED.has(name));
  for (const edge of edges) add(edge.type, Boolean(edge.directed));
  return types.map((type) => {
    const known = KNOWN_TYPES.indexOf(type.name);
    const index = known >= 0 ? known : 4;
    return { ...type, index, lineStyle: LINE_STYLES[index] || "solid" };
  });
}

function build({ large = false, idPrefix = "network" }) {
  const state = { large, prefix: idPrefix, checks: new Map(), cy: null, drawnKeys: "", typeNames: "" };
  state.typeBox = el("div", { class: "network-types" });
  state.region = el("select", {
    id: `${idPrefix}-region`,
    onchange: () => apply(state),
  });
  state.filters = el(
    "fieldset",
    { class: "network-filters" },
    el("legend", { text: t("network_filters") }),
    state.typeBox,
    el(
      "div",
      { class: "field network-region" },
      el("label", { for: state.region.id, text: t("region_filter") }),
      state.region,
    ),
  );
  state.legend = el("ul", { class: "network-legend", "aria-label": t("legend") });
  state.canvas = el("div", {
    class: "network-canvas",
    role: "img",
    "aria-label": t("network_label"),
  });
  state.fallback = el("p", { class: "notice", hidden: true, text: t("network_unavailable") });
  state.empty = el("p", { class: "muted network-empty", hidden: true, text: t("network_empty") });
  state.summary = el("p", { class: "network-summary muted", role: "status" });
  state.rows = el("tbody");
  const tableId = `${idPrefix}-relations`;
  state.table = el(
    "table",
    { class: "network-table submissions", id: tableId },
    el("caption", { text: t("relations_caption") }),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col", text: t("relation_from") }),
        el("th", { scope: "col", text: t("relation_type") }),
        el("th", { scope: "col", text: t("relation_to") }),
        el("th", { scope: "col", text: t("relation_regions") }),
        el("th", { scope: "col", text: t("relation_unclear") }),
      ),
    ),
    state.rows,
  );
  state.canvas.setAttribute("aria-describedby", tableId);
  // On the projector the table is for screen readers only; elsewhere it can be opened.
  const tableBox = large
    ? el("div", { class: "visually-hidden" }, state.table)
    : el(
        "details",
        { class: "network-table-box" },
        el("summary", { text: t("relations_table") }),
        el("div", { class: "table-scroll" }, state.table),
      );
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

function updateFilters(state) {
  const names = state.types.map((type) => type.name).join("\n");
  if (names !== state.typeNames) {
    state.typeNames = names;
    const before = new Map([...state.checks].map(([name, box]) => [name, box.checked]));
    state.checks.clear();
    state.typeBox.replaceChildren(
      ...state.types.map((type, i) => {
        const box = el("input", {
          type: "checkbox",
          id: `${state.prefix}-type-${i}`,
          checked: before.get(type.name) ?? true,
          onchange: () => apply(state),
        });
        state.checks.set(type.name, box);
        return el(
          "div",
          { class: "check" },
          box,
          el("label", { for: box.id }, lineSample(type), el("span", { text: typeLabel(type) })),
        );
      }),
    );
  }
  const regions = ["", ...state.regions];
  const current = state.region.value;
  const have = [...state.region.options].map((option) => option.value);
  if (have.join("\n") !== regions.join("\n")) {
    state.region.replaceChildren(
      ...regions.map((region) => el("option", { value: region, text: region || t("all_regions") })),
    );
    state.region.value = regions.includes(current) ? current : "";
  }
}

function typeLabel(type) {
  return type.directed ? t("relation_directed", { type: type.name }) : type.name;
}

// A short line in the type's colour and style (SVG attributes, no inline style).
function lineSample(type, { unclear = false } = {}) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", `line-sample rel-${type.index}${unclear ? " is-unclear" : ""}`);
  svg.setAttribute("viewBox", "0 0 36 12");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const line = document.createElementNS(svg.namespaceURI, "line");
  for (const [name, value] of Object.entries({ x1: 2, y1: 6, x2: type.directed ? 26 : 34, y2: 6 })) {
    line.setAttribute(name, String(value));
  }
  line.setAttribute("class", "line-sample-line");
  if (DASHES[type.lineStyle]) line.setAttribute("stroke-dasharray", DASHES[type.lineStyle]);
  if (unclear) {
    const halo = line.cloneNode();
    halo.setAttribute("class", "line-sample-halo");
    halo.removeAttribute("stroke-dasharray");
    svg.append(halo);
  }
  svg.append(line);
  if (type.directed) {
    const arrow = document.createElementNS(svg.namespaceURI, "polygon");
    arrow.setAttribute("points", "26,1 35,6 26,11");
    arrow.setAttribute("class", "line-sample-arrow");
    svg.append(arrow);
  }
  return svg;
}

function updateLegend(state) {
  const sample = { index: 0, directed: false, lineStyle: "solid" };
  state.legend.replaceChildren(
    // Elsewhere the filters' checkboxes show each type's line.
    ...(state.large
      ? state.types.map((type) => el("li", {}, lineSample(type), el("span", { text: typeLabel(type) })))
      : []),
    el("li", {}, el("span", { class: "legend-node", "aria-hidden": "true" }), el("span", { text: t("legend_nodes") })),
    el("li", {}, lineSample(sample), el("span", { text: t("legend_edges") })),
    el("li", {}, lineSample(sample, { unclear: true }), el("span", { text: t("legend_unclear") })),
  );
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

function edgeId(edge) {
  return `${edge.type}\u0001${edge.source}\u0001${edge.target}`;
}

function apply(state) {
  const view = visible(state);
  state.summary.textContent = `${plural("shown_actors", view.nodes.length)} · ${plural("shown_relations", view.edges.length)}`;
  state.empty.hidden = state.network.nodes.length > 0;
  renderTable(state, view);
  draw(state, view);
}

function renderTable(state, view) {
  const labels = new Map(state.network.nodes.map((node) => [node.key, node.label]));
  const byType = new Map(state.types.map((type) => [type.name, type]));
  const rows = view.edges.map((edge) => {
    const type = byType.get(edge.type) || { name: edge.type, directed: edge.directed, index: 4 };
    const unclearRegions = edge.unclear_regions || [];
    return el(
      "tr",
      { class: view.unclear(edge) ? "is-unclear" : "" },
      el("td", { text: labels.get(edge.source) || edge.source }),
      el("td", { text: edge.directed ? `${edge.type} →` : edge.type }),
      el("td", { text: labels.get(edge.target) || edge.target }),
      el("td", { text: `${edge.count} · ${(edge.regions || []).join(", ")}` }),
      el("td", { text: unclearRegions.length ? `${edge.unclear} · ${unclearRegions.join(", ")}` : "–" }),
    );
  });
  if (!rows.length) {
    rows.push(el("tr", {}, el("td", { colspan: 5, class: "muted", text: t("no_relations") })));
  }
  state.rows.replaceChildren(...rows);
}

function cssVar(node, name, fallback) {
  return getComputedStyle(node).getPropertyValue(name).trim() || fallback;
}

function stylesheet(state) {
  const root = state.section;
  const colour = (i) => cssVar(root, `--rel-${i}`, "#0b5d7a");
  const maxNode = Math.max(2, ...state.network.nodes.map((node) => node.count || 1));
  const maxEdge = Math.max(2, ...state.network.edges.map((edge) => edge.count || 1));
  const big = state.large;
  const styles = [
    {
      selector: "node",
      style: {
        "background-color": cssVar(root, "--net-node", "#0b5d7a"),
        "border-color": cssVar(root, "--net-node-border", "#ffffff"),
        "border-width": 2,
        width: `mapData(count, 1, ${maxNode}, ${big ? 26 : 18}, ${big ? 80 : 56})`,
        height: `mapData(count, 1, ${maxNode}, ${big ? 26 : 18}, ${big ? 80 : 56})`,
        label: "data(label)",
        color: cssVar(root, "--net-text", "#1b1f24"),
        "font-family": FONT,
        "font-size": big ? 22 : 13,
        "font-weight": 700,
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "wrap",
        "text-max-width": big ? 200 : 130,
        "text-outline-color": cssVar(root, "--net-bg", "#ffffff"),
        "text-outline-width": big ? 4 : 3,
      },
    },
    {
      selector: "edge",
      style: {
        width: `mapData(count, 1, ${maxEdge}, ${big ? 3 : 2}, ${big ? 14 : 9})`,
        "curve-style": "bezier",
        "line-color": colour(4),
        "target-arrow-color": colour(4),
        "arrow-scale": big ? 1.4 : 1.1,
        opacity: 0.9,
      },
    },
  ];
  for (const type of state.types) {
    styles.push({
      selector: `edge[ti = ${type.index}]`,
      style: { "line-color": colour(type.index), "target-arrow-color": colour(type.index), "line-style": type.lineStyle },
    });
  }
  styles.push(
    { selector: "edge[?directed]", style: { "target-arrow-shape": "triangle" } },
    {
      selector: "edge.unclear",
      style: {
        "underlay-color": cssVar(root, "--net-unclear", "#c62828"),
        "underlay-opacity": 0.55,
        "underlay-padding": big ? 7 : 5,
        label: "?",
        color: cssVar(root, "--net-unclear-text", "#c62828"),
        "font-size": big ? 30 : 18,
        "font-weight": 800,
        "text-outline-color": cssVar(root, "--net-bg", "#ffffff"),
        "text-outline-width": 3,
      },
    },
    { selector: ".filtered", style: { display: "none" } },
  );
  return styles;
}

async function draw(state, view) {
  let cytoscape;
  try {
    cytoscape = await loadCytoscape();
  } catch {
    state.fallback.hidden = false;
    state.canvas.hidden = true;
    return;
  }
  const typeIndex = new Map(state.types.map((type) => [type.name, type.index]));
  if (!state.cy) {
    state.cy = cytoscape({
      container: state.canvas,
      elements: [],
      style: [],
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autounselectify: true,
    });
  }
  const cy = state.cy;
  // Nodes and edges as the data has them now; added, removed or updated in place
  // so the picture does not jump about with every new answer.
  const nodes = state.network.nodes;
  const edges = state.network.edges.filter((edge) => edge.source !== edge.target);
  const wantedNodes = new Set(nodes.map((node) => node.key));
  const wantedEdges = new Set(edges.map(edgeId));
  const shownNodes = new Set(view.nodes.map((node) => node.key));
  const shownEdges = new Set(view.edges.map(edgeId));
  const added = [];
  cy.batch(() => {
    cy.elements().forEach((element) => {
      const keep = element.isNode() ? wantedNodes.has(element.id()) : wantedEdges.has(element.id());
      if (!keep) cy.remove(element);
    });
    nodes.forEach((node) => {
      const data = { id: node.key, label: node.label, count: node.count || 1 };
      const found = cy.getElementById(node.key);
      if (found.nonempty()) found.data(data);
      else added.push(cy.add({ group: "nodes", data }));
    });
    edges.forEach((edge) => {
      if (!wantedNodes.has(edge.source) || !wantedNodes.has(edge.target)) return;
      const id = edgeId(edge);
      const data = {
        id,
        source: edge.source,
        target: edge.target,
        count: edge.count || 1,
        directed: Boolean(edge.directed),
        ti: typeIndex.get(edge.type) ?? 4,
      };
      const found = cy.getElementById(id);
      if (found.nonempty()) found.data({ count: data.count, directed: data.directed, ti: data.ti });
      else cy.add({ group: "edges", data });
    });
    cy.nodes().forEach((node) => node.toggleClass("filtered", !shownNodes.has(node.id())));
    const unclearById = new Map(view.edges.map((edge) => [edgeId(edge), view.unclear(edge)]));
    cy.edges().forEach((edge) => {
      edge.toggleClass("filtered", !shownEdges.has(edge.id()));
      edge.toggleClass("unclear", Boolean(unclearById.get(edge.id())));
    });
  });
  cy.style(stylesheet(state));
  const keys = [...wantedNodes].sort().join("\n") + "|" + [...wantedEdges].sort().join("\n");
  if (keys !== state.drawnKeys) {
    state.drawnKeys = keys;
    layOut(state, added);
  } else {
    fit(state);
  }
}

// New actors start on a circle (by their place in the ranking, so the same data
// gives the same picture), then a force layout settles everything and spreads
// it over the canvas: circles and labels are sized for the canvas, on screen.
function layOut(state, added = []) {
  const cy = state.cy;
  if (cy.nodes().empty() || !cy.width() || !cy.height()) return;
  const frame = framing(state);
  sizeOnScreen(state, 1);
  const all = cy.nodes();
  const radius = frame.base / 3;
  added.forEach((node) => {
    const i = all.indexOf(node);
    const angle = (2 * Math.PI * i) / all.length;
    node.position({ x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  cy.layout({
    name: "cose",
    animate: false,
    randomize: false,
    fit: false,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => frame.base * 0.3,
    nodeRepulsion: () => frame.base * frame.base * 0.08,
    gravity: 0.8,
    numIter: 1500,
    boundingBox: { x1: 0, y1: 0, w: frame.w, h: frame.h },
  }).run();
  state.laidOutFor = `${cy.width()}x${cy.height()}`;
  fit(state);
}

// The canvas less a margin for circles and labels, and the size all sizes follow.
function framing(state) {
  const cy = state.cy;
  const base = Math.max(200, Math.min(cy.width(), cy.height() * 1.4));
  const padX = Math.min(cy.width() / 4, base * 0.2);
  const padTop = base * 0.08;
  const padBottom = base * 0.2;
  return {
    base,
    padX,
    padTop,
    padBottom,
    w: Math.max(1, cy.width() - 2 * padX),
    h: Math.max(1, cy.height() - padTop - padBottom),
  };
}

// Fits the centres of the shown circles into the canvas, less the margin for
// circles and labels, which keep their size on screen (fitting them too would
// shrink the picture at every call).
function fit(state) {
  const cy = state.cy;
  if (cy.nodes().empty() || !cy.width() || !cy.height()) return;
  const size = `${cy.width()}x${cy.height()}`;
  // A canvas much changed in size (a projector window resized): lay out anew.
  if (state.laidOutFor && state.laidOutFor !== size && changedMuch(state.laidOutFor, size)) {
    layOut(state);
    return;
  }
  const frame = framing(state);
  const shown = cy.nodes().not(".filtered");
  const nodes = shown.nonempty() ? shown : cy.nodes();
  const xs = nodes.map((node) => node.position("x"));
  const ys = nodes.map((node) => node.position("y"));
  const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const zoom = Math.min(1.5, frame.w / Math.max(1, x2 - x1), frame.h / Math.max(1, y2 - y1));
  cy.viewport({
    zoom,
    pan: {
      x: cy.width() / 2 - (zoom * (x1 + x2)) / 2,
      y: frame.padTop + frame.h / 2 - (zoom * (y1 + y2)) / 2,
    },
  });
  sizeOnScreen(state, zoom);
}

function changedMuch(before, now) {
  const [w1, h1] = before.split("x").map(Number);
  const [w2, h2] = now.split("x").map(Number);
  return Math.abs(w2 - w1) > 0.2 * w1 || Math.abs(h2 - h1) > 0.2 * h1;
}

// Sizes on screen, whatever the zoom, in proportion to the canvas: circles by
// the regions naming the actor, lines by the regions naming the relation.
function sizeOnScreen(state, zoom) {
  const cy = state.cy;
  const { base } = framing(state);
  const scale = 1 / zoom;
  const maxNode = Math.max(2, ...cy.nodes().map((node) => node.data("count")));
  const maxEdge = Math.max(2, ...cy.edges().map((edge) => edge.data("count")));
  const between = (low, high, value, max) => low + ((high - low) * (Math.min(value, max) - 1)) / (max - 1);
  const font = Math.min(state.large ? 30 : 16, Math.max(12, base * (state.large ? 0.04 : 0.032)));
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const size = between(base * 0.045, base * 0.13, node.data("count"), maxNode) * scale;
      node.style({
        width: size,
        height: size,
        "border-width": 2 * scale,
        "font-size": font * scale,
        "text-max-width": base * 0.3 * scale,
        "text-outline-width": 3 * scale,
        "text-margin-y": 3 * scale,
      });
    });
    cy.edges().forEach((edge) => {
      edge.style({
        width: between(base * 0.006, base * 0.025, edge.data("count"), maxEdge) * scale,
        "font-size": font * 1.4 * scale,
        "underlay-padding": base * 0.012 * scale,
        "text-outline-width": 3 * scale,
      });
    });
  });
}
