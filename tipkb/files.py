"""The files around the Markdown: what an editor may put in the docs tree.

Every file under docs/ (and the includes/ and overrides/ folders the site is
built with) is checked, not only the pages. Symbolic links are refused
wherever they are and wherever they point: a link to the build machine's files
would publish them. Content files must be of an allowed type, recognised by
what they are, not by what they are called: pages (.md), source texts
(sources/*.txt), images (PNG, JPEG, GIF, WebP, SVG) and PDF documents. HTML,
JavaScript and CSS are theme files: they belong in overrides/, which editors
do not touch. SVG files are parsed (defusedxml) and refused when they carry
scripts, event handlers, foreignObject, or references outside the file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from tipkb.problems import Problem

IMAGES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
          ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",), ".pdf": (b"%PDF-",)}
ALLOWED = "pages (.md), source texts (sources/ID.txt), images (.png, .jpg, .gif, .webp, .svg) and PDF documents (.pdf)"
THEME = {".html", ".css", ".js", ".svg", ".woff2", ".png"}  # overrides/: the theme's own files
SKIPPED_DIRS = {".git", "__pycache__"}
BESIDE = ("includes", "overrides")  # the folders beside docs/ that the build reads: snippets and theme
SVG_NS = "{http://www.w3.org/2000/svg}"
SVG_UNSAFE = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}
LINK_ATTRIBUTES = ("href", "{http://www.w3.org/1999/xlink}href", "src")
OUTSIDE_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)[^)'\"\s]", re.I)  # over an SVG style value


def walk(root: Path):
    """(path, path relative to root) of every entry under root, folders included; symlinks are not followed."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
        for name in sorted(dirs + names):
            path = Path(folder) / name
            yield path, path.relative_to(root).as_posix()


def check_files(docs_dir: Path) -> list[Problem]:
    """Problems with the files of the docs tree and of the folders the build reads beside it
    (includes/ and overrides/, named from the docs folder's parent)."""
    problems = []
    for path, rel in walk(docs_dir):
        problems += _symlink(path, rel) or ([] if path.is_dir() else _content_file(path, rel))
    for name in BESIDE:
        folder = docs_dir.parent / name
        for path, rel in walk(folder) if folder.is_dir() and not folder.is_symlink() else ():
            shown = f"../{name}/{rel}"
            problems += _symlink(path, shown) or ([] if path.is_dir() else _theme_file(path, shown, name))
    return problems


def refused(path: Path, root: Path) -> bool:
    """Whether the build must leave out this file of the tree under `root`, whatever the check
    said (defence in depth): it is a symbolic link, or reached through one."""
    inside = path.relative_to(root).parents  # 'a/b/c.png' -> 'a/b', 'a', '.'
    return path.is_symlink() or any((root / parent).is_symlink() for parent in inside)


def _symlink(path: Path, rel: str) -> list[Problem]:
    if not path.is_symlink():
        return []
    return [Problem(rel, None, None, "is a symbolic link; the build refuses links, wherever they point",
                    "put the file itself in the folder, or remove the link")]


def _content_file(path: Path, rel: str) -> list[Problem]:
    suffix = path.suffix.lower()
    if suffix == ".md" or suffix == ".txt" and rel.count("/") == 1 and rel.startswith("sources/"):
        return []  # read and checked by load.py
    if suffix == ".svg":
        return check_svg(path.read_bytes(), rel)
    if suffix in IMAGES:
        head = path.read_bytes()[:16]
        if not any(head.startswith(magic) for magic in IMAGES[suffix]) or suffix == ".webp" and head[8:12] != b"WEBP":
            return [Problem(rel, None, None, f"is not a {suffix[1:].upper()} file, whatever its name says",
                            "export the image again in the format its name gives")]
        return []
    if suffix in (".html", ".htm", ".js", ".mjs", ".css", ".xhtml"):
        return [Problem(rel, None, None, f"{suffix} files are not content: pages are Markdown, and the theme lives in overrides/",
                        f"write the page in Markdown; the files editors may add are {ALLOWED}")]
    return [Problem(rel, None, None, f"files of this type ({suffix or 'no extension'}) are not allowed in docs/",
                    f"the files editors may add are {ALLOWED}")]


def _theme_file(path: Path, rel: str, folder: str) -> list[Problem]:
    suffix = path.suffix.lower()
    if folder == "includes":
        return [] if suffix == ".md" else [Problem(rel, None, None, "includes/ holds Markdown snippets only", "remove the file")]
    if suffix == ".svg":
        return check_svg(path.read_bytes(), rel)
    if suffix not in THEME:
        return [Problem(rel, None, None, f"files of this type ({suffix or 'no extension'}) are not theme files",
                        "overrides/ holds templates, stylesheets, scripts, fonts and icons")]
    return []


def check_svg(data: bytes, rel: str) -> list[Problem]:
    """An SVG image is refused when it can run code or fetch anything outside itself."""
    try:
        root = ElementTree.fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as error:
        return [Problem(rel, None, None, f"is not a well-formed SVG file ({error})", "export the image again as plain SVG")]
    if root.tag not in (f"{SVG_NS}svg", "svg"):
        return [Problem(rel, None, None, "is not an SVG image (its root element is not <svg>)", "export the image again as plain SVG")]
    problems = []
    for element in root.iter():
        tag = element.tag.split("}")[-1] if isinstance(element.tag, str) else str(element.tag)
        line = None  # ElementTree keeps no line numbers; the tag and attribute name the place
        if tag in SVG_UNSAFE:
            problems.append(Problem(rel, line, None, f"unsafe SVG: <{tag}>", "remove it: images may not carry scripts or embedded documents"))
        for name, value in element.attrib.items():
            local = name.split("}")[-1].lower()
            if local.startswith("on"):
                problems.append(Problem(rel, line, None, f"unsafe SVG: event handler {local}= on <{tag}>", "remove the attribute"))
            elif name in LINK_ATTRIBUTES and not value.strip().startswith("#"):
                problems.append(Problem(rel, line, None, f"unsafe SVG: <{tag}> refers to '{value[:40]}' outside the image",
                                        "an image may refer only to its own parts (#id)"))
            elif local == "style" and OUTSIDE_URL.search(value):
                problems.append(Problem(rel, line, None, f"unsafe SVG: a style on <{tag}> loads a URL", "remove the url(...)"))
        if tag == "style" and element.text and (OUTSIDE_URL.search(element.text) or "@import" in element.text):
            problems.append(Problem(rel, line, None, "unsafe SVG: a <style> that loads a URL", "remove the url(...) or @import"))
    return problems
