"""Hostile inputs for property-based tests (hypothesis), and the runs they are checked with.

Shared by ``tests/test_fuzz.py`` (a fixed, derandomised budget in every test run) and
``benchmarks/fuzz.py`` (10,000 examples and more, counted). Every input a user or a stranger's
pull request controls is generated: the rewrite (text, Markdown with front matter, HTML), the
claims file, the configuration, the baseline, evaluate's JSON lines, and the options that name
outputs. A case is run in-process through the same entry point as the console script
(``cli.run``), in a fresh folder, under a time limit.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import yaml
from hang import time_limit
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import run

HANG = 10  # seconds after which a run counts as hung

FRAGMENTS = (
    *"The Alliance IBM Meta said not may presumably around more than 45 4.5% $1.2bn".split(),
    *(" ", "  ", "\t", "\n", "\n\n", "\r\n", ".", "!", "?", "...", ",", ";", ":", "-", "—"),
    *('"', "“", "”", "'", "’", "(", ")", "[", "]", "{", "}", "|", "#", ">", "- ", "1. ", "%"),
    *("<!--", "-->", "<!-- factcheck: ignore", "<!-- factcheck: ignore c001 -->"),
    *("<!-- factcheck: ignore-file omission -->", "# factcheck: ignore unsupported", "--"),
    *("<!-- factcheck: ignore-start c001 -->", "<!-- factcheck: ignore-end -->"),
    *("*", "**", "_", "`", "```", "~~", "](", "![", "<a b='", "<p>", "</p>", "<article>"),
    *("<script>", "</script>", "<!", "<?", "</", "&amp;", "&#8217;", "&#99999999;", "&x"),
    *("---\n", "...\n", "\x1b[31m", "\x1b]0;t\x07", "\x00", "\x9b", "\u2028", "\ufeff"),
    *("²", "①", "٣", "1" * 60, "U.S.", "No. 5", "Dr.", "according to", "He added", "Yann LeCun:"),
    *("claims: ../../etc/passwd", "claims: /etc/hostname", "version: 1", "claims:", "- id: "),
)
YAML_PIECES = (
    "version: 1\n",
    "version: 2\n",
    "source: r.txt\n",
    "claims:\n",
    "- id: c001\n",
    "  text: The Alliance has around 45 members.\n",
    "  line: 3\n",
    "  key: true\n",
    "  speaker: Yann LeCun\n",
    "  line: ²\n",
    "  line: " + "9" * 5000 + "\n",
    '- id: "c\\n2"\n',
    "- id: c001\n",
    "  text: !!int xyz\n",
    "  when: 2001-13-45\n",
    "  extra: 1\n",
    "[" * 50,
    "{a: *b}\n",
    "&a [*a]\n",
    "- ",
    ": ",
    "\t",
    "claims: []\n",
    "claims: {}\n",
    "\x00",
    "x: " + "[" * 990 + "]" * 990 + "\n",  # as deep as libyaml reads
    "y: " + "{a: " * 990 + "1" + "}" * 990 + "\n",
    "l0: &l0 [a, b]\nl1: &l1 [*l0, *l0]\nl2: &l2 [*l1, *l1]\nl3: [*l2, *l2]\n",
)
CONFIG_KEYS = (
    *("claims", "severity", "fail-on", "exit-zero", "manifest", "cutoffs"),
    *("select", "ignore", "exclude"),
    "bogus",
)
FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit", "markdown")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["error", "warning", "info", "off", "claims.yaml", "*.md", "**/*.txt"]),
    st.sampled_from(["../outside.yaml", "/etc/hostname", "rewrite.txt", "a\0b", "c001"]),
    st.sampled_from(["[/x]", "[bold]", ":smile:", "\x1b]0;t\x07", ".git/config", "-"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def pieces(
    alphabet: tuple[str, ...], max_size: int = 40, min_size: int = 0
) -> st.SearchStrategy[str]:
    """Text made of ``alphabet``'s fragments and short random strings."""
    parts = st.one_of(st.sampled_from(alphabet), st.text(max_size=8))
    return st.lists(parts, min_size=min_size, max_size=max_size).map("".join)


texts = pieces(FRAGMENTS)
SENTENCES = (
    "Meta and IBM launched the AI Alliance on Tuesday.",
    "The AI Alliance counts around 45 organizations among its members.",
    "Nvidia is not a member of the alliance.",
    'Yann LeCun said the project "will presumably succeed".',
    "Revenue rose 12% to $1.2 billion in 2023, according to the report.",
    "Perhaps the alliance will crumble under its own bureaucracy.",
)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence of a report, perhaps with hostile fragments put into it."""
    sentence = draw(st.sampled_from(SENTENCES))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(sentence)))
        sentence = sentence[:at] + draw(st.sampled_from(FRAGMENTS)) + sentence[at:]
    return sentence


@st.composite
def claims_files(draw: st.DrawFn, hostile: bool = True) -> str:
    """A claims file: claims with hostile fields, or YAML made of pieces; without ``hostile``,
    well-formed claims of hostile sentences, so that the run reaches the comparison."""
    if hostile and draw(st.booleans()):
        return draw(pieces(YAML_PIECES, 20, min_size=3))
    ids = st.sampled_from(["c001", "c002", "c003", "c004"])
    fields = {"line": st.integers(1, 99), "key": st.booleans(), "speaker": sentences()}
    if hostile:
        ids = ids | st.text(min_size=1, max_size=6)
        fields = {"line": values, "key": values, "speaker": texts}
    text = sentences() | texts if hostile else sentences()
    claim = st.fixed_dictionaries({"id": ids, "text": text}, optional=fields)
    claims = draw(st.lists(claim, min_size=1, max_size=5, unique_by=lambda c: c["id"]))
    return yaml.safe_dump({"version": 1, "claims": claims}, allow_unicode=draw(st.booleans()))


@st.composite
def configs(draw: st.DrawFn) -> str:
    """A ``.factcheck.yaml``: known and unknown keys with any values, or YAML made of pieces."""
    if draw(st.booleans()):
        return draw(pieces(YAML_PIECES + FRAGMENTS, 15))
    raw = draw(st.dictionaries(st.sampled_from(CONFIG_KEYS), values, max_size=3))
    return yaml.safe_dump(raw, allow_unicode=True)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    """(file name, text) of a rewrite: plain text, Markdown (perhaps with front matter) or HTML."""
    suffix = draw(st.sampled_from([".txt", ".md", ".html"]))
    body = " ".join(draw(st.lists(sentences(), min_size=1, max_size=6))) + draw(texts)
    if suffix == ".md" and draw(st.booleans()):
        front = draw(
            st.sampled_from(
                ["claims: claims.yaml", "claims: ../x.yaml", "claims: .git/config", "title: x"]
            )
        )
        body = f"---\n{front}\n{draw(pieces(YAML_PIECES, 5))}---\n{body}"
    return "rewrite" + suffix, body


baselines = st.one_of(
    pieces(FRAGMENTS + ("{", '"version": 1', '"entries": [', "]", "}"), 15),
    st.fixed_dictionaries(
        {"version": st.sampled_from([1, 2, "1"]), "entries": st.lists(values, max_size=3)}
    ).map(json.dumps),
)
records = st.one_of(
    texts,
    st.dictionaries(
        st.sampled_from(["id", "source", "derivative", "label", "dataset", "error_types", "meta"]),
        values | texts | st.sampled_from(["consistent", "inconsistent"]),
    ).map(json.dumps),
    st.fixed_dictionaries(
        {
            "source": texts,
            "derivative": texts,
            "label": st.sampled_from(["consistent", "inconsistent"]),
        },
        optional={"error_types": values, "meta": values, "id": values},
    ).map(lambda r: json.dumps(r, ensure_ascii=False)),
)


@st.composite
def compare_cases(draw: st.DrawFn) -> dict[str, Any]:
    """Files for a folder and a ``compare`` command line over them: any format, perhaps a
    configuration, hook mode and a baseline, perhaps an output aimed at an input."""
    hostile = draw(st.integers(0, 2)) == 2  # else only the rewrite is: the engine is reached
    name, text = draw(documents())
    folder = {"claims.yaml": draw(claims_files(hostile)), name: text}
    args = ["compare", "claims.yaml", name, "-f", draw(st.sampled_from(FORMATS))]
    if hostile and draw(st.booleans()):
        folder[".factcheck.yaml"] = draw(configs())
    if hostile and draw(st.booleans()):
        args.append("--hook")  # every argument a rewrite; one with no claims file skipped
    if hostile and draw(st.booleans()):
        folder["base.json"] = draw(baselines)
        args += ["--baseline", "base.json"]
    target = draw(st.sampled_from(["claims.yaml", name, ".factcheck.yaml", "out.txt", "-"]))
    if draw(st.integers(0, 2)) == 2:
        args += [draw(st.sampled_from(["-o", "--write-baseline"])), target]
    return {"files": folder, "args": args}


@st.composite
def other_cases(draw: st.DrawFn) -> dict[str, Any]:
    """``extract`` of a hostile report (perhaps with ``-o`` aimed at an input), or ``selftest``
    of a claims file."""
    name, text = draw(documents())
    if draw(st.booleans()):
        claims = draw(claims_files(hostile=draw(st.booleans())))
        return {"files": {"claims.yaml": claims}, "args": ["selftest", "claims.yaml"]}
    folder = {name: text, "claims.yaml": draw(claims_files(hostile=False))}
    args = ["extract", name]
    if not draw(st.booleans()):
        return {"files": folder, "args": args}
    target, force = draw(st.sampled_from([name, "claims.yaml", "new.yaml"])), draw(st.booleans())
    args += ["-o", target, *(["--force"] if force else [])]
    # extract --force may replace a claims file the run does not read, and only that
    return {
        "files": folder,
        "args": args,
        "may_change": [target] if force and target != name else [],
    }


@st.composite
def evaluate_cases(draw: st.DrawFn) -> dict[str, Any]:
    lines = draw(st.lists(records, min_size=1, max_size=4))
    separator = draw(st.sampled_from(["\n", "\r\n", "\n\n"]))
    args = ["evaluate", "pairs.jsonl", "-f", draw(st.sampled_from(["text", "json"]))]
    if draw(st.booleans()):
        args += ["--errors", draw(st.sampled_from(["pairs.jsonl", "errors.jsonl"]))]
    return {"files": {"pairs.jsonl": separator.join(lines)}, "args": args}


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str
    changed: tuple[str, ...]  # input files whose bytes changed
    seconds: float


def run_case(case: dict[str, Any]) -> Outcome:
    """Write the case's files to a fresh folder, run its command line there (HANG seconds at
    most: ``Hang`` past that), and say what happened."""
    with tempfile.TemporaryDirectory() as folder, _inside(folder):
        for name, text in case["files"].items():
            with open(name, "wb") as stream:
                stream.write(text.encode("utf-8", errors="surrogatepass"))
        before = {name: _bytes(name) for name in case["files"]}
        start = time.perf_counter()
        with time_limit(HANG), CliRunner().isolation() as (out, err, _):
            code = run(case["args"])
            sys.stdout.flush()
            sys.stderr.flush()
            stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
        seconds = time.perf_counter() - start
        allowed = case.get("may_change", ())
        changed = tuple(n for n, data in before.items() if _bytes(n) != data and n not in allowed)
    return Outcome(code, stdout, stderr, changed, seconds)


def problems(outcome: Outcome) -> list[str]:
    """What is wrong with an outcome: an exit status other than 0, 1 or 2, a traceback, a
    line on stderr that is not factcheck's, not exactly one error line for status 2, a changed
    input."""
    found = []
    if outcome.code not in (0, 1, 2):
        found.append(f"exit status {outcome.code}")
    if "Traceback" in outcome.stderr:
        found.append("traceback")
    lines = outcome.stderr.splitlines()
    if any(not line.startswith("factcheck: ") for line in lines):
        found.append("stderr line not factcheck's")
    errors = [line for line in lines if line.startswith("factcheck: error: ")]
    if outcome.code == 2 and (len(errors) != 1 or outcome.stdout):
        found.append("status 2 without exactly one error line")
    if outcome.changed:
        found.append(f"changed {', '.join(outcome.changed)}")
    return found


def _bytes(name: str) -> bytes | None:
    try:
        with open(name, "rb") as stream:
            return stream.read()
    except OSError:
        return None


@contextmanager
def _inside(folder: str) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)
