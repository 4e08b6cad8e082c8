"""Reading articles: headers, datelines, agencies, boilerplate, formats, encodings."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from geomap.documents import decode, iter_documents, parse_article, read_document
from geomap.errors import UnreadableDocument
from geomap.text import split_sentences


def test_seed_header_dateline_and_agency(seed_doc):
    assert seed_doc.date == dt.date(2026, 2, 5)
    assert seed_doc.dateline == "KYIV"
    assert seed_doc.source == "Reuters"
    assert seed_doc.text.startswith("KYIV, Feb 5 - Ukraine and Russia")
    assert "newsletter" not in seed_doc.text.lower()
    assert not seed_doc.text.endswith("REUTERS")


@pytest.mark.parametrize(
    ("raw", "dateline", "source"),
    [
        ("GAZA CITY, Jan 3 (Reuters) - Strikes hit.", "GAZA CITY", "Reuters"),
        ("KHARTOUM (AP) — Fighting resumed.", "KHARTOUM", "AP"),
        ("Fighting resumed near Goma. AFP", None, "AFP"),
    ],
)
def test_datelines_and_agencies(raw, dateline, source):
    doc = parse_article(raw, doc_id="x")
    assert (doc.dateline, doc.source) == (dateline, source)


def test_html_article_drops_scripts_and_keeps_text(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>Strikes on Odesa</title><script>var x=1;</script>"
        '<meta property="article:published_time" content="2026-02-05T08:00:00Z">'
        "<style>p{}</style></head><body><nav>Home</nav><p>Drones hit "
        "<b>Odesa</b> on Monday.</p><script>alert(1)</script></body></html>"
    )
    doc = read_document(page)
    assert doc.title == "Strikes on Odesa"
    assert doc.text == "Drones hit Odesa on Monday."
    assert doc.date == dt.date(2026, 2, 5)


def test_a_news_page_is_its_story_not_its_links(tmp_path, gazetteer):
    from geomap.analysis import analyse

    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>Strikes on Odesa | World News</title></head><body>"
        "<header><h1>Drones strike Odesa</h1></header><article><p>Russian drones struck "
        "Odesa on Monday, killing two people.</p><aside><h3>Related</h3><ul><li>Explosions "
        "rock Belgrade</li></ul></aside></article><form>Sign up in Tokyo</form></body></html>"
    )
    doc = read_document(page)
    assert doc.title == "Drones strike Odesa"  # the story's headline, not the site's
    assert "Belgrade" not in doc.text and "Tokyo" not in doc.text
    # The headline repeats the lead: one strike, the lead's.
    (strike,) = [e for e in analyse(doc, gazetteer).events if e.layer == "strikes"]
    assert strike.quote.startswith("Russian drones struck Odesa")


def test_json_and_jsonl_records(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"doc_id": "one", "text": "Drones hit Odesa.", "date": "2026-02-01"})
        + "\n"
        + "not json\n"
        + json.dumps({"text": "Shelling in Kherson.", "url": "u"})
        + "\n"
    )
    (tmp_path / "b.json").write_text(json.dumps({"title": "T", "text": "Talks in Doha."}))
    items = list(iter_documents([tmp_path]))
    docs = [i for i in items if not isinstance(i, Exception)]
    errors = [str(i) for i in items if isinstance(i, Exception)]
    assert [d.doc_id for d in docs] == ["one", "a-3", "b"]
    assert docs[0].date == dt.date(2026, 2, 1)
    assert errors == [f"{tmp_path / 'a.jsonl'}:2: not JSON (Expecting value)"]


def test_records_of_other_exports_give_their_text_and_date(tmp_path, gazetteer):
    # A news API's, a feed's, a Telegram export's and ACLED's own field names.
    from geomap.analysis import analyse

    records = [
        {"id": "api", "content": "Shelling hit Kherson yesterday.", "publishedAt": "2024-05-13"},
        {"id": "rss", "body": "Drones hit Odesa on Sunday.", "pubDate": "Sun, 12 May 2024"},
        {"id": "tg", "message": "Missiles struck Kharkiv today.", "date": 1715508000},
        {
            "id": "acled",
            "notes": "On 3 April 2023, Russian forces shelled Kherson.",
            "event_date": "3 April 2023",
        },
        {"id": "none", "summary": "No text field here."},
    ]
    (tmp_path / "exports.json").write_text(json.dumps(records))
    items = list(iter_documents([tmp_path]))
    docs = {d.doc_id: d for d in items if not isinstance(d, Exception)}
    assert {k: d.date for k, d in docs.items()} == {
        "api": dt.date(2024, 5, 13),
        "rss": dt.date(2024, 5, 12),
        "tg": dt.date(2024, 5, 12),
        "acled": dt.date(2023, 4, 3),
    }
    (reason,) = [str(i) for i in items if isinstance(i, Exception)]
    assert "needs a string text field (text, body, content" in reason
    (strike,) = [e for e in analyse(docs["api"], gazetteer).events if e.layer == "strikes"]
    assert (strike.place.name, strike.event_date) == ("Kherson", dt.date(2024, 5, 12))


def test_encodings():
    assert decode("Kyiv – Київ".encode("utf-16")) == "Kyiv – Київ"
    assert decode("Zaporizhzhia café".encode("cp1252")) == "Zaporizhzhia café"
    assert decode("\ufeffKyiv".encode()) == "Kyiv"
    with pytest.raises(UnreadableDocument, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_missing_source_is_skipped_with_its_name(tmp_path):
    (reason,) = list(iter_documents([tmp_path / "missing"]))
    assert isinstance(reason, UnreadableDocument)
    assert str(reason) == f"{tmp_path / 'missing'}: no such file or folder"


def test_sentences_keep_offsets():
    text = "Drones hit Odesa on Monday. Mr. Smith, of the U.S. Army, said so! Then? Quiet."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Drones hit Odesa on Monday.",
        "Mr. Smith, of the U.S. Army, said so!",
        "Then?",
        "Quiet.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
