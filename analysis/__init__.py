"""Coverage Lens analyses: pure Python, no Streamlit.

Entry points: :func:`analysis.corpus.load_paths` to read articles,
:func:`analysis.pipeline.analyse_corpus` to analyse them, and
:func:`analysis.pipeline.corpus_frame` for the flat table.
"""

from .corpus import Article, LoadError, load_paths
from .pipeline import ArticleAnalysis, Settings, analyse_article, analyse_corpus, corpus_frame
from .text import Doc, tokenise

__all__ = [
    "Article",
    "ArticleAnalysis",
    "Doc",
    "LoadError",
    "Settings",
    "analyse_article",
    "analyse_corpus",
    "corpus_frame",
    "load_paths",
    "tokenise",
]
