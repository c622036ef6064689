"""Questions about stopping a supplement ("what happens if I stop taking 5-HTP suddenly").

Such a question was answered with the usual dose, which says nothing about stopping. The records
that do speak of stopping the supplement itself are quoted (St John's wort: medicine levels change
again as the herb wears off; L-methylfolate: no tapering needed, but talk to the prescriber); when
none does, the answer says that the base records nothing on stopping it, which is true and does not
pass for reassurance. Stopping a prescribed medicine is another matter, with its own warning
(safety/medication_change.py).
"""

from __future__ import annotations

import re

from suppwise.evidence.base import EvidenceBase
from suppwise.questions.parse import Query
from suppwise.questions.record_mentions import Quote, quotes, record_texts
from suppwise.questions.word_pattern import word_regex

# the stopping word, then at most a verb of taking and a determiner, then the supplement: "stop taking
# 5-HTP", "come off her melatonin", "quit the fish oil"; not "stop sending me glutamine notifications"
# or "can't stop crying, would saffron help"
_STOP_BEFORE = re.compile(
    r"\b(stop|stopping|quit|quitting|come off|coming off|get off|getting off|wean off|weaning off|taper off|"
    r"tapering off|withdrawal( symptoms)? (from|of|after))( (taking|using|having|giving))?"
    r"( (the|my|her|his|your|their|our))?$"
)
_WITHDRAWAL_AFTER = re.compile(r"^(withdrawal|withdrawals)\b")


def asks_about_stopping(query: Query, substance: str) -> bool:
    """True when the question is about coming off the supplement itself ("what happens if I stop
    taking 5-HTP suddenly", "5-HTP withdrawal"). Not when it names a symptom, a condition, a medicine
    or a stage of life: "my stomach is upset, should I stop the magnesium" is answered by the records
    on that symptom, "do I need to stop melatonin if I'm pregnant" by the warning. Not in a message
    read as a possible crisis, whose answer follows docs/crisis.md; not "does food stop the glutamine
    from working", which is about preventing an effect."""
    if query.reading.tier is not None or query.crisis:
        return False
    if query.outcomes or query.conditions or query.drugs or query.populations or query.unknown_medicines:
        return False
    words = query.normalised.split()
    for m in query.mentions:
        if m.entity_id != substance:
            continue
        before = " ".join(words[max(0, m.start - 4) : m.start])
        after = " ".join(words[m.end : m.end + 2])
        if _WITHDRAWAL_AFTER.match(after):
            return True
        if _STOP_BEFORE.search(before) and not after.startswith("from"):
            return True
    return False


def stopping_sentences(base: EvidenceBase, substance: str) -> list[Quote]:
    """The sentences of the supplement's records about stopping it: "stopping it", "stopping the
    herb", "stopping <its name>", "when stopping", or tapering, each once."""
    entity = base.entities[substance]
    names = "|".join(re.escape(n.lower()) for n in (entity.name, *entity.synonyms) if len(n) >= 3)
    itself = word_regex(
        rf"(stopping|stop|stopped)( or \w+)?( taking)?( the)? (it|herb|supplement|{names})|when stopping|"
        r"taper\w*|withdrawal"
    )
    found: list[Quote] = []
    for record in record_texts(base, substance):
        for quote in quotes(record):
            if itself.search(quote.text.lower()) and quote.text not in {x.text for x in found}:
                found.append(quote)
    return found
