"""Write a new page from a template: `make new KIND=country NAME="Kenya"`.

The front matter is filled where it can be (id, ISO code, title, today's date,
and what the editor passes: region, sources, jurisdiction), with comments
saying what goes where and how to cite a paragraph of a source. A new source
also gets its text file (docs/sources/ID.txt) to paste the document into. The
command then checks the tree and lists what the editor still has to fill in.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from tipkb import geography

KIND_FOLDERS = {"country": "countries", "practice": "practices", "statute": "statutes", "source": "sources"}

CITING = """<!-- Every paragraph and list item ends with a footnote that links the paragraph(s) of the
     source it rests on; the numbers (¶) are in docs/sources/<source id>.txt. For example:
     The MP opened a regional office in Quetzaltenango.[^dpu-15]
     [^dpu-15]: U.S. Department of State, Dedicated Prosecution Units fact sheet, [¶ 15](../sources/state-dedicated-prosecution-units.md#p15).
-->"""

SOURCE_TEXT = """The text of "{name}" (docs/sources/{id}.md), as published, in numbered paragraphs.
Paste the document below: one block per paragraph (list items too), separated by blank lines,
each opened by a line with its number ("¶ 1", "¶ 2", ...), "¶ heading" for a heading, or
"¶ furniture" for page furniture (menus, sign-up boxes: shown, never cited). Numbers never change.
"""

TEMPLATES = {
    "country": """---
title: {name}
iso3: {iso3}  # ISO 3166-1 alpha-3 code of this country
region: {region}  # one of the ids in tipkb/data/regions.yml
units: []  # dedicated units, each: name, parent, covers, and established (a year) only where the sources give it
practices: []  # practice ids the sources show this country applying
statutes: []  # statute ids that apply
related: []  # country ids the sources show it cooperating with
sources: [{sources}]  # source ids of every source the page cites
last_reviewed: {today}  # the day you checked the page against its sources
---

## Overview

<!-- What the sources say about the country's response, each fact with its footnote. -->

{citing}

## Dedicated units and institutions

## What was done and what came of it

## Cooperation with other countries
""",
    "practice": """---
title: {name}
hallmark: false  # true only for the seven hallmarks of a dedicated prosecution unit
sources: [{sources}]
---

## What it is

{citing}

## Why it matters to a prosecutor

## Where the sources show it
""",
    "statute": """---
title: {name}
citation: {name}  # the formal citation
jurisdiction: {jurisdiction}  # a country id, or international
subjects: [trafficking]  # trafficking, smuggling, child-exploitation, forced-labor, money-laundering, victim-protection, law-enforcement
sources: [{sources}]
---

## What it covers

{citing}

## What the sources say
""",
    "source": """---
title: {name}
publisher: Publisher as the document names it
date: Not stated  # the date exactly as the document states it
covers: One or two sentences on what the document covers.
---

## About this document

## What it covers

## How to read it
""",
}


def new_page(docs_dir: Path, kind: str, name: str, region: str = "", sources: str = "", jurisdiction: str = "international") -> Path:
    if kind not in TEMPLATES:
        raise ValueError(f"unknown kind '{kind}': use one of {', '.join(TEMPLATES)}")
    page_id = geography.slug(name)
    if not page_id:
        raise ValueError("NAME must contain letters or digits")
    path = docs_dir / KIND_FOLDERS[kind] / f"{page_id}.md"
    if path.exists():
        raise ValueError(f"{path} exists already")
    text = TEMPLATES[kind].format(
        name=name, iso3=geography.code_for_id(page_id) or "XXX", region=region or '""',
        sources=", ".join(s.strip() for s in sources.split(",") if s.strip()),
        jurisdiction=jurisdiction, today=datetime.date.today().isoformat(), citing=CITING,
    )
    path.write_text(text, encoding="utf-8")
    if kind == "source":
        path.with_suffix(".txt").write_text(SOURCE_TEXT.format(name=name, id=page_id), encoding="utf-8")
    return path
