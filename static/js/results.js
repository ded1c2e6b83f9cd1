// Results of a roles activity, drawn the same way on every page: ranked bars
// (the accessible reading) and a word cloud (d3-cloud, loaded as a classic script).
import { el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const CLOUD_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

// A bar as an SVG rect: its width is an attribute, which a strict CSP allows
// where a style attribute would not be.
export function barGraphic(share) {
  const svg = svgEl("svg", {
    class: "bar",
    viewBox: "0 0 100 10",
    preserveAspectRatio: "none",
    "aria-hidden": "true",
    focusable: "false",
  });
  svg.append(svgEl("rect", { class: "bar-track", width: 100, height: 10 }));
  svg.append(svgEl("rect", { class: "bar-fill", width: Math.max(1, share * 100).toFixed(2), height: 10 }));
  return svg;
}

// Fills an <ol> with the top words, ranked as the server ranked them.
export function renderBars(list, words, { limit = 10 } = {}) {
  const top = (words || []).slice(0, limit);
  const max = Math.max(1, ...top.map((w) => w.count));
  list.replaceChildren(
    ...top.map((w) =>
      el(
        "li",
        { class: "bar-row", dataset: { key: w.key ?? w.word } },
        el("span", { class: "bar-word", text: w.word }),
        barGraphic(w.count / max),
        el("span", { class: "bar-count", text: String(w.count) }),
      ),
    ),
  );
}

// The same arguments always give the same layout, so a cloud does not jump
// about when it is redrawn with unchanged words.
function seededRandom(seed = 7) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const running = new WeakMap();
const drawn = new WeakMap();

// Lays the words out into an <svg>; does nothing when d3-cloud is missing or
// the words and size are unchanged since the last drawing.
export function renderCloud(svg, words, { width, height, limit = 40, minSize = 14, maxSize = 80 } = {}) {
  const layoutCloud = window.d3?.layout?.cloud;
  if (!layoutCloud || !width || !height) return;
  const top = (words || []).slice(0, limit);
  const signature = JSON.stringify([width, height, top.map((w) => [w.word, w.count])]);
  if (drawn.get(svg) === signature) return;
  drawn.set(svg, signature);
  layOut(svg, top, { layoutCloud, width, height, minSize, maxSize, attempt: 0 });
}

// d3-cloud drops a word that does not fit; the top words must never be the
// ones dropped, so shrink everything and try again a few times.
function layOut(svg, top, options) {
  const { layoutCloud, width, height, minSize, maxSize, attempt } = options;
  running.get(svg)?.stop();
  const max = Math.max(1, ...top.map((w) => w.count));
  const shrink = 0.85 ** attempt;
  // A bold letter is about 0.62 em wide: a long word is made smaller rather
  // than wider than the cloud.
  const sizeOf = (w) =>
    Math.min(minSize + (maxSize - minSize) * Math.sqrt(w.count / max), (0.95 * width) / (0.62 * w.word.length));
  const layout = layoutCloud()
    .size([width, height])
    .words(
      top.map((w, rank) => ({
        text: w.word,
        size: shrink * sizeOf(w),
        rank,
      })),
    )
    .padding(4)
    .rotate(0)
    .font(CLOUD_FONT)
    .fontWeight("700")
    .fontSize((d) => d.size)
    .random(seededRandom())
    .on("end", (placed) => {
      if (running.get(svg) !== layout) return;
      if (placed.length < top.length && attempt < 5) {
        layOut(svg, top, { ...options, attempt: attempt + 1 });
      } else {
        drawWords(svg, placed, width, height);
      }
    });
  running.set(svg, layout);
  layout.start();
}

function drawWords(svg, placed, width, height) {
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const group = svgEl("g", { transform: `translate(${width / 2},${height / 2})` });
  for (const word of placed) {
    const text = svgEl("text", {
      class: `cloud-word cloud-c${word.rank % 5}`,
      "text-anchor": "middle",
      "font-size": Math.round(word.size),
      "font-weight": "700",
      "font-family": CLOUD_FONT,
      transform: `translate(${word.x},${word.y}) rotate(${word.rotate})`,
    });
    text.textContent = word.text;
    group.append(text);
  }
  svg.replaceChildren(group);
}

export function clearCloud(svg) {
  running.get(svg)?.stop();
  running.delete(svg);
  drawn.delete(svg);
  svg.replaceChildren();
}
