"""The site's languages, read from data/languages.yml."""

from __future__ import annotations

from dataclasses import dataclass

from tipkb.resources import load_yaml


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    direction: str
    search_pipeline: tuple[str, ...] | None = None  # lunr pipeline functions kept in this language's index
    fonts: tuple[str, ...] = ()  # stylesheets of npm font packages the site serves for this language


LANGUAGES: tuple[Language, ...] = tuple(
    Language(**{**entry, "search_pipeline": tuple(entry["search_pipeline"]) if "search_pipeline" in entry else None,
                "fonts": tuple(entry.get("fonts", ()))})
    for entry in load_yaml("languages.yml")
)
LANGUAGE_CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
DEFAULT_LANGUAGE: str = LANGUAGES[0].code


def language(code: str) -> Language:
    return next(lang for lang in LANGUAGES if lang.code == code)
