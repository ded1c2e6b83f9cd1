"""The report's SVG charts: well-formed XML, accessible, user text escaped,
the same data drawn the same way."""

import xml.etree.ElementTree as ET

from sessions import charts
from sessions.report_blocks import Bar, Edge

NS = "{http://www.w3.org/2000/svg}"
EVIL = '<script>alert("x")</script> & "Å"'


def parsed(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # raises on anything not well-formed
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.find(f"{NS}title") is not None
    assert root.find(f".//{NS}script") is None
    return root


def texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{NS}text")]


def test_bars_escape_labels_and_scale_to_the_longest():
    svg = charts.bars(EVIL, [Bar(EVIL, 4), Bar("Samordnare", 2)])
    root = parsed(svg)
    assert root.find(f"{NS}title").text == EVIL
    assert root.get("aria-label") == EVIL
    assert "<script>" not in svg
    widths = [float(r.get("width")) for r in root.iter(f"{NS}rect")]
    assert widths[0] == 2 * widths[1]
    assert "Samordnare" in texts(root)
    assert svg == charts.bars(EVIL, [Bar(EVIL, 4), Bar("Samordnare", 2)])


def test_a_long_label_is_shortened_but_titled_whole():
    long = "Nejsägare som påtalar brister i samverkan mellan aktörer"
    root = parsed(charts.bars("Roller", [Bar(long, 1)]))
    assert texts(root)[0].endswith("…")
    assert root.find(f"{NS}g/{NS}title").text == f"{long}: 1"


def test_columns_side_by_side_with_a_legend():
    svg = charts.columns(
        "Skala",
        ["1 – Inte alls", "2", EVIL],
        [("Träff 1", [1, 0, 3]), ("Träff 4", [0, 2, 2])],
    )
    root = parsed(svg)
    assert len(root.findall(f".//{NS}g")) == 6
    assert {"Träff 1", "Träff 4"} <= set(texts(root))
    assert any(EVIL in (t.text or "") for t in root.iter(f"{NS}title"))


def test_network_places_nodes_on_a_circle_and_dashes_unclear_edges():
    nodes = [Bar("Länsstyrelsen", 3), Bar("Kommunerna", 2), Bar(EVIL, 1)]
    edges = [
        Edge("Länsstyrelsen", "Kommunerna", "samverkan", 2, True),
        Edge("Kommunerna", EVIL, "uppdrag", 1, False),
        Edge("Länsstyrelsen", "Okänd", "uppdrag", 1, False),  # no such node
    ]
    svg = charts.network("Nätverk", nodes, edges)
    root = parsed(svg)
    circles = list(root.iter(f"{NS}circle"))
    lines = list(root.iter(f"{NS}line"))
    assert len(circles) == 3 and len(lines) == 2
    assert lines[0].get("stroke-dasharray") and not lines[1].get("stroke-dasharray")
    # The most named actor sits at the top, and is the largest.
    assert float(circles[0].get("cy")) < float(circles[1].get("cy"))
    assert float(circles[0].get("r")) > float(circles[2].get("r"))
    assert svg == charts.network("Nätverk", nodes, edges)


def test_empty_data_still_draws_a_valid_chart():
    parsed(charts.bars("Inget", []))
    parsed(charts.network("Inget", [], []))
    parsed(charts.columns("Inget", [], []))
