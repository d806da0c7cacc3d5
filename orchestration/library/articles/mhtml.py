"""A web page saved as one file (".mhtml", ".mht": Chromium's and Edge's "Webpage, Single File",
Word's and Internet Explorer's web archive) → the page's own HTML.

The file is a MIME multipart/related message (RFC 2557): the page, then its stylesheets, images
and frames, each a part with its address. The standard library's email package reads it (quoted-
printable and base64 included); the page is the text/html part at the address the archive was
saved from (Snapshot-Content-Location), else its first text/html part.
"""
from __future__ import annotations

import email
import email.header
import email.policy

from orchestration.library.articles.decode import UndecodableError, decode_html_bytes


class MhtmlError(ValueError):
    """The archive holds no readable page; the message says why, for the quarantine table."""


def page_of(data: bytes) -> tuple[str, str, dict]:
    """(the page's HTML, the encoding it was read in, metadata the archive's headers give: url, title)."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    location = (message.get("Snapshot-Content-Location") or "").strip()
    pages = [part for part in message.walk() if part.get_content_type() in ("text/html", "application/xhtml+xml")]
    if not pages:
        raise MhtmlError("web archive (.mhtml) without a web page in it")
    page = next((p for p in pages if location and (p.get("Content-Location") or "").strip() == location), pages[0])
    payload = page.get_payload(decode=True) or b""
    try:
        html, encoding = decode_html_bytes(payload, page.get_content_charset())
    except UndecodableError as exc:
        raise MhtmlError(f"the web archive's page cannot be read: {exc}") from exc
    meta = {}
    url = location or (page.get("Content-Location") or "").strip()
    if url.lower().startswith(("http://", "https://")):
        meta["url"] = url
    subject = message.get("Subject")
    if subject:
        meta["saved_title"] = str(email.header.make_header(email.header.decode_header(subject))).strip()
    return html, encoding, meta
