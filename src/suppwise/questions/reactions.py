"""A sensitivity told as a reaction: "MSG gives me headaches", "I get migraines from MSG", "can't
handle msg", "my son reacts to monosodium glutamate" say the person has MSG sensitivity, which
the base records as a condition with its own warnings (glutamine: avoid). Naming MSG as a thing
("does glutamine contain msg", "is msg the same as glutamine") says nothing of the kind.

Which substance a sensitivity is to comes from the base's names, not from this module: a condition
named "<name> sensitivity" is the sensitivity to the entity that <name> names ("MSG sensitivity"
and MSG, monosodium glutamate). A reaction is read from the grammar around the mention, and is
given to the nearest substance or food named, so "glutamine gives me headaches, is it like MSG"
stays about glutamine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Protocol

# Reaction phrases (normalised text), each ending where the thing reacted to may follow or having
# followed it. Kept to phrases that tell a person's own reaction.
_REACTION = re.compile(
    r"\b("
    r"(give|gives|gave|giving|make|makes|made|making) (me|him|her|us|them|my \w+)|"
    r"(react|reacts|reacted|reacting|reaction|reactions)( badly| really badly)?( to)?|"
    r"(can t|cant|cannot|couldn t|couldnt|can not) (handle|tolerate|stomach)|"
    r"(doesn t|doesnt|does not|don t|dont|didn t|didnt|do not) agree with|"
    r"intoleran(t|ce)|allerg(y|ic|ies)|sensitiv(e|ity)|"
    r"(get|gets|got|getting) (a |an |bad |awful |terrible |really bad )?\w+ (from|after)|"
    r"(break|breaks|broke|breaking) out|"
    r"(trigger|triggers|triggered|set off|sets off|bring on|brings on)"
    r")\b"
)
WINDOW = 7  # words between a reaction phrase and the thing it is about, at most

# "does msg trigger headaches", "can msg set off ibs", "could msg give people migraines": a question
# whether the thing sets off a reaction in anyone, asked with the thing as its subject, tells no
# reaction of the person's own; MSG is then the substance asked about, not the sensitivity.
_ASKING = frozenset({"does", "do", "did", "can", "could", "will", "would", "might", "may"})
_TRIGGERS = re.compile(
    r"(trigger|triggers|set off|sets off|bring on|brings on|"
    r"(give|make) (you|people|anyone|some people|others))\b"
)


def asks_whether_it_triggers(words: Sequence[str], start: int, end: int) -> bool:
    """Whether the thing named at words[start:end] is the subject of a question asking whether it
    triggers something ("does msg trigger headaches"), right after the asking word."""
    if start == 0 or words[start - 1] not in _ASKING:
        return False
    return _TRIGGERS.match(" ".join(words[end : end + 3])) is not None


def tells_a_reaction(normalised: str) -> bool:
    """Whether the text tells of a reaction (to anything): what "would X do that too" points back to."""
    return _REACTION.search(normalised) is not None


class _Mention(Protocol):
    """What this module reads of a mention (`vocabulary.Mention`, frozen)."""

    @property
    def entity_id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def sensitivity_conditions(names: Mapping[str, str], condition_names: Mapping[str, str]) -> dict[str, str]:
    """Entity id -> the sensitivity condition to it: for each condition whose name is "<name>
    sensitivity", the entity <name> names in `names` (the lexicon's phrases)."""
    out: dict[str, str] = {}
    for condition_id, name in condition_names.items():
        words = name.split()
        if len(words) >= 2 and words[-1] == "sensitivity":
            named = names.get(" ".join(words[:-1]))
            if named and named != condition_id:
                out[named] = condition_id
    return out


def reacted_to(words: Sequence[str], things: Sequence[_Mention], candidates: Mapping[str, str]) -> set[int]:
    """Indexes (into `things`, the mentions of substances, foods and medicines) of those with a
    sensitivity condition that a reaction phrase nearby is about: the phrase is within `WINDOW`
    words and no other thing named is nearer to it (symptoms named inside the phrase do not count:
    "I get migraines from MSG")."""
    text = " ".join(words)
    starts = [len(" ".join(words[:i])) + (1 if i else 0) for i in range(len(words))]
    phrases: list[tuple[int, int]] = []  # word span of each reaction phrase
    for match in _REACTION.finditer(text):
        first = max(i for i, s in enumerate(starts) if s <= match.start())
        last = max(i for i, s in enumerate(starts) if s < match.end())
        phrases.append((first, last + 1))
    found: set[int] = set()
    for first, end in phrases:
        def gap(m: _Mention, first: int = first, end: int = end) -> int:
            return m.start - end if m.start >= end else first - m.end if m.end <= first else 0
        near = sorted(range(len(things)), key=lambda k: gap(things[k]))
        if near and things[near[0]].entity_id in candidates and gap(things[near[0]]) <= WINDOW:
            found.add(near[0])
    return found
