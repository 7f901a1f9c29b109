"""A safe HTTP(S) fetcher for URL import: public addresses only, bounded in time and size.

Rules (README, "Adding articles"):

* Only ``http`` and ``https`` URLs, without user names or passwords in them.
* The host name is resolved first and **every** address it resolves to is checked:
  loopback, private, link-local, cloud-metadata, multicast, unspecified, reserved and
  other non-public addresses are refused before any connection is made. The
  connection then goes to the checked address itself, so a second DNS answer cannot
  swap in another one (DNS rebinding).
* Redirects are followed by hand, at most :attr:`FetchSettings.max_redirects`, each new
  address checked the same way; a redirect back to a URL already visited is a loop.
* A socket timeout per operation and a deadline for the whole fetch; a size cap
  checked against ``Content-Length`` and again while reading.
* Loopback (127.0.0.0/8, ::1) is allowed only with ``allow_loopback=True``, which is off
  by default and exists for tests against a local server.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

from ..corpus import ArticleError

__all__ = ["FetchError", "FetchSettings", "Page", "check_address", "check_url", "fetch", "resolve_host"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Cloud instance-metadata endpoints (AWS/GCP/Azure, Alibaba, AWS IPv6).
_METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "100.100.100.200", "fd00:ec2::254", "169.254.170.2")
)
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1"
_REDIRECTS = (301, 302, 303, 307, 308)
_INTERNAL_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain", ".home.arpa")


class FetchError(ArticleError):
    """The URL could not or must not be fetched; the message is for the user."""


def _default_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class FetchSettings:
    """Limits of a fetch. ``allow_loopback`` exists for tests only and is off by default."""

    timeout: float = 10.0  # seconds per connect/read
    deadline: float = 30.0  # seconds for the whole fetch, redirects included
    max_bytes: int = 5 * 2**20
    max_redirects: int = 5
    allow_loopback: bool = False
    user_agent: str = "Mozilla/5.0 (compatible; CoverageLens/0.1; article import)"
    resolver: Callable[[str, int], list[str]] = field(default=_default_resolver, repr=False)


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: final URL, status, media type, charset and body bytes."""

    url: str
    requested: str
    status: int
    content_type: str
    charset: str
    body: bytes
    redirects: tuple[str, ...] = ()


def check_url(url: str) -> SplitResult:
    """Parse ``url`` and refuse anything but a plain http(s) URL with a host."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError:
        raise FetchError(f"'{url[:80]}' is not a valid web address") from None
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme or "no scheme"
        raise FetchError(f"only http:// and https:// addresses can be imported (got {shown}: '{url[:80]}')")
    if not parts.hostname:
        raise FetchError(f"'{url[:80]}' has no host name")
    if parts.username is not None or parts.password is not None:
        raise FetchError("addresses with a user name or password in them are not imported")
    return parts


def check_address(address: str, allow_loopback: bool = False) -> str:
    """Why ``address`` must not be fetched from, or "" when it is a public address."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            reason = check_address(str(embedded), allow_loopback)
            return reason and f"{reason} (inside an IPv6 address)"
    if ip.is_loopback:
        return "" if allow_loopback else "a loopback address (this computer)"
    if ip in _METADATA:
        return "a cloud metadata address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private network address"
    if not ip.is_global:
        return "a non-public address"
    return ""


def resolve_host(host: str, port: int, settings: FetchSettings) -> list[str]:
    """Resolve ``host`` and check every address; FetchError if any is not public."""
    name = host.lower().rstrip(".")
    if not settings.allow_loopback and (name == "localhost" or name.endswith(_INTERNAL_SUFFIXES)):
        raise FetchError(f"'{host}' is a local or internal host name; only public web sites are imported")
    try:
        addresses = settings.resolver(name, port)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"the host name '{host}' could not be found") from None
    except OSError as exc:
        raise FetchError(f"the host name '{host}' could not be looked up: {exc}") from None
    if not addresses:
        raise FetchError(f"the host name '{host}' could not be found")
    for address in addresses:
        reason = check_address(address, settings.allow_loopback)
        if reason:
            raise FetchError(f"refused: '{host}' is {reason} ({address}); only public web sites are imported")
    return addresses


def _connect(parts: SplitResult, addresses: list[str], timeout: float) -> http.client.HTTPConnection:
    host = parts.hostname or ""
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    last: OSError | None = None
    for address in addresses:
        try:
            sock = socket.create_connection((address, port), timeout=timeout)
        except TimeoutError:
            raise FetchError(f"'{host}' did not answer within {timeout:g} seconds") from None
        except OSError as exc:
            last = exc
            continue
        if https:
            try:
                sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
            except TimeoutError:
                sock.close()
                raise FetchError(f"'{host}' did not answer within {timeout:g} seconds") from None
            except (ssl.SSLError, OSError) as exc:
                sock.close()
                raise FetchError(f"the secure connection to '{host}' failed: {exc}") from None
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
        conn.sock = sock  # already connected to the checked address
        return conn
    reason = getattr(last, "strerror", None) or str(last)
    raise FetchError(f"could not connect to '{host}': {reason}")


def _http_error(status: int, reason: str, url: str) -> FetchError:
    if status == 404 or status == 410:
        return FetchError(f"the page was not found (HTTP {status}) at {url}")
    if status in (401, 403, 451):
        return FetchError(
            f"the site refused access (HTTP {status}); it may block automatic downloads: "
            "save the page in your browser and upload the .html file"
        )
    if status == 429:
        return FetchError("the site says too many requests (HTTP 429); try again later")
    if status >= 500:
        return FetchError(f"the site had an error (HTTP {status} {reason}); try again later")
    return FetchError(f"the site answered HTTP {status} {reason} for {url}")


def _visit_key(url: str) -> str:
    p = urlsplit(url)
    return urlunsplit((p.scheme.lower(), p.netloc.lower(), p.path or "/", p.query, ""))


def _read_body(resp: http.client.HTTPResponse, settings: FetchSettings, end: float, host: str) -> bytes:
    length = resp.getheader("Content-Length")
    if length and length.isdigit() and int(length) > settings.max_bytes:
        raise FetchError(
            f"the page is {int(length) / 2**20:.1f} MB; the limit is {settings.max_bytes / 2**20:g} MB"
        )
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > end:
            raise FetchError(f"'{host}' took longer than {settings.deadline:g} seconds to send the page")
        chunk = resp.read1(65536) if hasattr(resp, "read1") else resp.read(65536)
        if not chunk:
            break
        size += len(chunk)
        if size > settings.max_bytes:
            raise FetchError(f"the page is larger than the limit of {settings.max_bytes / 2**20:g} MB")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, settings: FetchSettings | None = None) -> Page:
    """Fetch ``url`` under the rules in the module docstring; FetchError explains any refusal."""
    settings = settings or FetchSettings()
    end = time.monotonic() + settings.deadline
    requested = url.strip()
    current = requested
    visited: list[str] = []
    while True:
        parts = check_url(current)
        key = _visit_key(current)
        if key in [_visit_key(v) for v in visited]:
            raise FetchError(f"the address redirects in a loop ({' → '.join([*visited, current])})")
        if len(visited) > settings.max_redirects:
            raise FetchError(f"too many redirects (more than {settings.max_redirects}) from {requested}")
        visited.append(current)
        https = parts.scheme.lower() == "https"
        port = parts.port or (443 if https else 80)
        addresses = resolve_host(parts.hostname or "", port, settings)
        remaining = end - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"the fetch took longer than {settings.deadline:g} seconds")
        conn = _connect(parts, addresses, min(settings.timeout, remaining))
        try:
            path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
            try:
                conn.request(
                    "GET",
                    path,
                    headers={
                        "User-Agent": settings.user_agent,
                        "Accept": _ACCEPT,
                        "Accept-Encoding": "identity",
                        "Connection": "close",
                    },
                )
                resp = conn.getresponse()
                if resp.status in _REDIRECTS:
                    location = resp.getheader("Location")
                    if not location:
                        raise FetchError(f"the site redirected (HTTP {resp.status}) without saying where")
                    current = urljoin(current, location.strip())
                    continue
                if not 200 <= resp.status < 300:
                    raise _http_error(resp.status, resp.reason, current)
                body = _read_body(resp, settings, end, parts.hostname or "")
                msg = Message()
                msg["Content-Type"] = resp.getheader("Content-Type") or ""
                return Page(
                    url=current,
                    requested=requested,
                    status=resp.status,
                    content_type=msg.get_content_type() if msg["Content-Type"] else "",
                    charset=msg.get_content_charset() or "",
                    body=body,
                    redirects=tuple(visited[:-1]),
                )
            except TimeoutError:
                raise FetchError(
                    f"'{parts.hostname}' did not answer within {min(settings.timeout, remaining):g} seconds"
                ) from None
            except (http.client.HTTPException, OSError) as exc:
                raise FetchError(f"the download from '{parts.hostname}' failed: {exc}") from None
        finally:
            conn.close()
