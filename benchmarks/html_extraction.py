"""Main-text extraction from HTML: which reader keeps the article and drops the furniture.

Usage:  python benchmarks/html_extraction.py [FOLDER ...] [--runs N] [--show]

Each page ``NAME.html`` has a sidecar ``NAME.article.txt`` listing its article sentences
(tests/pages.py). The pages are measured in two groups, unless folders are given: *studied*
(tests/data/html, which the built-in chooser was written against) and *held out*
(tests/data/html/held-out, written afterwards and never used to change a reader). Each
reader's text is cut into sentences (``factcheck.text.segment``); *precision* is the share of
those that are article text, *recall* the share of the article's sentences found in it, the
headline (the sidecar's first line) aside: trafilatura and readability-lxml give it apart, as
metadata, and ``compare`` skips a short heading anyway. Sentences are compared as runs of
lower-case words, so punctuation, quotes and line breaks do not count.

The readers: the built-in before this work (commit ``BEFORE``, read with git; skipped outside a
checkout); the built-in alone (readability-lxml's import made to fail, as where the ``html``
extra is not installed); the built-in with readability-lxml choosing the article, as factcheck
reads HTML where the extra is installed; trafilatura and readability-lxml on their own, their
text read as they give it (each skipped when not installed). Time is the median per page over
``--runs`` passes, after one pass that scores; the import time is a fresh interpreter's, less
one that imports nothing; install size and dependency count add up the distribution's files
and those of every distribution it requires, as installed here.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import re
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pages import HELD_OUT, PAGES, sidecar, words  # noqa: E402

from factcheck.text import segment  # noqa: E402

BEFORE = "890ed2d"  # the built-in as it was: <article>/<main>, else <body>, less some elements
Reader = Callable[[str], str]


def score(extracted: str, article: list[str]) -> tuple[int, int, int, int]:
    """(extracted sentences, of them article text, article sentences, of them found)."""
    found_text, article_text = words(extracted), words(" ".join(article))
    pieces = [words(s.text) for s in segment(extracted)]
    pieces = [p for p in pieces if p.strip()]
    kept = sum(p in article_text for p in pieces)
    found = sum(words(a) in found_text for a in article[1:])
    return len(pieces), kept, len(article) - 1, found


def before() -> Reader | None:
    """The built-in reader as of ``BEFORE``, loaded from git; None outside a checkout."""
    try:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{BEFORE}:factcheck/inputs/html.py"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("html_before")
    exec(compile(source, "html_before.py", "exec"), module.__dict__)
    strip: Callable[[str], str] = module.strip
    return lambda page: _decoded(strip(page))


def _decoded(text: str) -> str:
    from factcheck.inputs import decode_entities

    return decode_entities(text)


def builtin(page: str) -> str:
    """The built-in chooser alone, as when readability-lxml is not installed."""
    from factcheck.inputs import html, readability_lxml

    saved = sys.modules.get("readability")
    sys.modules["readability"] = None  # type: ignore[assignment]  # import fails
    readability_lxml._reader.cache_clear()
    try:
        return _decoded(html.strip(page))
    finally:
        if saved is None:
            del sys.modules["readability"]
        else:
            sys.modules["readability"] = saved
        readability_lxml._reader.cache_clear()


def assisted_reader() -> Reader | None:
    """factcheck's reader with readability-lxml choosing the article; None without it."""
    from factcheck.inputs import html, readability_lxml

    if readability_lxml._reader() is None:
        return None
    return lambda page: _decoded(html.strip(page))


def trafilatura_reader() -> Reader | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def read(page: str) -> str:
        return trafilatura.extract(page, include_comments=False, include_tables=True) or ""

    return read


def readability_reader() -> Reader | None:
    try:
        from readability import Document
    except ImportError:
        return None

    def read(page: str) -> str:
        return all_text(Document(page).summary())

    return read


def all_text(page: str) -> str:
    """Every run of text of ``page``, tags blanked, block tags made line breaks: the text of
    a library's summary as it stands, where ``prepare`` would choose an article again."""
    from factcheck.inputs import html

    chars = [" "] * len(page)
    parsed = html.read(page)
    for start, end, _ in parsed.texts:
        chars[start:end] = page[start:end].replace("\n", " ")
    for at in parsed.breaks:
        chars[at] = "\n"
    return _decoded("".join(chars))


def readers() -> dict[str, tuple[Reader | None, str | None, str]]:
    """Each reader by name: the reader (None when unavailable), its distribution, its import."""
    return {
        f"built-in before ({BEFORE})": (before(), None, "factcheck.inputs"),
        "built-in": (builtin, None, "factcheck.inputs.html"),
        "built-in + readability-lxml": (
            assisted_reader(),
            "readability-lxml",
            "factcheck.inputs.html, readability",
        ),
        "trafilatura": (trafilatura_reader(), "trafilatura", "trafilatura"),
        "readability-lxml": (readability_reader(), "readability-lxml", "readability"),
    }


def footprint(name: str) -> tuple[float, int]:
    """(MB installed, distributions it requires, directly or not) for distribution ``name``."""
    seen: set[str] = set()
    todo = [name]
    size = 0
    while todo:
        dist_name = re.split(r"[\s;<>=!~\[(]", todo.pop(), maxsplit=1)[0].lower()
        if dist_name in seen:
            continue
        try:
            dist = metadata.distribution(dist_name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(dist_name)
        size += sum(f.size or 0 for f in dist.files or ())
        todo += [r for r in dist.requires or () if "extra ==" not in r]
    return size / 1e6, len(seen) - 1


def import_ms(module: str) -> float:
    """Median wall time, in ms, of a fresh interpreter importing ``module``, less one that
    imports nothing."""

    def best(code: str) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    return max(0.0, best(f"import {module}") - best("pass")) * 1000


def show(extracted: str, article: list[str]) -> None:
    """Print the article sentences ``extracted`` misses and the sentences it leaks."""
    found_text, article_text = words(extracted), words(" ".join(article))
    for a in article:
        if words(a) not in found_text:
            print(f"  missed: {a}")
    for s in segment(extracted):
        if words(s.text).strip() and words(s.text) not in article_text:
            print(f"  leaked: {' '.join(s.text.split())[:100]}")


def measure(read: Reader, pages: list[tuple[str, list[str]]], runs: int, shown: bool) -> str:
    """A table row's figures for ``read`` on ``pages``: precision, recall, pages read exactly,
    median ms a page."""
    totals = [0, 0, 0, 0]
    exact = 0
    for page, article in pages:
        counts = score(read(page), article)
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        exact += counts[0] == counts[1] and counts[2] == counts[3]
        if shown:
            show(read(page), article)
    passes = []
    for _ in range(runs):
        start = time.perf_counter()
        for page, _ in pages:
            read(page)
        passes.append((time.perf_counter() - start) / len(pages))
    return (
        f"{totals[1] / max(totals[0], 1):.2f} ({totals[1]}/{totals[0]}) "
        f"| {totals[3] / max(totals[2], 1):.2f} ({totals[3]}/{totals[2]}) "
        f"| {exact}/{len(pages)} | {statistics.median(passes) * 1000:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="default: studied and held out")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--show", action="store_true", help="list each page's misses and leaks")
    args = parser.parse_args()
    groups = {f.name: sorted(f.glob("*.html")) for f in args.folders} or {
        "studied": PAGES,
        "held out": HELD_OUT,
    }
    pages = {
        group: [(p.read_text(encoding="utf-8"), sidecar(p)[0]) for p in paths]
        for group, paths in groups.items()
    }
    print(", ".join(f"{len(p)} pages {group}" for group, p in pages.items()) + "\n")
    print("| reader | pages | precision | recall | pages exact | ms a page |")
    print("|---|---|---|---|---|---|")
    available = {name: reader for name, reader in readers().items() if reader[0] is not None}
    for name, (read, _, _) in available.items():
        for group, group_pages in pages.items():
            if args.show:
                print(f"{name}, {group}:")
            assert read is not None
            print(f"| {name} | {group} | {measure(read, group_pages, args.runs, args.show)} |")
    print("\n| reader | import ms | MB | dependencies |\n|---|---|---|---|")
    for name, (read, dist, module) in readers().items():
        size, deps = footprint(dist) if dist else (0.0, 0)
        cost = f"{import_ms(module):.0f} | {size:.1f} | {deps}" if read else "not available | |"
        print(f"| {name} | {cost} |")


if __name__ == "__main__":
    main()
