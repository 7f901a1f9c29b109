"""The loader: formats, metadata, load-time boilerplate rules, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.corpus import ArticleError, decode_bytes, load_file, load_paths, strip_boilerplate

SEED_000 = "000_599179000b3c905d"
SEED_004 = "004_76dfa7cb8ca091fe"

TXT_WITH_SECTION = (
    "World News\n"
    "Leaders Meet At The Border\n"
    "\n"
    "The two leaders met on Monday. They talked for hours.\n"
)
TXT_PLAIN = "Leaders Meet At The Border\n\nThe two leaders met on Monday. They talked for hours.\n"
MD_FRONT_MATTER = (
    "---\n"
    "title: Leaders Meet\n"
    "outlet: Daily Planet\n"
    "published: 2023-09-13\n"
    "tags: [summit, border]\n"
    "---\n"
    "Leaders Meet\n"
    "\n"
    "The two leaders met on Monday. They talked for hours.\n"
)
MD_HEADING = "# Leaders Meet\n\nThe two leaders met on Monday.\n"
HTML_PAGE = """<html><head><title>Leaders Meet | Daily Planet</title>
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Daily Planet">
<meta property="og:title" content="Leaders Meet"></head>
<body><nav>Home | World | Sport</nav><article><h1>Leaders Meet</h1>
<p>The two leaders met on Monday at the border crossing, officials said in a statement.</p>
<p>They talked for several hours about trade, security and the future of the region.</p>
</article><script>alert("x")</script><footer>Copyright 2023</footer></body></html>"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "content", "title", "section", "first_words"),
    [
        # A short label line directly above the title is the site's section label.
        ("a.txt", TXT_WITH_SECTION, "Leaders Meet At The Border", "World News", "The two leaders"),
        ("b.txt", TXT_PLAIN, "Leaders Meet At The Border", "", "The two leaders"),
        # The body line repeating the front matter's title is dropped.
        ("c.md", MD_FRONT_MATTER, "Leaders Meet", "", "The two leaders"),
        ("d.md", MD_HEADING, "Leaders Meet", "", "The two leaders"),
        ("e.html", HTML_PAGE, "Leaders Meet", "", "The two leaders"),
    ],
)
def test_formats(tmp_path: Path, name: str, content: str, title: str, section: str, first_words: str) -> None:
    art = load_file(write(tmp_path, name, content))
    assert art.id == Path(name).stem
    assert art.title == title
    assert art.section == section
    assert art.text.startswith(first_words)
    assert "Home | World" not in art.text and "alert" not in art.text


def test_front_matter_metadata(tmp_path: Path) -> None:
    art = load_file(write(tmp_path, "c.md", MD_FRONT_MATTER))
    assert (art.outlet, art.published, art.tags) == ("Daily Planet", "2023-09-13", ("summit", "border"))


def test_html_metadata(tmp_path: Path) -> None:
    art = load_file(write(tmp_path, "e.html", HTML_PAGE))
    assert art.author == "Jane Doe"
    assert art.outlet == "Daily Planet"


@pytest.mark.parametrize(
    ("raw", "body", "removed"),
    [
        # Comment section: from its header to the end.
        (
            "Body text here.\n\nOne thought on \u201cTitle\u201d\n\n1. A reader's comment.\n\nLeave a Reply",
            "Body text here.",
            ["One thought on \u201cTitle\u201d\n\n1. A reader's comment.\n\nLeave a Reply"],
        ),
        ("Body text here.\n\n12 comments on Title", "Body text here.", ["12 comments on Title"]),
        ("Body text here.\nLeave a Comment\nName Email", "Body text here.", ["Leave a Comment\nName Email"]),
        # A trailing tag run of glued words.
        (
            "Body text here.\ngeopoliticsKim Jong UnNorth KoreaRussiaVladimir Putin",
            "Body text here.",
            ["geopoliticsKim Jong UnNorth KoreaRussiaVladimir Putin"],
        ),
        ("Body text here.\n\nTags: Russia, Korea", "Body text here.", ["Tags: Russia, Korea"]),
        # Ordinary text is untouched, even with a camel-case name ending a sentence.
        ("The iPhone maker, McDonald's and YouTube met.", "The iPhone maker, McDonald's and YouTube met.", []),
        # "comments" inside a sentence is not a comment header.
        ("He declined to make comments on the deal.", "He declined to make comments on the deal.", []),
    ],
)
def test_strip_boilerplate(raw: str, body: str, removed: list[str]) -> None:
    assert strip_boilerplate(raw) == (body, removed)


def test_seed_boilerplate_is_cut(seed_articles) -> None:
    a000, a004 = seed_articles[SEED_000], seed_articles[SEED_004]
    # Seed 000: section label "Foreign Affairs" and the glued tag run at the end.
    assert a000.section == "Foreign Affairs"
    assert not a000.text.startswith("Foreign Affairs")
    assert "geopoliticsHow" not in a000.text
    assert a000.text.endswith("enhancing the security environment in Northeast Asia.")
    # Seed 004: the comment section and its reader comment are gone.
    assert "Leave a Reply" not in a004.text and "One thought on" not in a004.text
    assert "dangerous precedence" not in a004.text
    assert a004.text.endswith("for the future of humanity in the 21st century.")
    assert a004.removed and a004.removed[0].startswith("One thought on")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        ("notes.docx.zip", b"PK\x03\x04", "unsupported file type"),
        ("bad.md", "---\ntitle: [unclosed\n---\nBody text.", "front matter"),
        ("title-only.txt", "Just A Title\n", "no article text"),
        ("punct.txt", "Title\n\n... --- !!!", "no words"),
        ("utf16-broken.txt", b"\xff\xfe\x00\xd8", "UTF-16"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, content: str | bytes, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason):
        load_file(write(tmp_path, name, content))


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("caf\u00e9 na\u00efve".encode(), "caf\u00e9 na\u00efve"),
        ("\ufeffcaf\u00e9".encode(), "caf\u00e9"),
        ("caf\u00e9".encode("utf-16"), "caf\u00e9"),
        # Not UTF-8: Windows-1252 (a superset of Latin-1's printable range).
        ("caf\u00e9 \u2019quoted\u2019".encode("cp1252"), "caf\u00e9 \u2019quoted\u2019"),
    ],
)
def test_decode_bytes(data: bytes, text: str) -> None:
    assert decode_bytes(data) == text


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import analysis.corpus as corpus

    monkeypatch.setattr(corpus, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ArticleError, match="limit"):
        load_file(write(tmp_path, "big.txt", "Title\n\n" + "word " * 500))


def test_folder_load_keeps_going(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", TXT_PLAIN)
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "ignored.csv", "a,b")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "good.md", MD_HEADING)
    result = load_paths([tmp_path, tmp_path / "missing.txt"])
    assert [a.id for a in result.articles] == ["good", "good-2"]
    assert [(Path(e.source).name, e.reason) for e in result.errors] == [
        ("empty.txt", "the file is empty"),
        ("missing.txt", "no such file or folder"),
    ]


def test_seed_corpus_loads(seed_articles) -> None:
    assert sorted(seed_articles) == [SEED_000, SEED_004]
    assert seed_articles[SEED_004].title.startswith("Putin + Kim Summit")
