// The actor network's relation types, its filters (a checkbox per type, a
// region select) and its legend. Each type has a colour (--rel-N in
// results_homework.css) and a line style, shown by a short line sample.
import { el } from "./dom.js";
import { t } from "./i18n.js";

// The catalogue's types in their usual order: each has its colour and line
// style; finansiering and uppdrag have a direction.
const KNOWN_TYPES = ["samverkan", "finansiering", "uppdrag", "kunskapsutbyte"];
const KNOWN_DIRECTED = new Set(["finansiering", "uppdrag"]);
const LINE_STYLES = ["solid", "solid", "dashed", "dotted"];
const DASHES = { solid: null, dashed: "6 4", dotted: "1.5 3.5" };

// The configured types first, then any other type the relations use.
export function relationTypes(configured, edges) {
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

// Sets state.typeBox, state.region and state.filters (the fieldset); a change
// calls state.onFilter.
export function buildFilters(state) {
  state.typeBox = el("div", { class: "network-types" });
  state.region = el("select", {
    id: `${state.prefix}-region`,
    onchange: () => state.onFilter(),
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
}

export function updateFilters(state) {
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
          onchange: () => state.onFilter(),
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

export function updateLegend(state) {
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
