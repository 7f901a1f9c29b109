"""Text out of binary document formats: Word (``.docx``) and PDF.

Each extractor takes the file's bytes and returns ``(meta, body)``: the metadata the
document states (title, author) and the body as paragraphs separated by blank lines,
ready for :func:`analysis.corpus.article_from_text`. Problems raise
:class:`~analysis.corpus.ArticleError` with a message for the user.

The libraries (python-docx, pypdf) are imported on first use, so reading ``.txt`` or
``.md`` files never pays for them.
"""

from __future__ import annotations

import io
import re
import zipfile

from .corpus import ArticleError

__all__ = ["MAX_PDF_PAGES", "MAX_UNZIPPED_BYTES", "docx_text", "pdf_text", "sniff_binary"]

#: A ``.docx`` is a zip; refuse one that would unpack to more than this (a zip bomb).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
#: Pages read from a PDF; an article is far shorter, a book would only stall the app.
MAX_PDF_PAGES = 300

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive or Word/OpenDocument file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word/Excel file (.doc/.xls)"),
    (b"RIFF", "a media file"),
)


def sniff_binary(data: bytes) -> str:
    """Name the binary format ``data`` starts with ("a PNG image"), or "" if none is known."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[4:8] == b"ftyp":
        return "a video or HEIC image"
    return ""


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        raise ArticleError("the file is not a valid .docx document (it is not a zip package)") from None
    if total > MAX_UNZIPPED_BYTES:
        raise ArticleError(
            f"the .docx would unpack to {total / 2**20:.0f} MB; the limit is {MAX_UNZIPPED_BYTES // 2**20} MB"
        )
    if "word/document.xml" not in names:
        raise ArticleError("the file is a zip package but not a Word document (no word/document.xml)")


_TITLE_STYLES = re.compile(r"^(?:title|heading 1|heading1)$", re.IGNORECASE)


def docx_text(data: bytes) -> tuple[dict[str, str], str]:
    """Extract a Word document's paragraphs; a leading Title/Heading 1 paragraph is the title."""
    _check_zip(data)
    import docx  # python-docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for damaged packages
        raise ArticleError(f"the .docx document could not be read ({type(exc).__name__})") from None
    paragraphs: list[tuple[str, str]] = []
    for par in document.paragraphs:
        text = par.text.strip()
        if text:
            style = par.style.name if par.style is not None else ""
            paragraphs.append((text, style or ""))
    meta: dict[str, str] = {}
    if paragraphs and _TITLE_STYLES.match(paragraphs[0][1]):
        meta["title"] = paragraphs.pop(0)[0]
    else:
        core_title = (document.core_properties.title or "").strip()
        if core_title:
            meta["title"] = core_title
        elif len(paragraphs) > 1 and _looks_like_title(paragraphs[0][0]):
            meta["title"] = paragraphs.pop(0)[0]
    body = "\n\n".join(text for text, _ in paragraphs)
    if not body.strip():
        raise ArticleError("the .docx document has no text")
    return meta, body


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return 0 < len(s.split()) <= 25 and s[-1] not in ".!?:;,"


_JUNK_PDF_TITLE = re.compile(r"\.(?:docx?|pdf|indd|tex)\b|^untitled|^microsoft word", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")


def _reflow(page_text: str) -> list[str]:
    """Turn a PDF page's hard-wrapped lines into paragraphs.

    A line ends a paragraph when it ends a sentence and is clearly shorter than the
    page's typical line, or when it is a short unpunctuated line (a heading) followed by
    a capitalised one. A hyphen at a line end before a lower-case letter is a split word.
    """
    lines = [ln.strip() for ln in page_text.replace("\r", "\n").split("\n")]
    lengths = sorted(len(ln) for ln in lines if ln)
    if not lengths:
        return []
    typical = lengths[int(len(lengths) * 0.75)]
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if current.endswith("-") and line[:1].islower() and current[-2:-1].isalpha():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        ends_sentence = bool(_SENTENCE_END.search(line))
        heading = not ends_sentence and len(line) < 0.6 * typical and nxt[:1].isupper()
        if (ends_sentence and len(line) < 0.8 * typical) or heading:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


_COLUMN_GAP = re.compile(r"\S {4,}\S")


def _page_paragraphs(page: object) -> list[str]:
    """Paragraphs of one PDF page.

    pypdf's layout mode keeps vertical gaps as blank lines, which mark paragraphs; it is
    used unless the page looks multi-column (wide gaps inside lines) or every line is
    followed by a blank one (double spacing). Otherwise plain extraction and the
    line-length rules of :func:`_reflow` decide.
    """
    try:
        layout = page.extract_text(extraction_mode="layout") or ""  # type: ignore[attr-defined]
    except Exception:  # layout mode is younger and fails on some files; plain mode may not
        layout = ""
    lines = layout.split("\n")
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if filled:
        columns = sum(1 for i in filled if _COLUMN_GAP.search(lines[i].strip())) > 0.2 * len(filled)
        spaced = sum(1 for i in filled if i + 1 < len(lines) and not lines[i + 1].strip()) > 0.6 * len(filled)
        if not columns and not spaced:
            return _reflow(layout)
    return _reflow(page.extract_text() or "")  # type: ignore[attr-defined]


def pdf_text(data: bytes) -> tuple[dict[str, str], str]:
    """Extract the text layer of a PDF; a PDF without one (a scan) gets a clear refusal."""
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ArticleError("the PDF is password-protected; save an unprotected copy and try again")
        pages = reader.pages
        n_pages = len(pages)
    except ArticleError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ArticleError(f"the PDF could not be read ({exc})") from None
    if n_pages > MAX_PDF_PAGES:
        raise ArticleError(
            f"the PDF has {n_pages} pages; the limit is {MAX_PDF_PAGES} (an article, not a book)"
        )
    paragraphs: list[str] = []
    for page in pages:
        try:
            paragraphs.extend(_page_paragraphs(page))
        except Exception:  # a damaged page must not lose the others
            continue
    body = "\n\n".join(paragraphs)
    if sum(ch.isalpha() for ch in body) < 20:
        raise ArticleError(
            "the PDF has no text layer (it is probably a scan or made of images): "
            "run OCR on it first, or paste the article's text"
        )
    meta: dict[str, str] = {}
    info = reader.metadata
    title = str(info.title or "").strip() if info else ""
    if title and not _JUNK_PDF_TITLE.search(title):
        meta["title"] = title
        if paragraphs and paragraphs[0].casefold() == title.casefold():
            body = "\n\n".join(paragraphs[1:])
    elif paragraphs and len(paragraphs) > 1 and _looks_like_title(paragraphs[0]):
        meta["title"] = paragraphs[0]
        body = "\n\n".join(paragraphs[1:])
    author = str(info.author or "").strip() if info else ""
    if author:
        meta["author"] = author
    return meta, body
