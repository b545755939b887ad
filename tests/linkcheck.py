"""Whether a link the suite prints or renders resolves: its file exists and, if it names an anchor, the anchor is in
that file. Shared by the link tests and the browser test."""
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_MD_LINK = re.compile(r"\]\(([^)\s]+)\)|<(https?://[^>\s]+)>")
WEB = ("https://github.com/", "https://bugs.python.org/")  # upstream issues: checked for form, not fetched


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href") is not None:
            self.hrefs.append(attrs["href"])


def _slug(heading):
    """GitHub's anchor for a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path):
    """The anchors a file defines: id attributes, and for Markdown its headings' slugs."""
    path = Path(path).resolve()
    return _anchors(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=64)
def _anchors(path, mtime):  # pages hold thousands of links into a few files
    text = path.read_text(encoding="utf-8")
    parser = _Anchors()
    parser.feed(text)
    found = set(parser.ids)
    if str(path).endswith(".md"):
        found |= {_slug(m) for m in re.findall(r"^#+ (.+)$", text, re.M)}
    return found


def links_in(path):
    """Every link target in a Markdown or HTML file."""
    text = Path(path).read_text(encoding="utf-8")
    if str(path).endswith(".md"):
        return [a or b for a, b in _MD_LINK.findall(text)]
    parser = _Anchors()
    parser.feed(text)
    return parser.hrefs


def problem(link, base):
    """None when `link` (as written in a file in folder `base`, or a file:// URI) resolves; else what is wrong."""
    parts = urlsplit(link)
    if parts.scheme in ("http", "https"):  # not fetched (no network in tests): well-formed is all we can check
        return None if parts.netloc and " " not in link else f"{link}: malformed address"
    if parts.scheme not in ("", "file"):
        return f"{link}: unexpected scheme"
    target = Path(unquote(parts.path)) if parts.scheme == "file" else (Path(base) / unquote(parts.path))
    if target.is_dir() and not parts.fragment:
        return None  # a folder, as a repository host shows it
    if not target.is_file():
        return f"{link}: no file {target}"
    if parts.fragment and parts.fragment not in anchors(target):
        return f"{link}: no anchor #{parts.fragment} in {target}"
    return None


def problems_in(path):
    """What is wrong with the links of a Markdown or HTML file (relative ones resolve from its folder)."""
    path = Path(path)
    return [p for p in (problem(link if link.split("#")[0] else path.name + link, path.parent)
                        for link in links_in(path)) if p]
