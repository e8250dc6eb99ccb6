"""Translation tracking, in the manner of MDN's translated-content.

Each translation records in `english_version:` the version of its English page
that it translates: a short hash of the English page's translatable content
(title, description, body). When the English page changes afterwards, the
translation is outdated. A translation without a stamp counts as outdated too.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from tipkb.frontmatter import FENCE
from tipkb.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES
from tipkb.site import Document, Site

FIELD = "english_version"
VERSION = re.compile(r"^[0-9a-f]{12}$")


def english_version(doc: Document) -> str:
    """The version of an English page that translations record."""
    data = doc.matter.data if doc.matter is not None else {}
    content = "\n".join([str(data.get("title", "")), str(data.get("description", "")), doc.body])
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:12]


def is_outdated(site: Site, translation: Document) -> bool:
    original = site.get(translation.norm_rel)
    recorded = translation.matter.data.get(FIELD) if translation.matter is not None else None
    return original is not None and str(recorded) != english_version(original)


@dataclass
class LanguageStatus:
    lang: str
    translated: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.translated) + len(self.outdated) + len(self.missing)

    @property
    def coverage(self) -> float:
        """The share of pages with an up-to-date translation."""
        return len(self.translated) / self.total if self.total else 1.0

    def as_dict(self) -> dict:
        return {"translated": self.translated, "outdated": self.outdated, "missing": self.missing,
                "total": self.total, "coverage": round(self.coverage * 100, 1)}


def status(site: Site) -> dict[str, LanguageStatus]:
    """For every language but English, each English page's translation status, by path."""
    english = sorted(d.norm_rel for d in site.documents if not d.is_translation)
    result = {}
    for lang in LANGUAGE_CODES:
        if lang == DEFAULT_LANGUAGE:
            continue
        entry = LanguageStatus(lang)
        for rel in english:
            translation = site.get(rel, lang)
            if translation is None:
                entry.missing.append(rel)
            elif is_outdated(site, translation):
                entry.outdated.append(rel)
            else:
                entry.translated.append(rel)
        result[lang] = entry
    return result


def status_json(site: Site) -> dict:
    return {lang: entry.as_dict() for lang, entry in status(site).items()}


def stamp(site: Site, path: Path) -> str:
    """Record in the translation at `path` the current version of its English page."""
    rel = path.resolve().relative_to(site.docs_dir.resolve()).as_posix()
    translation = next((d for d in site.documents if d.rel == rel), None)
    if translation is None or not translation.is_translation:
        raise ValueError(f"{rel} is not a translation (translations end in .LANG.md)")
    original = site.get(translation.norm_rel)
    if original is None:
        raise ValueError(f"{rel} translates {translation.norm_rel}, which does not exist")
    version = english_version(original)
    lines = path.read_text(encoding="utf-8").split("\n")
    closing = next((i for i, line in enumerate(lines[1:], 1) if line == FENCE), None) if lines[0] == FENCE else None
    if closing is None:
        raise ValueError(f"{rel} has no front matter; add one with its translated title first")
    matter = [line for line in lines[1:closing] if not line.startswith(f"{FIELD}:")] + [f'{FIELD}: "{version}"']  # quoted: YAML would read an all-digit hash as a number
    path.write_text("\n".join([FENCE, *matter, *lines[closing:]]), encoding="utf-8")
    return version
