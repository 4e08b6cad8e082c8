"""What an extractor reads: one sentence, its places and dates, and the article around it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..gazetteer.vocabulary import SITE_KINDS, PlaceKind
from ..model import Document, Event, Figure, Hint, Place, ResolvedMention, Sentence
from ..resolve import names_an_army
from ..text import sentence_at
from .dates import DAY, DateMention, find_dates, undated

MAX_SENTENCE = 2000  # characters; longer "sentences" are not read for events
# Words that make what follows a possibility, a plan or a denial, not an event.
_UNREAL = re.compile(
    r"\b(?:could|would|might|(?-i:may|will)|must|should|shall|can(?:not|'t)?|unable\s+to|"
    r"threaten(?:s|ed)?\s+to|plans?\s+to|planned\s+to|planning\s+to|vow(?:s|ed)?\s+to|"
    r"intends?\s+to|aim(?:s|ed|ing)?\s+(?:to|of|at)|prepar(?:es|ed|ing)\s+(?:to|for|a|an|its|their)|"
    r"brac(?:es|ed|ing)\s+for|"
    r"used\s+to|"
    r"ready\s+to|want(?:s|ed)?\s+to|seek(?:s|ing)?\s+to|sought\s+to|tr(?:y|ies|ied|ying)\s+to|"
    r"fail(?:s|ed|ing)?\s+(?:to|in)|effort\s+to|bid\s+to|in\s+order\s+to|so\s+as\s+to|"
    r"goal\s+of|closer\s+to|expect(?:s|ed|ing)?|likely\s+to|unlikely|possible|possibly|"
    r"potential|hop(?:e|es|ed|ing)|anticipat\w+|warn(?:s|ed)?\s+(?:of|that)|fear(?:s|ed)?|"
    r"if|unless|whether|denied|deny|denies|not\s+(?:yet\s+)?been|never|avoid|"
    r"(?:danger|risk|threat|prospect)\s+of|eye(?:s|d|ing)|coming\s+(?:weeks|months|days)|"
    r"next\s+(?:week|month|year)|capable\s+of|discuss(?:es|ed|ing)?|talk(?:s|ed)?\s+about|"
    r"prevent(?:ed)?|to\s+(?:launch|attack|strike|capture|seize|take|mount|conduct))"
    # up to the end of its clause: not past ", while protesters demanded..."
    r"\b(?:(?!,\s+(?:while|whereas|but|as|and|after|when)\b)[^.;]){0,50}$",
    re.IGNORECASE,
)


# "to capture", but not "forced to withdraw" or "began to shell": a purpose, not an event.
_INFINITIVE = re.compile(
    r"(?<!forced )(?<!had )(?<!managed )(?<!began )(?<!started )(?<!continued )(?<!able )"
    r"(?<!has )(?<!have )(?<!moved )(?<!agreed )(?<!agreeing )(?<!ordered )(?<!decided )\bto\s+$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_DISMISSED = re.compile(
    r"\b(?:dismiss|reject|refut|den(?:y|ie|yi))\w*\s+(?:\w+\s+){0,3}?claims?\b[^.;]{0,120}$",
    re.IGNORECASE,
)
# "Capturing X would...", "whose capture would": an event talked of, not one that was.
_THEN_UNREAL = re.compile(r"[^.;]{0,80}?\b(?:would|could|might|will)\b", re.IGNORECASE)
_ATTACK_NOUNS = ("offensive", "offensives", "assault", "assaults", "attack", "attacks", "siege")
_AIMED_THEN_UNREAL = re.compile(
    r"(?:\s+(?:on|against|in|towards?|into|of)\s+[\w'’\- ]{1,40}?)?\s+"
    r"(?:would|could|might|may|will)\b",
    re.IGNORECASE,
)
# "a major offensive was expected": an event foreseen, not one that happened.
_FORESEEN = re.compile(
    r"\w*(?:\s+[\w-]+){0,3}?\s+(?:(?:was|were|is|are|being)\s+(?:\w+\s+)?(?:expected|planned|"
    r"anticipated|feared|imminent|rumou?red|predicted|failing|unable)\b|(?:expected|planned|"
    r"scheduled|due)\s+to\b)",
    re.IGNORECASE,
)
# "If Lysychansk falls, the region could fall": the whole sentence is a condition.
_CONDITION = re.compile(r"^\W*(?:If|Unless|Should)\b")


@dataclass(frozen=True, slots=True)
class Article:
    """What the whole article says: the country it is mostly about, its main
    place (the town it names most, for sentences that name none), the
    place that stands for the line of contact of the war there, if geomap
    knows one, and the name of each country its places lie in, by code."""

    theatre: Place | None
    main_place: Place | None
    front: Place | None = None
    countries: tuple[tuple[str, str], ...] = ()

    def country_name(self, code: str | None) -> str | None:
        """The name of the country of ``code`` (see ``countries``), if any."""
        return dict(self.countries).get(code) if code else None


# What kills besides political violence: a toll of an epidemic, a disaster or
# an accident is no conflict's (and a town "hit by the flu" was struck by nothing).
HAZARD = re.compile(
    r"\b(?:flu|influenza|h\d+n\d+|virus|outbreaks?|epidemics?|pandemic|cholera|ebola|measles|"
    r"typhoid|malaria|infections?|infected|diseases?|\d[\d,]*\s+(?:new\s+|confirmed\s+|"
    r"suspected\s+)?cases|overdose|poison(?:ed|ing)|hurricanes?|cyclones?|typhoons?|tsunami|"
    r"earthquakes?|floods?|flooding|landslides?|storms?|droughts?|wildfires?|heatwaves?|"
    r"crash(?:ed|es)?|accidents?|recession|inflation|"
    r"gas\s+(?:explosions?|blasts?|leaks?))\b",
    re.IGNORECASE,
)
# Words without which an article tells of no armed conflict, unrest or repression.
_VIOLENCE = re.compile(
    r"\b(?:wars?|troops|soldiers|forces|military|army|militants?|militias?|rebels?|insurgen\w+|"
    r"gunm[ae]n|fighters|fighting|fought|clash\w*|attack\w*|strikes?|struck|shell(?:s|ed|ing)|"
    r"bomb\w*|missiles?|drones?|rockets?|artillery|shot|shooting|shootout|gunfire|massacre\w*|"
    r"conflict|invasion|invaded|occup\w+|ceasefire|truce|violence|violent|riots?|protest\w*|"
    r"terror\w*|jihadists?|separatists?|hostages?|prisoners\s+of\s+war|raids?|looted|"
    r"rustlers|bandits|armed)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=64)
def tells_of_violence(text: str) -> bool:
    """False for an article on an epidemic or a disaster that names no
    violence: its tolls are no conflict's. Asked only once a toll is found."""
    return bool(_VIOLENCE.search(text)) or not HAZARD.search(text)


@dataclass(frozen=True, slots=True)
class Clause:
    """One sentence as the extractors read it. Offsets of ``mentions`` are the
    document's; those of ``dates`` are the sentence's."""

    doc: Document
    sentence: Sentence
    mentions: tuple[ResolvedMention, ...]
    dates: tuple[DateMention, ...]
    following: tuple[Sentence, ...]
    article: Article
    previous_place: tuple[Place, int] | None  # the town the last sentences' events were at
    # the region or country they were in, when they named no town
    previous_area: tuple[Place, int] | None = None
    before: Sentence | None = None  # the sentence before, which "the group" may refer to

    @property
    def text(self) -> str:
        return self.sentence.text

    def offset(self, mention: ResolvedMention) -> int:
        """Where ``mention`` starts in the sentence."""
        return mention.mention.start - self.sentence.start

    def unreal(self, start: int) -> bool:
        """True when the words around ``start`` make it a possibility, a plan or
        a denial ("could strike", "threatened to capture", "denied shelling",
        "wants to capture", "Capturing X would hand Russia...", "an offensive was
        expected")."""
        text = self.text
        if _CONDITION.match(text) or _UNREAL.search(text, max(0, start - 80), start):
            return True
        if _DISMISSED.search(text, max(0, start - 160), start):
            return True  # "dismissing claims made by Wagner that it had taken the town"
        if _INFINITIVE.search(text, max(0, start - 30), start):
            return True  # "forces to capture the cities": a purpose
        if _FORESEEN.match(text, start):
            return True
        word = _WORD.match(text, start)
        if not word:
            return False
        noun = word.group().lower()
        if noun.endswith(("ing", "ture", "ion")) and _THEN_UNREAL.match(text, word.end()):
            return True
        # "a Russian offensive on Kharkiv could come": the attack that might be.
        return noun.endswith(_ATTACK_NOUNS) and bool(_AIMED_THEN_UNREAL.match(text, word.end()))

    def event(
        self,
        layer: str,
        event_type: str,
        sub_type: str,
        place: tuple[Place, int] | None,
        when: tuple,
        **extra,
    ) -> Event:
        """An :class:`Event` of this sentence at ``place`` (place, geo precision)
        on ``when`` (date, time precision)."""
        date, time_precision = when
        return Event(
            layer=layer,
            event_type=event_type,
            sub_event_type=sub_type,
            doc_id=self.doc.doc_id,
            source=self.doc.source,
            quote=self.sentence.text,
            quote_start=self.sentence.start,
            quote_end=self.sentence.end,
            place=place[0] if place else None,
            geo_precision=place[1] if place else 3,
            event_date=date,
            time_precision=time_precision,
            **extra,
        )


def figure(value: float, unit: str | None = None, hedge: str | None = None, text: str = ""):
    """A reported figure (see :class:`~geomap.model.Figure`)."""
    return Figure(value, unit, hedge, text)


def article_context(
    doc: Document,
    resolved: Sequence[ResolvedMention],
    country_of: Callable[[str], Place | None] | None,
    front_of: Callable[[str], Place | None] | None = None,
) -> Article:
    """The article's country (the one its places lie in most often, armies'
    demonyms aside, its dateline's winning a tie, then the first named), its main place (the town
    of that country it names most often) and its line of contact (``front_of``
    the country's code). A dateline says where the reporter filed from: a
    story on Sudan is datelined Nairobi."""
    placed = [
        rm for rm in resolved if rm.place.country_code and rm.mention.start >= doc.dateline_end
    ]
    # An army's demonym names who acted ("Israeli warplanes struck Beirut"):
    # it votes only in an article that names nothing else.
    codes = [rm.place.country_code for rm in placed if not names_an_army(doc.text, rm.mention)]
    dateline = [rm.place.country_code for rm in resolved if rm.mention.start < doc.dateline_end]
    if not codes:
        codes = [rm.place.country_code for rm in placed]
    if not codes:
        codes = [code for code in dateline if code]
    if not codes:
        return Article(None, None)
    votes = Counter(codes)
    filed = dateline[0] if dateline else None
    best = max(votes, key=lambda c: (votes[c], c == filed, -codes.index(c)))
    named = next(
        (
            rm.place
            for rm in resolved
            if rm.place.kind == PlaceKind.COUNTRY and rm.place.country_code == best
        ),
        None,
    )
    towns = [
        rm.place
        for rm in resolved
        if rm.place.kind in SITE_KINDS
        and rm.place.country_code == best
        and rm.mention.kind_hint != Hint.DEMONYM
    ]
    counts = Counter(p.id for p in towns)
    main = max(towns, key=lambda p: (counts[p.id], -towns.index(p)), default=None)
    return Article(
        named or (country_of(best) if country_of else None),
        main,
        front_of(best) if front_of else None,
        _country_names(resolved, country_of),
    )


def _country_names(
    resolved: Sequence[ResolvedMention], country_of: Callable[[str], Place | None] | None
) -> tuple[tuple[str, str], ...]:
    """(code, name) of each country the places of ``resolved`` lie in."""
    names: dict[str, str] = {}
    for rm in resolved:
        code = rm.place.country_code
        if code and code not in names:
            is_country = rm.place.kind == PlaceKind.COUNTRY
            country = rm.place if is_country else (country_of(code) if country_of else None)
            if country is not None:
                names[code] = country.name
    return tuple(sorted(names.items()))


def mentions_by_sentence(
    sentences: Sequence[Sentence], resolved: Sequence[ResolvedMention]
) -> dict[int, tuple[ResolvedMention, ...]]:
    """The resolved mentions of each sentence, by the sentence's start offset."""
    found: dict[int, list[ResolvedMention]] = {}
    for rm in resolved:
        sentence = sentence_at(sentences, rm.mention.start)
        if sentence:
            found.setdefault(sentence.start, []).append(rm)
    return {start: tuple(mentions) for start, mentions in found.items()}


def make_clause(
    doc: Document,
    sentences: Sequence[Sentence],
    number: int,
    mentions: tuple[ResolvedMention, ...],
    article: Article,
    previous_place: tuple[Place, int] | None,
    previous_date: tuple[dt.date, int] | None = None,
    previous_area: tuple[Place, int] | None = None,
) -> Clause | None:
    """The clause of sentence ``number``, or None for one too long to be a
    sentence; its "the next day" follows ``previous_date`` (date, precision)."""
    sentence = sentences[number]
    if len(sentence.text) > MAX_SENTENCE:
        return None  # a table or a run-on scrape, not a sentence a reporter wrote
    # The dateline's date ("GOMA, Congo, March 5 (Reuters) -") is when the
    # report was filed, not when anything happened.
    filed = doc.dateline_end - sentence.start
    return Clause(
        doc,
        sentence,
        mentions,
        tuple(d for d in find_dates(sentence.text, doc.date, previous_date) if d.start >= filed),
        tuple(sentences[number + 1 : number + 3]),
        article,
        previous_place,
        previous_area,
        sentences[number - 1] if number else None,
    )


# "since April 2023", "the war began in 2022": when a period started, not an event.
_PERIOD_START = re.compile(
    r"\b(?:since|began|begun|started|starting|beginning)\b[\w\s,]*$", re.IGNORECASE
)
_DATE_LIST = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose)\s[^,;]*")
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s|;\s|\s+while\s|\s+whereas\s")


def event_dates(clause: Clause, start: int, end: int) -> list[tuple]:
    """When the event whose trigger is ``clause.text[start:end]`` happened:
    its :func:`stated_dates`, else the week of the article (see
    :func:`~.dates.undated`), else no date. Each is (date, time precision)."""
    stated = stated_dates(clause, start, end)
    if stated:
        return stated
    if clause.doc.date:
        return [undated(clause.doc.date)]
    return [(None, None)]


def stated_dates(clause: Clause, start: int, end: int) -> list[tuple]:
    """The dates of the date expression nearest ``clause.text[start:end]``
    ("on Wednesday and Thursday" is two), leaving out when a period began
    ("since April 2023"); none if the sentence states none."""
    text = clause.text
    # "recaptured Sudzha, which Ukraine seized last August": a relative
    # clause's date is when its own verb happened, unless the trigger is in it.
    asides = [
        m.span() for m in _RELATIVE.finditer(text) if not (m.start() <= start and end <= m.end())
    ]
    dates = [
        d
        for d in clause.dates
        if not _PERIOD_START.search(text[max(0, d.start - 30) : d.start])
        and not any(left <= d.start and d.end <= right for left, right in asides)
    ]
    groups: list[list[DateMention]] = []
    for date in dates:
        if groups and _DATE_LIST.fullmatch(text[groups[-1][-1].end : date.start]):
            groups[-1].append(date)
        else:
            groups.append([date])
    if not groups:
        return []

    def distance(group: list[DateMention]) -> tuple[bool, int]:
        left, right = (end, group[0].start) if group[0].start >= end else (group[-1].end, start)
        # "missiles struck Kyiv last year, and drones hit Odesa on Monday": a
        # date across a clause boundary is another clause's.
        return bool(_CLAUSE_BREAK.search(text, left, max(left, right))), abs(right - left)

    nearest = min(groups, key=distance)
    # "said on Friday it had attacked a tanker, a day after warplanes struck Sanaa":
    # the strike is the day before the date of the clause it hangs from.
    apart = _DAYS_APART.search(text, max(0, start - 90), start)
    if apart and nearest[-1].end <= apart.start():
        days = _DAY_COUNTS.get(apart.group("n").lower()) or int(apart.group("n"))
        shift = dt.timedelta(days=-days if apart.group("way").lower() == "after" else days)
        return [
            (d.date + shift, d.precision) if d.precision == DAY else (d.date, d.precision)
            for d in nearest
        ]
    return [(d.date, d.precision) for d in nearest]


_DAY_COUNTS = {"a": 1, "the": 1, "one": 1, "two": 2, "three": 3}
_DAYS_APART = re.compile(
    r"\b(?P<n>a|the|one|two|three|\d)\s+days?\s+(?P<way>after|before)\s+[^;,]*$", re.IGNORECASE
)
