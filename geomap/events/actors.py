"""Who acted, who reports it, who disputes it.

An actor is written as the text writes it: a country ("Russia"), its people
("Russian forces" → "Russia") or an armed group ("Wagner", "RSF"). The
reporter is the nearest "X said" or "according to X"; a dispute is a later
sentence in which someone "dismissed the figures".
"""

from __future__ import annotations

import itertools
import re

from ..gazetteer.vocabulary import PlaceKind
from ..model import Hint, ResolvedMention
from .clause import Clause

# Armed groups and forces that are no country (ACLED's non-state actors), as
# news names them. A capture by one of them is a non-state actor's.
ARMED_GROUPS = {
    "wagner": "Wagner Group",
    "hamas": "Hamas",
    "hezbollah": "Hezbollah",
    "houthis": "Houthis",
    "houthi": "Houthis",
    "rsf": "RSF",
    "rapid support forces": "RSF",
    "islamic state": "Islamic State",
    "isis": "Islamic State",
    "isil": "Islamic State",
    "al-shabaab": "Al Shabaab",
    "al shabaab": "Al Shabaab",
    "taliban": "Taliban",
    "m23": "M23",
    "boko haram": "Boko Haram",
    "jnim": "JNIM",
    "hts": "HTS",
    "hayat tahrir al-sham": "HTS",
    "hay'at tahrir al-sham": "HTS",
    "hay’at tahrir al-sham": "HTS",
    "islamic resistance in iraq": "Islamic Resistance in Iraq",
    "sdf": "SDF",
    "pkk": "PKK",
    "islamic jihad": "Palestinian Islamic Jihad",
    "qassam brigades": "Hamas",
    "al-qassam brigades": "Hamas",
    "ansar allah": "Houthis",
    "kataib hezbollah": "Kataib Hezbollah",
    "al-qaeda": "al-Qaeda",
    "al qaeda": "al-Qaeda",
    "aqap": "AQAP",
    "aqim": "AQIM",
    "iswap": "ISWAP",
    "islamic state west africa province": "ISWAP",
    "isis-k": "Islamic State",
    "islamic state khorasan": "Islamic State",
    "ttp": "TTP",
    "tehrik-i-taliban pakistan": "TTP",
    "allied democratic forces": "ADF",
    "adf": "ADF",
    "fano": "Fano militia",
    "codeco": "CODECO",
    "tplf": "TPLF",
    "tigray people's liberation front": "TPLF",
    "ypg": "YPG",
    "syrian national army": "Syrian National Army",
    "arakan army": "Arakan Army",
    "people's defence force": "People's Defence Force",
    "people's defense force": "People's Defence Force",
    "kachin independence army": "Kachin Independence Army",
    "ta'ang national liberation army": "TNLA",
    "tnla": "TNLA",
    "mndaa": "MNDAA",
    "farc": "FARC",
    "eln": "ELN",
    "separatists": "separatists",
    "rebels": "rebels",
    "militants": "militants",
    "insurgents": "insurgents",
    "jihadists": "jihadists",
    "militia": "militia",
    "militiamen": "militia",
    "gunmen": "gunmen",
    "armed men": "armed men",
    "bandits": "bandits",
    "gangs": "gangs",
    "gang members": "gangs",
    "settlers": "settlers",
}
# A state's forces by their own name, who act for their country: the
# country's name, as a demonym's forces are ("Israeli troops" → "Israel").
STATE_FORCES = {
    "afu": "Ukraine",
    "zsu": "Ukraine",
    "armed forces of ukraine": "Ukraine",
    "idf": "Israel",
    "israel defense forces": "Israel",
    "israel defence forces": "Israel",
    "fardc": "Democratic Republic of the Congo",
    "saf": "Sudan",
    "endf": "Ethiopia",
    "fama": "Mali",
    "tatmadaw": "Myanmar",
    "irgc": "Iran",
    "revolutionary guards": "Iran",
    "kdf": "Kenya",
    "updf": "Uganda",
    "faca": "Central African Republic",
    "pla": "China",
    "people's liberation army": "China",
}
_FORCES = ARMED_GROUPS | STATE_FORCES
# Words for armed groups that name none ("militants"), after a name or alone.
_GENERIC_GROUPS = frozenset(
    {
        "separatists",
        "rebels",
        "militants",
        "insurgents",
        "jihadists",
        "militia",
        "gunmen",
        "armed men",
        "bandits",
        "gangs",
        "settlers",
    }
)
_NAMED_FORCE = re.compile(
    r"\b(" + "|".join(re.escape(g) for g in sorted(_FORCES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# What follows a country when it is the actor or the reporter, not a place.
_ACTOR_NOUNS = (
    r"forces|troops|army|military|soldiers|units|navy|air\s+force|defen[cs]e\s+(?:ministry|forces)|"
    r"ministry|government|officials?|authorities|president|leader|command|general\s+staff|"
    r"intelligence|artillery|missiles?|drones?|jets?|warplanes?|aircraft|strikes?|attacks?|"
    r"shelling|bombardment|(?:counter-?)?offensives?|side|fighters|paratroopers|marines|police|security|"
    r"tactics|strategy|war|campaign|assault|aggression|invasion|regime|envoy|proxies|backing|"
    r"allies|mercenaries|partners|leadership|negotiators|delegation|propaganda|media|state"
)
# "Russia's forces", "Moscow's New Year's Day attack", "Kyiv city military
# administration": who acted; not across a conjunction ("Khartoum as police fired").
_JOINS = r"(?:as|and|or|but|while|when|where|after|before|because|since|with|in|on|at|to|by)\b"
_ACTOR_AFTER = re.compile(
    rf"^(?:['’]s?\s+(?:[\w’'-]+\s+){{0,3}}?|\s+(?:(?!{_JOINS})[a-z-]+\s+){{0,2}})"
    rf"(?:{_ACTOR_NOUNS})\b"
)
# A country or a capital that speaks or acts is its government ("Moscow claimed",
# "Kyiv has accused", "delivered by Washington", "a Washington-based group").
_ACTS = (
    r"said|says|told|claim\w*|accus\w*|den(?:y|ied|ies)|announc\w*|pledg\w*|promis\w*|warn\w*|"
    r"insist\w*|wants?|wanted|sent|sends?|sending|launch\w*|respond\w*|vow\w*|threaten\w*|"
    r"demand\w*|agreed|refus\w*|believ\w*|hopes?|fears?|call\w*|urg\w*|plans?|planned|seeks?|"
    r"sought|signal\w*|appeal\w*|blam\w*|reject\w*|offer\w*|ask\w*|retaliat\w*|support\w*|"
    r"provid\w*|suppl\w*|deliver\w*|approv\w*|admitted|insists|edges|stepped|annex\w*|"
    r"tr(?:y|ies|ied|ying)|attempt\w*|continu\w+|keeps?|kept|uses?|used|mobili[sz]\w+|"
    r"massed|concentrat\w+|brought|focus\w*|eye(?:s|d|ing)|prepar\w+|unleash\w*|"
    r"mediat\w*|brokered|host(?:ed|s|ing)|"
    r"(?:has|have)\s+been\s+[a-z]+ing|is\s+(?:also\s+)?(?:expected|alleged|accused|"
    r"trying|seeking)|(?:could|would|will|can|may|must|should)\s+(?!be\b|have\s+been\b)[a-z]+"
)
# What a capital does when it stands for its government's forces ("Moscow has
# launched massive artillery bombardments"), not what it says ("Moscow claims").
_DEED_AFTER = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+|also\s+|again\s+)?(?:launch\w*|sen[dt]\w*|fir(?:ed|es|ing)|"
    r"struck|strikes|hit|attack\w*|shell\w*|bomb\w*|pound\w*|unleash\w*|deploy\w*|"
    r"(?:is|was|are|were)\s+trying|tr(?:y|ies|ied)|stepp?\w*\s+up)\b"
)
_ACTS_AFTER = re.compile(
    rf"^\s*,?\s+(?:has\s+|have\s+|had\s+|also\s+|again\s+)?(?:[a-z]+ly\s+)?(?:{_ACTS})\b"
)
# "a British-owned cargo ship": whose the target is, not who acted.
_OWNERSHIP = r"owned|flagged|registered|operated"
_OWNER = re.compile(rf"[-‐](?:{_OWNERSHIP})\b")
_ATTRIBUTE = re.compile(
    r"^[-‐](?:based|backed|appointed|installed|led|allied|aligned|era|made|controlled|held|"
    rf"occupied|supplied|linked|affiliated|sponsored|funded|friendly|leaning|{_OWNERSHIP})\b"
)
# A place's name before an armed group's noun names the group ("Fano militiamen").
_GROUP_NOUN = re.compile(r"\s+(?:militia\w*|fighters|rebels|insurgents|militants|gunmen)\b")
_PAIRED = re.compile(r"^\s+(?:and|or)\s+[A-Z][\w'’-]+")
_BY = re.compile(
    r"\b(?:by|accus\w+|blam\w+|urg\w+|warn\w+|told|asked|called\s+on|criticis\w+)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
SPEAKER = re.compile(
    # "Zelenskiy said", "Lebanon's health ministry said", "the regional governor said"
    r"(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w'’.-]*))*"
    r"(?:\s+[a-z][\w-]*){0,2}|\bthe\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
    r"\s*,?\s+(?:said|says|told|reported|claimed|estimated|announced|stated)\b"
)
ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|"
    r"[A-Z][\w'’.-]*))*)"
)
_DISPUTE = re.compile(
    r"^(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+(?:has\s+|have\s+)?"
    r"(?:dismissed|denied|rejected|disputed|contested|refuted)\b[^.]*\b(?:report|figures?|"
    r"claims?|toll|estimates?|numbers?|data)\b"
)
_PRONOUNS = {"it", "he", "she", "they", "officials", "we", "i"}


def speaker_match(text: str, anchor: int = 0) -> re.Match | None:
    """Who says so: the nearest "X said" before ``anchor``, else the first after it."""
    matches = list(SPEAKER.finditer(text)) + list(ACCORDING.finditer(text))
    before = [m for m in matches if m.start() < anchor]
    if before:
        return max(before, key=lambda m: m.start())
    return min(matches, key=lambda m: m.start(), default=None)


def reported_by(text: str, anchor: int = 0) -> str | None:
    """The reporter of what is said at ``anchor``, as written ("regional governor").

    >>> reported_by("Drones hit Odesa, the regional governor said.")
    'regional governor'
    """
    match = speaker_match(text, anchor)
    if not match:
        return None
    who = re.sub(r"^the\s+", "", match.group("who").strip(), flags=re.IGNORECASE)
    return who if who.lower() not in _PRONOUNS else None


def disputed_by(clause: Clause) -> str | None:
    """Who, in the next two sentences, dismisses what this one reports."""
    for sentence in clause.following:
        match = _DISPUTE.search(sentence.text)
        if match:
            return re.sub(r"^the\s+", "", match.group("who"), flags=re.IGNORECASE)
    return None


def is_actor(clause: Clause, rm: ResolvedMention) -> bool:
    """True for a mention that names who acted or who reports, not where:
    a demonym ("Russian missiles"); a country or a capital followed by its
    forces, a ministry or weapons ("Russia's defence ministry"), that speaks
    or acts ("Moscow claimed", "Kyiv has accused"), after "by" ("delivered
    by Washington"); any place in a compound ("a Washington-based group") or
    that names an armed group ("Fano militiamen")."""
    after = clause.text[rm.mention.end - clause.sentence.start :]
    if rm.mention.kind_hint == Hint.DEMONYM:
        return not _DEMONYM_OF_LAND.match(after)  # "hit Ukrainian cities": where
    if _ATTRIBUTE.match(after) or _GROUP_NOUN.match(after):
        return True
    if rm.place.kind != PlaceKind.COUNTRY and not rm.place.capital:
        return False
    at = clause.offset(rm)
    before = clause.text[max(0, at - 24) : at]
    if _WHERE_BEFORE.search(before):
        return False  # "protesters in Kyiv demanded": where they were
    if _SIDES_BEFORE.search(clause.text, max(0, at - 60), at):
        return True  # "mediating between the Houthis and Riyadh": a side
    after = _PAIRED.sub("", after, count=1)  # "Kyiv and Moscow eyeing": both act
    return bool(_ACTOR_AFTER.match(after) or _ACTS_AFTER.match(after) or _BY.search(before))


_SIDES_BEFORE = re.compile(
    r"\b(?:mediat\w*|talks|negotiations?|relations|tensions|fighting|war|conflict|deal|"
    r"agreement|dialogue|rift|feud)\s+between\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:and\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_WHERE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|across|throughout)\s+(?:the\s+)?(?:capital\s+)?$|"
    # "at the University of Khartoum demanding", "residents of Kyiv demanded"
    r"\b(?:university|city|centre|center|outskirts|streets|heart|suburbs?|residents|people|"
    r"citizens)\s+of\s+$",
    re.IGNORECASE,
)


def in_speaker_phrase(clause: Clause, rm: ResolvedMention) -> bool:
    """True for a mention inside the phrase that reports the sentence
    ("Ukraine's general staff said", "according to Kharkiv's governor")."""
    start = clause.offset(rm)
    return any(
        m.start("who") <= start < m.end("who")
        for pattern in (SPEAKER, ACCORDING)
        for m in pattern.finditer(clause.text)
    )


# A country named as a place: after "in", "into", "across"..., the object of
# an attack ("invaded Ukraine"), or before a place of its own ("Ukraine's
# eastern Donetsk region").
_PLACE_USE_BEFORE = re.compile(
    r"\b(?:in|into|inside|on|across|throughout|of|from|to|towards|against|at|over|near|"
    r"invaded|attacked|struck|shelled|hit|annexed|occupied|entered|"
    r"(?:border|frontier)\s+with)\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west)\w*\s+|central\s+)?$",  # "in northeastern Syria"
    re.IGNORECASE,
)
_PLACE_USE_AFTER = re.compile(
    r"^['’]s?\s+(?:(?:north|south|east|west)\w*\s+|central\s+|occupied\s+)*[A-Z]"
)


# A demonym of the land itself ("Ukrainian cities", "Russian territory"), which
# is where a strike on it happened; not of positions or bases, which an army
# holds abroad too.
_DEMONYM_OF_LAND = re.compile(
    r"^\s+(?:[a-z-]+\s+)?(?:cities|towns|villages|territory|soil|regions|airspace)\b"
)
# A demonym of where ("the frontline Ukrainian city", "Russian territory").
_DEMONYM_OF_PLACE = re.compile(
    r"^\s+(?:[a-z-]+\s+)?(?:city|cities|town|towns|village|villages|port|territory|soil|"
    r"region|regions|capital|border|positions?|airspace|coast|bases?|airfield|refinery)\b"
)


def _as_place(clause: Clause, rm: ResolvedMention) -> bool:
    """True for a country named as where, not who ("in Ukraine", "Ukraine's
    Donetsk region", "the Ukrainian city", "KHARTOUM, Sudan (AP) —")."""
    if rm.mention.start < clause.doc.dateline_end:
        return True  # the dateline: where the reporter filed from
    after = clause.text[rm.mention.end - clause.sentence.start :]
    if rm.mention.kind_hint == Hint.DEMONYM:
        return bool(_DEMONYM_OF_PLACE.match(after))
    start = clause.offset(rm)
    before = clause.text[max(0, start - 16) : start]
    return bool(_PLACE_USE_BEFORE.search(before) or _PLACE_USE_AFTER.match(after))


def actor_before(clause: Clause, anchor: int, *, skip: str | None = None) -> str | None:
    """Who acted at ``anchor``: the country named, or whose people are, closest
    before it, or an armed group named closest before it; not the reporter,
    nor a country named as a place."""
    speaker = speaker_match(clause.text, anchor)
    forces = _named_forces(clause)
    best_at, best = -1, None
    for rm in clause.mentions:
        start = clause.offset(rm)
        if any(at < start < until for at, until, _ in forces):
            continue  # "the Islamic Resistance in Iraq": part of a group's name
        country = _country_named(clause, rm)
        if speaker and speaker.start("who") <= start < speaker.end("who"):
            if country and _speaker_did(clause, speaker, anchor):
                # "Russia's ministry said its forces", "Moscow claimed that its troops"
                best_at, best = start, country
            continue
        if rm.place.capital and country and start < anchor and country != skip:
            after = clause.text[rm.mention.end - clause.sentence.start :]
            if _DEED_AFTER.match(after):  # "Moscow launched 100 drones": its government
                best_at, best = start, country
            continue
        if (
            start < anchor
            and rm.place.kind == PlaceKind.COUNTRY
            and rm.place.name != skip
            and not _as_place(clause, rm)
            # "killed 40 Russian soldiers": whom it was done to; "M23 rebels
            # backed by Rwanda": who backs them; "intercepted by Israeli and US air
            # defences": who defends
            and not _VICTIM_BEFORE.search(clause.text, max(0, start - 40), start)
            and not _BACKER_BEFORE.search(clause.text, max(0, start - 40), start)
            and not _DEFENCE_AFTER.match(clause.text, rm.mention.end - clause.sentence.start)
            and not _OWNER.match(clause.text, rm.mention.end - clause.sentence.start)
            and not _FELL_AFTER.match(clause.text, rm.mention.end - clause.sentence.start)
        ):
            best_at, best = start, rm.place.name
    named_until = None  # where the last armed group named by its name ends
    for at, until, group in forces:
        if at >= anchor:
            break
        if _VICTIM_BEFORE.search(clause.text, max(0, at - 24), at):
            continue  # "killed Hezbollah commander Ibrahim Aqil": whom it was done to
        if group in _GENERIC_GROUPS and named_until is not None and at <= named_until + 1:
            continue  # "al-Shabaab militants": the named group
        if group not in _GENERIC_GROUPS:
            named_until = until
        if at > best_at:
            best_at, best = at, group
    theatre = clause.article.theatre
    if theatre is not None and theatre.kind == PlaceKind.COUNTRY and theatre.name != skip:
        for match in _OWN_ARMY.finditer(clause.text, 0, anchor):
            spoke = speaker and speaker.start("who") <= match.start() < speaker.end("who")
            if spoke and not _speaker_did(clause, speaker, anchor):
                continue  # "police said a drone hit Kyiv"; but "the army said it had"
            if match.start() > best_at and not _VICTIM_BEFORE.search(
                clause.text, max(0, match.start() - 24), match.start()
            ):
                best_at, best = match.start(), theatre.name
    # "US and UK aircraft struck": the first of a pair that is the subject leads
    pair = paired_before(clause, anchor) if anchor - best_at <= 30 else None
    if pair and pair[1] == best and pair[0] != skip:
        return pair[0]
    return best


def _named_forces(clause: Clause) -> list[tuple[int, int, str]]:
    """(start, end, name) of the armed groups and state forces the sentence
    names, in order; "the group" or "the militants" is the group the sentence
    before names by its name ("The rebel group said it had captured ...")."""
    text = clause.text
    found = [(m.start(), m.end(), _FORCES[m.group(1).lower()]) for m in _NAMED_FORCE.finditer(text)]
    referent = None
    for the in _THE_GROUP.finditer(text):
        referent = referent or _group_named_before(clause)
        if referent is None:
            break
        found = [f for f in found if not the.start() <= f[0] < the.end()]
        found.append((the.start(), the.end(), referent))
    return sorted(found)


_THE_GROUP = re.compile(
    r"\b[Tt]he\s+(?:(?:armed|rebel|militant|jihadist|insurgent|separatist)\s+)?"
    r"(?:group|rebels|militants|insurgents|jihadists|militia|separatists)\b"
)


def _group_named_before(clause: Clause) -> str | None:
    """The armed group the sentence before names last by its name, if any."""
    if clause.before is None:
        return None
    named = [
        ARMED_GROUPS[m.group(1).lower()]
        for m in _NAMED_FORCE.finditer(clause.before.text)
        if ARMED_GROUPS.get(m.group(1).lower()) not in (None, *_GENERIC_GROUPS)
    ]
    return named[-1] if named else None


def _country_named(clause: Clause, rm: ResolvedMention) -> str | None:
    """The country ``rm`` names: itself, or the country a capital stands for."""
    if rm.place.kind == PlaceKind.COUNTRY:
        return rm.place.name
    return clause.article.country_name(rm.place.country_code) if rm.place.capital else None


def _speaker_did(clause: Clause, speaker: re.Match, anchor: int) -> bool:
    """True when the speaker tells of its own deed at ``anchor`` ("said its
    forces", "said they had struck")."""
    return speaker.end() <= anchor and bool(
        _ITS_FORCES.search(clause.text, speaker.end(), anchor)
        or _SPEAKER_DID.match(clause.text, speaker.end())
    )


_BY_AFTER = re.compile(r"\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_ITS_FORCES = re.compile(
    r"\b(?:its|their)\s+(?:own\s+)?(?:forces|troops|army|military|units|soldiers|fighters)\b",
    re.IGNORECASE,
)
# The speaker, by a pronoun, as who did it: "Russian forces said they had taken".
_SPEAKER_DID = re.compile(
    r"\s+(?:(?:on|late\s+on|early\s+on)\s+[A-Z]\w+\s+)?(?:that\s+)?(?:it|they|we)\s+"
    r"(?:(?:had|have|has)\b(?!\s+been)|"
    r"(?:now\s+)?(?:holds?|held|controls?|controlled|shot|struck|hit|took|[a-z]{3,}ed)\b)",
    re.IGNORECASE,
)
_DEFENCE_AFTER = re.compile(
    r"(?:\s+and\s+[\w.]+)?\s+(?:air[\s-]+defen[cs]es?|anti-?aircraft|interceptors?)\b",
    re.IGNORECASE,
)
_BACKER_BEFORE = re.compile(
    r"\b(?:backed|supported|armed|funded|sponsored|aided|trained)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Dozens of Russian soldiers were killed when a strike hit": whom it was done to.
_FELL_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:soldiers|troops|servicem[ae]n|fighters|civilians|people|"
    r"prisoners)\s+(?:were|was|had\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|"
    r"captured|taken\s+prisoner)\b"
)
_VICTIM_BEFORE = re.compile(
    r"\b(?:killed|killing|kill|targeted|targeting|struck|hit|attacked|captured|eliminated|"
    r"against|on)\s+(?:(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|"
    r"several|senior|top|at\s+least|more\s+than|about|some|[\d,]+)\s+)*$",
    re.IGNORECASE,
)


def actor_of(clause: Clause, start: int, end: int) -> str | None:
    """Who did what the trigger at ``clause.text[start:end]`` says: the actor
    before it, else the agent of a passive ("shelled by Russian artillery")."""
    return actor_before(clause, start) or passive_agent(clause, end)


def passive_agent(clause: Clause, end: int) -> str | None:
    """The agent of a passive trigger that ends at ``end``: the country or
    armed group named just after its "by" ("shelled by Russian artillery",
    "killed by a Russian sniper", "wounded by Hamas sniper fire")."""
    text = clause.text
    passive = re.match(r"\s+by\s", text[end:])
    named = [
        (clause.offset(rm), rm.place.name)
        for rm in clause.mentions
        if rm.place.kind == PlaceKind.COUNTRY
    ] + [(at, name) for at, _, name in _named_forces(clause) if at >= end]
    for at, name in sorted(named):
        if end <= at <= end + 30 and (passive or _BY_AFTER.search(text[end:at])):
            return name
    return None


def actor_after(clause: Clause, anchor: int, *, skip: str | None = None) -> str | None:
    """The country or armed group named first after ``anchor`` ("fell to Russian
    forces"), other than ``skip``."""
    return next((name for name in _actors_after(clause, anchor) if name != skip), None)


def actors_between(clause: Clause, anchor: int) -> tuple[str, str] | None:
    """The two sides of "fighting between Sudan's army and the RSF", when the
    words at ``anchor`` (after the trigger) name them so; else None."""
    if not _BETWEEN.match(clause.text, anchor):
        return None
    sides = list(dict.fromkeys(_actors_after(clause, anchor)))
    return (sides[0], sides[1]) if len(sides) > 1 else None


_BETWEEN = re.compile(r"\s+between\s", re.IGNORECASE)


# A state's forces named without their state ("between the army and the RSF"):
# those of the country the article is about.
_OWN_ARMY = re.compile(
    r"\b(?:the\s+(?:army|military|armed\s+forces|junta|regime)|"
    r"(?:government|regime|junta|security)\s+(?:forces|troops|soldiers))\b",
    re.IGNORECASE,
)


# "near the border with India", "five miles from the border with Ukraine": a
# bearing, neither the place nor an actor.
BORDER_WITH = re.compile(r"\b(?:borders?|frontier)\s+with\s+(?:the\s+)?$", re.IGNORECASE)


def _actors_after(clause: Clause, anchor: int) -> list[str]:
    """The countries and armed groups named after ``anchor``, in order; "the
    military" that reports it ("..., the military said") may be anyone's."""
    countries = [
        (clause.offset(rm), rm.place.name)
        for rm in clause.mentions
        if clause.offset(rm) >= anchor
        and rm.place.kind == PlaceKind.COUNTRY
        and not BORDER_WITH.search(clause.text, max(0, clause.offset(rm) - 24), clause.offset(rm))
    ]
    groups = [(at, name) for at, _, name in _named_forces(clause) if at >= anchor]
    theatre = clause.article.theatre
    speaker = speaker_match(clause.text, len(clause.text))
    armies = [
        (m.start(), theatre.name)
        for m in _OWN_ARMY.finditer(clause.text, anchor)
        if theatre is not None
        and theatre.kind == PlaceKind.COUNTRY
        and not (speaker and speaker.start("who") <= m.start() < speaker.end("who"))
    ]
    return [name for _, name in sorted(countries + groups + armies)]


def is_armed_group(actor: str | None) -> bool:
    """True for an actor that is no country's forces."""
    return actor in ARMED_GROUPS.values()


def parties(clause: Clause, *, exclude: str | None = None) -> list[str]:
    """Countries and armed groups acting together: "Ukraine and Russia" if the
    sentence pairs two ("Sudan's army and the RSF"), else every one it names,
    in order."""
    named = _sides_named(clause, exclude)
    pair = _pair(clause, named)
    return list(pair) if pair else list(dict.fromkeys(name for _, _, name in named))


def paired_before(clause: Clause, anchor: int) -> tuple[str, str] | None:
    """The two sides named as one subject before ``anchor`` ("Russian and
    Ukrainian forces clashed", "Indian troops and militants exchanged fire"),
    if any."""
    named = _sides_named(clause, generic=True)
    return _pair(clause, [n for n in named if n[1] <= anchor])


def _sides_named(
    clause: Clause, exclude: str | None = None, *, generic: bool = False
) -> list[tuple[int, int, str]]:
    """(start, end, name) of the countries and armed groups the sentence
    names; those that name no group ("militants") only if ``generic``."""
    named = sorted(
        [
            (clause.offset(rm), rm.mention.end - clause.sentence.start, rm.place.name)
            for rm in clause.mentions
            if rm.place.kind == PlaceKind.COUNTRY and rm.place.name != exclude
        ]
        + _named_forces(clause)
    )
    return [
        (start, end, name)
        for (start, end, name), before in zip(named, [None, *named], strict=False)
        if name not in _GENERIC_GROUPS
        # "Indian troops and militants"; not the word after a name ("M23 rebels")
        or (generic and (before is None or start > before[1] + 1))
    ]


def _pair(clause: Clause, named: list[tuple[int, int, str]]) -> tuple[str, str] | None:
    for (_, left_end, left), (right_start, _, right) in itertools.pairwise(named):
        if _PAIR_GAP.fullmatch(clause.text, left_end, right_start) and left != right:
            return left, right
    return None


# "Ukraine and Russia", "Sudan's army and the RSF": two sides named as one subject.
_PAIR_GAP = re.compile(
    r"(?:['’]s\s+(?:[a-z]+\s+){1,2}|\s+(?:forces|troops|army|military|rebels|fighters|"
    r"militants|militia|soldiers|government|officials|delegations?)\s+)?\s*(?:and|&)\s+(?:the\s+)?"
)
