"""The report as Markdown (CommonMark): deterministic, every piece of user text
escaped, so a participant's "# hej" or "*x*" stays literal."""

import re

from .report import (
    ANSWERS,
    BY,
    DOTS,
    HEADINGS,
    MEAN,
    RUNNING,
    ActivityPart,
    MeetingPart,
    Msg,
    Report,
    StepsPart,
    Words,
)
from .report_blocks import Bars, Block, Columns, Facts, Items, Network, Scale

# Inline punctuation CommonMark may read as markup anywhere in a line.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
# What starts a block at a line's start: a list, a heading underline, a quote.
_LEADING = re.compile(r"^(\s*\d*)([-+=.)])")


def escape(text: str) -> str:
    """``text`` as literal Markdown, on one line."""
    flat = " ".join(str(text).split())
    escaped = _SPECIAL.sub(r"\\\1", flat)
    return _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _bar_line(label: str, count: int, note: str) -> str:
    line = f"- {escape(label)}: {count}"
    return f"{line} ({escape(note)})" if note else line


def _block(block: Block, words: Words) -> list[str]:
    rows: list[str] = []
    if isinstance(block, Facts):
        rows = [f"- {escape(words(k))}: {escape(v) or '–'}" for k, v in block.pairs]
        if not block.caption:
            return rows
    elif isinstance(block, Bars | Scale):
        rows = [_bar_line(r.label, r.count, r.note) for r in block.rows]
    elif isinstance(block, Items):
        rows = [f"- {escape(item)}" for item in block.items]
    elif isinstance(block, Columns):
        rows = [
            f"- {escape(step)}: "
            + " → ".join("–" if c[i] is None else str(c[i]) for _, c in block.series)
            for i, step in enumerate(block.steps)
        ]
    elif isinstance(block, Network):
        rows = [_bar_line(n.label, n.count, "") for n in block.nodes]
        rows += [
            f"- {escape(e.source)} – {escape(e.target)}: {escape(e.relation)}, "
            f"{e.count}" + (" (?)" if e.unclear else "")
            for e in block.edges
        ]
    if not rows:
        return []
    lines = [f"**{escape(words(block.caption))}**", "", *rows]
    if isinstance(block, Scale) and block.mean is not None:
        mean = words(Msg(MEAN, {"mean": block.mean, "median": block.median}))
        lines += ["", escape(mean)]
    return lines


def _blocks(blocks: tuple[Block, ...], words: Words) -> list[str]:
    out: list[str] = []
    for block in blocks:
        drawn = _block(block, words)
        if drawn:
            out += [*drawn, ""]
    return out


def _activity(act: ActivityPart, words: Words) -> list[str]:
    lines = [f"#### {escape(act.prompt)}", ""]
    if not act.run:
        return [
            *lines,
            f"*{escape(words(act.kind_label))}*: {words(HEADINGS['not_run'])}",
            "",
        ]
    count = words(Msg(ANSWERS, {"num": act.answer_count}))
    lines += [f"*{escape(words(act.kind_label))}* · {escape(count)}", ""]
    drawn = _blocks(act.blocks, words)
    return lines + (drawn or [escape(words(HEADINGS["no_answers"])), ""])


def _meeting(meeting: MeetingPart, words: Words) -> list[str]:
    lines = [f"### {escape(meeting.title)}", ""]
    facts = [words.date(meeting.held_on)] if meeting.held_on else []
    facts += [meeting.place] if meeting.place else []
    if facts:
        lines += [" · ".join(escape(f) for f in facts), ""]
    if meeting.running:
        lines += [f"*{escape(words(Msg(RUNNING, {'num': meeting.running})))}*", ""]
    if not meeting.sessions:
        lines += [f"*{escape(words(HEADINGS['no_session']))}*", ""]
    for session in meeting.sessions:
        label = words(HEADINGS["homework" if session.homework else "session"])
        span = words.date(session.started_on)
        if session.ended_on and session.ended_on != session.started_on:
            span += " – " + words.date(session.ended_on)
        lines += [f"**{escape(label)}**, {escape(span)}", ""]
        for act in session.activities:
            lines += _activity(act, words)
    return lines


def _steps(part: StepsPart, words: Words) -> list[str]:
    title = words(HEADINGS["status"]) if part.checked else part.prompt
    lines = [f"### {escape(part.meeting)}: {escape(title)}", ""]
    for s in part.steps:
        by = words(Msg(BY, {"date": words.day(s.by)}))
        line = f"- {escape(s.what)} — {escape(s.organisation)}, {escape(by)}"
        lines.append(f"{line}: {escape(words(s.status))}" if s.status else line)
    return [*lines, ""]


def render(report: Report, words: Words | None = None) -> str:
    """The whole report; the same report and words always give the same text."""
    words = words or Words()
    lines = [f"# {escape(report.title)}", ""]
    if report.description:
        lines += [escape(report.description), ""]
    if report.organisations:
        members = ", ".join(escape(o) for o in report.organisations)
        lines += [f"**{escape(words(HEADINGS['members']))}:** {members}", ""]
    lines += [f"## {escape(words(HEADINGS['meetings']))}", ""]
    for meeting in report.meetings:
        lines += _meeting(meeting, words)
    if report.comparisons:
        lines += [f"## {escape(words(HEADINGS['comparisons']))}", ""]
        for comparison in report.comparisons:
            lines += [f"### {escape(comparison.prompt)}", ""]
            lines += [" → ".join(escape(r) for r in comparison.runs), ""]
            lines += _blocks(comparison.blocks, words)
    if report.lessons:
        lines += [f"## {escape(words(HEADINGS['lessons']))}", ""]
        for part in report.lessons:
            lines += [f"### {escape(part.meeting)}: {escape(part.prompt)}", ""]
            for theme in part.themes:
                dots = words(Msg(DOTS, {"num": theme.votes}))
                lines += [f"#### {escape(theme.name)} · {escape(dots)}", ""]
                lines += [f"- {escape(t)}" for t in theme.lessons] + [""]
            if part.unplaced:
                lines += [f"#### {escape(words(HEADINGS['unplaced']))}", ""]
                lines += [f"- {escape(t)}" for t in part.unplaced] + [""]
    if report.steps:
        lines += [f"## {escape(words(HEADINGS['steps']))}", ""]
        for part in report.steps:
            lines += _steps(part, words)
    if report.quotes:
        lines += [f"## {escape(words(HEADINGS['quotes']))}", ""]
        for quote in report.quotes:
            lines += [f"> {escape(quote.text)}", ">"]
            lines += [f"> — {escape(quote.signed)}, {escape(quote.meeting)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
