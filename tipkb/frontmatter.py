"""Split a Markdown file into front matter and body, keeping line numbers.

The YAML is parsed once into both its data and its node tree, so that any
field path (('units', 0, 'name')) can be traced back to the line it is on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from tipkb.problems import Problem

FENCE = "---"
# libyaml's loader where PyYAML was built with it (it is, from PyPI's wheels): same nodes
# and marks, several times faster than the pure-Python one.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class FrontMatter:
    data: dict = field(default_factory=dict)
    node: yaml.Node | None = None
    first_line: int = 1  # the line of the opening fence

    def line_of(self, loc: tuple = ()) -> int:
        """The line of the value at `loc`, or of the nearest enclosing one that exists."""
        node, line = self.node, self.first_line
        if node is None:
            return line
        line = node.start_mark.line + self.first_line + 1
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
            line = (key_node or node).start_mark.line + self.first_line + 1
        return line


def _child(node: yaml.Node, part) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return key, value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None


def split(text: str, file: str) -> tuple[FrontMatter, str, int, list[Problem]]:
    """(front matter, body, line the body starts on, problems)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return FrontMatter(), text, 1, []
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (FENCE, "..."):
            end = index
            break
    else:
        return FrontMatter(), text, 1, [
            Problem(file, 1, None, "the front matter opened with '---' is never closed",
                    "end it with a line holding only '---'")
        ]
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1:])
    matter, problems = _parse(yaml_text, file)
    return matter, body, end + 2, problems


def _parse(yaml_text: str, file: str) -> tuple[FrontMatter, list[Problem]]:
    loader = LOADER(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:
        return FrontMatter(), [_yaml_problem(error, yaml_text, file)]
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(), [
            Problem(file, 2, None, "the front matter is not a list of 'field: value' lines",
                    "write each field as 'name: value' on its own line")
        ]
    return FrontMatter(data, node), _duplicate_keys(node, file)


def _duplicate_keys(node: yaml.Node, file: str, path: str = "") -> list[Problem]:
    """A key written twice in one mapping: YAML keeps the last silently (a merge can lose a whole list)."""
    problems = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name = f"{path}.{key.value}" if path else str(key.value)
            line = key.start_mark.line + 2
            if key.value in seen:
                problems.append(Problem(file, line, name, f"appears twice in the front matter (first on line {seen[key.value]})",
                                        "keep one of them: YAML would silently drop the first"))
            seen.setdefault(key.value, line)
            problems += _duplicate_keys(value, file, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _duplicate_keys(item, file, f"{path}[{index}]")
    return problems


def _yaml_problem(error: yaml.YAMLError, yaml_text: str, file: str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 2 if mark else 2
    problem = getattr(error, "problem", None) or str(error)
    hint = "check the indentation and quote values that contain ':' or '#'"
    source_line = yaml_text.split("\n")[mark.line] if mark and mark.line < len(yaml_text.split("\n")) else ""
    if "\t" in source_line or "'\\t'" in problem:
        hint = "YAML does not allow tabs; indent with spaces"
    return Problem(file, line, None, f"the front matter is not valid YAML: {problem}", hint)
