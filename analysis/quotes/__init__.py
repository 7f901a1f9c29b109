"""Quote attribution: who is quoted, how much, in their own words or reported.

``analyse(doc)`` finds direct quotations (pairing straight quote marks by context,
multi-paragraph and block quotations), attributes each to a canonical speaker or
``UNKNOWN``, finds reported speech and anonymous sourcing, and keeps every span as
offsets into ``doc.text``. ``speaker_table`` merges speakers across a corpus. Pure
rules over the text layer's tokens, linear in the text; word lists are data files in
``data/lexicons/``. See README, "Quotes", for the method and its measured accuracy.
"""

from __future__ import annotations

from .lexicons import LexiconError, load_lexicons
from .result import UNKNOWN, DirectQuote, Excluded, QuotesResult, ReportedSpeech, SpeakerStats
from .run import analyse
from .table import speaker_table

__all__ = [
    "UNKNOWN",
    "DirectQuote",
    "Excluded",
    "LexiconError",
    "QuotesResult",
    "ReportedSpeech",
    "SpeakerStats",
    "analyse",
    "load_lexicons",
    "speaker_table",
]
