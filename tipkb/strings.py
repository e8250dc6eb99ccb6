"""Localized interface strings for the generated parts, from data/strings.yml."""

from __future__ import annotations

from tipkb.languages import DEFAULT_LANGUAGE
from tipkb.resources import load_yaml


def text(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang` (English where a language lacks it)."""
    entry = load_yaml("strings.yml")[key]
    return entry.get(lang, entry[DEFAULT_LANGUAGE]).format(**values)


def subjects() -> list[str]:
    """The statute subjects editors may use: those the strings file labels."""
    return [key.removeprefix("subject.") for key in load_yaml("strings.yml") if key.startswith("subject.")]
