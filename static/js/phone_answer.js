// The answer form of every kind a phone answers, behind one interface, so
// phone.js keeps one lifecycle (draft, outbox, status, lock) for all of them:
//
//   widget = answerWidget(activity, {onChange(answer)})   (null: not answered here)
//   widget.node, widget.answer(), widget.setAnswer(answer), widget.setEditable(bool)
//   widget.same(a, b): the same answer as the server would count it
//   widget.filled(answer): something to send
import { choiceWidget } from "./phone_choice.js";
import { rolesWidget, sameRoles } from "./phone_roles.js";
import { scaleWidget } from "./phone_scale.js";
import { textWidget } from "./phone_text.js";

function rolesAnswer(activity, { onChange }) {
  const widget = rolesWidget(activity, { onChange: (roles) => onChange({ roles }) });
  return {
    node: widget.node,
    answer: () => ({ roles: widget.roles() }),
    setAnswer: (answer) => widget.setRoles(answer?.roles || []),
    setEditable: (editable) => widget.setEditable(editable),
    same: (a, b) => sameRoles(a?.roles, b?.roles),
    filled: (answer) => Boolean(answer?.roles?.length),
  };
}

const WIDGETS = { roles: rolesAnswer, choice: choiceWidget, scale: scaleWidget, text: textWidget };

export function answerWidget(activity, options) {
  const make = WIDGETS[activity.kind];
  return make ? make(activity, options) : null;
}

// A draft kept by an older page held {roles} where it now holds {answer}.
export function draftAnswer(draft) {
  if (!draft) return null;
  return draft.answer ?? (draft.roles ? { roles: draft.roles } : null);
}

export function answerable(kind) {
  return Object.hasOwn(WIDGETS, kind);
}
