// The phone preview of a programme item: the phone's own answer forms
// (phone_answer.js), built from the settings a session would start with.
// No socket, and the send button stays disabled: nothing is sent.
import { byId, el, readJson } from "./dom.js";
import { t } from "./i18n.js";
import { answerWidget } from "./phone_answer.js";

const item = readJson("preview-data");
const body = byId("preview-body");
const activity = { id: 0, kind: item.kind, prompt: item.prompt, config: item.config, state: "open" };
const widget = item.config ? answerWidget(activity, { onChange: () => {} }) : null;

if (widget) {
  widget.setAnswer(null);
  widget.setEditable(true);
  body.replaceChildren(widget.node);
  byId("preview-send").hidden = false;
} else if (item.config) {
  body.replaceChildren(el("p", { class: "muted", text: t(item.homework ? "homework_preview" : "unsupported") }));
}
