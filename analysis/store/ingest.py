"""From what a user gives (a file, pasted text, a URL) to a stored article, or a clear refusal.

Every entry point returns an :class:`Outcome`: ``added`` with the new id and notes
(non-English text, metadata that was dropped, a duplicate kept on purpose), or
``refused`` with the reason. A refusal never changes the store: the article is built
and checked completely before the one write transaction.

An upload's file name only picks the format and labels the article; it is never used
as a path.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlsplit

from ..corpus import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, Article, ArticleError, article_from_bytes, load_file
from ..corpus import article_from_text as _article_from_text
from ..corpus import decode_bytes as _decode_bytes
from ..pipeline import text_warnings
from ..text import tokenise
from .base import CorpusStore, Duplicate, DuplicateError, InvalidMetadata, StoreError, clean_metadata
from .fetch import FetchError, FetchSettings, Page, fetch

__all__ = [
    "Outcome",
    "add_article",
    "add_paste",
    "add_sources",
    "add_upload",
    "add_url",
    "article_from_page",
    "article_from_paste",
    "article_from_upload",
    "article_from_url",
    "check_sentences",
    "display_name",
]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one item: ``status`` is "added" or "refused"."""

    source: str
    status: str
    reason: str = ""
    id: str = ""
    title: str = ""
    notes: tuple[str, ...] = ()
    duplicate: Duplicate | None = None

    @property
    def added(self) -> bool:
        return self.status == "added"

    def __str__(self) -> str:
        if self.added:
            extra = "".join(f"\n  note: {n}" for n in self.notes)
            return f"added {self.id}: {self.title} ({self.source}){extra}"
        return f"refused {self.source}: {self.reason}"


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f<>\"`]")


def display_name(name: str) -> str:
    """A file name fit to show: its last component only, no control characters, at most 120 chars."""
    base = PurePath(str(name).replace("\\", "/")).name or "unnamed"
    return _UNSAFE_NAME.sub("", base)[:120] or "unnamed"


_TERMINAL = re.compile(r"[.!?][\"')\]]*$")


def check_sentences(article: Article) -> None:
    """Refuse text without one real sentence (three or more words ending in . ! or ?)."""
    doc = tokenise(article.text)
    for s in doc.sentences:
        if s.n_words >= 3 and _TERMINAL.search(doc.text[s.start : s.end]):
            return
    raise ArticleError(
        "the text has no sentences (no run of three or more words ending in '.', '!' or '?'): "
        "add the article's body, not only a headline or a list"
    )


def _lenient(article: Article) -> tuple[Article, list[str]]:
    """Keep the metadata that is valid; drop (and report) what is not, so the text is not lost."""
    notes: list[str] = []
    values: dict[str, Any] = {}
    for name in ("title", "outlet", "published", "url", "author", "section", "tags"):
        try:
            values.update(clean_metadata({name: getattr(article, name)}))
        except InvalidMetadata as exc:
            if name == "title":
                values["title"] = article.text.split("\n", 1)[0][:120].strip() or "Untitled"
            else:
                values[name] = () if name == "tags" else ""
            notes.append(f"{exc}; left empty: edit it in the Library")
    return dataclasses.replace(article, **values), notes


def add_article(
    store: CorpusStore,
    article: Article,
    *,
    source: str,
    origin: str,
    allow_duplicate: bool = False,
    also_check: Sequence[Article] = (),
) -> Outcome:
    """Check and store a built article; every refusal is an Outcome, never an exception."""
    try:
        check_sentences(article)
        article, notes = _lenient(article)
        warnings = list(text_warnings(tokenise(article.text)))
        stored = store.add(article, origin=origin, allow_duplicate=allow_duplicate, also_check=also_check)
    except DuplicateError as exc:
        return Outcome(
            source,
            "refused",
            f"{exc}; nothing was added",
            duplicate=exc.duplicate,
        )
    except (ArticleError, StoreError) as exc:
        return Outcome(source, "refused", str(exc))
    if stored.duplicate_of:
        notes.append(f"kept although it duplicates article {stored.duplicate_of}")
    return Outcome(source, "added", id=stored.id, title=stored.title, notes=(*warnings, *notes))


def _refused(source: str, exc: Exception) -> Outcome:
    return Outcome(source, "refused", str(exc))


def article_from_upload(name: str, data: bytes) -> Article:
    """Build an article from an uploaded file's name and bytes (the name is never a path)."""
    shown = display_name(name)
    return article_from_bytes(data, name=shown, id=Path(shown).stem or "upload", source=f"upload: {shown}")


def add_upload(store: CorpusStore, name: str, data: bytes, **kw: Any) -> Outcome:
    """Add an uploaded file (see :func:`add_article` for keyword arguments)."""
    shown = display_name(name)
    try:
        article = article_from_upload(name, data)
    except ArticleError as exc:
        return _refused(shown, exc)
    return add_article(store, article, source=shown, origin="upload", **kw)


def article_from_paste(text: str, title: str, meta: dict[str, Any] | None = None) -> Article:
    """Build an article from pasted text; ``title`` is required (the first line is body text)."""
    if len(text.encode("utf-8", "replace")) > MAX_FILE_BYTES:
        raise ArticleError(f"the pasted text is over {MAX_FILE_BYTES // 2**20} MB")
    if not text.strip():
        raise ArticleError("nothing was pasted")
    if not (title or "").strip():
        raise ArticleError("give the pasted article a title")
    return _article_from_text(
        text, id="pasted", kind="body", source="pasted text", meta={**(meta or {}), "title": title}
    )


def add_paste(
    store: CorpusStore, text: str, *, title: str, meta: dict[str, Any] | None = None, **kw: Any
) -> Outcome:
    """Add pasted text with a title (and optional outlet, published, url, author, tags)."""
    source = f"pasted text '{(title or '').strip()[:60]}'"
    try:
        article = article_from_paste(text, title, meta)
    except ArticleError as exc:
        return _refused(source, exc)
    return add_article(store, article, source=source, origin="paste", **kw)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def _decode_page(page: Page) -> str:
    for label in (
        page.charset,
        *(m.decode("ascii", "ignore") for m in _META_CHARSET.findall(page.body[:4096])),
    ):
        if label:
            try:
                return page.body.decode(label)
            except (LookupError, UnicodeDecodeError):
                continue
    return _decode_bytes(page.body)


def article_from_page(page: Page) -> Article:
    """Build an article from a fetched page: HTML (trafilatura), PDF or plain text."""
    if not page.body.strip():
        raise ArticleError("the page is empty")
    host = (_host(page.url) or "").removeprefix("www.")
    kind = page.content_type
    if kind == "application/pdf":
        from ..documents import pdf_text

        found, body = pdf_text(page.body)
        article = _article_from_text(body, id="url", kind="body", source=page.url, meta=found)
    elif kind in ("text/html", "application/xhtml+xml", "") or kind.endswith("+xml"):
        article = _article_from_text(_decode_page(page), id="url", kind="html", source=page.url)
    elif kind == "text/plain":
        article = _article_from_text(_decode_page(page), id="url", kind="txt", source=page.url)
    else:
        raise ArticleError(f"the address returned {kind}, not an article page (HTML, PDF or text)")
    url = article.url if article.url.lower().startswith(("http://", "https://")) else page.url
    return dataclasses.replace(article, url=url, outlet=article.outlet or host)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def article_from_url(url: str, settings: FetchSettings | None = None) -> Article:
    """Fetch ``url`` safely (see :mod:`analysis.store.fetch`) and extract its article."""
    return article_from_page(fetch(url, settings))


def add_url(
    store: CorpusStore, url: str, *, fetch_settings: FetchSettings | None = None, **kw: Any
) -> Outcome:
    """Import one URL."""
    url = url.strip()
    try:
        article = article_from_url(url, fetch_settings)
    except (FetchError, ArticleError) as exc:
        return _refused(url, exc)
    return add_article(store, article, source=url, origin="url", **kw)


def _is_url(value: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value.strip()))


def _expand(path: Path) -> Iterable[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
    return [path]


def add_sources(
    store: CorpusStore,
    sources: Sequence[str],
    *,
    fetch_settings: FetchSettings | None = None,
    **kw: Any,
) -> list[Outcome]:
    """Add files, folders (recursively) and URLs, one outcome per item (the CLI's ``add``)."""
    outcomes: list[Outcome] = []
    for source in sources:
        if _is_url(source):
            outcomes.append(add_url(store, source, fetch_settings=fetch_settings, **kw))
            continue
        path = Path(source)
        if not path.exists():
            outcomes.append(Outcome(source, "refused", "no such file or folder"))
            continue
        files = list(_expand(path))
        if not files:
            outcomes.append(Outcome(source, "refused", "the folder holds no article files"))
        for file in files:
            try:
                article = load_file(file)
            except ArticleError as exc:
                outcomes.append(_refused(str(file), exc))
                continue
            outcomes.append(add_article(store, article, source=str(file), origin="file", **kw))
    return outcomes
