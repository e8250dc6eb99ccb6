"""The content model: what each kind of page carries in its front matter.

These pydantic models are the contract editors write against (CONTRIBUTING.md
documents them, and the JSON Schemas are generated from them). A page's kind is
its folder under docs/; its id is its file stem. Checks that need the whole
tree (do the ids a page names exist?) live in crossrefs.py.
"""

from __future__ import annotations

import datetime
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from tipkb import geography, strings
from tipkb.problems import did_you_mean

PageId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def content_error(message: str, hint: str | None = None, field: str | None = None) -> PydanticCustomError:
    """A validation error whose message, hint and field reach the editor as they are."""
    return PydanticCustomError("content", message, {"hint": hint or "", "field": field or ""})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Page(Strict):
    """Fields every page may carry. A general page (home, guides) needs only a title."""

    title: Text
    description: Text | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "feedback"]] = []

    # Fields a translation may carry; all others live in the English page only.
    translatable: ClassVar[frozenset[str]] = frozenset({"title", "description", "hide"})


class Unit(Strict):
    """A dedicated unit or institution of a country."""

    name: Text
    parent: Text = Field(description="The institution it belongs to, as the sources name it.")
    established: int | None = Field(None, ge=1800, le=2100, description="Year established, only where the sources give it.")
    covers: Text = Field(description="What it does or covers, in one sentence.")


class Country(Page):
    """docs/countries/ID.md"""

    iso3: str = Field(description="ISO 3166-1 alpha-3 code, e.g. GTM.")
    region: str = Field(description="A region id from tipkb/data/regions.yml.")
    units: list[Unit] = []
    practices: list[PageId] = []
    statutes: list[PageId] = []
    related: list[PageId] = []
    sources: list[PageId] = Field(min_length=1)
    last_reviewed: datetime.date

    @field_validator("iso3")
    @classmethod
    def _known_code(cls, value: str) -> str:
        if geography.alpha2(value) is None:
            raise content_error(f"'{value}' is not an ISO 3166-1 alpha-3 country code",
                                "use the three capital letters of the ISO list, e.g. GTM for Guatemala")
        return value

    @field_validator("region")
    @classmethod
    def _known_region(cls, value: str) -> str:
        if value not in geography.regions():
            hint = did_you_mean(value, geography.regions()) or "the regions are listed in tipkb/data/regions.yml"
            raise content_error(f"unknown region '{value}'", hint)
        return value

    @field_validator("last_reviewed")
    @classmethod
    def _not_in_future(cls, value: datetime.date) -> datetime.date:
        if value > datetime.date.today():
            raise content_error(f"{value.isoformat()} is in the future",
                                "give the date the page was last checked against its sources")
        return value

    @model_validator(mode="after")
    def _code_matches_page(self, info: ValidationInfo) -> "Country":
        page_id = (info.context or {}).get("id")
        if page_id and not geography.code_matches_id(self.iso3, page_id):
            names = " / ".join(geography.english_names(self.iso3)[:1])
            expected = geography.code_for_id(page_id)
            hint = f"the code for '{page_id}' is {expected}" if expected else "check the code and the file name"
            raise content_error(f"{self.iso3} is {names}, not the country of this page", hint, field="iso3")
        return self


class Practice(Page):
    """docs/practices/ID.md"""

    hallmark: bool = Field(description="One of the seven hallmarks of a dedicated prosecution unit.")
    sources: list[PageId] = Field(min_length=1)


class Statute(Page):
    """docs/statutes/ID.md"""

    citation: Text
    jurisdiction: PageId = Field(description="A country id, or 'international'.")
    subjects: list[str] = Field(min_length=1)
    sources: list[PageId] = Field(min_length=1)

    @field_validator("subjects")
    @classmethod
    def _known_subjects(cls, values: list[str]) -> list[str]:
        for value in values:
            if value not in strings.subjects():
                hint = did_you_mean(value, strings.subjects()) or "subjects: " + ", ".join(strings.subjects())
                raise content_error(f"unknown subject '{value}'", hint)
        return values


class Source(Page):
    """docs/sources/ID.md"""

    publisher: Text
    date: Text = Field(description="The date as the document states it, e.g. 'Updated July 13, 2022'.")
    covers: Text


KINDS: dict[str, type[Page]] = {
    "countries": Country,
    "practices": Practice,
    "statutes": Statute,
    "sources": Source,
}
