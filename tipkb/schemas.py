"""JSON Schemas of the front matter, generated from the models, so that editors
(VS Code's YAML extension) complete and check fields as they type.
`python -m tipkb schemas` writes them to schemas/; a test keeps them current."""

from __future__ import annotations

import json
from pathlib import Path

from tipkb import geography, strings
from tipkb.models import KINDS

NAMES = {"countries": "country", "practices": "practice", "statutes": "statute", "sources": "source"}


def schema(kind: str) -> dict:
    model = KINDS[kind]
    result = model.model_json_schema()
    result["$id"] = f"{NAMES[kind]}.schema.json"
    result["description"] = f"Front matter of a page in docs/{kind}/ (see CONTRIBUTING.md)."
    properties = result["properties"]
    if "region" in properties:
        properties["region"]["enum"] = sorted(geography.regions())
    if "subjects" in properties:
        properties["subjects"]["items"] = {"enum": strings.subjects()}
    return result


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, name in NAMES.items():
        path = out_dir / f"{name}.schema.json"
        path.write_text(json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
