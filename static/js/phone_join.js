// The phone's join form: POST /api/join, then hand the token over.
import { byId, csrfToken } from "./dom.js";
import { t } from "./i18n.js";

export function setUpJoin(page, onJoined) {
  const form = byId("join-form");
  const error = byId("join-error");
  const name = byId("join-name");
  const anonymous = byId("join-anonymous"); // only when the session allows it

  function showError(message) {
    error.textContent = message || "";
    error.hidden = !message;
  }

  const quoteByName = byId("join-quote-by-name");

  anonymous?.addEventListener("change", () => {
    name.disabled = anonymous.checked;
    // An anonymous participant is never named under a quote.
    quoteByName.disabled = anonymous.checked;
    if (anonymous.checked) quoteByName.checked = false;
    byId("join-name-field").classList.toggle("is-disabled", anonymous.checked);
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    showError("");
    try {
      const response = await fetch("/api/join", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        body: JSON.stringify({
          code: page.code,
          name: name.value,
          organisation: byId("join-organisation").value,
          anonymous: Boolean(anonymous?.checked),
          quote_by_name: quoteByName.checked,
        }),
      });
      const reply = await response.json().catch(() => null);
      if (response.ok && reply?.ok) {
        form.reset();
        name.disabled = false;
        onJoined(reply.token);
      } else {
        showError(reply?.message || t("join_failed"));
        (reply?.error === "required" || reply?.error === "too_long" ? name : button).focus();
      }
    } catch {
      showError(t("join_failed"));
    } finally {
      button.disabled = false;
    }
  });

  return { showError };
}
