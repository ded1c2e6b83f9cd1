// The personal continue-link of the homework page: the participant's token in
// the address's fragment, to carry on later or on another device.
import { byId } from "./dom.js";
import { t } from "./i18n.js";

// A continue-link carries the token in the fragment: keep it, then take it out
// of the address bar (and so out of history and shared screenshots).
export function takeContinueToken(store) {
  const match = /^#continue=([^&]+)/.exec(location.hash);
  if (!match) return;
  let token = match[1];
  try {
    token = decodeURIComponent(token);
  } catch {
    // Not percent-encoded: the token as it is.
  }
  if (token !== store.token()) {
    // Someone else's hand-in waiting here must not go out under this token.
    store.clearOutbox();
    store.saveToken(token);
  }
  history.replaceState(history.state, "", location.pathname + location.search);
}

function continueLink(store) {
  return `${location.origin}${location.pathname}#continue=${encodeURIComponent(store.token())}`;
}

export function renderContinue(store, visible) {
  const box = byId("continue-box");
  box.hidden = !visible || !store.token();
  const input = byId("continue-link");
  // Only when it changed: rewriting it would drop a selection made to copy it.
  if (!box.hidden && input.value !== continueLink(store)) input.value = continueLink(store);
}

export function setUpCopyLink() {
  byId("copy-link").addEventListener("click", async () => {
    const input = byId("continue-link");
    const said = byId("copy-status");
    try {
      await navigator.clipboard.writeText(input.value);
      said.textContent = t("copied");
    } catch {
      // No clipboard (an http page, an old browser): select it for copying by hand.
      input.focus();
      input.select();
      input.setSelectionRange(0, input.value.length);
      said.textContent = t("copy_by_hand");
    }
  });
}
