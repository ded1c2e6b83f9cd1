// Strings come translated from the page's <script type="application/json" id="i18n">;
// placeholders look like {name} because Jinja's gettext treats % specially.
import { readJson } from "./dom.js";

const strings = readJson("i18n") || {};

export function t(key, params = {}) {
  const text = strings[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) =>
    name in params ? String(params[name]) : match,
  );
}

export function lang() {
  return document.documentElement.lang || "sv";
}

export function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleTimeString(lang(), { hour: "2-digit", minute: "2-digit" });
}

// "1 answer" / "3 answers": the page gives key and key_one.
export function countText(key, count) {
  return count === 1 && `${key}_one` in strings ? t(`${key}_one`, { count }) : t(key, { count });
}
