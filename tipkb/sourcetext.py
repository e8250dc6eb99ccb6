"""The text of a source document, in numbered paragraphs: docs/sources/ID.txt.

The file is plain text (not Markdown). A preamble describes it; then each block,
separated by blank lines, opens with a line naming it: `¶ 12` for citable
paragraph 12 (list items are paragraphs too), `¶ heading` for a heading of the
document, `¶ furniture` for page furniture (shown, never cited nor counted).
Paragraph numbers are written in the file, so they never change when another
paragraph is edited; a paragraph added later takes the next free number.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from tipkb.problems import Problem

MARK = "¶"
HEADING, FURNITURE = "heading", "furniture"


@dataclass(frozen=True)
class Block:
    kind: str  # 'paragraph', 'heading' or 'furniture'
    number: str | None  # the paragraph's number ('12', '12a'), for paragraphs
    line: int
    text: str


@dataclass(frozen=True)
class SourceText:
    id: str
    rel: str
    blocks: tuple[Block, ...]

    @cached_property
    def paragraphs(self) -> dict[str, Block]:
        """The citable paragraphs, by number, in the document's order."""
        found: dict[str, Block] = {}
        for block in self.blocks:
            if block.number is not None:
                found.setdefault(block.number, block)  # a number used twice is reported; the first one stands
        return found


def anchor(number: str) -> str:
    """The HTML id of paragraph `number` on its source page."""
    return f"p{number}"


def number_of(fragment: str) -> str | None:
    """The paragraph number an anchor names ('p12' -> '12'), or None."""
    if fragment.startswith("p") and _is_number(fragment[1:]):
        return fragment[1:]
    return None


def _is_number(value: str) -> bool:
    digits = value.rstrip("abcdefghijklmnopqrstuvwxyz")
    return digits.isdigit() and not digits.startswith("0") and len(value) - len(digits) <= 1


def parse(text: str, source_id: str, rel: str) -> tuple[SourceText, list[Problem]]:
    problems: list[Problem] = []
    blocks: list[Block] = []
    seen: dict[str, int] = {}
    opened: tuple[str, str | None, int] | None = None
    lines: list[str] = []

    def close() -> None:
        if opened is None:
            return
        kind, number, line = opened
        body = " ".join(part.strip() for part in lines if part.strip())
        if not body:
            problems.append(Problem(rel, line, None, f"{MARK} {number or kind} has no text", "write its text on the lines below the marker"))
            return
        blocks.append(Block(kind, number, line, body))

    for number_of_line, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line.startswith(MARK):
            close()
            lines = []
            name = line[len(MARK):].strip()
            if name in (HEADING, FURNITURE):
                opened = (name, None, number_of_line)
            elif _is_number(name):
                if name in seen:
                    problems.append(Problem(rel, number_of_line, None, f"{MARK} {name} is used twice (first on line {seen[name]})",
                                            "give the new paragraph the next free number; numbers never change"))
                seen[name] = number_of_line
                opened = ("paragraph", name, number_of_line)
            else:
                opened = None
                problems.append(Problem(rel, number_of_line, None, f"'{line}' names no paragraph",
                                        f"open a block with '{MARK} 12' (a number), '{MARK} {HEADING}' or '{MARK} {FURNITURE}'"))
        elif opened is not None:
            lines.append(raw)
    close()
    if not seen:
        problems.append(Problem(rel, None, None, "the source text has no numbered paragraph",
                                f"open each paragraph with '{MARK} 1', '{MARK} 2', ..."))
    return SourceText(source_id, rel, tuple(blocks)), problems
