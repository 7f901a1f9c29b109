"""Command-line options of the analysis families (``--themes FILE``, ``--lexicon DIR``, …).

Each family that takes a setting adds its option in :func:`add_family_options` and
turns it into a :class:`~analysis.pipeline.Settings` entry in :func:`settings_from_args`.
"""

from __future__ import annotations

import argparse

from .hedging_lexicon import load_lexicon
from .pipeline import Settings


def add_family_options(parser: argparse.ArgumentParser) -> None:
    """Add the families' options to the CLI parser."""
    parser.add_argument(
        "--lexicon",
        metavar="DIR",
        help="hedging lexicon folder with hedges.tsv and boosters.tsv (default data/lexicons)",
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings for the families from parsed arguments; ValueError with a message on bad input."""
    settings = Settings()
    if getattr(args, "lexicon", None):
        settings = settings.with_option("hedging", load_lexicon(args.lexicon))
    return settings
