"""Problems found in the docs tree, in the form editors read them.

A problem names the file, the line where known, the field, what is wrong and
the likely fix. Nothing in the core raises for a content mistake: every check
returns problems, so one run reports all of them.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str | None
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{field} {self.message}{hint}"


    def as_github(self, docs_dir: str) -> str:
        """The problem as a GitHub workflow command, shown on the pull request's line."""
        path = posixpath.normpath(posixpath.join(docs_dir, self.file))
        properties = {"file": path, "line": self.line, "title": self.field}
        head = ",".join(f"{key}={_escape(str(value), True)}" for key, value in properties.items() if value is not None)
        text = f"{self.field}: {self.message}" if self.field else self.message
        hint = f" ({self.hint})" if self.hint else ""
        return f"::error {head}::{_escape(text + hint)}"


def _escape(value: str, property_: bool = False) -> str:
    """Escape a workflow command's data (and, in properties, ':' and ',')."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_ else value


def closest(value: object, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice that `value` most likely misspells, or None."""
    matches = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def did_you_mean(value: object, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """A hint naming the closest choice, for near-misses."""
    match = closest(value, choices, cutoff)
    return f"did you mean '{match}'?" if match else None


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file and line order, each once."""
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field or "", p.message))
