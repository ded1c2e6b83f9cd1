// The actor network's relations as a table: what a screen reader reads for the
// drawing (the canvas points at it), and what anyone can open to read.
import { el } from "./dom.js";
import { t } from "./i18n.js";

// Sets state.rows and state.table; returns the box to place under the drawing.
export function buildTable(state) {
  state.rows = el("tbody");
  const tableId = `${state.prefix}-relations`;
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
  return state.large
    ? el("div", { class: "visually-hidden" }, state.table)
    : el(
        "details",
        { class: "network-table-box" },
        el("summary", { text: t("relations_table") }),
        el("div", { class: "table-scroll" }, state.table),
      );
}

// The relations the filters let through (view: see visible in results_network.js).
export function renderTable(state, view) {
  const labels = new Map(state.network.nodes.map((node) => [node.key, node.label]));
  const rows = view.edges.map((edge) => {
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
