"""URL handling the watcher needs to fetch each article once: absolute, normalised, canonical."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Campaign tags that feeds add to the same article's address: they never change the page.
_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_REL_CANONICAL = re.compile(r"""\brel\s*=\s*["']?canonical\b""", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_HEAD_CHARS = 200_000  # <link rel="canonical"> sits in the <head>


def normalise(url: str) -> str | None:
    """`url` as one string per page: lower-case scheme and host, no default port, no fragment,
    no tracking parameters; None unless it is an http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username or parts.password:
        return None  # credentials in a feed link are a trap, not an article
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def absolute(base: str, link: str | None) -> str | None:
    """`link` resolved against `base` and normalised, or None."""
    if not link or not link.strip():
        return None
    try:
        return normalise(urljoin(base, link.strip()))
    except ValueError:
        return None


def canonical_of(html: str, base: str) -> str | None:
    """The page's `<link rel="canonical">`, normalised: the address the outlet calls the article's own."""
    for tag in _LINK_TAG.findall(html[:_HEAD_CHARS]):
        if _REL_CANONICAL.search(tag) and (href := _HREF.search(tag)):
            found = absolute(base, next(g for g in href.groups() if g is not None))
            # a site that names its home page as every article's canonical would merge them all
            return found if found and urlsplit(found).path.strip("/") else None
    return None


def origin_of(url: str) -> str:
    """scheme://host[:port]: the unit robots.txt and the per-host limits apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
