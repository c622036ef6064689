"""Recognising entities in plain text: names, synonyms, abbreviations and typos.

The lexicon is built once per evidence base from every entity's name and synonyms. Exact phrase
matches win (longest first); what remains is matched fuzzily, word by word and pair by pair,
against the same lexicon with RapidFuzz, so "fibromialgia" and "glutamin" still land.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.names import normalise, variants

__all__ = ["STOPWORDS", "Lexicon", "Mention", "find_mentions", "lexicon_for", "normalise"]

MAX_PHRASE_WORDS = 5
FUZZY_CUTOFF = 85.0
SUGGEST_CUTOFF = 78.0

# Words that carry the question's grammar or intent rather than naming anything.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any anything are as at be because been before being
    below best between both but by can cause causes could day daily did do does doing done down during each
    effect effects either else ever every few for from further get gets getting give go good had has have
    having he her here his how i if in into is it its itself just know let like likely make makes many may
    me might mine more most much must my myself need no nor not now of off often on once only or other our
    out over own per please possible probably really safe same say see she should so some someone something
    take taking tell than that the their them then there these they thing things this those through to too
    took under until up use used using very want was way we well were what when where which while who whom
    why will with would yes you your yours tablet tablets pill pills capsule capsules supplement supplements
    supplementing supplementation people person patient patients someone anyone everyone doctor help helps
    helping helpful increase increases increasing raise raises worsen worsens worse worsening better improve
    improves improving reduce reduces reducing decrease decreases lower lowers cure cures curing treat treats
    treatment relieve relief work works working affect affects affecting dose dosage dosing amount much
    grams gram mg side adverse safety risk risks danger dangerous interact interacts interaction interactions
    medication medications medicine medicines drug drugs food foods eat eating diet dietary source sources
    rich find reliable information trust trustworthy info alternative alternatives instead option options
    compare compared comparison versus vs difference different similar empty stomach meal meals morning
    night bedtime mechanism mechanisms body brain link linked connection relationship related trigger
    triggers flare flares symptom symptoms condition conditions disease diseases disorder disorders
    suffer suffering diagnosed actually true false myth evidence research study studies science scientific
    recommend recommended recommendation definitive answer ok okay fine harmful harm bad hurt hurts
    exacerbate aggravate calm anything cause matter problem problems someone thank thanks hi hello
    while also still ever feel feeling feels am im ive dont doesnt cant isnt whats
    pregnant pregnancy breastfeeding breast feeding nursing kid kids child children teen teens teenager
    baby babies infant elderly during expecting
    """.split()
)


@dataclass(frozen=True)
class Mention:
    """An entity found in the text, with the words that named it and how sure the match is."""

    entity_id: str
    text: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Lexicon:
    phrases: dict[str, str]
    keys: tuple[str, ...]

    @classmethod
    def build(cls, base: EvidenceBase) -> Lexicon:
        phrases: dict[str, str] = {}
        for entity in sorted(base.entities.values(), key=lambda e: e.id):
            for term in (entity.id.replace("-", " "), entity.name, *entity.synonyms):
                for variant in variants(term):
                    phrases.setdefault(variant, entity.id)
        return cls(phrases, tuple(phrases))

    def suggest(self, term: str, limit: int = 5) -> list[str]:
        """Entity ids whose names are close to `term` (for "did you mean")."""
        found: list[str] = []
        for _key, _score, index in process.extract(
            normalise(term), self.keys, scorer=fuzz.ratio, limit=limit * 3, score_cutoff=SUGGEST_CUTOFF
        ):
            entity_id = self.phrases[self.keys[index]]
            if entity_id not in found:
                found.append(entity_id)
        return found[:limit]


@lru_cache(maxsize=8)
def lexicon_for(base: EvidenceBase) -> Lexicon:
    return Lexicon.build(base)


def find_mentions(lexicon: Lexicon, words: list[str]) -> tuple[list[Mention], list[int]]:
    """Entities named in `words` (exact phrases first, then fuzzy), and indexes of unclaimed words."""
    claimed = [False] * len(words)
    mentions: list[Mention] = []
    for size in range(min(MAX_PHRASE_WORDS, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            if any(claimed[start : start + size]):
                continue
            phrase = " ".join(words[start : start + size])
            if size == 1 and phrase in STOPWORDS:
                continue
            entity_id = lexicon.phrases.get(phrase) or (
                lexicon.phrases.get(phrase.replace(" ", "")) if size > 1 else None
            )
            if entity_id:
                mentions.append(Mention(entity_id, phrase, start, start + size, 100.0))
                for i in range(start, start + size):
                    claimed[i] = True
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            span = words[start : start + size]
            if any(claimed[start : start + size]) or any(w in STOPWORDS for w in span):
                continue
            phrase = " ".join(span)
            if len(phrase) < 5 or phrase.isdigit():
                continue
            match = process.extractOne(phrase, lexicon.keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if match is None:
                continue
            key, score, _ = match
            mentions.append(Mention(lexicon.phrases[key], phrase, start, start + size, float(score)))
            for i in range(start, start + size):
                claimed[i] = True
    mentions.sort(key=lambda m: m.start)
    unclaimed = [
        i for i, w in enumerate(words) if not claimed[i] and w not in STOPWORDS and not any(ch.isdigit() for ch in w)
    ]
    return mentions, unclaimed
