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
from suppwise.questions.record_mentions import record_texts, sentences
from suppwise.questions.word_pattern import whole_words

# the stopping word, then up to three words ("taking", "my", "the") before the supplement
_STOP = whole_words(
    r"stop|stopping|stopped|quit|quitting|come off|coming off|get off|getting off|wean off|weaning off|"
    r"cold turkey|withdrawal|withdrawals|taper|tapering"
)


def asks_about_stopping(query: Query, substance: str) -> bool:
    """True when the question speaks of stopping the supplement itself: a stopping word within four
    words before its name ("stop taking 5-HTP"), or a withdrawal word anywhere beside it ("5-HTP
    withdrawal"). "Should I stop my sertraline to take St John's wort" stops something else."""
    words = query.normalised.split()
    named = [m for m in query.mentions if m.entity_id == substance]
    if not named:
        return False
    for m in named:
        before = " ".join(words[max(0, m.start - 4) : m.start])
        after = " ".join(words[m.end : m.end + 2])
        if _STOP.search(before) or re.match(r"(withdrawal|withdrawals)\b", after):
            # another named thing between the word and the supplement ("stop my sertraline and
            # take St John's wort") means the stopping is of that
            between = [x for x in query.mentions if x.entity_id != substance and x.end <= m.start]
            if not any(x.start >= m.start - 4 for x in between):
                return True
    return False


def stopping_sentences(base: EvidenceBase, substance: str) -> list[str]:
    """The sentences of the supplement's records about stopping it: "stopping it", "stopping the
    herb", "stopping <its name>", "when stopping", or tapering, each once."""
    entity = base.entities[substance]
    names = "|".join(re.escape(n.lower()) for n in (entity.name, *entity.synonyms) if len(n) >= 3)
    itself = whole_words(
        rf"(stopping|stop|stopped)( or \w+)?( taking)?( the)? (it|herb|supplement|{names})|when stopping|"
        r"taper\w*|withdrawal"
    )
    found: list[str] = []
    for about, text in record_texts(base, substance):
        for sentence in sentences(text):
            said = f"{about}: {sentence}" if about else sentence
            if itself.search(sentence.lower()) and said not in found:
                found.append(said)
    return found
