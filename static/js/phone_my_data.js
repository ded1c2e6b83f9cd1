// "My data" (docs/privacy.md): what the server stores about this phone's
// participant, asked with its token (GET /api/sessions/<code>/my-data), and
// erasing it after the participant confirms (DELETE on the same address).
import { byId, csrfToken, el, show } from "./dom.js";
import { formatTime, t } from "./i18n.js";

// A stored answer as one line of text: its words, numbers and lists joined.
function answerText(value) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(answerText).filter(Boolean).join(", ");
  if (typeof value === "object") {
    return Object.values(value).map(answerText).filter(Boolean).join(" · ");
  }
  return String(value);
}

export function setUpMyData(code, store, onErased) {
  const box = byId("my-data");
  if (!box) return { refresh() {} };
  const openButton = byId("my-data-open");
  const panel = byId("my-data-panel");
  const status = byId("my-data-status");
  const list = byId("my-data-list");
  const erase = byId("my-data-erase");
  const confirmBox = byId("my-data-confirm");
  const address = `/api/sessions/${encodeURIComponent(code)}/my-data`;

  function say(message) {
    status.textContent = message;
  }

  function entry(item) {
    const note = item.anonymous ? ` (${t("my_data_anonymous")})` : "";
    return el(
      "li",
      {},
      el("strong", { text: item.prompt + note }),
      el("br"),
      el("span", { text: answerText(item.answer) }),
      el("span", { class: "muted", text: ` · ${formatTime(item.updated_at)}` }),
    );
  }

  function draw(reply) {
    const who = reply.participant;
    const rows = [
      [t("my_data_name"), who.anonymous ? t("my_data_no_name") : who.name],
      [t("my_data_organisation"), who.organisation || "–"],
    ];
    list.replaceChildren(
      el("dl", {}, rows.flatMap(([label, value]) => [el("dt", { text: label }), el("dd", { text: value })])),
      el("h3", { text: t("my_data_answers") }),
      reply.answers.length
        ? el("ul", {}, reply.answers.map(entry))
        : el("p", { class: "muted", text: t("my_data_no_answers") }),
      reply.drafts.length ? el("h3", { text: t("my_data_drafts") }) : null,
      reply.drafts.length ? el("ul", {}, reply.drafts.map(entry)) : null,
    );
    show(erase, true);
  }

  async function load() {
    const token = store.token();
    if (!token) return;
    show(panel, true);
    say(t("my_data_loading"));
    try {
      const response = await fetch(address, {
        headers: { "X-Participant-Token": token },
        cache: "no-store",
      });
      const reply = await response.json().catch(() => null);
      if (!response.ok || !reply?.ok) return say(reply?.message || t("my_data_failed"));
      say("");
      draw(reply);
    } catch {
      say(t("my_data_failed"));
    }
  }

  async function eraseAll() {
    const token = store.token();
    if (!token) return;
    say(t("my_data_erasing"));
    try {
      const response = await fetch(address, {
        method: "DELETE",
        headers: { "X-Participant-Token": token, "X-CSRFToken": csrfToken() },
      });
      const reply = await response.json().catch(() => null);
      if (!response.ok || !reply?.ok) return say(reply?.message || t("my_data_failed"));
    } catch {
      return say(t("my_data_failed"));
    }
    show(confirmBox, false);
    show(erase, false);
    list.replaceChildren();
    say(t("my_data_erased"));
    onErased();
  }

  openButton.addEventListener("click", load);
  erase.addEventListener("click", () => {
    show(confirmBox, true);
    byId("my-data-yes").focus();
  });
  byId("my-data-no").addEventListener("click", () => {
    show(confirmBox, false);
    erase.focus();
  });
  byId("my-data-yes").addEventListener("click", eraseAll);

  // Shown once the phone holds a token: before joining there is nothing stored.
  return {
    refresh() {
      show(box, Boolean(store.token()));
    },
  };
}
