// Drawing the actor network with cytoscape, loaded from /vendor when first
// needed: the elements are kept in step with the data (added, removed or
// updated in place), styled from the page's CSS variables, and hidden by the
// filters rather than removed. Positions and sizes: results_network_layout.js.
import { fit, layOut } from "./results_network_layout.js";

const CYTOSCAPE = "/vendor/cytoscape.esm.min.js";
const FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif";

let loading = null;

function loadCytoscape() {
  loading ??= import(CYTOSCAPE).then((module) => module.default);
  return loading;
}

function edgeId(edge) {
  return `${edge.type}\u0001${edge.source}\u0001${edge.target}`;
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

// Cytoscape adds a <style> element to the page unless one with this id exists;
// the Content-Security-Policy refuses inline styles, so a placeholder stands in
// and its one rule is in results_homework.css (.__________cytoscape_container).
const CYTOSCAPE_STYLESHEET = "__________cytoscape_stylesheet";

function keepCytoscapeFromAddingStyle() {
  if (document.getElementById(CYTOSCAPE_STYLESHEET)) return;
  const placeholder = document.createElement("meta");
  placeholder.id = CYTOSCAPE_STYLESHEET;
  document.head.append(placeholder);
}

// Draws what state.network holds, hiding what the filters leave out (view: see
// visible in results_network.js). Without cytoscape, a notice says so.
export async function draw(state, view) {
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
    keepCytoscapeFromAddingStyle();
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
