"""Check that every id a page names in its front matter is a page of that kind."""

from __future__ import annotations

from tipkb.problems import Problem, did_you_mean
from tipkb.site import Document, Site

# field -> (kind of page it names, singular noun for messages)
REFERENCES = {
    "practices": ("practices", "practice"),
    "statutes": ("statutes", "statute"),
    "related": ("countries", "country"),
    "sources": ("sources", "source"),
}


def check_references(site: Site) -> list[Problem]:
    problems = _same_id_in_two_kinds(site)
    for doc in site.documents:
        if doc.is_translation or doc.model is None:
            continue
        for field, (kind, noun) in REFERENCES.items():
            for index, value in enumerate(getattr(doc.model, field, [])):
                problems += _reference(site, doc, (field, index), value, kind, noun)
            values = getattr(doc.model, field, [])
            for value in {v for v in values if values.count(v) > 1}:
                problems.append(Problem(doc.rel, doc.matter.line_of((field,)), field, f"'{value}' is listed twice",
                                        "list each id once"))
        if doc.kind == "countries" and doc.id in doc.model.related:
            problems.append(Problem(doc.rel, doc.matter.line_of(("related",)), "related",
                                    "a country cannot be related to itself", f"remove '{doc.id}'"))
        if doc.kind == "statutes" and doc.model.jurisdiction != "international":
            problems += _reference(site, doc, ("jurisdiction",), doc.model.jurisdiction, "countries", "country",
                                   extra=["international"])
    return problems


def _reference(site: Site, doc: Document, loc: tuple, value: str, kind: str, noun: str,
               extra: list[str] = ()) -> list[Problem]:
    target = site.get(f"{kind}/{value}.md")
    if target is not None and target.kind == kind:
        return []
    hint = did_you_mean(value, site.ids(kind) + list(extra)) or f"create docs/{kind}/{value}.md or use an existing {noun} id"
    field = loc[0] if len(loc) == 1 else f"{loc[0]}[{loc[1]}]"
    return [Problem(doc.rel, doc.matter.line_of(loc), field, f"unknown {noun} '{value}'", hint)]


def _same_id_in_two_kinds(site: Site) -> list[Problem]:
    problems = []
    seen: dict[str, Document] = {}
    for doc in site.documents:
        if doc.kind is None or doc.is_translation:
            continue
        if doc.id in seen:
            problems.append(Problem(doc.rel, None, None, f"the id '{doc.id}' is also used by {seen[doc.id].rel}",
                                    "ids must be unique across countries, practices, statutes and sources; rename one"))
        else:
            seen[doc.id] = doc
    return problems


def backlinks(site: Site, target: Document) -> dict[str, list[Document]]:
    """The English pages that name `target` in their front matter, by kind."""
    field = {"practices": "practices", "statutes": "statutes", "sources": "sources", "countries": "related"}[target.kind]
    found: dict[str, list[Document]] = {}
    for kind in ("countries", "practices", "statutes"):
        for doc in site.pages(kind):
            if target.id in getattr(doc.model, field, []) or (
                target.kind == "countries" and kind == "statutes" and doc.model.jurisdiction == target.id
            ):
                found.setdefault(kind, []).append(doc)
    return found
