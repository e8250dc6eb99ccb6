"""Countries and regions: ISO 3166-1 codes (pycountry), the fixed region list,
and their names in every language (CLDR, through Babel)."""

from __future__ import annotations

import re
from functools import cache

import pycountry
from babel import Locale

from tipkb.resources import load_yaml


def slug(name: str) -> str:
    """A lowercase kebab-case id for an English name ('Bosnia & Herzegovina' -> 'bosnia-herzegovina')."""
    name = name.lower().replace("&", "and")
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


@cache
def regions() -> dict[str, dict]:
    return load_yaml("regions.yml")


@cache
def _extra_codes() -> dict[str, dict]:
    return load_yaml("iso-extra.yml")


def alpha2(iso3: str) -> str | None:
    """The two-letter code of a known alpha-3 code, or None if the code is not known."""
    if iso3 in _extra_codes():
        return _extra_codes()[iso3]["alpha2"]
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country else None


def english_names(iso3: str) -> list[str]:
    """Every English name the code goes by: ISO's names and CLDR's."""
    if iso3 in _extra_codes():
        names = list(_extra_codes()[iso3]["names"])
    else:
        country = pycountry.countries.get(alpha_3=iso3)
        if country is None:
            return []
        names = [getattr(country, attr) for attr in ("name", "common_name", "official_name") if hasattr(country, attr)]
    names.append(Locale("en").territories.get(alpha2(iso3), ""))
    return [name for name in names if name]


def _name_forms(name: str) -> set[str]:
    forms = {slug(name), slug(name.split(",")[0]), slug(name.split(" - ")[0])}  # 'Micronesia, Federated States of'; CLDR's 'Congo - Brazzaville'
    return forms | {form.removeprefix("the-") for form in forms}


@cache
def _codes_by_name_form() -> dict[str, str]:
    """Every kebab-case form of every English name -> its alpha-3 code (the first code, in ISO order, that has it)."""
    codes: dict[str, str] = {}
    for code in list(_extra_codes()) + [country.alpha_3 for country in pycountry.countries]:
        for name in english_names(code):
            for form in _name_forms(name):
                codes.setdefault(form, code)
    return codes


def code_for_id(page_id: str) -> str | None:
    """The alpha-3 code of the country a page id names: an exact name first, then
    the id without a leading 'the-' or 'republic-of-(the-)' ('republic-of-the-congo' is COG, not COD)."""
    candidates = [page_id] + [page_id.removeprefix(p) for p in ("the-", "republic-of-the-", "republic-of-") if page_id.startswith(p)]
    return next((_codes_by_name_form()[wanted] for wanted in candidates if wanted in _codes_by_name_form()), None)


def code_matches_id(iso3: str, page_id: str) -> bool:
    """Whether the country with code `iso3` is the one a page called `page_id` is about."""
    return code_for_id(page_id) == iso3


def country_name(iso3: str, lang: str) -> str:
    """The CLDR name of a country in `lang`."""
    return Locale.parse(lang).territories.get(alpha2(iso3) or "", iso3)


def region_name(region_id: str, lang: str) -> str:
    """The CLDR name of a region in `lang`."""
    return Locale.parse(lang).territories[regions()[region_id]["m49"]]


def region_order(region_id: str) -> tuple[str, str]:
    """A sort key keeping each continent's regions together."""
    return (regions()[region_id]["continent"], regions()[region_id]["m49"])
