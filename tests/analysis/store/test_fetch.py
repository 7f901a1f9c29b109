"""The safe fetcher: refused addresses (no connection made), redirects, loops, errors, limits.

A local news site on 127.0.0.1 stands in for the web; loopback is reachable only in the
tests that say ``allow_loopback=True``. Every refusal test spies on socket connections
to prove the refusal came before any connection.
"""

from __future__ import annotations

import socket
import time

import pytest

from analysis.store import fetch as fetch_module
from analysis.store.fetch import FetchError, FetchSettings, check_address, fetch

from .store_samples import NewsHandler, NewsServer

LOOPBACK = FetchSettings(allow_loopback=True, timeout=2.0, deadline=10.0)


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Record every address the fetcher connects to (and still connect)."""
    made: list[tuple] = []
    real = socket.create_connection

    def spy(address: tuple, *args: object, **kwargs: object) -> socket.socket:
        made.append(address)
        return real(address, *args, **kwargs)

    monkeypatch.setattr(fetch_module.socket, "create_connection", spy)
    return made


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),  # all of 127.0.0.0/8
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),  # IPv6 unique local
        ("169.254.169.254", "metadata"),  # AWS/GCP/Azure instance metadata
        ("fd00:ec2::254", "metadata"),  # AWS metadata over IPv6
        ("100.100.100.200", "metadata"),  # Alibaba Cloud metadata
        ("169.254.10.20", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),  # carrier-grade NAT: not private, not global either
        ("::ffff:127.0.0.1", "loopback address (this computer) (inside an IPv6 address)"),  # IPv4-mapped
        ("::ffff:10.0.0.1", "private network address (inside an IPv6 address)"),
        ("2002:a00:1::", "private network address (inside an IPv6 address)"),  # 6to4 of 10.0.0.1
        ("93.184.215.14", ""),  # public
        ("2606:4700:4700::1111", ""),  # public
    ],
)
def test_check_address(address: str, reason: str) -> None:
    found = check_address(address)
    assert (reason in found) if reason else found == ""


def test_loopback_only_by_the_explicit_setting() -> None:
    assert check_address("127.0.0.1", allow_loopback=True) == ""
    assert check_address("::1", allow_loopback=True) == ""
    # The setting opens loopback only: private and metadata addresses stay refused.
    assert "private" in check_address("10.0.0.1", allow_loopback=True)
    assert "metadata" in check_address("169.254.169.254", allow_loopback=True)
    assert FetchSettings().allow_loopback is False


def test_refused_url_makes_no_connection(news: NewsServer, connections: list) -> None:
    # Something really listens on this loopback port; with the default settings it is never reached.
    before = len(NewsHandler.hits)
    with pytest.raises(FetchError, match="loopback address"):
        fetch(f"{news.base}/world/leaders-meet-at-the-border")
    assert connections == [] and len(NewsHandler.hits) == before


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://localhost/", "local or internal host name"),
        ("http://LOCALHOST./admin", "local or internal host name"),
        ("http://metadata.google.internal/computeMetadata/v1/", "local or internal host name"),
        ("http://printer.local/", "local or internal host name"),
        ("http://[::1]:8080/", "loopback"),
        ("http://10.0.0.7/", "private network"),
        ("https://192.168.0.1/login", "private network"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[fd00:ec2::254]/", "cloud metadata"),
        ("http://0.0.0.0:8501/", "unspecified"),
        ("http://2130706433/", "loopback"),  # 127.0.0.1 written as one number
        ("http://0x7f000001/", "loopback"),  # ... and in hex
        ("http://[::ffff:7f00:1]/", "loopback"),
        ("ftp://files.example.org/article.txt", "only http:// and https://"),
        ("file:///etc/passwd", "only http:// and https://"),
        ("javascript:alert(1)", "only http:// and https://"),
        ("www.example.org/article", "only http:// and https://"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http://example.org:99999/", "not a valid web address"),
        ("http:///path-only", "no host name"),
    ],
)
def test_refused_urls(url: str, message: str, connections: list) -> None:
    with pytest.raises(FetchError, match=message):
        fetch(url)
    assert connections == []


def fake_dns(table: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return table[host]

    return resolve


@pytest.mark.parametrize(
    ("host", "addresses", "message"),
    [
        ("intranet.example.com", ["10.1.1.1"], "private network address"),
        # One bad address among good ones is enough to refuse: the connection could go to any.
        ("mixed.example.com", ["93.184.215.14", "192.168.5.5"], "private network address"),
        ("rebind.example.com", ["169.254.169.254"], "cloud metadata"),
        ("v6.example.com", ["::1"], "loopback"),
        ("missing.example.com", None, "could not be found"),
    ],
)
def test_host_names_resolving_to_forbidden_addresses(
    host: str, addresses: list[str] | None, message: str, connections: list
) -> None:
    settings = FetchSettings(resolver=fake_dns({host: addresses} if addresses else {}))
    with pytest.raises(FetchError, match=message):
        fetch(f"https://{host}/news/story", settings)
    assert connections == []


# -- against the local news site (loopback allowed) ----------------------------------------


def test_fetch_article_page(news: NewsServer) -> None:
    page = fetch(f"{news.base}/world/leaders-meet-at-the-border", LOOPBACK)
    assert (page.status, page.content_type, page.charset) == (200, "text/html", "utf-8")
    assert b"Leaders meet at the border" in page.body
    assert page.redirects == ()


def test_redirect_is_followed(news: NewsServer) -> None:
    page = fetch(f"{news.base}/short-link", LOOPBACK)
    assert page.url == f"{news.base}/world/leaders-meet-at-the-border?utm_source=feed"
    assert page.redirects == (f"{news.base}/short-link",)
    assert page.requested == f"{news.base}/short-link"


def test_redirects_up_to_the_cap(news: NewsServer) -> None:
    # /hop/47 -> 48 -> 49 -> 50 -> the article: 4 redirects, within the cap of 5.
    page = fetch(f"{news.base}/hop/47", LOOPBACK)
    assert len(page.redirects) == 4 and page.status == 200
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)"):
        fetch(f"{news.base}/hop/1", LOOPBACK)


def test_redirect_loop(news: NewsServer) -> None:
    with pytest.raises(FetchError, match="redirects in a loop") as info:
        fetch(f"{news.base}/loop-a", LOOPBACK)
    assert "/loop-a → " in str(info.value) and "/loop-b" in str(info.value)


@pytest.mark.parametrize(
    ("path", "message", "forbidden"),
    [
        ("/to-private", "private network address", "10.20.30.40"),
        ("/to-metadata", "cloud metadata address", "169.254.169.254"),
        ("/to-ftp", "only http:// and https://", None),
    ],
)
def test_redirect_to_forbidden_address_is_refused(
    news: NewsServer, connections: list, path: str, message: str, forbidden: str | None
) -> None:
    # Loopback is allowed here, yet the redirect target is checked again and never contacted.
    with pytest.raises(FetchError, match=message):
        fetch(news.base + path, LOOPBACK)
    assert [host for host, _port in connections] == ["127.0.0.1"]
    assert forbidden is None or all(host != forbidden for host, _ in connections)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/gone", r"the page was not found \(HTTP 404\)"),
        ("/broken", r"the site had an error \(HTTP 500"),
    ],
)
def test_http_errors(news: NewsServer, path: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch(news.base + path, LOOPBACK)


def test_timeout(news: NewsServer) -> None:
    # /slow waits 3 s before answering; the limit is 0.5 s.
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"did not answer within 0.5 seconds"):
        fetch(f"{news.base}/slow", FetchSettings(allow_loopback=True, timeout=0.5))
    assert time.monotonic() - start < 2.5


def test_size_cap(news: NewsServer) -> None:
    # /huge is about 2 MB, announced in Content-Length: refused before the body is read.
    with pytest.raises(FetchError, match=r"the page is 1.9 MB; the limit is 1 MB"):
        fetch(f"{news.base}/huge", FetchSettings(allow_loopback=True, max_bytes=2**20))


def test_size_cap_while_reading(news: NewsServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # A server that does not announce the size is cut off once the cap is passed.
    monkeypatch.setattr(fetch_module.http.client.HTTPResponse, "getheader", _without_length)
    with pytest.raises(FetchError, match=r"larger than the limit of 1 MB"):
        fetch(f"{news.base}/huge", FetchSettings(allow_loopback=True, max_bytes=2**20))


_real_getheader = fetch_module.http.client.HTTPResponse.getheader


def _without_length(self, name: str, default: object = None) -> object:
    return default if name.lower() == "content-length" else _real_getheader(self, name, default)


def test_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(FetchError, match=r"could not connect to '127\.0\.0\.1'"):
        fetch(f"http://127.0.0.1:{port}/", LOOPBACK)
