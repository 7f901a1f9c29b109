"""Command-line options of the analysis families (``--themes FILE``, ``--lexicon DIR``, …).

Each family that takes a setting adds its option in :func:`add_family_options` and
turns it into a :class:`~analysis.pipeline.Settings` entry in :func:`settings_from_args`.
"""

from __future__ import annotations

import argparse

from .hedging_lexicon import load_lexicon
from .pipeline import Settings
from .themes import load_themes


def add_family_options(parser: argparse.ArgumentParser) -> None:
    """Add the families' options to the CLI parser."""
    parser.add_argument(
        "--lexicon",
        metavar="DIR",
        help="hedging lexicon folder with hedges.tsv and boosters.tsv (default data/lexicons)",
    )
    parser.add_argument(
        "--themes",
        metavar="FILE",
        help="theme file (TOML, see README 'Theme file format'; default data/themes.toml)",
    )
    parser.add_argument(
        "--no-semantic-themes",
        action="store_true",
        help="skip the semantic theme layer (word vectors that name the top theme when keywords "
        "are not decisive; README 'Themes')",
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Settings for the families from parsed arguments; ValueError with a message on bad input."""
    settings = Settings()
    if getattr(args, "lexicon", None):
        settings = settings.with_option("hedging", load_lexicon(args.lexicon))
    if getattr(args, "themes", None):
        settings = settings.with_option("themes", load_themes(args.themes))
    if getattr(args, "no_semantic_themes", False):
        settings = settings.with_option("themes_semantic", False)
    return settings
