"""The ``claims`` command: report on a dossier, check it, convert it between forms."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from typing import IO

from claims import export
from claims.errors import ClaimsError, DossierError
from claims.io import distinct_paths, dump, load, write_atomically
from claims.model import Dossier
from claims.report import reconcile

_SHOWN = 50
"""Problems listed by commands other than ``check``."""


def _as_of(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 date-time: {text!r}") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"give a time zone, e.g. {text}+00:00")
    return moment


def _count(text: str) -> int:
    if not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claims",
        description="Reconcile what different sources say about the same event.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    report = commands.add_parser(
        "report", help="reconcile a dossier and print what can be said",
        description="Reconcile a dossier (.json or .jsonl) and print the report: ranges with "
                    "the claims behind each end, contradictions, non-claims.",
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
                    "(other commands list the first 50).",
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
        description="Reconcile a dossier and write UCDP-GED-style rows (low/best/high, "
                    "number of sources, original source vs. outlet), Airwars-style rows "
                    "(min/max, grade) as CSV, or the provenance as W3C PROV-JSON.",
    )
    export.add_argument("file", help="the dossier, .json or .jsonl")
    export.add_argument("--ucdp", metavar="CSV", help="write UCDP-GED-style rows here")
    export.add_argument("--airwars", metavar="CSV", help="write Airwars-style rows here")
    export.add_argument("--results", metavar="CSV", help="write every count result here")
    export.add_argument("--claims", metavar="CSV", help="write every claim here")
    export.add_argument("--prov", metavar="JSON",
                        help="write PROV-JSON here (needs the 'prov' extra)")
    return parser


def _export(dossier: Dossier, args: argparse.Namespace) -> None:
    report = reconcile(dossier)
    tables = {"ucdp": lambda: export.ucdp_rows(report),
              "airwars": lambda: export.airwars_rows(report),
              "results": lambda: export.result_rows(report),
              "claims": lambda: export.claim_rows(dossier)}
    wanted = [name for name in (*tables, "prov") if getattr(args, name)]
    if not wanted:
        raise ClaimsError("say what to export: --ucdp, --airwars, --results, --claims or --prov")
    distinct_paths((args.file,), tuple((f"--{name}", getattr(args, name)) for name in wanted))
    for name in wanted:
        target = getattr(args, name)
        if name == "prov":
            text = export.prov_document(dossier).serialize(format="json")

            def write(stream: IO[str], text: str = text) -> None:
                stream.write(text)

            write_atomically(target, write)
        else:
            export.write_csv(tables[name](), target)
        print(f"wrote {target}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 fine, 1 bad input, 2 bad usage)."""
    args = _parser().parse_args(argv)
    source = args.source if args.command == "convert" else args.file
    try:
        if args.command == "convert":
            distinct_paths((source,), (("the converted dossier", args.target),))
        dossier = load(source)
        if args.command == "check":
            print(f"{args.file}: {len(dossier.claims)} claims about {len(dossier.events)} "
                  f"events from {len(dossier.sources)} sources; no problems")
        elif args.command == "convert":
            dump(dossier, args.target)
        elif args.command == "export":
            _export(dossier, args)
        else:
            report = reconcile(dossier, as_of=args.as_of)
            if args.json:
                sys.stdout.write(report.to_json())
            elif args.infobox:
                print(report.infobox())
            else:
                sys.stdout.write(str(report))
    except BrokenPipeError:  # the reader went away (claims report FILE | head): stop quietly
        _silence_stdout()
        return 0
    except DossierError as error:
        limit = args.limit if args.command == "check" else _SHOWN
        listing = error.listing(limit, f"claims check {source} lists them all")
        print(f"claims: {listing}", file=sys.stderr)
        return 1
    except (ClaimsError, OSError) as error:
        print(f"claims: {error}", file=sys.stderr)
        return 1
    return 0


def _silence_stdout() -> None:
    """Point standard output at nothing, so that flushing it at exit raises no second
    BrokenPipeError (the recipe in Python's signal documentation)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
