"""The ``factcheck`` command: parse → load → call → render → exit status.

No analysis lives here. Problems the user caused (``InputError``, and usage errors: see
``_Commands``) become one line on stderr, ``factcheck: error: <message>``, and exit status 2.
Anything else that escapes is a bug: one line, ``factcheck: internal error: …``, and exit
status 3, the traceback only when ``FACTCHECK_DEBUG=1``. Output paths are checked against the
run's inputs before any work (``files.guard``): an output never replaces an input.

There is no ``from __future__ import annotations`` here: typer reads the commands' annotations
on every run, and evaluating them from strings would cost each run about 5 ms.
"""

import io
import os
import signal
import sys
import time
import traceback
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer._click.core import Context  # typer 0.26 to 0.28
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError
from typer.core import TyperGroup

import factcheck

from .options import Color, ExitCode, FailOn, InputFormat, OutputFormat, ReportFormat

if TYPE_CHECKING:
    from distributed import Client

    from . import batch, render
    from .render import Run
    from .report import Report

T = TypeVar("T")
SCHEDULER = typer.Option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run on a Dask cluster: a scheduler's address, or local[:N] for N worker processes "
    "started for the run (needs the dask extra).",
    show_default=False,
)
PROGRESS_FROM = 10  # documents from which a terminal run shows a progress bar


EXIT_STATUS = (
    "Exit status: 0 no finding reaches --fail-on; 1 one does; 2 usage or input error; "
    "3 internal error (a bug in factcheck)."
)


class _Commands(TyperGroup):
    """factcheck's commands. A usage error (an unknown command or option, a missing argument, a
    bad value) is one line on stderr, ``factcheck: error: …``, and exit status 2, as an input
    error is; click would draw a panel of several lines."""

    def main(
        self,
        args: "Sequence[str] | None" = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        call = (args, prog_name, complete_var, False, windows_expand_args)
        if not standalone_mode:
            return super().main(*call, **extra)
        try:
            status = super().main(*call, **extra)
        except NoArgsIsHelpError as exc:  # no command: the help, printed already under rich
            if exc.message:
                exc.show()
            sys.exit(ExitCode.INPUT_ERROR)
        except ClickException as exc:
            _say("error", _usage_error(exc))
            sys.exit(ExitCode.INPUT_ERROR)
        sys.exit(status if isinstance(status, int) else ExitCode.OK)

    def invoke(self, ctx: Context) -> Any:
        """Run the command; a usage error click raises with no context (an option missing its
        value) is given the command's, so its message names the command's help too."""
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            name = ctx.invoked_subcommand
            command = self.get_command(ctx, name) if exc.ctx is None and name else None
            if command is not None:
                exc.ctx = Context(command, parent=ctx, info_name=name)
            raise


app = typer.Typer(
    cls=_Commands,
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Check that rewrites of a report still say what the report said.",
    epilog=f"""{EXIT_STATUS}

Examples:
  factcheck extract report.txt -o claims.yaml
  factcheck compare claims.yaml rewrite.md
  factcheck compare --claims claims.yaml 'articles/**/*.md' -j 0
  factcheck rule number-drift""",
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {factcheck.__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Check that rewrites of a report still say what the report said."""


@app.command("extract")
def extract_command(
    report: Annotated[
        str,
        typer.Argument(
            metavar="REPORT",
            help="The original report: a text, Markdown or HTML file, or - for stdin.",
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the claims file here instead of stdout."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing --output file.")
    ] = False,
    input_format: Annotated[
        InputFormat | None,
        typer.Option(
            "--input-format",
            help="Read REPORT as text, markdown or html (default: by file extension).",
        ),
    ] = None,
) -> None:
    """Extract the claims of REPORT as a claims file (YAML) to review by hand."""
    from . import batch, files, inputs

    with _user_errors():
        files.guard([("--output", output)], [report], claims_ok=force, force_option="--force")
        kind = inputs.kind_for(report, input_format.value if input_format else None)
        claim_set = batch.extract_report(files.read_text(report), report, kind)
        claims_yaml = factcheck.dump_claims(claim_set)
        if output is None:
            sys.stdout.write(claims_yaml)
        else:
            files.write_atomic(output, claims_yaml, force=force)


COMPARE_EXAMPLES = f"""{EXIT_STATUS}

Examples:
  factcheck compare claims.yaml rewrite.md
  factcheck compare claims.yaml a.md b.html -f json -o findings.json
  factcheck compare --claims claims.yaml 'articles/**/*.md' --select drift
  cat a.md | factcheck compare claims.yaml - --stdin-filename a.md
  factcheck compare    (every file the configuration's manifest maps)"""


@app.command("compare", epilog=COMPARE_EXAMPLES)
def compare_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[CLAIMS] PATH...",
            help="A claims file (or the original report), then the rewrites to check: paths, "
            "globs, - for stdin. With --claims or a manifest, only rewrites; none: the manifest's.",
            show_default=False,
        ),
    ] = None,
    claims: Annotated[
        str | None,
        typer.Option(
            "--claims", "-c", metavar="FILE", help="Check every PATH against this claims file."
        ),
    ] = None,
    config_file: Annotated[
        str | None,
        typer.Option(
            "--config", metavar="FILE", help="Read this configuration file instead of finding one."
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, metavar="N", help="Documents compared at once (0: one a CPU)."
        ),
    ] = 1,
    scheduler: Annotated[str | None, SCHEDULER] = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"Output format: {', '.join(f.value for f in ReportFormat)} (default: github "
            "under GitHub Actions, else text).",
            show_default=False,
        ),
    ] = None,
    output_file: Annotated[
        str | None,
        typer.Option(
            "--output-file", "-o", metavar="FILE", help="Write the output here instead of stdout."
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding reaches this severity (default: config, else error).",
            show_default=False,
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option("--exit-zero", help="Exit 0 despite findings (input errors still exit 2)."),
    ] = False,
    color: Annotated[
        Color,
        typer.Option(
            "--color", help="Colour the text format: auto follows the terminal and NO_COLOR."
        ),
    ] = Color.AUTO,
    input_format: Annotated[
        InputFormat | None,
        typer.Option(
            "--input-format",
            help="Read rewrites as text, markdown or html (default: by file extension).",
        ),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", metavar="NAME", help="Name of the rewrite read from -."),
    ] = None,
    baseline_file: Annotated[
        str | None,
        typer.Option(
            "--baseline", metavar="FILE", help="Accept the findings this baseline file lists."
        ),
    ] = None,
    write_baseline: Annotated[
        str | None,
        typer.Option(
            "--write-baseline", metavar="FILE", help="Write every finding to this baseline file."
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="RULES",
            help="Report only these rules: ids or kinds (drift, omission, unsupported), "
            "comma-separated; replaces the configuration's select and ignore.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="RULES", help="Never report these rules (ids or kinds)."),
    ] = None,
    show_omissions: Annotated[
        bool,
        typer.Option(
            "--show-omissions", help="List every omission in the text format, not the first 10."
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Text format: every omission, and sentences whole, not cut."
        ),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option(
            "--statistics", help="Print the number of findings per rule (text or json) instead."
        ),
    ] = False,
    hook: Annotated[
        bool,
        typer.Option(
            "--hook",
            help="As pre-commit runs it: every path is a rewrite; skip excluded paths, and "
            "with a notice those with no claims file.",
        ),
    ] = False,
) -> None:
    """Compare each rewrite (PATH) with its claims: omissions, drift and unsupported statements."""
    from . import articles, batch, config, files
    from .render import View, renderer

    output_format = output_format or ReportFormat.default(statistics)
    with _user_errors():
        found = config.load(config_file or config.find())
        settings = config.choose_rules(found, select or [], ignore or [])
        threshold = fail_on.value if fail_on else settings.fail_on or FailOn.ERROR.value
        view = View(
            color=color.forced(),
            fail_on=threshold,
            show_omissions=show_omissions,
            verbose=verbose,
            statistics=statistics,
        )
        write = renderer(output_format.value, view)  # before the work: it may refuse the view
        plan = articles.plan(paths or [], claims, settings, hook, stdin_filename)
        kind = input_format.value if input_format else None
        repository = config.repository(settings)
        loaded = batch.load_documents(plan, kind, stdin_filename, repository, hook)
        files.guard(
            [("--output-file", output_file), ("--write-baseline", write_baseline)],
            batch.files_read(loaded, settings, baseline_file, paths or []),
        )
        documents = _noticed(loaded)
        with _cluster(scheduler, len(documents), jobs) as client:
            compared = _warned(batch.check(documents, jobs, settings, _comparing, client))
        reports = _warned(batch.apply_baseline(compared, baseline_file, write_baseline, settings))
        runs = batch.runs(documents, reports)
        _render(write, output_format, runs, output_file, view)
    failed = any(report.fails(threshold) for report in reports)
    exit_zero = exit_zero or settings.exit_zero
    raise typer.Exit(ExitCode.FINDINGS if failed and not exit_zero else ExitCode.OK)


@app.command("evaluate")
def evaluate_command(
    labelled: Annotated[
        list[str],
        typer.Argument(metavar="LABELLED.jsonl...", help="Labelled pairs, one JSON object a line."),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.TEXT,
    errors: Annotated[
        str | None,
        typer.Option(
            "--errors",
            metavar="FILE",
            help="Write the misjudged pairs, with their findings, here (JSON lines).",
        ),
    ] = None,
    color: Annotated[Color, typer.Option("--color", help="Colour the text format.")] = Color.AUTO,
    scheduler: Annotated[str | None, SCHEDULER] = None,
) -> None:
    """Measure judgment on human-labelled pairs: balanced accuracy, precision, recall, F1."""
    from . import files
    from .evaluate import judge_all, load_pairs, metrics
    from .render import evaluate as render

    with _user_errors():
        files.guard([("--errors", errors)], labelled)
        pairs = [p for path in labelled for p in load_pairs(files.read_text(path), path)]
        with _cluster(scheduler, len(pairs)) as client:
            start = time.perf_counter()
            judged = judge_all(pairs, client)
            judgments = list(_progress(judged, "judging pairs", len(pairs)))
            rate = len(pairs) / max(time.perf_counter() - start, 1e-9)
    if output_format is OutputFormat.JSON:
        render.render_json(metrics(judgments), rate, sys.stdout)
    else:
        render.render_text(metrics(judgments), rate, sys.stdout, color=color.forced())
    if errors is not None:
        with _user_errors():
            files.write_atomic(errors, render.misjudged_jsonl(judgments), force=True)


@app.command("selftest")
def selftest_command(
    claims: Annotated[
        str,
        typer.Argument(
            metavar="CLAIMS",
            help="A claims file (claims.yaml) or the original report; - for stdin.",
        ),
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.TEXT,
    min_catch: Annotated[
        float,
        typer.Option(
            "--min-catch", min=0.0, max=1.0, help="Least share caught per lexicon-built kind."
        ),
    ] = 0.95,
    min_independent: Annotated[
        float,
        typer.Option(
            "--min-independent", min=0.0, max=1.0, help="Least share caught per independent kind."
        ),
    ] = 0.90,
    max_flag: Annotated[
        float,
        typer.Option("--max-flag", min=0.0, max=1.0, help="Most share of paraphrases flagged."),
    ] = 0.05,
) -> None:
    """Corrupt and paraphrase every claim, compare each version: how far to trust the check.

    Exit 1 when a lexicon-built kind of corruption is caught less often than
    --min-catch, an independent kind less often than --min-independent, or
    paraphrases are flagged more often than --max-flag."""
    from .batch import load_claim_set
    from .render.selftest import RENDERERS as SELFTEST_RENDERERS
    from .selftest import Bars, selftest

    with _user_errors():
        claim_set = load_claim_set(claims)
    result, bars = selftest(claim_set), Bars(min_catch, max_flag, min_independent)
    SELFTEST_RENDERERS[output_format.value](claim_set, result, bars, sys.stdout)
    raise typer.Exit(ExitCode.OK if result.passes(bars) else ExitCode.FINDINGS)


@app.command("rule")
def rule_command(
    rule_id: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]", help="A rule id (number-drift, omission, …).", show_default=False
        ),
    ] = None,
    all_rules: Annotated[bool, typer.Option("--all", help="Explain every rule in full.")] = False,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.TEXT,
) -> None:
    """Explain rule ID: what it checks, its default severity, and examples.

    An example that fires the rule, with its finding, and one that does not.
    Without ID, list the rules."""
    from .errors import InputError
    from .render import rule as render
    from .rules import rules

    known = {rule.id: rule for rule in rules()}
    with _user_errors():
        if rule_id is not None and rule_id not in known:
            raise InputError(f"unknown rule {rule_id!r} (valid: {', '.join(known)})")
    chosen = [known[rule_id]] if rule_id else list(known.values())
    if output_format is OutputFormat.JSON and rule_id:
        render.render_one_json(chosen[0], sys.stdout)
    elif output_format is OutputFormat.JSON:
        render.render_json(chosen, sys.stdout, full=all_rules)
    elif rule_id or all_rules:
        render.render_text(chosen, sys.stdout)
    else:
        render.render_list(chosen, sys.stdout)


@contextmanager
def _cluster(scheduler: str | None, items: int, jobs: int = 1) -> "Iterator[Client | None]":
    """A Dask client of ``--scheduler`` for a run of ``items`` (closed with it), or None to
    work here."""
    if scheduler is None:
        yield None
        return
    from .errors import InputError

    if jobs != 1:
        raise InputError(
            "--jobs and --scheduler cannot be used together: the cluster's workers run the documents"
        )
    from .cluster import connect

    with connect(scheduler, items) as client:
        yield client


def _comparing(reports: "Iterator[Report]", total: int) -> "Iterator[Report]":
    return _progress(reports, "comparing", total, PROGRESS_FROM)


def _warned(checked: "batch.Checked") -> "tuple[Report, ...]":
    """The reports; their warnings, one line each, go to stderr."""
    for warning in checked.warnings:
        _say("warning", warning)
    return checked.reports


def _noticed(loaded: "batch.Loaded") -> "tuple[batch.Derivative, ...]":
    """The documents; a notice for each file skipped, one line each, goes to stderr."""
    for notice in loaded.notices:
        _say("notice", notice)
    return loaded.documents


def _render(
    write: "render.Renderer",
    output_format: ReportFormat,
    runs: "list[Run]",
    output_file: str | None,
    view: "render.View",
) -> None:
    """Write ``runs`` with ``write``, the renderer of ``output_format``, to stdout, or to
    ``output_file`` (replaced atomically). Every format describes the documents of every claims
    file in one output. The github format also appends the Markdown findings table to GitHub's
    job summary file when there is one."""
    from . import files

    # rendered whole, then written at once: under PYTHONUNBUFFERED (set in many CI images) each
    # piece a renderer writes would be a system call of its own; a terminal is written as is
    out = sys.stdout if output_file is None and sys.stdout.isatty() else io.StringIO()
    write(runs, out, view)
    if isinstance(out, io.StringIO):
        if output_file is None:
            sys.stdout.write(out.getvalue())
        else:
            files.write_atomic(output_file, out.getvalue(), force=True)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format is ReportFormat.GITHUB and step_summary:
        from .render.github import summary

        files.append_text(step_summary, summary(runs), "the job summary")


def _progress(items: Iterable[T], label: str, total: int, least: int = 1) -> Iterator[T]:
    """``items``, with a progress bar on stderr when it is a terminal and there are at least
    ``least`` of them."""
    if not sys.stderr.isatty() or total < least:
        yield from items
        return
    from rich.console import Console
    from rich.progress import track

    console = Console(stderr=True)
    yield from track(items, description=label, total=total, console=console, transient=True)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn an InputError into one line on stderr and exit status 2, never a traceback."""
    from .errors import InputError

    try:
        yield
    except InputError as exc:
        _say("error", str(exc))
        raise typer.Exit(ExitCode.INPUT_ERROR) from None


def _usage_error(exc: ClickException) -> str:
    """click's message for a usage error, lower-cased as factcheck's own are, and where to
    find help."""
    message = exc.format_message().rstrip(".")
    if message[1:2].islower():
        message = message[:1].lower() + message[1:]
    ctx = getattr(exc, "ctx", None)
    return f"{message} — see '{ctx.command_path} -h'" if ctx is not None else message


def _say(kind: str, message: str) -> None:
    """``factcheck: <kind>: <message>`` on stderr, on one line and inert."""
    from .render.location import one_line

    typer.echo(f"factcheck: {kind}: {one_line(message)}", err=True)


def main() -> None:
    """Console-script entry point (``factcheck``, ``python -m factcheck``).

    Output that the terminal's encoding cannot show is escaped, not a crash; SIGTERM and Ctrl-C
    unwind the stack (exit status 128 + the signal), so a write under way removes its temporary
    file."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _terminated)
    sys.exit(run())


def run(argv: list[str] | None = None) -> int:
    """Run the command line ``argv`` (default: the process's) and return its exit status. An
    unexpected exception is a bug: one line, ``factcheck: internal error: …``, and status 3;
    the traceback too when ``FACTCHECK_DEBUG=1``."""
    try:
        app(args=argv, prog_name="factcheck")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    except Exception as exc:
        if os.environ.get("FACTCHECK_DEBUG") == "1":
            traceback.print_exc()
        from .render.location import one_line

        detail = one_line(f"{type(exc).__name__}: {exc}")[:500]
        print(f"factcheck: internal error: {detail} — please report it", file=sys.stderr)
        return ExitCode.INTERNAL_ERROR
    return ExitCode.OK


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)
