"""The comparison across meetings as report blocks, and in the Markdown."""

from datetime import date

from sessions import report, report_markdown
from sessions.comparison import Run, compare
from sessions.report_comparison import comparison


def roles(*counts: tuple[str, int]) -> dict:
    return {
        "answers": 3,
        "words": [
            {"key": w.casefold(), "word": w, "count": n, "by_organisation": {}}
            for w, n in counts
        ],
    }


def scale(*counts: int) -> dict:
    return {
        "answers": sum(counts),
        "distribution": [
            {"value": i + 1, "label": "Helt" if i == 2 else None, "count": n}
            for i, n in enumerate(counts)
        ],
        "mean": 2.0,
        "median": 2,
    }


def test_words_appear_disappear_and_shift():
    runs = [
        Run(1, "Träff 1", "roles", {}, roles(("Samordnare", 3), ("Lobbyist", 1)), 3),
        Run(2, "Träff 4", "roles", {}, roles(("Nav", 3), ("Samordnare", 1)), 3),
    ]
    part = comparison("Vem är du?", compare(runs))
    assert part.runs == ("Träff 1", "Träff 4")
    items = {b.caption.id: b.items for b in part.blocks}
    assert items["Appeared"] == ("Nav",)
    assert items["Disappeared"] == ("Lobbyist",)
    assert items["Rank shifts"] == ("Samordnare: 1 → 2",)
    assert items["Counts per run"][0] == "Nav: 0 → 3"


def test_scales_side_by_side_in_the_markdown():
    runs = [
        Run(1, "Träff 1", "scale", {}, scale(2, 1, 0), 3),
        Run(2, "Träff 4", "scale", {}, scale(0, 1, 2), 3),
    ]
    part = comparison("Hur tydligt?", compare(runs))
    columns = part.blocks[0]
    assert columns.steps == ("1", "2", "3 – Helt")
    assert columns.series == (("Träff 1", (2, 1, 0)), ("Träff 4", (0, 1, 2)))
    data = report.ProjectData(
        "P",
        "",
        (),
        (report.MeetingData("Träff 1", date(2017, 1, 1), "", ()),),
        comparisons=(part,),
    )
    text = report_markdown.render(report.build(data))
    assert (
        "## Comparison across meetings\n\n### Hur tydligt?\n\nTräff 1 → Träff 4" in text
    )
    assert "- 3 – Helt: 0 → 2" in text
