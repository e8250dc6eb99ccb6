"""Access to the data files shipped inside the package (tipkb/data/)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def load_yaml(name: str):
    text = resources.files("tipkb").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)
