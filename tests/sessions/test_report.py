"""The report's document model and its Markdown, on a small hand-built project:
only ended sessions, frozen outcomes as given, user text kept literal."""

from datetime import date

from sessions import report, report_blocks, report_markdown
from sessions.kinds import get_kind
from sessions.report import (
    ActivityData,
    MeetingData,
    ProjectData,
    QuoteData,
    SessionData,
)
from sessions.submission import Submission

ROLES = {
    "answers": 2,
    "words": [
        {"key": "samordnare", "word": "# hej", "count": 2, "merged": ["samordning"]},
        {"key": "x", "word": "*x*", "count": 1, "merged": []},
    ],
}
TEXTS = {
    "answers": 1,
    "texts": [
        {"submission_id": 1, "text": "1. [länk](http://x) <b>", "organisation": ""}
    ],
    "words": [],
}
LESSONS = {
    "answers": 1,
    "themes": [
        {
            "key": "t1",
            "name": "Mod",
            "votes": 3,
            "merged": [],
            "lessons": [{"text": "Våga leda"}],
        },
        {"key": "t2", "name": "Tom", "votes": 0, "merged": [], "lessons": []},
    ],
    "unplaced": [{"text": "- lös"}],
}
STEPS = {
    "answers": 1,
    "commitments": [
        {"key": "1.0", "what": "Ring", "organisation": "Vinnova", "by": "2017-05-01"}
    ],
    "organisations": [{"organisation": "Vinnova", "count": 1}],
}


def session(*activities: ActivityData, ended: bool = True) -> SessionData:
    return SessionData("meeting", ended, date(2017, 3, 1), date(2017, 3, 1), activities)


def project() -> ProjectData:
    return ProjectData(
        name="Projekt _ett_",
        description="",
        organisations=("Region Skåne",),
        meetings=(
            MeetingData(
                "Träff 1",
                date(2017, 3, 1),
                "Lund",
                (
                    session(
                        ActivityData("roles", "Vem är du?", {}, ROLES, 2),
                        ActivityData("text", "Fritt", {}, TEXTS, 1),
                        ActivityData("scale", "Aldrig körd", {}, None),
                        ActivityData("lessons", "Vad vi lärt", {}, LESSONS, 1),
                        ActivityData("next_steps", "Steg", {}, STEPS, 1),
                    ),
                    session(ActivityData("text", "Pågår", {}, TEXTS, 1), ended=False),
                ),
            ),
            MeetingData("Träff 2", None, "", ()),
        ),
        quotes=(QuoteData("Det är > allt", "Deltagare", "Träff 1", "Fritt"),),
    )


def test_the_model_keeps_ended_sessions_and_frozen_outcomes():
    built = report.build(project())
    first, second = built.meetings
    assert first.running == 1
    assert len(first.sessions) == 1
    acts = first.sessions[0].activities
    assert [a.prompt for a in acts] == [
        "Vem är du?",
        "Fritt",
        "Aldrig körd",
        "Vad vi lärt",
        "Steg",
    ]
    assert acts[2].run is False and acts[2].blocks == ()
    assert [(r.label, r.count, r.note) for r in acts[0].blocks[0].rows] == [
        ("# hej", 2, "samordning"),
        ("*x*", 1, ""),
    ]
    assert second.sessions == ()
    # Lessons: themes with lessons or dots only; the empty "Tom" is left out.
    (lessons,) = built.lessons
    assert [(t.name, t.votes, t.lessons) for t in lessons.themes] == [
        ("Mod", 3, ("Våga leda",))
    ]
    assert lessons.unplaced == ("- lös",)
    (steps,) = built.steps
    assert steps.steps == (report.Step("Ring", "Vinnova", "2017-05-01"),)


def test_markdown_escapes_user_text_and_is_deterministic():
    built = report.build(project())
    text = report_markdown.render(built)
    assert text == report_markdown.render(report.build(project()))
    assert text.startswith("# Projekt \\_ett\\_\n")
    assert "- \\# hej: 2 (samordning)" in text
    assert "- \\*x\\*: 1" in text
    assert "- 1\\. \\[länk\\](http://x) \\<b\\>" in text
    assert "- \\- lös" in text
    assert "> Det är \\> allt" in text
    assert "*Scale*: Not run." in text
    assert "Sessions still running, left out of the report: 1." in text
    assert "Pågår" not in text
    assert "*No session of this meeting has ended.*" in text
    assert "- Ring — Vinnova, by 2017-05-01" in text


def test_a_hidden_answer_is_never_in_the_report():
    """Results frozen by the kind's own aggregate leave a hidden answer out,
    and the report shows those results only, adding nothing."""
    subs = [
        Submission(1, "Region Skåne", {"text": "Möten bär"}, id=1),
        Submission(2, "Vinnova", {"text": "Dumheter"}, hidden=True, id=2),
    ]
    frozen = get_kind("text").aggregate({"max_length": 280}, subs, {})
    data = ProjectData(
        "P",
        "",
        (),
        (
            MeetingData(
                "Träff 1",
                None,
                "",
                (
                    session(
                        ActivityData("text", "Fritt", {}, frozen, frozen["answers"]),
                    ),
                ),
            ),
        ),
    )
    text = report_markdown.render(report.build(data))
    assert "- Möten bär" in text
    assert "Answers: 1" in text
    assert "Dumheter" not in text and "dumheter" not in text


def test_words_translate_labels_and_dates():
    words = report.Words(
        gettext=lambda s, **p: ("SV:" + s) % p if p else "SV:" + s,
        date=lambda d: d.strftime("%d/%m"),
    )
    text = report_markdown.render(report.build(project()), words)
    assert "## SV:The meetings" in text
    assert "01/03 · Lund" in text
    assert "SV:by 01/05" in text


def test_escape_leaves_plain_text_alone():
    assert report_markdown.escape("Region Skåne 2017") == "Region Skåne 2017"
    assert report_markdown.escape("  två\nrader ") == "två rader"
    assert report_markdown.escape("+ mer") == "\\+ mer"
    assert report_markdown.escape("a|b & c") == "a\\|b \\& c"


ACTOR_MAP = {
    "answers": 2,
    "regions": ["Region A", "Region B"],
    "network": {
        "nodes": [
            {"key": "lst", "label": "Länsstyrelsen", "count": 2, "regions": []},
            {"key": "kom", "label": "Kommunerna", "count": 1, "regions": []},
        ],
        "edges": [
            {
                "source": "kom",
                "target": "lst",
                "type": "samverkan",
                "directed": False,
                "count": 2,
                "unclear": 1,
            }
        ],
    },
    "mellanrum": {
        "unled": [{"area": "Boende", "key": "boende", "regions": ["Region B"]}],
        "contested": [],
        "unclear": [],
        "unmapped": ["Kultur"],
    },
}


def test_an_actor_map_shows_its_network_and_mellanrum():
    blocks = report_blocks.outcome("actor_map", {}, ACTOR_MAP)
    network = blocks[0]
    assert [n.label for n in network.nodes] == ["Länsstyrelsen", "Kommunerna"]
    assert network.edges == (
        report_blocks.Edge("Kommunerna", "Länsstyrelsen", "samverkan", 2, True),
    )
    assert [b.items for b in blocks[1:]] == [("Boende (Region B)",), ("Kultur",)]
    act = ActivityData("actor_map", "Kartlägg", {}, ACTOR_MAP, 2)
    data = ProjectData("P", "", (), (MeetingData("T", None, "", (session(act),)),))
    text = report_markdown.render(report.build(data))
    assert "- Kommunerna – Länsstyrelsen: samverkan, 2 (?)" in text
    assert "**Areas no actor leads**\n\n- Boende (Region B)" in text
