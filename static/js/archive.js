// The archive is complete without scripts; this only adds the word clouds.
import { readJson } from "./dom.js";
import { renderCloud } from "./results.js";

for (const svg of document.querySelectorAll("svg.cloud[data-words]")) {
  const words = readJson(svg.dataset.words) || [];
  const box = svg.getBoundingClientRect();
  renderCloud(svg, words, {
    width: Math.round(box.width),
    height: Math.round(box.height),
    minSize: 14,
    maxSize: Math.max(32, box.height / 5),
  });
}
