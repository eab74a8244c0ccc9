"""The one exception type for problems the user caused (bad input, bad claims file), and the
ways hostile input is turned into it.

The CLI turns it into a single line on stderr and exit status 2; the API lets it propagate.
Anything else that escapes is a bug in factcheck: the CLI reports it as an internal error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml

try:  # libyaml is ten times faster and limits nesting; the pure-Python loader recurses until
    # the stack runs out
    from yaml import CSafeLoader as YamlLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as YamlLoader  # type: ignore[assignment]


class InputError(ValueError):
    """Bad input: the message is complete and user-facing, e.g. ``claims.yaml:12: ...``."""


def yaml_error(exc: Exception, path: str) -> InputError:
    """One line for a YAML syntax error: ``path:line: invalid YAML: problem``."""
    mark = getattr(exc, "problem_mark", None)
    where = f"{path}:{mark.line + 1}" if mark else path
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return InputError(f"{where}: invalid YAML: {problem}")


@contextmanager
def decoding(where: str, what: str) -> Iterator[None]:
    """Run a parser on user input, turning whatever it raises on hostile input into one
    ``InputError`` naming ``where`` (``path`` or ``path:line``) and ``what`` was read: YAML
    errors, values its constructors refuse (a date that is no date, ``!!int xyz``, a number of
    thousands of digits, which Python will not convert), and nesting deeper than the
    interpreter's stack."""
    try:
        yield
    except InputError:
        raise
    except yaml.YAMLError as exc:
        raise yaml_error(exc, where) from None
    except RecursionError:
        raise InputError(f"{where}: {what} is nested too deeply") from None
    except (ValueError, OverflowError) as exc:
        problem = " ".join(str(exc).split()) or type(exc).__name__
        if "integer string conversion" in problem:  # Python's own limit, not the user's words
            problem = "a number with more than 4,300 digits"
        raise InputError(f"{where}: {what} has a value that cannot be read: {problem}") from None


def load_yaml(text: str, where: str, what: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for the line of each key) and the data of a YAML document, read within
    ``decoding``. An alias (``*name``) is refused: it lets a few hundred bytes stand for
    billions of values (a "billion laughs"), and no setting needs one."""
    with decoding(where, what):
        node = yaml.compose(text, Loader=YamlLoader)
        seen: set[int] = set()
        stack = [node] if node is not None else []
        while stack:
            current = stack.pop()
            if id(current) in seen:
                raise InputError(f"{where}: {what} uses a YAML alias (*name); write it out")
            seen.add(id(current))
            if isinstance(current, yaml.SequenceNode):
                stack += current.value
            elif isinstance(current, yaml.MappingNode):
                stack += [part for pair in current.value for part in pair]
        return node, yaml.load(text, Loader=YamlLoader)


def require_unicode(text: str, where: str) -> None:
    """Refuse text that is not valid Unicode (a lone surrogate, which no file can hold but a
    Python string can): every later step would fail on it in its own way."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{where}: not valid Unicode text (a lone surrogate at character {exc.start})"
        ) from None


__all__ = ["InputError", "YamlLoader", "decoding", "load_yaml", "require_unicode", "yaml_error"]
