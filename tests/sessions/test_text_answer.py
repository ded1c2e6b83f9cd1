"""Open text: settings, every refused answer, the list and the word cloud."""

import pytest

from sessions.errors import DomainError
from sessions.kinds import get_kind, text_answer
from sessions.kinds.stopwords import ENGLISH, STOP_WORDS, SWEDISH
from sessions.submission import Submission

CONFIG = text_answer.validate_config({})


def sub(sid, written, org="Region Skåne", hidden=False):
    return Submission(sid, org, {"text": written}, hidden, 100 + sid)


def refused(answer, config=CONFIG):
    with pytest.raises(DomainError) as info:
        text_answer.validate_answer(config, answer)
    return info.value


def cloud(*texts):
    subs = [sub(i, t) for i, t in enumerate(texts)]
    return text_answer.aggregate(CONFIG, subs, {})["words"]


def word(key, shown, count):
    return {"key": key, "word": shown, "count": count}


def test_registered_as_text_without_merging():
    kind = get_kind("text")
    assert kind.validate_config is text_answer.validate_config
    assert (kind.merge, kind.unmerge) == (None, None)


def test_config_defaults():
    assert CONFIG == {"max_length": 280, "display": "list"}
    assert text_answer.validate_config({"max_length": 1000, "display": "cloud"}) == {
        "max_length": 1000,
        "display": "cloud",
    }


@pytest.mark.parametrize(
    "config",
    [
        None,
        ["list"],
        {"max_length": 0},
        {"max_length": 1001},
        {"max_length": "280"},
        {"max_length": True},
        {"max_length": 280.0},
        {"display": "grid"},
        {"display": None},
        {"display": ["list"]},
    ],
)
def test_bad_configs_are_refused(config):
    with pytest.raises(DomainError) as info:
        text_answer.validate_config(config)
    assert info.value.code == "invalid"


def test_answer_is_cleaned():
    answer = text_answer.validate_answer(CONFIG, {"text": "  Fler\tmöten\x00 nu \n"})
    assert answer == {"text": "Fler möten nu"}


def test_answer_may_be_exactly_max_length_after_cleaning():
    config = text_answer.validate_config({"max_length": 5})
    assert text_answer.validate_answer(config, {"text": " ab  cd "}) == {
        "text": "ab cd"
    }


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (None, "invalid"),
        ("Möten", "invalid"),
        ({"text": 5}, "invalid"),
        ({"text": ["Möten"]}, "invalid"),
        ({}, "required"),
        ({"text": None}, "required"),
        ({"text": ""}, "required"),
        ({"text": " \n\t "}, "required"),
        ({"text": "\x00\x07"}, "required"),
        ({"text": "x" * 281}, "too_long"),
    ],
)
def test_bad_answers_are_refused_with_a_code(answer, expected):
    assert refused(answer).code == expected


def test_too_long_says_the_limit():
    config = text_answer.validate_config({"max_length": 10})
    error = refused({"text": "Elva tecken"}, config)
    assert error.code == "too_long"
    assert error.params == {"field": "Answer", "max": 10}


def test_texts_are_listed_in_the_given_order_without_hidden_ones():
    subs = [
        sub(1, "Tydligare mandat", org="Region Skåne"),
        sub(2, "Hemligt", org="Region Norr", hidden=True),
        sub(3, "Fler möten", org=""),
    ]
    result = text_answer.aggregate(CONFIG, subs, {})
    assert result["answers"] == 2
    assert result["texts"] == [
        {
            "submission_id": 101,
            "text": "Tydligare mandat",
            "organisation": "Region Skåne",
        },
        {"submission_id": 103, "text": "Fler möten", "organisation": ""},
    ]
    # Tydligare mandat; "fler" is a stop word; ties ranked by key.
    assert result["words"] == [
        word("mandat", "mandat", 1),
        word("möten", "möten", 1),
        word("tydligare", "Tydligare", 1),
    ]


def test_hidden_answers_add_no_words():
    subs = [sub(1, "Mandat"), sub(2, "Mandat Mandat hemligt", hidden=True)]
    assert text_answer.aggregate(CONFIG, subs, {})["words"] == [
        word("mandat", "Mandat", 1)
    ]


def test_swedish_words_are_casefolded_and_counted_once_per_answer():
    # möten: answers 1, 2 and 3 (three times in 3) → 3, shown as the most used
    # spelling; ÅTERKOPPLING/återkoppling → 2, a tie gone to the first seen;
    # "är", "och", "vi", "får", "för", "det" are stop words, "ös" is too short.
    words = cloud(
        "Möten är bra.",
        "Kortare möten och ÅTERKOPPLING.",
        "MÖTEN, möten, möten! Vi får återkoppling för det. Ös",
    )
    assert words == [
        word("möten", "möten", 3),
        word("återkoppling", "ÅTERKOPPLING", 2),
        word("bra", "bra", 1),
        word("kortare", "Kortare", 1),
    ]


def test_most_used_spelling_is_shown_ties_to_the_first():
    assert cloud("Skåne skåne", "Skåne") == [word("skåne", "Skåne", 2)]
    assert cloud("Region", "region") == [word("region", "Region", 2)]


def test_words_are_ranked_by_count_then_key():
    # Ties by key in code point order: ä (U+E4) before å (U+E5) before ö.
    words = cloud("ödla ålder ärlig ansvar", "ansvar")
    assert [w["key"] for w in words] == ["ansvar", "ärlig", "ålder", "ödla"]


def test_short_words_numbers_and_stop_words_are_left_out():
    assert cloud("Vi är EU i 2030 och ska ha en plan") == [word("plan", "plan", 1)]
    assert cloud("The region and the municipality are not aligned") == [
        word("aligned", "aligned", 1),
        word("municipality", "municipality", 1),
        word("region", "region", 1),
    ]


def test_hyphens_and_apostrophes_stay_inside_a_word():
    assert cloud("e-hälsa och E-hälsa", "Don’t know, don't care about e-hälsa") == [
        word("e-hälsa", "e-hälsa", 2),
        word("care", "care", 1),
        word("know", "know", 1),
    ]


def test_words_lists_an_answers_words_in_written_order():
    assert text_answer.words("Tydligt mandat, tydligt ansvar 2024 och x") == [
        "Tydligt",
        "mandat",
        "tydligt",
        "ansvar",
    ]


def test_at_most_sixty_words():
    # 70 letter-only words "ordaa" … "ordcr"; "ordaa" once more, so it leads and
    # the other 59 kept are the next by key: "ordab" … "ordch".
    names = [f"ord{a}{b}" for a in "abc" for b in "abcdefghijklmnopqrstuvwxyz"][:70]
    words = cloud(" ".join(names), "ordaa")
    assert len(words) == 60
    assert words[0] == word("ordaa", "ordaa", 2)
    assert [w["key"] for w in words[1:]] == names[1:60]
    assert words[-1]["key"] == "ordch"


def test_no_answers():
    assert text_answer.aggregate(CONFIG, [], {}) == {
        "answers": 0,
        "texts": [],
        "words": [],
    }


def test_stop_words_are_keys():
    assert "och" in SWEDISH and "the" in ENGLISH
    assert STOP_WORDS == SWEDISH | ENGLISH
    assert all(w == w.casefold() for w in STOP_WORDS)
