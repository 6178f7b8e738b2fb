"""YAML reading that remembers the line of every value, so errors can point at it."""

from __future__ import annotations

from typing import Any

import yaml

from peacetalks.errors import CaseError, Problem

Path = tuple[str | int, ...]

#: Bound on the values one file may expand to: aliases can make a small file enormous.
MAX_NODES = 2_000_000

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str, filename: str) -> tuple[Any, dict[Path, int]]:
    """Parse one YAML document; return the data and a map from field path to 1-based line."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        message = f"malformed YAML: {exc.problem or exc.context}"
        raise CaseError([Problem(filename, line, "", message,
                                 "check indentation, colons and quotes on this line")]) from None
    except yaml.YAMLError as exc:  # e.g. a second document in the stream
        raise CaseError([Problem(filename, None, "", f"malformed YAML: {exc}",
                                 "a case file holds exactly one YAML document")]) from None
    if root is None:
        return None, {}
    builder = _Builder(filename)
    data = builder.build(root, ())
    if builder.problems:
        raise CaseError(builder.problems)
    return data, builder.lines


class _Builder:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.lines: dict[Path, int] = {}
        self.problems: list[Problem] = []
        self.constructor = yaml.constructor.SafeConstructor()
        self.count = 0

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise CaseError([Problem(self.filename, node.start_mark.line + 1, dotted(path),
                                     f"the file expands to more than {MAX_NODES:,} values",
                                     "remove deeply nested YAML aliases (&anchor / *alias)")])
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.problems.append(self._problem(key_node, path, "YAML merge keys (<<) are not supported",
                                                       "write the fields out"))
                    continue
                key = self._scalar(key_node, path)
                if not isinstance(key, str | int | float | bool) or key is None:
                    self.problems.append(self._problem(key_node, path, "a mapping key must be a plain value",
                                                       "use a name such as 'id:'"))
                    continue
                key = str(key) if not isinstance(key, str) else key
                if key in result:
                    self.problems.append(self._problem(key_node, (*path, key), f"duplicate key {key!r}",
                                                       "each field may appear once per entry"))
                    continue
                result[key] = self.build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, k)) for k, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _scalar(self, node: yaml.Node, path: Path) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return None
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError, OverflowError) as exc:
            self.problems.append(self._problem(node, path, f"cannot read value: {exc}",
                                               "quote the value if it is meant as text"))
            return None

    def _problem(self, node: yaml.Node, path: Path, message: str, hint: str) -> Problem:
        return Problem(self.filename, node.start_mark.line + 1, dotted(path), message, hint)


def dotted(path: Path) -> str:
    """('positions', 3, 'salience') -> 'positions[3].salience'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out

