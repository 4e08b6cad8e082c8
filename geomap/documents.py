"""Read articles from files: text, Markdown, HTML, JSON and JSONL records.

Readers return :class:`~geomap.model.Document` records or raise
:class:`~geomap.errors.UnreadableDocument` with a one-line reason. They decode
defensively (UTF-8, UTF-16 with BOM, then Windows-1252) and refuse binary data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import html
import html.parser
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar

from .errors import UnreadableDocument
from .model import Document

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
# News articles are kilobytes; a file of more than this is a dump, not an article.
MAX_FILE_BYTES = 10 * 1024 * 1024

# Site furniture that scrapers leave in article text: short lines only, so an
# article pasted as one line is never dropped whole.
_BOILERPLATE = re.compile(
    r"(?im)^[ \t]*(?:sign up now|subscribe|advertisement|read more|follow us|"
    r"click here|share this article|get [\w' ]+ newsletters?)\b[^\n]{0,200}$"
)
_HEADER_DATE = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_AGENCIES = {
    "reuters": "Reuters",
    "ap": "AP",
    "afp": "AFP",
    "associated press": "Associated Press",
    "dpa": "dpa",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "interfax": "Interfax",
    "bloomberg": "Bloomberg",
    "ukrinform": "Ukrinform",
    "al jazeera": "Al Jazeera",
    "bbc": "BBC",
    "cnn": "CNN",
}
_AGENCY_WORDS = "|".join(sorted((re.escape(a) for a in _AGENCIES), key=len, reverse=True))
_TRAILING_AGENCY = re.compile(rf"(?i)[\s(]*\b({_AGENCY_WORDS})\)?\s*\Z")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "KYIV, Feb 5 -", "GAZA CITY, Jan 3 (Reuters) -", "KHARTOUM (AP) —",
# "GOMA, Congo, March 5 (Reuters) -", "RALEIGH, N.C. (AP) —".
_DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Z.'’\- ]*[A-Z.])(?:,\s*[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*){{0,3}})?"
    rf"(?:,\s*(?P<when>{_MONTH}\s+\d{{1,2}}))?(?:\s*\((?P<agency>[A-Za-z .]+)\))?\s*[-–—]+\s"
)


def decode(data: bytes, *, name: str = "input") -> str:
    """Decode article bytes to text, refusing what is not text.

    >>> decode("Kyiv".encode("utf-16"))
    'Kyiv'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise UnreadableDocument(f"{name}: broken UTF-16 text ({err.reason})") from err
    if b"\x00" in data:
        raise UnreadableDocument(f"{name}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Not UTF-8: legacy Windows/Latin-1 pages are common in scraped news.
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > len(text) / 100:
            raise UnreadableDocument(
                f"{name}: neither UTF-8 nor Windows-1252 text; convert it to UTF-8"
            ) from None
    control = sum(1 for ch in text[:100_000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > len(text[:100_000]) / 50:
        raise UnreadableDocument(f"{name}: binary data, not text")
    return text


class _TextExtractor(html.parser.HTMLParser):
    """Collects visible text; drops scripts, styles and other non-content
    (menus, footers, and the asides where pages link their other stories)."""

    _SKIP: ClassVar = frozenset(
        "script style noscript template head svg nav footer aside form".split()
    )
    _BLOCK: ClassVar = frozenset(
        "p div br li h1 h2 h3 h4 h5 h6 tr section article header blockquote title".split()
    )
    # Where pages state when they were published.
    _DATE_META: ClassVar = frozenset(
        "article:published_time og:published_time datepublished date pubdate publishdate "
        "dc.date dc.date.issued sailthru.date parsely-pub-date".split()
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self.headline: str | None = None  # the first <h1>: the story's, without the site's name
        self.published: str | None = None
        self._skipping = 0
        self._in_title = False
        self._in_headline = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and not self.published:
            name = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if name in self._DATE_META:
                self.published = values.get("content")
        elif tag == "time" and not self.published and values.get("datetime"):
            self.published = values["datetime"]
        if tag == "title":
            self._in_title = True
        elif tag == "h1" and self.headline is None and not self._skipping:
            self._in_headline, self.headline = True, ""
        elif tag in self._SKIP:
            self._skipping += 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_headline = False
        elif tag in self._SKIP and self._skipping:
            self._skipping -= 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title or "") + data.strip()
        elif not self._skipping:
            self.parts.append(data)
            if self._in_headline:
                self.headline += data


def html_to_text(markup: str) -> tuple[str, str | None, dt.date | None]:
    """Return the visible text of an HTML page, its title (its first ``<h1>``,
    which the text holds as the page shows it, else its ``<title>``) and its
    publication date (from ``<meta>`` or the first ``<time datetime>``), if it
    states one."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\s*\n\s*(?:\n\s*)+", "\n\n", text)
    headline = " ".join((parser.headline or "").split())
    return text.strip(), headline or parser.title, _parse_date(parser.published)


def parse_article(
    raw: str,
    *,
    doc_id: str,
    date: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    path: str | None = None,
    verbatim: bool = False,
) -> Document:
    """Turn raw article text into a :class:`Document`.

    Understands a ``date YYYY-MM-DD`` header line, a dateline such as
    ``KYIV, Feb 5 -``, a trailing agency name (``REUTERS``) and drops site
    boilerplate lines such as newsletter prompts. With ``verbatim`` the text
    is kept exactly as given (JSON records: their offsets are someone's
    contract), and only the dateline and agency are read from it.

    >>> doc = parse_article("date 2026-02-05\\nKYIV, Feb 5 - Drones hit Odesa. REUTERS", doc_id="a")
    >>> doc.date.isoformat(), doc.dateline, doc.source, doc.text
    ('2026-02-05', 'KYIV', 'Reuters', 'KYIV, Feb 5 - Drones hit Odesa.')
    >>> parse_article("Rebels advance\\n\\nGOMA, Congo (AP) — M23 took Sake.", doc_id="b").dateline
    'GOMA'
    """
    text = raw if verbatim else _clean(raw)
    header = _HEADER_DATE.match(text)
    if header and not verbatim:
        with contextlib.suppress(ValueError):
            date = date or dt.date.fromisoformat(header.group(1))
        text = _clean(text[header.end() :])
    # Searched in the last characters only: tried at every offset of a long
    # text, the pattern cost more than the rest of reading it.
    trailer = _TRAILING_AGENCY.search(text, max(0, len(text.rstrip()) - 64))
    if trailer and len(text) > trailer.end() - trailer.start():
        source = source or _AGENCIES[trailer.group(1).lower()]
        if not verbatim:
            text = text[: trailer.start()].rstrip()
    if not verbatim:
        title = title or _headline(text)
    # At the start, or after the headline.
    headline = _HEADLINE.match(text)
    dateline = _DATELINE.match(text) or (headline and _DATELINE.match(text, headline.end()))
    dateline_place, dateline_end = None, 0
    if dateline:
        dateline_place = dateline.group("place").strip()
        dateline_end = dateline.end()
        agency = dateline.group("agency")
        if agency and agency.strip().lower() in _AGENCIES:
            source = source or _AGENCIES[agency.strip().lower()]
    return Document(
        doc_id=doc_id,
        text=text,
        date=date,
        title=title,
        source=source,
        url=url,
        dateline=dateline_place,
        dateline_end=dateline_end,
        path=path,
    )


# A headline: a first line of its own that ends in no full stop, and text after it.
_HEADLINE = re.compile(r"(?P<line>[^\n]{8,200}?[^\n.!?:;\"”’])\n\n(?=\S)")


def _headline(text: str) -> str | None:
    """The text's first line when it is a headline ("Israel-Gaza war live:
    Israeli strikes kill dozens in Rafah", then a blank line), else None.

    >>> _headline("Drones hit Odesa\\n\\nDrones hit Odesa overnight, officials said.")
    'Drones hit Odesa'
    >>> _headline("Drones hit Odesa overnight.\\n\\nTwo were hurt.") is None
    True
    """
    match = _HEADLINE.match(text)
    return match.group("line").strip() if match and not _DATELINE.match(text) else None


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BOILERPLATE.sub("", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# The names exports give each field a record may carry, the first found wins:
# news APIs ("content", "publishedAt"), feeds ("pubDate", "link"), Telegram
# exports ("message"), ACLED's own ("notes", "event_date").
RECORD_FIELDS = {
    "text": ("text", "body", "content", "article", "full_text", "message", "notes"),
    "date": (
        "date",
        "published",
        "published_at",
        "publishedAt",
        "pubDate",
        "datetime",
        "event_date",
        "created_at",
        "timestamp",
    ),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "publisher", "source_name"),
}
_DATE_FORMATS = (
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%a, %d %b %Y",  # an RSS date without its time
    "%A, %d %B %Y",
)


def _field(record: dict, name: str) -> object:
    """The value of the first of ``name``'s field names the record has and
    fills (see :data:`RECORD_FIELDS`), or None."""
    return next(
        (record[key] for key in RECORD_FIELDS[name] if record.get(key) not in (None, "")), None
    )


def _parse_date(value: object) -> dt.date | None:
    """A record's date: ISO 8601 ("2024-05-12", "2024-05-12T10:00:00Z"), an
    e-mail or RSS date ("Sun, 12 May 2024 10:00:00 GMT"), "12 May 2024", "May
    12, 2024" (the day as written, in the writer's time zone), or Unix seconds
    (or milliseconds), as a day in UTC.

    >>> [_parse_date(v) for v in ("2024-05-12T10:00:00Z", "Sun, 12 May 2024 23:30:00 -0500",
    ...  "May 12, 2024", 1715508000, "soon")]  # doctest: +NORMALIZE_WHITESPACE
    [datetime.date(2024, 5, 12), datetime.date(2024, 5, 12), datetime.date(2024, 5, 12),
     datetime.date(2024, 5, 12), None]
    """
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        seconds = value / 1000 if value > 1e11 else value
        with contextlib.suppress(OverflowError, OSError, ValueError):
            return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
        return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    with contextlib.suppress(ValueError):
        return dt.date.fromisoformat(text[:10])
    with contextlib.suppress(TypeError, ValueError, IndexError):
        return email.utils.parsedate_to_datetime(text).date()  # the day where it was written
    for form in _DATE_FORMATS:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(text, form).date()
    return None


def _record_document(record: object, *, doc_id: str, path: str) -> Document:
    text = _field(record, "text") if isinstance(record, dict) else None
    if text is None and isinstance(record, dict) and "" in map(record.get, RECORD_FIELDS["text"]):
        text = ""  # a text field, empty
    if not isinstance(text, str):
        names = ", ".join(RECORD_FIELDS["text"])
        raise UnreadableDocument(f"{doc_id}: a JSON record needs a string text field ({names})")
    if not text.strip():
        raise UnreadableDocument(f"{doc_id}: empty text")
    title, url, source = (_field(record, name) for name in ("title", "url", "source"))
    rid = record.get("doc_id", record.get("id"))
    return parse_article(
        text,
        doc_id=str(rid) if rid is not None else doc_id,
        date=_parse_date(_field(record, "date")),
        title=title if isinstance(title, str) else None,
        source=source if isinstance(source, str) else None,
        url=url if isinstance(url, str) else None,
        path=path,
        verbatim=True,
    )


def read_records(path: Path) -> Iterator[Document | UnreadableDocument]:
    """Yield one document (or the reason it was skipped) per JSON/JSONL record."""
    text = decode(_read_bytes(path), name=str(path))
    stem = path.stem
    if path.suffix.lower() == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            name = f"{path}:{lineno}"
            try:
                yield _record_document(json.loads(line), doc_id=f"{stem}-{lineno}", path=name)
            except json.JSONDecodeError as err:
                yield UnreadableDocument(f"{name}: not JSON ({err.msg})")
            except UnreadableDocument as err:
                yield err
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise UnreadableDocument(f"{path}: not JSON ({err.msg} at line {err.lineno})") from err
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, 1):
        rid = stem if len(records) == 1 else f"{stem}-{number}"
        try:
            yield _record_document(record, doc_id=rid, path=str(path))
        except UnreadableDocument as err:
            yield err


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableDocument(
                f"{path}: {size // 2**20} MB is more than the {MAX_FILE_BYTES // 2**20} MB limit"
            )
        return path.read_bytes()
    except OSError as err:
        raise UnreadableDocument(f"{path}: cannot read ({err.strerror or err})") from err


def read_document(path: Path) -> Document:
    """Read one text, Markdown or HTML article."""
    raw = decode(_read_bytes(path), name=str(path))
    title, date = None, None
    if path.suffix.lower() in (".html", ".htm"):
        raw, title, date = html_to_text(raw)
    if not raw.strip():
        raise UnreadableDocument(f"{path}: empty file")
    doc = parse_article(raw, doc_id=path.stem, title=title, date=date, path=str(path))
    if not doc.text.strip():
        raise UnreadableDocument(f"{path}: no article text after removing boilerplate")
    return doc


def find_article_files(sources: Iterable[str | os.PathLike]) -> list[Path]:
    """List article files under the given files and folders, sorted.

    Folders are walked without following links to folders (no loops); a
    missing source is listed as it is, for the reader to report.
    """
    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / f
                    for f in sorted(files)
                    if f.lower().endswith(ARTICLE_SUFFIXES) and not f.startswith(".")
                )
        else:
            found.append(path)
    return found


def iter_documents(sources: Iterable[str | os.PathLike]) -> Iterator[Document | UnreadableDocument]:
    """Yield every document under ``sources``, or the reason a file was skipped.

    Skips are yielded, not raised, so one broken file never stops a build.
    """
    for path in find_article_files(sources):
        if not path.exists() and not path.is_symlink():
            yield UnreadableDocument(f"{path}: no such file or folder")
            continue
        try:
            if path.suffix.lower() in (".json", ".jsonl"):
                yield from read_records(path)
            else:
                yield read_document(path)
        except UnreadableDocument as err:
            yield err
        except (OSError, RecursionError) as err:
            yield UnreadableDocument(f"{path}: cannot read ({err})")


def read_documents(sources: Iterable[str | os.PathLike]) -> tuple[list[Document], list[str]]:
    """Every readable document under ``sources``, and the one-line reason each
    file or record that could not be read was skipped."""
    documents, skipped = [], []
    for item in iter_documents(sources):
        if isinstance(item, UnreadableDocument):
            skipped.append(str(item))
        else:
            documents.append(item)
    return documents, skipped
