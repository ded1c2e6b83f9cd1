"""Every word a user reads goes through gettext (templates, server) or the page's
i18n JSON block (static/js), so English is complete and Swedish can translate it
all (tests/test_translations.py checks the Swedish catalogue has every message).

Templates: Jinja's lexer splits each template into text data and tags; the data,
with every tag and expression blanked out, is parsed as HTML and any text node
or readable attribute (alt, title, aria-label...) that still holds a word is
flagged. JS: string literals with letters that are assigned to what a user reads
(textContent, title, aria-label, alert, el()'s text...) are flagged, and every
key JS asks t() for must be in some template's i18n block. Server: literals
passed to flash(), error_reply() or a page's message are flagged.
"""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import Environment

ROOT = Path(__file__).resolve().parents[1]
HOLE = " "  # where a Jinja tag or expression was: neutral in text and in tags
WORD = re.compile(r"[^\W\d_]{2,}")
READABLE_ATTRIBUTES = {
    "alt",
    "title",
    "aria-label",
    "aria-description",
    "placeholder",
    "label",
    "data-confirm",  # static/js/confirm_forms.js asks it with confirm()
}
# Text that is the same in every language, so it is not translated.
ALLOWED = {
    "Mellanrum",  # the product's name
    "Svenska",  # language names are written in their own language
    "English",
    "HTML",  # names of file formats
    "Markdown",
    "PDF",
}


class TextFinder(HTMLParser):
    """Collects the words of text nodes and readable attributes, outside
    script and style."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.raw = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self.raw += 1
        button = tag == "input" and dict(attrs).get("type") in ("submit", "button")
        for name, value in attrs:
            if value and (name in READABLE_ATTRIBUTES or (button and name == "value")):
                self.check(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.raw = max(0, self.raw - 1)

    def handle_data(self, data: str) -> None:
        if not self.raw:
            self.check(data)

    def check(self, text: str) -> None:
        if [w for w in WORD.findall(text) if w not in ALLOWED]:
            self.found.append(" ".join(text.split()))


# A block whose text is a CSS class name, not words.
CLASS_BLOCK = re.compile(r"{%-? *block body_class *-?%}.*?{%-? *endblock *-?%}", re.S)


# A macro may print attributes (aria-describedby="...") outside any tag.
ATTRIBUTES = re.compile(r'\s*(?:[\w-]+(?:="[^"]*")?\s*)+')


def untranslated_in_template(source: str) -> list[str]:
    env = Environment(extensions=["jinja2.ext.i18n"])
    source = CLASS_BLOCK.sub("", source)
    data = "".join(
        value if kind == "data" else HOLE
        for _, kind, value in env.lex(source)
        if kind not in ("comment_begin", "comment", "comment_end")
    )
    finder = TextFinder()
    finder.feed(data)
    finder.close()
    return [
        text
        for text in finder.found
        if not ('="' in text and ATTRIBUTES.fullmatch(text))
    ]


# A literal string assigned to, or passed to, something the user reads.
# static/js/dom.js's el() takes text and attributes as properties and text
# nodes as children, so those count too.
JS_SINKS = re.compile(
    r"""(?:\.(?:textContent|innerText|title|placeholder|alt|ariaLabel)\s*\+?=\s*"""
    r"""|setAttribute\(\s*["'](?:aria-label|title|placeholder|alt)["']\s*,\s*"""
    r"""|\b(?:alert|confirm|prompt|createTextNode|append|prepend)\(\s*"""
    r"""|[{,]\s*(?:text|title|placeholder|alt|["']aria-label["'])\s*:\s*"""
    r"""|\bel\(\s*["']\w+["']\s*,\s*\{[^{}]*\}\s*,\s*)"""
    r"""(["'`])((?:(?!\1)[^\\]|\\.)*)\1"""
)


def untranslated_in_js(source: str) -> list[str]:
    return [
        match.group(0).strip(" ,{")
        for match in JS_SINKS.finditer(source)
        if WORD.search(re.sub(r"\$\{[^}]*\}", "", match.group(2)))
    ]


def test_every_template_word_goes_through_gettext():
    found = {
        str(path.relative_to(ROOT)): words
        for path in sorted((ROOT / "templates").rglob("*.html"))
        if (words := untranslated_in_template(path.read_text()))
    }
    assert found == {}, "wrap these in _() (msgids in English)"


def test_every_js_word_comes_from_the_i18n_block():
    found = {
        str(path.relative_to(ROOT)): literals
        for path in sorted((ROOT / "static/js").rglob("*.js"))
        if (literals := untranslated_in_js(path.read_text()))
    }
    assert found == {}, "pass these through t() and the page's i18n block"


# The checks themselves can fail: each catches a planted untranslated string.
def test_the_template_check_finds_bare_text_and_attributes():
    assert untranslated_in_template("<p>{{ _('Hello') }}</p>") == []
    assert untranslated_in_template("<p>Hej {{ name }}</p>") == ["Hej"]
    assert untranslated_in_template('<img alt="Logga" src="{{ x }}">') == ["Logga"]
    assert untranslated_in_template("<p>{{ n }} · 12 &amp; 3</p>") == []
    assert untranslated_in_template('<form data-confirm="Säker?">') == ["Säker?"]
    assert untranslated_in_template('<input type="submit" value="Spara">') != []
    assert untranslated_in_template('<input name="kind" value="roles">') == []
    assert untranslated_in_template("<style>p { color: red }</style>") == []
    assert untranslated_in_template("{# a comment #}<b>Mellanrum</b>") == []
    assert untranslated_in_template(' aria-invalid="true" autofocus') == []


def test_the_js_check_finds_literals_the_user_reads():
    assert untranslated_in_js('el.textContent = t("saved");') == []
    assert untranslated_in_js('el.textContent = "Sparat";') == [
        '.textContent = "Sparat"'
    ]
    assert untranslated_in_js('el("p", { text: "Sparat" })') != []
    assert untranslated_in_js('el("p", { class: "x" }, "Sparat")') != []
    assert untranslated_in_js('el("p", { class: "x-y", text: t("saved") })') == []
    assert untranslated_in_js("button.setAttribute('aria-label', 'Close')") != []
    assert untranslated_in_js("alert(`Failed ${x}`)") != []
    assert untranslated_in_js('el.textContent = "×";') == []
    assert untranslated_in_js("el.textContent = `${a} · ${b}`;") == []


# An i18n block's entries look like 'key': _('Words'); JS asks with t("key"),
# countText("key", n) or plural("key", n). A key no block has shows as itself.
BLOCK_KEY = re.compile(r"""['"]([a-z][a-z0-9_]*)['"]\s*:\s*(?:_|gettext|ngettext)\(""")
JS_KEY = re.compile(r"""\b(?:t|countText|plural)\(\s*["']([a-z][a-z0-9_]*)["']""")


def missing_keys(templates: list[str], scripts: list[str]) -> set[str]:
    known = {key for source in templates for key in BLOCK_KEY.findall(source)}
    return {key for source in scripts for key in JS_KEY.findall(source)} - known


def test_every_key_js_asks_for_is_in_an_i18n_block():
    templates = [p.read_text() for p in (ROOT / "templates").rglob("*.html")]
    scripts = [p.read_text() for p in (ROOT / "static/js").rglob("*.js")]
    assert missing_keys(templates, scripts) == set()


def test_the_key_check_finds_a_missing_key():
    block = "{{ {'saved': _('Saved'), 'answers': _('{count} answers')}|tojson }}"
    assert missing_keys([block], ['t("saved"); countText("answers", 2)']) == set()
    assert missing_keys([block], ['el.textContent = t("unsaved");']) == {"unsaved"}


# server/ and sessions/: a literal handed straight to what the user reads,
# not through _().
SHOWN_KEYWORDS = ("message", "description")


def untranslated_in_python(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        shown = {
            "flash": node.args[:1],
            "error_reply": node.args[1:2],
            "DomainError": node.args[1:2],  # translated later: marked with N_()
        }.get(name, [])
        if name in ("render_template", "abort", "error_reply", "DomainError"):
            shown += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        found += [
            arg.value
            for arg in shown
            if isinstance(arg, ast.Constant)
            and isinstance(arg.value, str)
            and WORD.search(arg.value)
        ]
    return found


def test_every_server_message_goes_through_gettext():
    found = {
        str(path.relative_to(ROOT)): literals
        for folder in ("server", "sessions")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (literals := untranslated_in_python(path.read_text()))
    }
    assert found == {}, "wrap these in _() or gettext()"


def test_the_server_check_finds_a_bare_message():
    assert untranslated_in_python("flash(_('Saved'))") == []
    assert untranslated_in_python("flash('Sparat')") == ["Sparat"]
    assert untranslated_in_python("error_reply('bad', 'Fel kod')") == ["Fel kod"]
    assert untranslated_in_python("DomainError('x', 'Fel')") == ["Fel"]
    assert untranslated_in_python("DomainError('x', N_('Fel'))") == []
    page = "render_template('e.html', message='Oj')"
    assert untranslated_in_python(page) == ["Oj"]
    assert untranslated_in_python("filterwarnings('ignore', message='Oj')") == []
