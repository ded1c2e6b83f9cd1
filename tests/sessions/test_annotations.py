"""A leader's comment on an archived activity: how its text is cleaned, what is
refused, and when a comment may be written."""

import pytest

from sessions.annotations import MAX_LENGTH, check_annotatable, check_text
from sessions.errors import DomainError


def refused(written):
    with pytest.raises(DomainError) as info:
        check_text(written)
    return info.value


def test_a_comment_is_cleaned_like_other_texts_but_keeps_its_line_breaks():
    written = "  Bra  samtal\r\n\r\n\r\nom\tmandatet. \n\n  Följ upp i Träff 4.  \n\n"
    assert check_text(written) == "Bra samtal\n\nom mandatet.\n\nFölj upp i Träff 4."


def test_control_characters_are_no_text_and_nfc_is_kept():
    assert check_text("a\x00b\u200b") == "a b\u200b"
    assert check_text("Ska\u030ane") == "Sk\u00e5ne"  # NFC
    assert check_text("ett\u2028två") == "ett\ntvå"


@pytest.mark.parametrize("written", ["", "   ", "\n\r\n \t", "\x00"])
def test_an_empty_comment_is_refused(written):
    error = refused(written)
    assert error.code == "required"
    assert error.params["field"] == "Comment"


@pytest.mark.parametrize("written", [None, 7, ["text"], {"text": "a"}])
def test_a_comment_that_is_no_text_is_refused(written):
    assert refused(written).code == "invalid"


def test_a_comment_may_be_as_long_as_the_limit_counting_each_break_once():
    assert len(check_text("x" * MAX_LENGTH)) == MAX_LENGTH
    lines = "\r\n".join(["y" * 99] * 20)  # 20 × 99 + 19 breaks = 1,999
    assert len(check_text(lines)) == 1999
    # Spaces folded away do not count.
    assert (
        check_text("z" * 1000 + " " * 500 + "z" * 999) == "z" * 1000 + " " + "z" * 999
    )


@pytest.mark.parametrize(
    "written", ["x" * (MAX_LENGTH + 1), "\n".join(["y" * 100] * 20), "x" * 100_000]
)
def test_a_comment_over_the_limit_is_refused(written):
    error = refused(written)
    assert error.code == "too_long"
    assert error.params["max"] == MAX_LENGTH


def test_only_an_ended_sessions_activities_take_comments():
    check_annotatable("ended")
    for status in ("running", "", "anything"):
        with pytest.raises(DomainError) as info:
            check_annotatable(status)
        assert info.value.code == "session_running"
