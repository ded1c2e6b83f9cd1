"""Every word a user reads goes through gettext (templates) or the page's i18n
JSON block (static/js), so English is complete and Swedish can translate it all.

Templates: Jinja's lexer splits each template into text data and tags; the data,
with every tag and expression replaced by a placeholder, is parsed as HTML and
any text node or readable attribute (alt, title, aria-label...) that still holds
a word is flagged. JS: string literals with letters that are assigned to what a
user reads (textContent, title, aria-label, alert...) are flagged; they must come
from t() in static/js/i18n.js.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import Environment

ROOT = Path(__file__).resolve().parents[1]
HOLE = " "  # where a Jinja tag or expression was: neutral in text and in tags
WORD = re.compile(r"[^\W\d_]{2,}")
READABLE_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "label"}
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
        for name, value in attrs:
            if name in READABLE_ATTRIBUTES and value:
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
