"""The ``claims`` command: report on a dossier, check it, convert it between forms."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Sequence
from importlib import metadata

from claims import export
from claims.errors import ClaimsError, DossierError
from claims.io import distinct_paths, dump, dumps, load, loads
from claims.model import Dossier
from claims.report import ChunkedReport, reconcile_in_chunks

_SHOWN = 50
"""Problems listed by commands other than ``check``."""


def _as_of(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date-time: {text!r}") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"give a time zone, e.g. {moment.replace(tzinfo=dt.UTC).isoformat()}")
    return moment


def _count(text: str) -> int:
    if not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def _version() -> str:
    try:
        return metadata.version("claims")
    except metadata.PackageNotFoundError:  # run from a source tree without installing
        return "unknown"


def _read(path: str) -> Dossier:
    """The dossier at ``path``; ``-`` reads a JSON document from standard input."""
    _progress(f"reading {path}")
    if path == "-":
        return loads(sys.stdin.read())
    return load(path)


def _progress(message: str) -> None:
    """A line on standard error about long work, only when a person is watching it."""
    if sys.stderr.isatty():
        print(f"claims: {message}…", file=sys.stderr, flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claims",
        description="Reconcile what different sources say about the same event. A FILE of "
                    "'-' is a JSON dossier read from standard input; convert's target '-' "
                    "writes JSON to standard output.",
    )
    parser.add_argument("--version", action="version", version=f"claims {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    report = commands.add_parser(
        "report", help="reconcile a dossier and print what can be said",
        description="Reconcile a dossier (.json or .jsonl) and print the report: ranges with "
                    "the claims behind each end, contradictions, non-claims. The report is "
                    "settled and printed a chunk of events (about 20,000 claims) at a time. A "
                    ".jsonl dossier is checked whole first (every problem is listed before "
                    "anything is printed), then read again chunk by chunk: memory holds one "
                    "chunk (about 100 MB) and some 70 bytes a claim of the file (under 200 "
                    "MB for a million claims). A .json dossier is held whole. On a terminal, "
                    "standard error tells how far the work has come.",
    )
    report.add_argument("file", help="the dossier, .json or .jsonl")
    report.add_argument("--json", action="store_true", help="print the report as JSON")
    report.add_argument("--infobox", action="store_true",
                        help="print only the encyclopedia-style casualty lines")
    report.add_argument("--as-of", type=_as_of, metavar="TIME",
                        help="use only claims published by TIME (ISO 8601 with zone)")
    check = commands.add_parser(
        "check", help="validate a dossier; exit 1 with every problem found",
        description="Validate a dossier and list every problem with its place in the file "
                    "(other commands list the first 50). A .jsonl dossier is checked line by "
                    "line, without holding its claims.",
    )
    check.add_argument("file", help="the dossier, .json or .jsonl")
    check.add_argument("--limit", type=_count, metavar="N",
                       help="list at most N problems (default: all)")
    convert = commands.add_parser(
        "convert", help="rewrite a dossier as JSON or JSON Lines",
        description="Read a dossier and write it again; the output form follows its suffix "
                    "(.jsonl for JSON Lines, anything else for JSON).",
    )
    convert.add_argument("source", help="the dossier to read")
    convert.add_argument("target", help="the file to write")
    export = commands.add_parser(
        "export", help="write the reconciled figures or the provenance in the field's formats",
        description="Reconcile a dossier and write UCDP GED rows (low/best/high, deaths by "
                    "side, original source vs. outlet), Airwars rows (min/max, grade), ACLED "
                    "rows (one conservative figure) as CSV, cited Wikipedia infobox lines, "
                    "Wikidata QuickStatements, or the provenance as W3C PROV-JSON. Every "
                    "file asked for is written in one pass, a chunk of events at a time, in "
                    "memory as for 'claims report' (PROV-JSON also spools its records beside "
                    "the target, as much again as the file); each is renamed into place once "
                    "all are written.",
    )
    export.add_argument("file", help="the dossier, .json or .jsonl")
    export.add_argument("--ucdp", metavar="CSV", help="write UCDP-GED-style rows here")
    export.add_argument("--airwars", metavar="CSV", help="write Airwars-style rows here")
    export.add_argument("--acled", metavar="CSV", help="write ACLED-style rows here")
    export.add_argument("--wikipedia", metavar="TXT",
                        help="write cited Wikipedia infobox lines here")
    export.add_argument("--wikidata", metavar="TXT",
                        help="write Wikidata QuickStatements here (items as placeholders)")
    export.add_argument("--results", metavar="CSV", help="write every count result here")
    export.add_argument("--claims", metavar="CSV", help="write every claim here")
    export.add_argument("--prov", metavar="JSON",
                        help="write PROV-JSON here (needs the 'prov' extra)")
    return parser


def _checked(path: str, as_of: dt.datetime | None = None) -> ChunkedReport:
    """The dossier at ``path`` (``-``: a JSON document on standard input), checked and ready
    to be reconciled a chunk of events at a time."""
    _progress(f"reading {path}")
    source = loads(sys.stdin.read()) if path == "-" else path
    return reconcile_in_chunks(source, as_of=as_of, progress=_progress)


def _reconciling(path: str, as_of: dt.datetime | None = None) -> ChunkedReport:
    chunked = _checked(path, as_of)
    _progress(f"reconciling {chunked.claim_count:,} claims")
    return chunked


def _export(args: argparse.Namespace) -> None:
    targets = {name: getattr(args, name) for name in export.EXPORTS if getattr(args, name)}
    if not targets:
        raise ClaimsError("say what to export: --ucdp, --airwars, --acled, --results, "
                          "--claims, --wikipedia, --wikidata or --prov")
    distinct_paths((args.file,), tuple((f"--{name}", path) for name, path in targets.items()))
    export.write_exports(_reconciling(args.file), targets, progress=_progress)
    for target in targets.values():
        print(f"wrote {target}")


def _printed(text: str) -> None:
    sys.stdout.write(printable(text))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 fine, 1 bad input, 2 bad usage)."""
    args = _parser().parse_args(argv)
    source = args.source if args.command == "convert" else args.file
    try:
        if args.command == "check":
            checked = _checked(source)
            print(f"{args.file}: {checked.claim_count} claims about {len(checked.events)} "
                  f"events from {len(checked.sources)} sources; no problems")
        elif args.command == "convert":
            if "-" not in (source, args.target):
                distinct_paths((source,), (("the converted dossier", args.target),))
            dossier = _read(source)
            _progress(f"writing {args.target}")
            if args.target == "-":
                sys.stdout.write(dumps(dossier))
            else:
                dump(dossier, args.target)
        elif args.command == "export":
            _export(args)
        else:
            report = _reconciling(source, args.as_of)
            if args.json:  # JSON escapes control characters itself
                report.write_json(sys.stdout.write, _progress)
            elif args.infobox:
                report.write_infobox(_printed, _progress)
            else:
                report.write_text(_printed, _progress)
        sys.stdout.flush()  # here, where a reader that went away is heard of
    except BrokenPipeError:  # the reader went away (claims report FILE | head): stop quietly
        _silence_stdout()
        return 0
    except DossierError as error:
        limit = args.limit if args.command == "check" else _SHOWN
        listing = error.listing(limit, f"claims check {source} lists them all")
        print(f"claims: {printable(listing)}", file=sys.stderr)
        return 1
    except (ClaimsError, OSError) as error:
        print(f"claims: {printable(str(error))}", file=sys.stderr)
        return 1
    return 0


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (escape sequences start with one) and the bidirectional overrides,
which could rewrite what a terminal shows; newlines and tabs pass."""


def printable(text: str) -> str:
    """Text for a terminal: every control character shown escaped (``\\x1b``), so a quote
    from a source cannot move the cursor, recolour or hide the report."""
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _silence_stdout() -> None:
    """Point standard output at nothing, so that flushing it at exit raises no second
    BrokenPipeError (the recipe in Python's signal documentation)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
