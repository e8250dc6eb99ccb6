"""Validate each document's front matter against its kind's model.

English pages are checked against their kind's model; a translation may carry
only the translatable fields, and inherits the rest from its English page.
"""

from __future__ import annotations

from pydantic import ValidationError

from tipkb.models import KINDS, Page
from tipkb.problems import Problem, did_you_mean
from tipkb.site import Document, Site
from tipkb.translations import FIELD, VERSION

DATE_ERRORS = {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}


def validate_models(site: Site) -> list[Problem]:
    """Validate every readable document, setting `doc.model` on the valid ones."""
    problems: list[Problem] = []
    english = [d for d in site.documents if not d.is_translation]
    for doc in english + [d for d in site.documents if d.is_translation]:
        if doc.matter is not None:
            problems += _validate(site, doc)
    return problems


def _validate(site: Site, doc: Document) -> list[Problem]:
    model = KINDS.get(doc.kind, Page)
    data = dict(doc.matter.data)
    if doc.is_translation:
        original = site.get(doc.norm_rel)
        if original is None:
            return [Problem(doc.rel, None, None, f"this translates {doc.norm_rel}, which does not exist",
                            f"create {doc.norm_rel} first, or correct the file name")]
        problems = _structural_fields(doc, original, model)
        version = data.pop(FIELD, None)
        if version is not None and not VERSION.match(str(version)):
            problems.append(Problem(doc.rel, doc.matter.line_of((FIELD,)), FIELD, f"'{version}' is not a version stamp",
                                    f"run 'make i18n-stamp FILES={doc.rel}' after updating the translation"))
        if problems or original.model is None:
            return problems
        data = {**original.model.model_dump(exclude_defaults=False), **data}
    try:
        doc.model = model.model_validate(data, context={"id": doc.id})
    except ValidationError as error:
        return [_problem(doc, model, err) for err in error.errors()]
    return []


def _structural_fields(doc: Document, original: Document, model: type[Page]) -> list[Problem]:
    problems = []
    english = original.matter.data if original.matter is not None else {}
    for key, value in doc.matter.data.items():
        if key in Page.translatable or key == FIELD:
            continue
        line = doc.matter.line_of((key,))
        if key not in model.model_fields:
            allowed = sorted(Page.translatable | {FIELD})
            hint = did_you_mean(key, allowed) or "a translation carries only " + ", ".join(allowed)
            problems.append(Problem(doc.rel, line, key, "unknown field", hint))
        elif english.get(key) != value:
            problems.append(Problem(doc.rel, line, key, f"contradicts the English page ({original.rel})",
                                    "translations inherit this field; remove it here and change it in the English page if needed"))
        else:
            problems.append(Problem(doc.rel, line, key, "is inherited from the English page",
                                    "remove it from the translation"))
    return problems


def _problem(doc: Document, model: type[Page], err: dict) -> Problem:
    loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    field = ctx.get("field") or ".".join(str(part) if isinstance(part, str) else f"[{part}]" for part in loc).replace(".[", "[") or None
    line = doc.matter.line_of(loc)
    kind = err["type"]
    value = err.get("input")
    if kind == "content":
        return Problem(doc.rel, line, field, err["msg"], ctx.get("hint") or None)
    if kind == "missing":
        return Problem(doc.rel, line, field, "required field is missing", f"add '{loc[-1]}:' to the front matter")
    if kind == "extra_forbidden":
        known = model.model_fields if len(loc) == 1 else ("name", "parent", "established", "covers")
        hint = did_you_mean(loc[-1], known) or "remove it; the fields are listed in CONTRIBUTING.md"
        return Problem(doc.rel, line, field, "unknown field", hint)
    if kind in DATE_ERRORS:
        return Problem(doc.rel, line, field, f"'{value}' is not a date", "write the date as YYYY-MM-DD, e.g. 2026-11-23")
    if kind == "string_pattern_mismatch":
        return Problem(doc.rel, line, field, f"'{value}' is not a page id",
                       "ids are lowercase words joined by hyphens, e.g. bosnia-and-herzegovina")
    if kind == "list_type":
        return Problem(doc.rel, line, field, f"should be a list, not {value!r}", "write [a, b] or one '- item' per line")
    if kind in ("string_type", "bool_type", "bool_parsing", "int_type", "int_parsing"):
        expected = {"string": "text", "bool": "true or false", "int": "a whole number"}[kind.split("_")[0]]
        return Problem(doc.rel, line, field, f"should be {expected}, not {value!r}",
                       "quote text that YAML reads as a number or date" if expected == "text" else None)
    if kind == "too_short":
        return Problem(doc.rel, line, field, "must not be empty", "list at least one id")
    message = err["msg"][0].lower() + err["msg"][1:]
    return Problem(doc.rel, line, field, message)
