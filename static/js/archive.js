// The archive is complete without scripts for roles (bars written by the
// server); this adds their word clouds and draws the homework kinds' outcomes
// (network, matrix, mellanrum; "Andras ögon"), each from its frozen results.
import { readJson } from "./dom.js";
import { renderResults } from "./results_kind.js";

for (const node of document.querySelectorAll("[data-results]")) {
  const frozen = readJson(node.dataset.results);
  if (!frozen?.results) continue;
  renderResults(node, frozen.kind, frozen.results, {
    config: frozen.config || {},
    idPrefix: node.dataset.results,
  });
}
