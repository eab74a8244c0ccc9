"""Project configuration: ``.factcheck.yaml`` or ``[tool.factcheck]`` in ``pyproject.toml``.

Found the way ruff and yamllint find theirs: the closest file from the working directory
upwards (``.factcheck.yaml``, then ``.factcheck.yml``, then a ``pyproject.toml`` that has the
table), stopping at the repository root (a directory holding ``.git``) or the filesystem root.
Flags override it. Paths in it are relative to its own directory. Unknown keys are errors that
name the valid ones, with the line for YAML and the key path for TOML.

Severity overrides and the rules selected (``select``, ``ignore`` and their flags) are applied
to findings after ``compare()`` returns (``apply_severity``), so the engine never knows a
configuration exists.
"""

from __future__ import annotations

import os
import reprlib
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

import yaml

from . import drift, files
from .compare import DEFAULT_CUTOFFS, Cutoffs
from .errors import InputError, decoding, load_yaml
from .report import SEVERITIES, Report

Level = Literal["error", "warning", "info", "off"]

LEVELS: tuple[Level, ...] = ("error", "warning", "info", "off")
FILENAMES = (".factcheck.yaml", ".factcheck.yml", "pyproject.toml")
KEYS = (
    *("claims", "severity", "fail-on", "exit-zero", "manifest", "cutoffs"),
    *("select", "ignore", "exclude"),
)
CUTOFFS = ("cover", "same-claim", "says", "unsupported")
RULES = drift.RULES
GROUPS = {"drift": tuple(rule for rule in RULES if rule.endswith("-drift"))}
"""Kinds that name several rules in ``select`` and ``ignore`` (``omission`` and ``unsupported``
are kinds and rules at once)."""
Lines = Mapping[tuple[str, ...], int]
KEY_DEPTH = 2  # levels of keys a configuration has


@dataclass(frozen=True)
class Config:
    """What a configuration file sets; ``None`` where it leaves the default or the flag.

    ``manifest`` maps derivative globs (relative to ``root``) to the claims file each derives
    from, first match winning; ``claims`` and manifest targets are already joined to ``root``.
    ``exclude`` lists gitignore-style globs (relative to ``root``) of files that are no
    articles (see ``articles.excluded``).
    """

    path: str | None = None
    root: str = "."
    claims: str | None = None
    severity: tuple[tuple[str, Level], ...] = ()
    fail_on: str | None = None
    exit_zero: bool = False
    manifest: tuple[tuple[str, str], ...] = ()
    cutoffs: Cutoffs = DEFAULT_CUTOFFS
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None  # the rules reported; None: every rule
    ignore: tuple[str, ...] = ()  # rules never reported

    def reports(self, rule: str) -> bool:
        """True when findings of ``rule`` are reported: selected, not ignored, not ``off``."""
        selected = (self.select is None or rule in self.select) and rule not in self.ignore
        return selected and dict(self.severity).get(rule) != "off"


def find(start: str = ".") -> str | None:
    """The closest configuration file from ``start`` upwards, or None."""
    directory = os.path.abspath(start)
    while True:
        for name in FILENAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_table(candidate)):
                return os.path.relpath(candidate)
        parent = os.path.dirname(directory)
        if parent == directory or os.path.isdir(os.path.join(directory, ".git")):
            return None
        directory = parent


def repository(config: Config) -> str:
    """The folder a derivative's front matter may name claims files in: the repository that
    holds the configuration file, or the working directory when there is no configuration
    file (the closest folder above with ``.git``), else that folder itself."""
    folder = os.getcwd() if config.path is None else os.path.dirname(os.path.abspath(config.path))
    directory = folder
    while not os.path.exists(os.path.join(directory, ".git")):
        parent = os.path.dirname(directory)
        if parent == directory:
            return folder
        directory = parent
    return directory


def load(path: str | None) -> Config:
    """The configuration in ``path`` (None: no file, the defaults)."""
    if path is None:
        return Config()
    text = _read(path)
    if path.endswith(".toml"):
        table = _tool_table(_toml(text, path))
        if not isinstance(table, dict):
            raise InputError(f"{path}: [tool.factcheck] must be a table")
        with decoding(path, "the configuration"):
            return _build(table, path, {}, ("tool", "factcheck"))
    raw, lines = _yaml(text, path)
    with decoding(path, "the configuration"):  # a value nested too deeply to print, say
        return _build(raw, path, lines, ())


def apply_severity(report: Report, config: Config) -> Report:
    """``report`` with the configured severity of each rule; findings of rules set to ``off``,
    not selected or ignored are dropped and the summary's finding counts follow (coverage and
    consistency, which describe the comparison itself, stay)."""
    if not config.severity and config.select is None and not config.ignore:
        return report
    levels = dict(config.severity)
    findings = []
    for finding in report.findings:
        level = levels.get(finding.rule, finding.severity)
        if level != "off" and config.reports(finding.rule):
            findings.append(replace(finding, severity=level))
    return report.with_findings(findings)


def choose_rules(config: Config, select: Iterable[str], ignore: Iterable[str]) -> Config:
    """``config`` with the command line's ``--select`` and ``--ignore`` values (each a
    comma-separated list of rule ids or kinds). As ruff's: ``--select`` replaces both the
    configuration's ``select`` and its ``ignore``; ``--ignore`` alone adds to its ``ignore``."""
    selected, ignored = _flag_rules(select, "--select"), _flag_rules(ignore, "--ignore")
    if selected:
        return replace(config, select=selected, ignore=ignored)
    return replace(config, ignore=(*config.ignore, *ignored))


def _build(raw: Any, path: str, lines: Lines, prefix: tuple[str, ...]) -> Config:
    """Check every key and value of the parsed file and make the Config."""
    where = _Where(path, lines, prefix)
    if not isinstance(raw, dict):
        raise InputError(f"{where.at(())}: expected a mapping of settings")
    _known(raw, KEYS, where, ())
    root = os.path.dirname(path) or "."
    claims = raw.get("claims")
    return Config(
        path=path,
        root=root,
        claims=_join(root, where.text(claims, ("claims",))) if claims is not None else None,
        severity=_severity(raw.get("severity", {}), where),
        fail_on=_choice(raw["fail-on"], SEVERITIES, where, ("fail-on",))
        if "fail-on" in raw
        else None,
        exit_zero=where.flag(raw.get("exit-zero", False), ("exit-zero",)),
        manifest=_manifest(raw.get("manifest", {}), root, where),
        cutoffs=_cutoffs(raw.get("cutoffs", {}), where),
        select=_rule_list(raw["select"], where, "select") if "select" in raw else None,
        ignore=_rule_list(raw.get("ignore", []), where, "ignore"),
        exclude=_exclude(raw.get("exclude", []), where),
    )


def _cutoffs(raw: Any, where: _Where) -> Cutoffs:
    """Match cut-offs, each a share from 0 to 1 (see compare.Cutoffs)."""
    if not isinstance(raw, dict):
        raise InputError(f"{where.at(('cutoffs',))}: 'cutoffs' must map names to shares")
    _known(raw, CUTOFFS, where, ("cutoffs",))
    values = {}
    for name, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            key = ("cutoffs", name)
            raise InputError(f"{where.at(key)}: {where.name(key)} must be a share from 0 to 1")
        values[name.replace("-", "_")] = float(value)
    return Cutoffs(**values)


def _severity(raw: Any, where: _Where) -> tuple[tuple[str, Level], ...]:
    if not isinstance(raw, dict):
        raise InputError(f"{where.at(('severity',))}: 'severity' must map rule ids to levels")
    _known(raw, RULES, where, ("severity",))
    levels: list[tuple[str, Level]] = []
    for rule, value in raw.items():
        value = "off" if value is False else value  # YAML 1.1 reads a bare off as false
        level = _choice(value, LEVELS, where, ("severity", rule))
        levels.append((rule, level))
    return tuple(sorted(levels))


def _rule_list(raw: Any, where: _Where, key: str) -> tuple[str, ...]:
    """A ``select`` or ``ignore`` list: rule ids and kinds, as the rule ids they name."""
    if not isinstance(raw, list) or not all(isinstance(name, str) for name in raw):
        raise InputError(f"{where.at((key,))}: {where.name((key,))} must be a list of rule ids")
    return _rules_named(raw, f"{where.at((key,))}: ", where.name((key,)))


def _flag_rules(values: Iterable[str], flag: str) -> tuple[str, ...]:
    """The rule ids named by a repeatable flag's values, each a comma-separated list."""
    names = (name.strip() for value in values for name in value.split(","))
    return _rules_named([name for name in names if name], "", flag)


def _rules_named(names: Iterable[str], at: str, given: str) -> tuple[str, ...]:
    """Rule ids and kinds as the rule ids they name, each once, in order. An unknown name is an
    input error, ``<at>unknown rule 'x' in <given> (valid: …)``."""
    names = list(names)
    for name in names:
        if name not in RULES and name not in GROUPS:
            valid = ", ".join((*GROUPS, *RULES))
            raise InputError(f"{at}unknown rule {reprlib.repr(name)} in {given} (valid: {valid})")
    return tuple(dict.fromkeys(rule for name in names for rule in GROUPS.get(name, (name,))))


def _manifest(raw: Any, root: str, where: _Where) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, dict):
        raise InputError(
            f"{where.at(('manifest',))}: 'manifest' must map derivative globs to claims files"
        )
    return tuple(
        (where.text(glob, ("manifest",)), _join(root, where.text(claims, ("manifest", str(glob)))))
        for glob, claims in raw.items()
    )


def _exclude(raw: Any, where: _Where) -> tuple[str, ...]:
    """The ``exclude`` globs, each a path pattern; ``!`` (gitignore's "include again") is not
    supported, so a pattern starting with it is an error rather than a silent exclusion."""
    key = ("exclude",)
    if not isinstance(raw, list):
        raise InputError(f"{where.at(key)}: {where.name(key)} must be a list of globs")
    patterns = tuple(where.text(pattern, key) for pattern in raw)
    for pattern in patterns:
        if pattern.startswith("!"):
            negated = reprlib.repr(pattern)
            raise InputError(f"{where.at(key)}: {where.name(key)} cannot re-include ({negated})")
    return patterns


def _known(raw: dict[Any, Any], valid: tuple[str, ...], where: _Where, at: tuple[str, ...]) -> None:
    for key in raw:
        if key not in valid:
            key_path = (*at, str(key))
            raise InputError(
                f"{where.at(key_path)}: unknown key {where.name(key_path)}"
                f" (valid: {', '.join(valid)})"
            )


def _choice(value: Any, valid: tuple[str, ...], where: _Where, at: tuple[str, ...]) -> Any:
    if value not in valid:
        raise InputError(
            f"{where.at(at)}: {where.name(at)} must be one of {', '.join(valid)}, "
            f"not {reprlib.repr(value)}"
        )
    return value


@dataclass(frozen=True)
class _Where:
    """Names a setting in messages: ``file:line`` for YAML, the dotted key path for TOML."""

    path: str
    lines: Lines
    prefix: tuple[str, ...]

    def at(self, key: tuple[str, ...]) -> str:
        line = self.lines.get(key) or self.lines.get(key[:1])
        return f"{self.path}:{line}" if line else self.path

    def name(self, key: tuple[str, ...]) -> str:
        return repr(".".join((*self.prefix, *key)))

    def text(self, value: Any, key: tuple[str, ...]) -> str:
        if not isinstance(value, str) or not value or "\0" in value:
            raise InputError(f"{self.at(key)}: {self.name(key)} must be a path")
        return value

    def flag(self, value: Any, key: tuple[str, ...]) -> bool:
        if not isinstance(value, bool):
            raise InputError(f"{self.at(key)}: {self.name(key)} must be true or false")
        return value


def _join(root: str, path: str) -> str:
    """``path`` from the config file's directory, as the user would type it from here."""
    return os.path.relpath(os.path.join(root, os.path.expanduser(path)))


def _read(path: str) -> str:
    """The text of a configuration file, read like every input (``files.read_text``) but
    allowed to be empty (it then sets nothing). ``-`` is no configuration file: stdin is for
    documents."""
    if path == files.STDIN or not os.path.lexists(path):
        raise InputError(f"{path}: no such configuration file")
    return files.read_text(path, allow_empty=True)


def _has_table(path: str) -> bool:
    """True when a pyproject.toml has ``[tool.factcheck]``; one without it is skipped."""
    return _tool_table(_toml(_read(path), path)) is not None


def _tool_table(document: dict[str, Any]) -> Any:
    """``[tool.factcheck]`` of a pyproject document, or None; a ``tool`` that is not a table
    has none."""
    tool = document.get("tool")
    return tool.get("factcheck") if isinstance(tool, dict) else None


def _toml(text: str, path: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    with decoding(path, "the TOML"):
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{path}: invalid TOML: {exc}") from None


def _yaml(text: str, path: str) -> tuple[Any, dict[tuple[str, ...], int]]:
    """The parsed YAML and the line of every key (by key path), for messages."""
    node, raw = load_yaml(text, path, "the configuration")
    lines: dict[tuple[str, ...], int] = {}
    _key_lines(node, (), lines)
    return ({} if raw is None else raw), lines


def _key_lines(
    node: yaml.Node | None, at: tuple[str, ...], lines: dict[tuple[str, ...], int]
) -> None:
    """The line of each key down to KEY_DEPTH levels (``severity.hedge-drift``): no setting is
    deeper, and a hostile file may nest a thousand levels."""
    if not isinstance(node, yaml.MappingNode) or len(at) >= KEY_DEPTH:
        return
    for key, value in node.value:
        path = (*at, str(key.value))
        lines[path] = key.start_mark.line + 1
        _key_lines(value, path, lines)
