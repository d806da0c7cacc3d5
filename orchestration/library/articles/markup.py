"""Telling a text file's kind (web page, Markdown, plain text), and Markdown and markup made plain text.

An HTML page becomes its visible text, one block element per paragraph (webpage.py then keeps its
main text as the body and the rest as boilerplate); page furniture
(navigation, header, footer, aside, forms, figure captions) is returned separately so the
reader can keep it as boilerplate; code (script, style, template, svg) is not text and is
dropped. The page's own metadata (og:title, og:site_name, author, article:published_time,
canonical URL) fills what front matter would.

Markdown loses its markup (heading markers, emphasis, link targets, code fences) but keeps
its words and paragraphs. A file named .md is Markdown; any other file is touched only when it
clearly is Markdown (ATX headings, or several kinds of Markdown syntax), so plain text that
happens to contain a link or an asterisk is left exactly as it was.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from orchestration.library.articles.formats import HTML, MARKDOWN, TEXT
from orchestration.library.articles.metadata import stored_date

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|a|h[1-6]|li|ul|ol|table|tr|td|article|section|img|meta|script)\b[^>]*>", re.I)

_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)
_MD_SIGNS = {
    "bold": re.compile(r"(?<![\w*])\*\*[^*\n]+\*\*(?![\w*])|(?<![\w_])__[^_\n]+__(?![\w_])"),
    "link": re.compile(r"(?<!!)\[[^\]\n]+\]\((?:https?://|/|\.\.?/|mailto:)[^)\s]*\)"),
    "image": re.compile(r"!\[[^\]\n]*\]\([^)\s]+\)"),
    "fence": re.compile(r"^ {0,3}```", re.M),
    "quote": re.compile(r"^ {0,3}> \S", re.M),
    "setext": re.compile(r"^\S[^\n]*\n {0,3}(?:={3,}|-{3,})[ \t]*$", re.M),
}


def detect_format(text: str) -> str:
    """"html", "markdown" or "text", from the decoded file text (front matter already removed)."""
    head = text[:50_000]
    if _HTML_START.match(head) or (len(_HTML_TAG.findall(head)) >= 5 and re.search(r"</(?:p|div|li|td)>", head, re.I)):
        return HTML
    if _MD_HEADING.search(head):
        return MARKDOWN
    if sum(1 for regex in _MD_SIGNS.values() if regex.search(head)) >= 2:
        return MARKDOWN
    return TEXT


# ---------------------------------------------------------------------------------------------- HTML

_BLOCK = {
    "address", "article", "blockquote", "dd", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li",
    "main", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "figure", "details", "summary",
    "caption", "center",
}
_SKIP = {"script", "style", "template", "svg", "noscript", "iframe", "object", "canvas", "math", "select", "button"}
_FURNITURE = {"nav", "header", "footer", "aside", "form", "figcaption", "menu", "dialog"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body: list[str] = []
        self.furniture: list[str] = []
        self.meta: dict[str, str] = {}
        self.title_tag: list[str] = []
        self.h1: list[str] = []
        self._stack: list[str] = []  # open tags that change where text goes
        self._skip = 0
        self._furniture = 0
        self._in_title = False
        self._in_h1 = False
        self._h1_done = False
        self._pre = 0

    # where text goes
    def _out(self) -> list[str]:
        return self.furniture if self._furniture else self.body

    def _newline(self, blank: bool = False) -> None:
        out = self._out()
        out.append("\n\n" if blank else "\n")

    def handle_starttag(self, tag: str, attrs) -> None:
        tag = tag.lower()
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(attrs)
            return
        if tag == "link" and "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            self.meta.setdefault("canonical", attrs["href"].strip())
            return
        if tag in _VOID:
            if tag == "br" and not self._skip:
                self._newline()
            elif tag == "hr" and not self._skip:
                self._newline(blank=True)
            elif tag == "img" and not self._skip and attrs.get("alt", "").strip():
                # an image's alt text is a caption: furniture, kept
                self.furniture.append("\n" + attrs["alt"].strip() + "\n")
            return
        self._stack.append(tag)
        if tag in _SKIP or tag == "head":
            self._skip += 1
        elif tag in _FURNITURE:
            self._furniture += 1
            self._newline(blank=True)
        elif tag in _BLOCK or tag == "td" or tag == "th":
            if tag == "pre":
                self._pre += 1
            self._newline(blank=tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "hr"))
            if tag == "li":
                self._out().append("- ")
        if tag == "title":
            self._in_title = True
        if tag == "h1" and not self._h1_done:
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in _VOID or tag not in self._stack:
            return
        # close everything opened after this tag (unclosed <p>, <li> ...)
        while self._stack:
            open_tag = self._stack.pop()
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in _SKIP or tag == "head":
            self._skip = max(0, self._skip - 1)
        elif tag in _FURNITURE:
            self._furniture = max(0, self._furniture - 1)
            self.furniture.append("\n\n")
        elif tag in _BLOCK or tag in ("td", "th"):
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            self._newline(blank=tag not in ("li", "td", "th", "dt", "dd", "tr"))
            if tag in ("td", "th"):
                self._out().append(" ")
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._in_h1:
            self._in_h1, self._h1_done = False, True

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_tag.append(data)
            return
        if self._skip:
            return
        if self._in_h1:
            self.h1.append(data)
        if not self._pre:
            data = re.sub(r"[ \t\r\n\f\v]+", " ", data)
        self._out().append(data)

    def _meta(self, attrs: dict[str, str]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        content = attrs.get("content", "").strip()
        if key and content:
            self.meta.setdefault(key, content)


def _tidy(pieces: list[str]) -> str:
    text = "".join(pieces).replace("\u00a0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_to_text(html: str) -> tuple[str, str, dict]:
    """(visible article text, page furniture text, metadata in front-matter keys)."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    meta = parser.meta
    out: dict = {}
    h1 = re.sub(r"\s+", " ", "".join(parser.h1)).strip()
    title_tag = re.sub(r"\s+", " ", "".join(parser.title_tag)).strip()
    title = meta.get("og:title") or meta.get("twitter:title") or h1 or title_tag
    if title:
        out["title"] = title
    publisher = meta.get("og:site_name") or meta.get("application-name")
    if publisher:
        out["publisher"] = publisher
    author = meta.get("author") or meta.get("article:author") or meta.get("byl") or meta.get("dc.creator")
    if author and not author.lower().startswith(("http://", "https://")):
        out["author"] = re.sub(r"^by\s+", "", author, flags=re.I)
    for key in ("article:published_time", "datepublished", "date", "dc.date", "pubdate", "publish-date", "og:published_time"):
        if key in meta and (published := stored_date(meta[key])):
            out["published"] = published
            break
    url = meta.get("canonical") or meta.get("og:url")
    if url and url.lower().startswith(("http://", "https://")):
        out["url"] = url
    return _tidy(parser.body), _tidy(parser.furniture), out


# ---------------------------------------------------------------------------------------------- Markdown

_MD_FENCE_LINE = re.compile(r"^ {0,3}(```|~~~).*$")
_MD_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:={3,}|-{3,})[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$")
_MD_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?!#\))[^)\n]*\)")
_MD_BOLD = re.compile(r"(?<![\w*])\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*(?![\w*])|(?<![\w_])__(?=\S)([^_\n]+?)(?<=\S)__(?![\w_])")
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_MD_CODE = re.compile(r"`([^`\n]+)`")


def _inline(line: str) -> str:
    line = _MD_IMAGE.sub(lambda m: m[1], line)
    line = _MD_LINK.sub(lambda m: m[1], line)
    line = _MD_BOLD.sub(lambda m: m[1] or m[2], line)
    line = _MD_ITALIC.sub(lambda m: m[1] or m[2], line)
    return _MD_CODE.sub(lambda m: m[1], line)


def markdown_to_text(text: str) -> str:
    """Markdown → plain text with the same words and paragraphs; headings become their own paragraphs."""
    out: list[str] = []
    in_fence = False
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _MD_FENCE_LINE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            out.append(line)
            continue
        heading = _MD_ATX.match(line)
        if heading:
            if out and out[-1].strip():
                out.append("")
            out.append(_inline(heading[1]))
            out.append("")
            continue
        if _MD_SETEXT_UNDERLINE.match(line) and i > 0 and lines[i - 1].strip() and out:
            out.append("")  # the line above was a heading; this underline is markup
            continue
        if _MD_RULE.match(line):
            out.append("")
            continue
        out.append(_inline(_MD_QUOTE.sub("", line)))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n") + "\n"
