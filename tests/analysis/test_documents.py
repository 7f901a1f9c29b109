"""Word and PDF extraction, and article_from_bytes: every upload format and every bad file."""

from __future__ import annotations

import io
import zipfile

import pytest

from analysis.corpus import ArticleError, article_from_bytes, decode_bytes
from analysis.documents import docx_text, pdf_text, sniff_binary

from .store.store_samples import (
    FLOODS,
    SUMMIT,
    SUMMIT_BODY_START,
    SUMMIT_PDF_LINES,
    make_docx,
    make_pdf,
    make_scanned_pdf,
)

PARAS = [
    "The two leaders met on Monday at the border crossing, officials said.",
    "They talked for several hours about trade and security.",
]


@pytest.mark.parametrize(
    ("data", "title", "first"),
    [
        # A leading "Title" or "Heading 1" paragraph is the title, not body text.
        (make_docx("Leaders Meet", PARAS, title_style="Title"), "Leaders Meet", "The two leaders"),
        (make_docx("Leaders Meet", PARAS, title_style="Heading 1"), "Leaders Meet", "The two leaders"),
        # A plain short first line without end punctuation is taken as the title too.
        (make_docx("Leaders Meet", PARAS, title_style="Normal"), "Leaders Meet", "The two leaders"),
        # No title at all: the body is untouched and the title is left to the caller.
        (make_docx("", PARAS), "", "The two leaders"),
    ],
    ids=["Title style", "Heading 1", "short first line", "no title"],
)
def test_docx(data: bytes, title: str, first: str) -> None:
    meta, body = docx_text(data)
    assert meta.get("title", "") == title
    assert body.startswith(first)
    assert body.split("\n\n") == PARAS


def test_pdf_text_layer_and_reflow() -> None:
    meta, body = pdf_text(make_pdf(SUMMIT_PDF_LINES))
    # The first short line is the title; wrapped lines join into two paragraphs.
    assert meta == {"title": "Leaders Meet At The Border"}
    paragraphs = body.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0] == (
        "The two leaders met on Monday at the border crossing, officials said in a statement. "
        "They talked for several hours about trade and security."
    )


def test_pdf_title_from_metadata_and_junk_title_ignored() -> None:
    meta, body = pdf_text(make_pdf(SUMMIT_PDF_LINES, title="Leaders Meet At The Border"))
    assert meta["title"] == "Leaders Meet At The Border" and body.startswith(SUMMIT_BODY_START)
    meta, _ = pdf_text(make_pdf(SUMMIT_PDF_LINES[2:], title="Microsoft Word - draft3.docx"))
    assert "title" not in meta  # the file name Word leaves in the metadata is not a title


def test_pdf_hyphenated_line_end() -> None:
    _, body = pdf_text(
        make_pdf(["The negotiators met the gov-", "ernment team in the capital on Monday evening."])
    )
    assert "government team" in body


BAD_DOCUMENTS = [
    ("scan.pdf", make_scanned_pdf(), "no text layer"),
    ("junk.pdf", b"%PDF-1.4\nthis is not really a pdf", "could not be read|no text layer"),
    ("junk.docx", b"PK\x03\x04 not a zip at all", "not a valid .docx"),
    ("spreadsheet.docx", b"", "empty"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_DOCUMENTS, ids=[row[0] for row in BAD_DOCUMENTS])
def test_bad_documents(name: str, data: bytes, message: str) -> None:
    with pytest.raises(ArticleError, match=message):
        article_from_bytes(data, name=name, id="x")


def test_zip_that_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("content.xml", "<x/>")
    with pytest.raises(ArticleError, match="not a Word document"):
        docx_text(out.getvalue())


def test_docx_zip_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.documents as documents

    monkeypatch.setattr(documents, "MAX_UNZIPPED_BYTES", 1000)
    with pytest.raises(ArticleError, match="would unpack to"):
        docx_text(make_docx("Leaders Meet", PARAS))


def test_encrypted_pdf() -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf(SUMMIT_PDF_LINES)))
    writer.encrypt(user_password="open-sesame", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ArticleError, match="password-protected"):
        pdf_text(out.getvalue())


# -- article_from_bytes: one entry for every format -----------------------------------------


FORMATS = [
    ("summit.txt", SUMMIT.encode(), "Leaders Meet At The Border"),
    (
        "summit.md",
        ("# Leaders Meet At The Border\n\n" + SUMMIT.split("\n\n", 1)[1]).encode(),
        "Leaders Meet At The Border",
    ),
    (
        "summit.html",
        f"<html><body><h1>Leaders Meet</h1><p>{SUMMIT.split(chr(10) * 2, 1)[1]}</p></body></html>".encode(),
        "",
    ),
    (
        "summit.docx",
        make_docx("Leaders Meet At The Border", SUMMIT.split("\n\n")[1:]),
        "Leaders Meet At The Border",
    ),
    ("summit.pdf", make_pdf(SUMMIT_PDF_LINES), "Leaders Meet At The Border"),
    ("SUMMIT.PDF", make_pdf(SUMMIT_PDF_LINES), "Leaders Meet At The Border"),  # suffix case ignored
]


@pytest.mark.parametrize(("name", "data", "title"), FORMATS, ids=[row[0] for row in FORMATS])
def test_every_format(name: str, data: bytes, title: str) -> None:
    art = article_from_bytes(data, name=name, id="a")
    assert SUMMIT_BODY_START in art.text
    assert not title or art.title == title


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # Latin-1 / Windows-1252 (not UTF-8): decoded, accents kept.
        (FLOODS.replace("shopkeeper", "café owner").encode("latin-1"), "café owner"),
        # UTF-16 with a byte-order mark, and without one (Notepad's "Unicode" and its big-endian twin).
        (FLOODS.replace("shopkeeper", "café owner").encode("utf-16"), "café owner"),
        (FLOODS.replace("shopkeeper", "café owner").encode("utf-16-le"), "café owner"),
        (FLOODS.replace("shopkeeper", "café owner").encode("utf-16-be"), "café owner"),
    ],
    ids=["latin-1", "utf-16 with BOM", "utf-16-le without BOM", "utf-16-be without BOM"],
)
def test_encodings(data: bytes, expected: str) -> None:
    assert expected in article_from_bytes(data, name="floods.txt", id="f").text


BAD_UPLOADS = [
    ("empty.txt", b"", "the file is empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(64), r"binary \(a PNG image\)"),
    ("photo.md", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(64), r"binary \(a JPEG image\)"),
    ("report.txt", make_pdf(SUMMIT_PDF_LINES), r"binary \(a PDF document\)"),
    ("notes.txt", make_docx("Leaders", PARAS), "binary .a zip archive or Word"),
    ("program.exe", b"MZ\x90\x00", "unsupported file type '.exe'"),
    ("data.csv", b"a,b\n1,2\n", "unsupported file type '.csv'"),
    ("noext", SUMMIT.encode(), "unsupported file type 'noext'"),
    (
        "scripts.html",
        b"<html><head><script>alert('x')</script></head><body><script>steal()</script></body></html>",
        "no article text could be extracted",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_UPLOADS, ids=[row[0] for row in BAD_UPLOADS])
def test_bad_uploads(name: str, data: bytes, message: str) -> None:
    with pytest.raises(ArticleError, match=message):
        article_from_bytes(data, name=name, id="x")


def test_fifty_megabyte_file_is_refused() -> None:
    with pytest.raises(ArticleError, match=r"the file is 50 MB; the limit is 20 MB"):
        article_from_bytes(b"word " * (10 * 2**20), name="big.txt", id="big")


def test_control_characters_are_dropped() -> None:
    art = article_from_bytes(
        b"Title\n\nThe leaders\x0b met\x07 on Monday.\x1b Talks went on.", name="c.txt", id="c"
    )
    assert art.text == "The leaders met on Monday. Talks went on."


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"%PDF-1.7", "a PDF document"), (b"GIF89a", "a GIF image"), (b"plain text", "")],
)
def test_sniff_binary(data: bytes, kind: str) -> None:
    assert sniff_binary(data) == kind


def test_decode_bytes_utf16_without_bom_is_not_binary() -> None:
    assert decode_bytes("Talks went on.".encode("utf-16-le")) == "Talks went on."
