"""Loading articles: ``.txt``, ``.md`` (YAML front matter), ``.html``, ``.docx`` and ``.pdf``.

Boilerplate is cut at load time by general rules (README, "Corpus"), so a data file
stays as it was found and the cut is tested and traceable: every removed block is kept
in ``Article.removed``.

* A comment section is cut from its header to the end: "One thought on …", "3 comments
  on …", "Leave a Reply", "Leave a Comment", "Related posts", "Share this".
* A trailing tag run (words glued together with no spaces or punctuation, such as
  "geopoliticsHow a …North KoreaRussia") and a trailing "Tags: …" line are cut.
* In a ``.txt`` file the first line is the title. A short first line directly above
  it (at most three words, no punctuation) is the site's section label ("Foreign
  Affairs"): it goes to ``Article.section``, not the text.
* In a ``.md`` file, body lines at the top that repeat the front matter's title or
  section are dropped.

A file that cannot be read yields a :class:`LoadError` with a clear reason; the other
files still load. :func:`article_from_bytes` is the one entry for file content, whether
it comes from disk or an upload (the name only picks the format; it is never a path).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .text import normalise, word_count

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "Article",
    "LoadError",
    "LoadResult",
    "article_from_bytes",
    "article_from_text",
    "decode_bytes",
    "load_file",
    "load_paths",
    "strip_boilerplate",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf")
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Article:
    """One article. ``text`` is the cleaned text (:func:`analysis.text.normalise`)."""

    id: str
    title: str
    text: str
    outlet: str = ""
    published: str = ""
    url: str = ""
    author: str = ""
    section: str = ""
    source: str = ""
    tags: tuple[str, ...] = ()
    removed: tuple[str, ...] = field(default=(), repr=False)

    @property
    def words(self) -> int:
        return word_count(self.text)

    def meta(self) -> dict[str, str | int | list[str]]:
        """Metadata for tables and the CLI record (no text)."""
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "url": self.url,
            "author": self.author,
            "section": self.section,
            "tags": list(self.tags),
        }


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file that could not be loaded, and why, in words a user understands."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class LoadResult:
    articles: tuple[Article, ...]
    errors: tuple[LoadError, ...]


class ArticleError(ValueError):
    """Raised for content that is not a usable article; the message is for the user."""


_COMMENTS_HEADER = re.compile(
    r"^\s*(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|no|\d+)\s+"
    r"(?:thoughts?|comments?|responses?|repl(?:y|ies))\s+(?:on|to)\b"
    r"|leave\s+a\s+(?:reply|comment)\b|related\s+(?:posts|articles|stories)\s*:?\s*$"
    r"|share\s+this\s*:?\s*$)",
    re.IGNORECASE,
)
_TAGS_LINE = re.compile(r"^\s*(?:tags|tagged|filed under)\s*:", re.IGNORECASE)
_GLUED = re.compile(r"[a-z][A-Z]")


def _is_tag_run(line: str) -> bool:
    s = line.strip()
    return bool(s) and s[-1] not in ".!?\"'”" and len(_GLUED.findall(s)) >= 3


def strip_boilerplate(text: str) -> tuple[str, list[str]]:
    """Cut comment sections and trailing tag runs; return the body and what was cut."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    removed: list[str] = []
    for i, line in enumerate(lines):
        if _COMMENTS_HEADER.match(line):
            cut = "\n".join(lines[i:]).strip()
            if cut:
                removed.append(cut)
            lines = lines[:i]
            break
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and (_is_tag_run(lines[-1]) or _TAGS_LINE.match(lines[-1])):
        removed.append(lines.pop().strip())
        while lines and not lines[-1].strip():
            lines.pop()
    return "\n".join(lines), removed


def decode_bytes(data: bytes) -> str:
    """Decode file bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM, else Windows-1252.

    Raises :class:`ArticleError` for empty or binary content.
    """
    if not data.strip():
        raise ArticleError("the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"the file claims UTF-16 but does not decode: {exc.reason}") from None
    head = data[:8192]
    if b"\x00" in head:
        utf16 = _bomless_utf16(head)
        if utf16:
            try:
                return data.decode(utf16)
            except UnicodeDecodeError:
                pass
        raise ArticleError("the file is binary (an image, PDF or archive?), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    bad = text.count("\ufffd") + sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if bad > max(3, len(text) // 100):
        raise ArticleError("the file is not text in a known encoding (tried UTF-8, UTF-16, Windows-1252)")
    return text


def _bomless_utf16(head: bytes) -> str:
    """``"utf-16-le"``/``"utf-16-be"`` if ``head`` looks like UTF-16 text without a BOM."""
    n = len(head) // 2 * 2
    if n < 8:
        return ""
    even, odd = head[0:n:2], head[1:n:2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return ""


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s.split()) <= 30 and s[-1] not in ".;,"


def _split_txt(raw: str) -> tuple[str, str, str]:
    """Return (section, title, body) of a plain-text article."""
    lines = raw.split("\n")
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    if not idx:
        return "", "", ""
    first = lines[idx[0]].strip()
    if (
        len(idx) > 1
        and idx[1] == idx[0] + 1
        and len(first.split()) <= 3
        and re.fullmatch(r"[\w &'-]+", first)
        and _looks_like_title(lines[idx[1]])
        and len(lines[idx[1]].split()) > len(first.split())
    ):
        return first, lines[idx[1]].strip(), "\n".join(lines[idx[1] + 1:])
    return "", first, "\n".join(lines[idx[0] + 1:])


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)


def _split_md(raw: str) -> tuple[dict, str]:
    m = _FRONT_MATTER.match(raw)
    if not m:
        heading = re.match(r"\A\s*#\s+(.+)\n", raw)
        if heading:
            return {"title": heading.group(1).strip()}, raw[heading.end():]
        section, title, body = _split_txt(raw)
        return {"title": title, "section": section}, body
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (front matter line {mark.line + 2})" if mark else ""
        problem = getattr(exc, "problem", exc)
        raise ArticleError(f"the YAML front matter is invalid{where}: {problem}") from None
    if not isinstance(meta, dict):
        raise ArticleError("the YAML front matter must be a mapping of field: value")
    body = raw[m.end():]
    drop = {str(meta.get(k, "")).strip() for k in ("title", "section")} - {""}
    lines = body.split("\n")
    while lines and (not lines[0].strip() or lines[0].strip() in drop):
        lines.pop(0)
    return meta, "\n".join(lines)


def _from_html(raw: str) -> tuple[dict, str]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or not (doc.text or "").strip():
        raise ArticleError("no article text could be extracted from this HTML page")
    meta = {
        "title": doc.title or "",
        "author": doc.author or "",
        "published": doc.date or "",
        "outlet": doc.sitename or "",
        "url": doc.url or "",
    }
    lines = doc.text.split("\n")
    if lines and meta["title"] and lines[0].strip() == meta["title"].strip():
        lines = lines[1:]
    return meta, "\n".join(lines)


# C0 controls other than tab, newline and form feed: never text (and PostgreSQL refuses NUL).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _str(value: object) -> str:
    return "" if value is None else str(value).strip()


def article_from_text(
    raw: str,
    *,
    id: str,
    kind: str = "txt",
    source: str = "",
    meta: dict | None = None,
) -> Article:
    """Build an :class:`Article` from decoded text of a given ``kind`` (txt, md, html or body).

    ``body`` is text already split from its title (a Word or PDF document's paragraphs),
    used as it is. ``meta`` overrides what the text itself says (title, outlet,
    published, url, …). Raises :class:`ArticleError` when nothing usable is left.
    """
    raw = _CONTROL.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    found: dict = {}
    if kind == "body":
        body = raw
    elif kind in ("md", "markdown"):
        found, body = _split_md(raw)
    elif kind in ("html", "htm"):
        found, body = _from_html(raw)
    else:
        if re.search(r"<(?:html|body|div|p|script)\b", raw[:2000], re.IGNORECASE):
            found, body = _from_html(raw)
        else:
            section, title, body = _split_txt(raw)
            found = {"title": title, "section": section}
    found.update({k: v for k, v in (meta or {}).items() if v not in (None, "")})
    body, removed = strip_boilerplate(body)
    text = normalise(body)
    if not text:
        raise ArticleError("there is no article text after the title")
    if word_count(text) == 0:
        raise ArticleError("the text has no words")
    tags = found.get("tags") or ()
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    title = _str(found.get("title")) or text.split("\n", 1)[0][:80]
    return Article(
        id=_str(found.get("id")) or id,
        title=title,
        text=text,
        outlet=_str(found.get("outlet")),
        published=_str(found.get("published") or found.get("date")),
        url=_str(found.get("url")),
        author=_str(found.get("author")),
        section=_str(found.get("section")),
        source=source,
        tags=tuple(_str(t) for t in tags if _str(t)),
        removed=tuple(removed),
    )


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(SUPPORTED_SUFFIXES)
        raise ArticleError(f"unsupported file type '{suffix or name}' (use {kinds})")
    return suffix


def _too_big(size: int) -> ArticleError:
    return ArticleError(
        f"the file is {size / 2**20:.0f} MB; the limit is {MAX_FILE_BYTES // 2**20} MB "
        "(an article is rarely over 1 MB: save only the article's text)"
    )


def article_from_bytes(
    data: bytes, *, name: str, id: str, source: str = "", meta: dict | None = None
) -> Article:
    """Build an :class:`Article` from a file's bytes; ``name``'s suffix picks the format.

    Raises :class:`ArticleError` with a user-facing reason: unsupported type, too big,
    empty, binary content in a text file, undecodable text, no text in a document.
    """
    suffix = _check_suffix(name)
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(len(data))
    if not data.strip():
        raise ArticleError("the file is empty")
    if suffix in (".docx", ".pdf"):
        from . import documents

        found, body = documents.docx_text(data) if suffix == ".docx" else documents.pdf_text(data)
        return article_from_text(body, id=id, kind="body", source=source, meta={**found, **(meta or {})})
    from .documents import sniff_binary

    binary = sniff_binary(data)
    if binary:
        raise ArticleError(f"the file is binary ({binary}), not {suffix} text")
    raw = decode_bytes(data)
    return article_from_text(raw, id=id, kind=suffix.lstrip("."), source=source, meta=meta)


def load_file(path: Path | str) -> Article:
    """Load one article file; raises :class:`ArticleError` with a user-facing reason."""
    path = Path(path)
    _check_suffix(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(size)
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read the file: {exc.strerror or exc}") from None
    return article_from_bytes(data, name=path.name, id=path.stem, source=str(path))


def _expand(paths: Iterable[Path | str]) -> Iterable[tuple[Path, bool]]:
    for p in map(Path, paths):
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child, False
        else:
            yield p, True


def load_paths(paths: Sequence[Path | str]) -> LoadResult:
    """Load files and folders (recursively, supported suffixes only).

    Article ids are file stems, made unique with a ``-2``, ``-3`` suffix.
    """
    articles: list[Article] = []
    errors: list[LoadError] = []
    seen: dict[str, int] = {}
    for path, explicit in _expand(paths):
        if explicit and not path.exists():
            errors.append(LoadError(str(path), "no such file or folder"))
            continue
        try:
            art = load_file(path)
        except ArticleError as exc:
            errors.append(LoadError(str(path), str(exc)))
            continue
        n = seen.get(art.id, 0) + 1
        seen[art.id] = n
        if n > 1:
            art = Article(**{**{f: getattr(art, f) for f in Article.__slots__}, "id": f"{art.id}-{n}"})
        articles.append(art)
    return LoadResult(tuple(articles), tuple(errors))
