"""Parse a Markdown body once, with line numbers, into what the checks read.

markdown-it-py (CommonMark, with mdit-py-plugins' footnote, attrs and deflist
plugins) gives a token stream; from that one parse this module derives the
links and images, the heading anchors, the footnote definitions and the
blocks of prose (each paragraph and list item, with its footnote references
and quotations), the raw HTML and the attributes written in `{ }`. Bodies are
parsed once each and kept in a bounded cache (the preview edits pages for hours).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from pymdownx.slugs import slugify

SLUGIFY = slugify(case="lower")
PARSER = MarkdownIt("commonmark").use(footnote_plugin).use(attrs_plugin).use(deflist_plugin).enable("table")
PARSER.disable("footnote_inline")  # '^[text]' is plain text to Python-Markdown, which renders the site
# markdown-it drops javascript:, vbscript: and data: links as text; Python-Markdown renders them as links.
# Keep every link, so that the safety check sees what the site would render.
PARSER.validateLink = lambda url: True
# Link targets as written (the checks unquote them), without markdown-it's URL normalization.
PARSER.normalizeLink = PARSER.normalizeLinkText = lambda url: url
HEADING_ID = re.compile(r"\s*\{:?[^}]*#([\w-]+)[^}]*\}\s*$")  # over a heading's text: '## Title {#id}'
UNCITED = re.compile(r"<!--\s*uncited:\s*(.*?)\s*-->", re.S)  # over an HTML comment's text
QUOTES = (("“", "”"), ('"', '"'))
FOOTNOTE_TEXT = re.compile(r"\[\^([^\]\s]+)\]")  # over text the parser left as text: a reference with no definition


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    text: str
    footnote: str | None  # the label of the footnote definition it sits in


@dataclass(frozen=True)
class Footnote:
    label: str
    line: int
    end: int  # the line after its last line
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Quote:
    position: int  # offset in the block's text where the quotation ends
    text: str


@dataclass(frozen=True)
class Block:
    """A paragraph or list item of prose, outside footnote definitions."""

    line: int
    text: str  # plain text, markup removed
    refs: tuple[tuple[int, str], ...]  # (offset in text, footnote label)
    quotes: tuple[Quote, ...]
    link_only: bool  # nothing but links, spaces and punctuation
    uncited: str | None  # the reason of an <!-- uncited: ... --> marker in or just above it


@dataclass(frozen=True)
class Body:
    links: tuple[Link, ...]
    anchors: frozenset[str]
    footnotes: dict[str, Footnote]
    references: tuple[tuple[int, str], ...]  # (line, label) of every footnote reference
    undefined: tuple[tuple[int, str], ...]  # (line, label) of references with no definition
    blocks: tuple[Block, ...]
    html: tuple[tuple[int, str], ...]  # (line, raw HTML) as written
    attributes: tuple[tuple[int, str], ...]  # (line, name) of attributes written in { }
    texts: tuple[tuple[int, str], ...]  # (line, plain text) of every run of inline text: paragraphs, headings, cells


@lru_cache(maxsize=4096)
def parse(body: str, first_line: int = 1) -> Body:
    """The parsed body; `first_line` is the file line the body starts on."""
    return _Walker(first_line).walk(PARSER.parse(body))


class _Walker:
    def __init__(self, first_line: int):
        self.first_line = first_line
        self.links: list[Link] = []
        self.anchors: set[str] = set()
        self.footnotes: dict[str, Footnote] = {}
        self.references: list[tuple[int, str]] = []
        self.undefined: list[tuple[int, str]] = []
        self.blocks: list[Block] = []
        self.html: list[tuple[int, str]] = []
        self.attributes: list[tuple[int, str]] = []
        self.texts: list[tuple[int, str]] = []

    def walk(self, tokens: list[Token]) -> Body:
        footnote: str | None = None
        footnote_links: list[Link] = []
        footnote_line = footnote_end = 0
        pending_uncited: str | None = None
        heading = False
        for index, token in enumerate(tokens):
            line = self.first_line + token.map[0] if token.map else None
            if footnote is not None and token.map:
                footnote_end = max(footnote_end, self.first_line + token.map[1])
            if token.type == "footnote_open":
                footnote, footnote_links, footnote_line, footnote_end = token.meta["label"], [], 0, 0
            elif token.type == "footnote_close":
                self.footnotes[footnote] = Footnote(footnote, footnote_line, footnote_end, tuple(footnote_links))
                footnote = None
            elif token.type == "heading_open":
                heading, pending_uncited = True, None
            elif token.type == "heading_close":
                heading = False
            elif token.type == "html_block":
                self.html.append((line, token.content))
                marker = UNCITED.search(token.content)
                pending_uncited = marker.group(1) if marker else None
            elif token.type == "inline":
                if footnote is not None and not footnote_line:
                    footnote_line = line
                found = self._inline(token, line, footnote)
                self.texts.append((line, "".join(found.text)))
                footnote_links += [link for link in found.links_found if link.footnote]
                if heading:
                    self._anchor(token)
                elif footnote is None and tokens[index - 1].type == "paragraph_open":
                    self.blocks.append(found.block(pending_uncited))
                    pending_uncited = None
        return Body(tuple(self.links), frozenset(self.anchors), self.footnotes, tuple(self.references),
                    tuple(self.undefined), tuple(self.blocks), tuple(self.html), tuple(self.attributes), tuple(self.texts))

    def _inline(self, token: Token, line: int, footnote: str | None) -> "_Inline":
        found = _Inline(line)
        link: list | None = None  # [line, target, text parts] while inside a link
        for child in token.children or []:
            kind = child.type
            for name in {**child.attrs, **child.meta.get("insecure_attrs", {})}:
                if kind in ("link_open", "image", "code_inline", "span_open") and name not in ("href", "src", "alt", "title"):
                    self.attributes.append((found.line, name))
            if kind in ("softbreak", "hardbreak"):
                found.line += 1
                found.add_text(" ")
            elif kind == "text":
                found.add_text(child.content)
                if link is not None:
                    link[2].append(child.content)
                if "[^" in child.content:
                    self.undefined += [(found.line, match.group(1)) for match in FOOTNOTE_TEXT.finditer(child.content)]
            elif kind == "code_inline":
                found.add_text(child.content)
                if link is not None:
                    link[2].append(child.content)
            elif kind == "link_open":
                link = [found.line, child.attrs.get("href", ""), []]
            elif kind == "link_close" and link is not None:
                self.links.append(Link(link[0], str(link[1]), "".join(link[2]), footnote))
                found.links_found.append(self.links[-1])
                link = None
            elif kind == "image":
                self.links.append(Link(found.line, str(child.attrs.get("src", "")), child.content, footnote))
                found.links_found.append(self.links[-1])
            elif kind == "footnote_ref":
                label = child.meta["label"]
                self.references.append((found.line, label))
                found.refs.append((found.length, label))
            elif kind == "html_inline":
                self.html.append((found.line, child.content))
                marker = UNCITED.search(child.content)
                if marker:
                    found.uncited = marker.group(1)
        return found

    def _anchor(self, token: Token) -> None:
        text = "".join(child.content for child in token.children or [] if child.type in ("text", "code_inline"))
        explicit = HEADING_ID.search(text)
        if explicit:
            self.anchors.add(explicit.group(1))
            return
        slug = SLUGIFY(text.strip(), "-")
        unique, n = slug, 0
        while unique in self.anchors:
            n += 1
            unique = f"{slug}_{n}"
        self.anchors.add(unique)


class _Inline:
    """What one inline run holds, gathered while its tokens are walked."""

    def __init__(self, line: int):
        self.first_line = line
        self.line = line
        self.text: list[str] = []
        self.length = 0
        self.refs: list[tuple[int, str]] = []
        self.links_found: list[Link] = []
        self.uncited: str | None = None

    def add_text(self, content: str) -> None:
        self.text.append(content)
        self.length += len(content)

    def block(self, uncited_above: str | None) -> Block:
        text = "".join(self.text)
        return Block(self.first_line, text, tuple(self.refs), tuple(_quotes(text)), self._link_only(text),
                     self.uncited or uncited_above)

    def _link_only(self, text: str) -> bool:
        if not self.links_found:
            return False
        rest = text
        for link in self.links_found:
            rest = rest.replace(link.text, "", 1)
        return not any(ch.isalnum() for ch in rest)


def _quotes(text: str) -> list[Quote]:
    """Quotations in a block's plain text: “...” and "..." pairs."""
    found = []
    for opening, closing in QUOTES:
        start = text.find(opening)
        while start != -1:
            end = text.find(closing, start + 1)
            if end == -1:
                break
            found.append(Quote(end + 1, text[start + 1:end]))
            start = text.find(opening, end + 1)
    return sorted(found, key=lambda quote: quote.position)
