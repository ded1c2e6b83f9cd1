// The answer form of every kind a phone answers, behind one interface, so
// phone.js keeps one lifecycle (draft, outbox, status, lock) for all of them:
//
//   widget = answerWidget(activity, {onChange(answer), participant})   (null: not answered here)
//   (participant: the sync's {name, organisation, ...}, for the kinds that ask whose it is)
//   widget.node, widget.answer(), widget.setAnswer(answer), widget.setEditable(bool)
//   widget.same(a, b): the same answer as the server would count it
//   widget.filled(answer): something to send
//   widget.setActivity?(activity): the activity changed but is the same one (a
//   lessons board switching to voting)
import { choiceWidget } from "./phone_choice.js";
import { lessonsWidget } from "./phone_lessons.js";
import { nextStepsWidget } from "./phone_next_steps.js";
import { rolesWidget, sameRoles } from "./phone_roles.js";
import { scaleWidget } from "./phone_scale.js";
import { statusCheckWidget } from "./phone_status_check.js";
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

const WIDGETS = {
  roles: rolesAnswer,
  choice: choiceWidget,
  scale: scaleWidget,
  text: textWidget,
  lessons: lessonsWidget,
  next_steps: nextStepsWidget,
  status_check: statusCheckWidget,
};

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
