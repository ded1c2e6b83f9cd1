"""Reading pages the way the client needs: CSRF tokens and forms."""

from client.errors import Refused
from client.http import find_csrf_token, read_page

PAGE = """<!doctype html><html><head>
<meta charset="utf-8"><meta content="meta-token" name="csrf-token">
</head><body>
<form method="post" action="/leader/meetings/7/sessions">
  <input type="hidden" name="csrf_token" value="form-token">
  <input type="checkbox" name="allow_anonymous">
  <button>Träff 1</button>
</form>
<form method="post" action="/logout"></form>
</body></html>"""


def test_the_meta_tag_is_the_csrf_token():
    assert find_csrf_token(PAGE) == "meta-token"


def test_a_forms_hidden_token_serves_when_there_is_no_meta_tag():
    html = PAGE.replace('name="csrf-token"', 'name="description"')
    assert find_csrf_token(html) == "form-token"
    assert find_csrf_token("<html><body>no token</body></html>") is None


def test_forms_keep_their_action_and_hidden_fields():
    forms = read_page(PAGE).forms
    assert [f.action for f in forms] == ["/leader/meetings/7/sessions", "/logout"]
    assert forms[0].fields == {"csrf_token": "form-token"}  # not the checkbox


def test_a_refusal_carries_the_protocols_code_and_message():
    refused = Refused.from_reply(
        {"ok": False, "error": "unknown_code", "message": "Ingen session"}, 404
    )
    assert (refused.error, refused.message, refused.status) == (
        "unknown_code",
        "Ingen session",
        404,
    )
    assert Refused.from_reply("<html>").error == "unexpected_reply"
