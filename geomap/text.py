"""Sentence splitting: the quotes that the layers carry and the extractors read."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .model import Sentence

# A sentence ends at . ! or ? (and closing quotes) followed by space and an
# upper-case letter, a quote or a digit — except after common abbreviations —
# and at the end of a line before a capital or a list's bullet ("- ", "• ", "2. ").
_BULLET = r"(?:[-–—•*▪·]|\d{1,2}[.)])[ \t]+"
_END = re.compile(
    rf"[.!?][\"'”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“]|[ \t]*{_BULLET})"
)
_BULLET_AT = re.compile(_BULLET)
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "maj",
    "sen",
    "rep",
    "gov",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "vs",
    "inc",
    "co",
    "corp",
    "ltd",
    "jr",
    "sr",
    "prof",
    "rev",
    "fig",
    "approx",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "mt",
    "ft",
    "adm",
    "cmdr",
}


def split_sentences(text: str, *, doc_id: str = "") -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text``.

    >>> [s.text for s in split_sentences("Drones hit Odesa. Mr. Smith said so in the U.S. Army.")]
    ['Drones hit Odesa.', 'Mr. Smith said so in the U.S. Army.']
    >>> [s.text for s in split_sentences("Key takeaways:\\n- Kyiv held\\n• Lviv too")]
    ['Key takeaways:', 'Kyiv held', 'Lviv too']
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        if text[match.start()] == ".":
            word = text[max(start, match.start() - 5) : match.start()].split()[-1:]
            if word and word[0].lower().lstrip('("“') in _ABBREVIATIONS:
                continue
        _append(sentences, text, start, end, doc_id)
        start = match.end()
    _append(sentences, text, start, len(text), doc_id)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int, doc_id: str) -> None:
    while start < end and text[start].isspace():
        start += 1
    bullet = _BULLET_AT.match(text, start, end)
    if bullet:
        start = bullet.end()  # the list's mark is no part of what the line says
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(doc_id, start, end, text[start:end]))


def sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    """The sentence that contains ``offset`` (sentences sorted by start), or None."""
    index = bisect.bisect_right([s.start for s in sentences], offset) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None
