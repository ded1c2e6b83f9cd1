// Where the actor network's circles go and how large they and the lines are:
// laid out to fill the canvas, fitted into it, and sized on screen whatever
// the zoom. Works on state.cy, set up by results_network_draw.js.

// New actors start on a circle (by their place in the ranking, so the same data
// gives the same picture), then a force layout settles everything and spreads
// it over the canvas: circles and labels are sized for the canvas, on screen.
export function layOut(state, added = []) {
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
export function fit(state) {
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
