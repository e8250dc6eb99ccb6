"""The loaded docs tree: every Markdown document, by path, kind, id and language."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tipkb import geography
from tipkb.body import Body, parse as parse_body
from tipkb.frontmatter import FrontMatter
from tipkb.languages import DEFAULT_LANGUAGE
from tipkb.models import KINDS, Page
from tipkb.sourcetext import SourceText


@dataclass
class Document:
    """One Markdown file: an English page or one of its translations."""

    rel: str  # path under docs/, with its language suffix ('countries/guatemala.es.md')
    norm_rel: str  # the English page's path ('countries/guatemala.md')
    kind: str | None  # 'countries', 'practices', 'statutes', 'sources', or None for other pages
    id: str
    lang: str
    matter: FrontMatter | None  # None when the front matter could not be read
    body: str
    body_line: int
    model: Page | None = None  # the validated front matter (inherited from English for translations)
    readable: bool = True  # False when the file could not be read as text (its problem is reported)

    @property
    def parsed(self) -> Body:
        """The body, parsed once (see tipkb/body.py)."""
        return parse_body(self.body, self.body_line)

    @property
    def is_translation(self) -> bool:
        return self.lang != DEFAULT_LANGUAGE


@dataclass
class Site:
    docs_dir: Path
    documents: list[Document] = field(default_factory=list)
    assets: set[str] = field(default_factory=set)  # other files under docs/, by path
    texts: dict[str, SourceText] = field(default_factory=dict)  # source texts (docs/sources/ID.txt), by source id
    derived: dict = field(default_factory=dict)  # what is computed once from the whole tree (citations.coverage)

    def __post_init__(self) -> None:
        self._index = {(doc.norm_rel, doc.lang): doc for doc in self.documents}

    def get(self, norm_rel: str, lang: str = DEFAULT_LANGUAGE) -> Document | None:
        return self._index.get((norm_rel, lang))

    def in_language(self, doc: Document, lang: str) -> Document:
        """The document's translation into `lang`, or the English page it falls back to."""
        return self.get(doc.norm_rel, lang) or self.get(doc.norm_rel) or doc

    def pages(self, kind: str) -> list[Document]:
        """The valid English pages of a kind, by id."""
        found = [d for d in self.documents if d.kind == kind and not d.is_translation and d.model is not None]
        return sorted(found, key=lambda d: d.id)

    def page(self, kind: str, page_id: str) -> Document | None:
        doc = self.get(f"{kind}/{page_id}.md")
        return doc if doc is not None and doc.model is not None else None

    def ids(self, kind: str) -> list[str]:
        return [doc.id for doc in self.documents if doc.kind == kind and not doc.is_translation]

    def title(self, doc: Document, lang: str) -> str:
        """A page's title in `lang`: its translation's, else CLDR's country name, else English."""
        translation = self.get(doc.norm_rel, lang)
        if translation is not None and translation.matter is not None and translation.matter.data.get("title"):
            return str(translation.matter.data["title"])
        if doc.kind == "countries" and lang != DEFAULT_LANGUAGE and doc.model is not None:
            return geography.country_name(doc.model.iso3, lang)
        return doc.model.title if doc.model is not None else doc.id

    def sorted_by_title(self, docs: list[Document], lang: str) -> list[Document]:
        return sorted(docs, key=lambda d: self.title(d, lang).casefold())


def linked(site: "Site", from_rel: str, target: str) -> "Document | None":
    """The English page a relative .md link from the page at `from_rel` points to, or None."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
        return None
    return site.get(posixpath.normpath(posixpath.join(posixpath.dirname(from_rel), unquote(parts.path))))


def link(from_rel: str, to_rel: str) -> str:
    """A relative Markdown link target from one document to another."""
    return posixpath.relpath(to_rel, posixpath.dirname(from_rel) or ".")


def kind_of(rel: str) -> str | None:
    parts = rel.split("/")
    if len(parts) == 2 and parts[0] in KINDS and not parts[1].startswith("index."):
        return parts[0]
    return None
