"""Named sample inputs for the store tests: texts, Word and PDF files, a local news site."""

from __future__ import annotations

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

PAGES = Path(__file__).parent / "pages"

# A short news report: 3 paragraphs, 6 sentences, quotes, English.
SUMMIT = (
    "Leaders Meet At The Border\n\n"
    "The two leaders met on Monday at the border crossing, officials said in a statement. "
    "They talked for several hours about trade and security.\n\n"
    '"We have agreed to meet again before the end of the year," the foreign minister told reporters. '
    "Analysts said the talks could reopen the northern rail link.\n\n"
    "Neither side gave details of the security talks. Markets rose slightly after the news.\n"
)
SUMMIT_BODY_START = "The two leaders met on Monday"

# Another report on a different event (no phrase in common with SUMMIT).
FLOODS = (
    "Floods Close Schools In The Valley\n\n"
    "Heavy rain flooded dozens of streets in the valley overnight, and schools will stay shut until Friday. "
    "Emergency crews pumped water from basements while residents moved furniture upstairs.\n\n"
    '"It came up faster than anything I have seen in forty years," one shopkeeper said. '
    "The weather service expects more rain on Wednesday.\n"
)

# SUMMIT with one word changed in one sentence: near-identical text.
SUMMIT_EDITED = SUMMIT.replace("Markets rose slightly", "Stock markets rose a little")

# German, clearly not English: the pipeline flags it but it is still added.
GERMAN = (
    "Gipfeltreffen an der Grenze\n\n"
    "Die beiden Staatschefs trafen sich am Montag an der Grenze, wie die Regierung mitteilte. "
    "Sie sprachen mehrere Stunden lang über Handel und Sicherheit. Nach Angaben von Beobachtern "
    "könnten die Gespräche die nördliche Bahnverbindung wieder öffnen. Einzelheiten wurden nicht genannt.\n"
)

# A title and a list of single words: words, but no sentence.
NO_SENTENCES = "Summit Keywords\n\nborder\ntrade\nsecurity\nrail\nmarkets\n"


def make_docx(title: str, paragraphs: list[str], *, title_style: str = "Title") -> bytes:
    """A real Word document built with python-docx."""
    import docx

    document = docx.Document()
    if title:
        document.add_paragraph(title, style=title_style)
    for par in paragraphs:
        document.add_paragraph(par)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(content: str, info: str = "") -> bytes:
    """A one-page PDF 1.4 file around a content stream (Helvetica as font /F1)."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream",
        f"<< {info} >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_pdf(lines: list[str], *, title: str = "") -> bytes:
    """A PDF whose text layer holds ``lines`` (an empty line is a paragraph break)."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = " ".join(f"({esc(line)}) Tj T*" for line in lines)
    info = f"/Title ({esc(title)})" if title else ""
    return _pdf(f"BT /F1 11 Tf 14 TL 72 740 Td {ops} ET", info)


def make_scanned_pdf() -> bytes:
    """A PDF with only drawn shapes (like a scan): no text layer at all."""
    return _pdf("0.2 0.2 0.2 rg 72 500 468 200 re f 72 300 300 150 re f")


SUMMIT_PDF_LINES = [
    "Leaders Meet At The Border",
    "",
    "The two leaders met on Monday at the border crossing, officials said in a",
    "statement. They talked for several hours about trade and security.",
    "",
    "Analysts said the talks could reopen the northern rail link. Neither side gave",
    "details of the security talks.",
]


class NewsHandler(BaseHTTPRequestHandler):
    """A small news site on loopback: real-looking pages, redirects, loops, errors, slow answers."""

    protocol_version = "HTTP/1.1"
    hits: ClassVar[list[str]] = []  # paths requested, in order (shared by the test session)

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout tests): expected

    def _redirect(self, location: str, status: int = 302) -> None:
        self._send(status, b"", Location=location)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        NewsHandler.hits.append(self.path)
        if path == "/world/leaders-meet-at-the-border":
            self._send(200, (PAGES / "summit.html").read_bytes())
        elif path == "/regional/floods-close-schools":
            # Latin-1 page, charset only in the header.
            self._send(200, (PAGES / "floods.html").read_text("utf-8").encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif path == "/short-link":
            self._redirect("/world/leaders-meet-at-the-border?utm_source=feed", 301)
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self._redirect(f"/hop/{n + 1}" if n < 50 else "/world/leaders-meet-at-the-border")
        elif path == "/loop-a":
            self._redirect("/loop-b")
        elif path == "/loop-b":
            self._redirect("/loop-a")
        elif path == "/to-private":
            self._redirect("http://10.20.30.40/admin")
        elif path == "/to-metadata":
            self._redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/to-ftp":
            self._redirect("ftp://files.example.org/article.txt")
        elif path == "/gone":
            self._send(404, b"<html><body><h1>Page not found</h1></body></html>")
        elif path == "/broken":
            self._send(500, b"<html><body>Internal error</body></html>")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, (PAGES / "summit.html").read_bytes())
        elif path == "/huge":
            self._send(200, b"<html><body><p>" + b"word " * 400_000 + b"</p></body></html>")
        elif path == "/photo.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif path == "/report.pdf":
            self._send(200, make_pdf(SUMMIT_PDF_LINES), "application/pdf")
        elif path == "/empty":
            self._send(200, b"")
        else:
            self._send(404, b"not found")


class NewsServer:
    """Runs :class:`NewsHandler` on 127.0.0.1 in a daemon thread."""

    def __init__(self) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), NewsHandler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> NewsServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
