"""Read the docs tree from disk into a Site, reporting problems with the files
themselves: names, encodings, line ends, sizes and front matter syntax. Source
texts (docs/sources/ID.txt) are read beside the pages."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tipkb.files import walk
from tipkb.frontmatter import split
from tipkb.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from tipkb.problems import Problem, did_you_mean
from tipkb.site import Document, Site, kind_of
from tipkb import sourcetext
from tipkb.sourcetext import SourceText

MAX_BYTES = 512 * 1024
NAME = re.compile(r"^(?P<stem>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?P<lang>[A-Za-z_-]+))?\.md$")


def load(docs_dir: Path) -> tuple[Site, list[Problem]]:
    documents: list[Document] = []
    assets: set[str] = set()
    texts: dict[str, SourceText] = {}
    problems: list[Problem] = []
    for path, rel in walk(docs_dir):
        if path.is_symlink() or not path.is_file():
            continue  # symbolic links are refused by files.check_files, never read
        if path.suffix == ".txt" and path.parent.name == "sources" and path.parent.parent == docs_dir:
            text, found = _read_text(path, rel)
            problems += found
            if text is not None:
                texts[text.id] = text
        elif path.suffix != ".md":
            assets.add(rel)
        else:
            doc, found = _read(path, rel)
            problems += found
            if doc is not None:
                documents.append(doc)
    return Site(docs_dir, documents, assets, texts), problems


def _read_text(path: Path, rel: str) -> tuple[SourceText | None, list[Problem]]:
    text, problems = _decode(path.read_bytes(), rel)
    if text is None:
        return None, problems
    return sourcetext.parse(text, path.stem, rel)


def _name(rel: str) -> tuple[str, str, str] | Problem:
    """(id, language, path of the English page) for a file name, or the problem with it."""
    folder, _, name = rel.rpartition("/")
    match = NAME.match(name)
    if match is None:
        fixed = re.sub(r"[^a-z0-9.]+", "-", name.lower()).strip("-")
        return Problem(rel, None, None, "file names are lowercase words joined by hyphens",
                       f"rename it to '{fixed}'")
    lang = match["lang"] or DEFAULT_LANGUAGE
    if lang not in LANGUAGE_CODES or lang == DEFAULT_LANGUAGE and match["lang"]:
        hint = did_you_mean(lang, LANGUAGE_CODES[1:]) or "translations end in ." + ", .".join(LANGUAGE_CODES[1:]) + " before .md"
        return Problem(rel, None, None, f"unknown language suffix '.{lang}'", hint)
    norm = f"{folder}/{match['stem']}.md" if folder else f"{match['stem']}.md"
    return match["stem"], lang, norm


def decode(raw: bytes) -> str:
    """A file's text as the checks and the build read it: UTF-8, a byte-order mark dropped, Unix
    line ends, composed Unicode (NFC). What Notepad or a web upload saves reads like the original."""
    text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _decode(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    if not raw.strip():
        return None, [Problem(rel, None, None, "the file is empty", "add front matter and text, or delete the file")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(rel, None, None, f"the file is {len(raw) // 1024} KiB; a page may be at most {MAX_BYTES // 1024} KiB",
                              "split it into several pages")]
    try:
        return decode(raw), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(rel, line, None, f"byte 0x{raw[error.start]:02x} is not UTF-8 text", "save the file as UTF-8")]


def _read(path: Path, rel: str) -> tuple[Document | None, list[Problem]]:
    named = _name(rel)
    if isinstance(named, Problem):
        return None, [named]
    page_id, lang, norm_rel = named
    text, problems = _decode(path.read_bytes(), rel)
    if text is None:  # still a page, for the other pages' links and references: one bad file, one message
        return Document(rel, norm_rel, kind_of(norm_rel), page_id, lang, None, "", 1, readable=False), problems
    matter, body, body_line, problems = split(text, rel)
    readable = matter.node is not None or not problems  # a duplicated key is reported, the rest still read
    doc = Document(rel, norm_rel, kind_of(norm_rel), page_id, lang, matter if readable else None, body, body_line)
    return doc, problems
