"""Read the docs tree from disk into a Site, reporting problems with the files
themselves: names, encodings, line ends, sizes and front matter syntax."""

from __future__ import annotations

import re
from pathlib import Path

from tipkb.frontmatter import split
from tipkb.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from tipkb.problems import Problem, did_you_mean
from tipkb.site import Document, Site, kind_of

MAX_BYTES = 512 * 1024
NAME = re.compile(r"^(?P<stem>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?P<lang>[A-Za-z_-]+))?\.md$")
SKIPPED_DIRS = {".git", "__pycache__"}


def load(docs_dir: Path) -> tuple[Site, list[Problem]]:
    documents: list[Document] = []
    assets: set[str] = set()
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*")):
        if not path.is_file() or SKIPPED_DIRS & set(path.relative_to(docs_dir).parts):
            continue
        rel = path.relative_to(docs_dir).as_posix()
        if path.suffix != ".md":
            assets.add(rel)
            continue
        doc, found = _read(path, rel)
        problems += found
        if doc is not None:
            documents.append(doc)
    return Site(docs_dir, documents, assets), problems


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


def _decode(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    if not raw.strip():
        return None, [Problem(rel, None, None, "the file is empty", "add front matter and text, or delete the file")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(rel, None, None, f"the file is {len(raw) // 1024} KiB; a page may be at most {MAX_BYTES // 1024} KiB",
                              "split it into several pages")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(rel, 1, None, "the file starts with a byte-order mark", "save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(rel, line, None, f"byte 0x{raw[error.start]:02x} is not UTF-8 text", "save the file as UTF-8")]
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        return None, [Problem(rel, line, None, "the file has Windows (CRLF) or old Mac (CR) line ends",
                              "save it with Unix (LF) line ends")]
    return text, []


def _read(path: Path, rel: str) -> tuple[Document | None, list[Problem]]:
    named = _name(rel)
    if isinstance(named, Problem):
        return None, [named]
    page_id, lang, norm_rel = named
    text, problems = _decode(path.read_bytes(), rel)
    if text is None:
        return None, problems
    matter, body, body_line, problems = split(text, rel)
    doc = Document(rel, norm_rel, kind_of(norm_rel), page_id, lang, None if problems else matter, body, body_line)
    return doc, problems
