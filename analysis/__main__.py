"""``python -m analysis PATH... [--format json|csv] [--out FILE]``: analyse articles.

Writes one record per article (README, "CLI record"). Exit codes: 0 success, 2 when a
path does not exist or no readable article was found (a message on stderr names
each file that failed; the others are still analysed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .cli_options import add_family_options, settings_from_args
from .corpus import load_paths
from .pipeline import analyse_corpus, corpus_frame


def build_parser() -> argparse.ArgumentParser:
    """The CLI's argument parser."""
    p = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files (.txt .md .html .docx .pdf) or folders"
    )
    p.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default json)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="analyse in N processes (default 1; 0 = all cores)"
    )
    add_family_options(p)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    args = build_parser().parse_args(argv)
    status = 0
    for raw in args.paths:
        if not Path(raw).exists():
            print(f"error: {raw}: no such file or folder", file=sys.stderr)
            status = 2
    loaded = load_paths([p for p in args.paths if Path(p).exists()])
    for err in loaded.errors:
        print(f"error: {err}", file=sys.stderr)
    if not loaded.articles:
        print("error: no readable article found", file=sys.stderr)
        return 2
    try:
        settings = settings_from_args(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    analyses = analyse_corpus(loaded.articles, settings, jobs=jobs)
    if args.format == "json":
        # One record per line: valid JSON, and json's C encoder (indent= forces the slow
        # pure-Python one, which cost more than the analysis itself on large corpora).
        lines = (json.dumps(a.to_record(), ensure_ascii=False) for a in analyses)
        out = "[\n" + ",\n".join(lines) + "\n]\n"
    else:
        out = corpus_frame(analyses).to_csv(index=False)
    if args.out:
        Path(args.out).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return status


if __name__ == "__main__":
    sys.exit(main())
