"""Voices the English rules read badly, brought into the shape they read (issue 12, set f's voices).

Three ways a question is built that hide its predicate from the rules:

- **A pasted label before the question.** "Supplement Facts: Serving size 2 capsules. Magnesium 200 mg
  48% DV. -- is this a good dose for sleep?" The label's words ("Keep out of reach of children", "if
  pregnant or nursing", "taking medication", "rice flour") are not what is asked: `pasted_label`
  splits the label from the question, so that intent and population are read from the question
  while the label's names (the substance) still count as entities.
- **Portuguese and Italian.** A small word table (`_FOREIGN`) reads their question words as the
  English ones, as `intent._QUESTION_WORDS` does for Spanish, Polish, French and German: "posso
  tomar/prendere" is "can i take", "faz mal / fa male" is "bad for", "qual é melhor / è meglio" is
  "which is better", "ou" is "or". The names (iperico, pillola, rins, fegato, infiammazione) are
  synonyms in the evidence base and the life stages (grávida, incinta, amamentando, idosos, anziani,
  "di 8 anni") are population cues (`safety.populations`). A word table is enough here: the rules
  read a handful of question words, not the grammar, and no maintained library maps another
  language's question onto these intents.
- **Text-speak.** "2gether", "dmg", "idk", and a trailing "y" for why ("makes me groggy y").

Everything here works on normalised text (lower case, accents dropped, letters and digits only).
"""

from __future__ import annotations

import re

from suppwise.questions.word_tables import WordTable

__all__ = ["VOICE_PATTERNS", "pasted_label", "plain_voice", "wishes_it_for_a_goal"]

# ---------------------------------------------------------------------------------------------------
# Pasted label text

# How a pasted label opens: a panel heading, a "label says:", or a quotation mark.
_LABEL_OPENS = re.compile(
    r"^\s*(?:['\"‘“]|(?:the )?(?:label|bottle|packet|box|tub|jar|leaflet|pack) (?:says|reads|states)\b|"
    r"(?:supplement|nutrition) facts\b|warnings?\s*[:!-]|cautions?\s*[:!-]|directions( for use)?\s*[:-]|"
    r"(?:other )?ingredients\s*[:-]|suggested use\s*[:-]|serving size\b)",
    re.IGNORECASE,
)
# What a label's sentences hold: amounts per serving, directions, storage, the standard warnings.
_LABEL_TEXT = re.compile(
    r"\b(supplement facts|nutrition facts|serving size|servings? per|% ?dv|daily value|ingredients|"
    r"directions|suggested use|warnings?|cautions?|consult (your|a) (physician|doctor|healthcare)|"
    r"keep out of (the )?reach|store (in|at|below)|do not exceed|not (suitable|intended|recommended) for|"
    r"if (you are )?pregnant|each (capsule|tablet|softgel|serving|scoop|sachet|gummy)|"
    r"(take|adults take|adults) \d+(-\d+)? (capsules?|tablets?|softgels?|caps|gummies|scoops?|drops?)|"
    r"\d+ ?(mg|mcg|ug|iu|g)\b.*\(|\((as|from) [^)]*\)|label says)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^\s*(['\"‘“])(?P<label>.+?)(['\"’”])\s*[-:—–]*\s*(?P<rest>\S.*)$", re.DOTALL)
_PIECES = re.compile(r"(?<=[.!?])\s+|\s+(?:--+|[-—–])\s+")


def pasted_label(text: str) -> tuple[str, str] | None:
    """(label, question) when the message opens with pasted label text and then asks something; None
    otherwise. The question is what follows the label's last sentence."""
    if not _LABEL_OPENS.match(text):
        return None
    quoted = _QUOTED.match(text)
    if quoted and _LABEL_TEXT.search(quoted.group("label")):
        label, rest = quoted.group("label"), quoted.group("rest")
        return (label, rest) if re.search(r"[a-z]", rest, re.IGNORECASE) else None
    pieces = [p for p in _PIECES.split(text.strip()) if p.strip()]
    taken = 0
    for piece in pieces:
        if taken and not _LABEL_TEXT.search(piece) and not piece.rstrip().endswith(":"):
            break
        taken += 1
    if taken == 0 or taken >= len(pieces):
        return None
    question = " ".join(pieces[taken:])
    label = text[: len(text) - len(question)] if text.endswith(question) else " ".join(pieces[:taken])
    return label, question


# ---------------------------------------------------------------------------------------------------
# Portuguese, Italian and text-speak question words, read as the English ones (normalised text)

_FOREIGN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(posso|podemos|puoi|pode|posso io) (tomar|prendere|usar|usare|dar|dare)\b"), "can i take"),
    (re.compile(r"\b(fa|fanno|faz|fazem) (male|mal)( (a|ao|aos|as|para|per|al|alla|ai|agli|in|na|no|nella))?\b"),
     "is it bad for"),
    (re.compile(r"\b(fa|fanno|faz|fazem) (bene|bem)( (a|ao|para|per|al|alla|ai))?\b"), "is it good for"),
    (re.compile(r"\b(e|sono|sao) (segur[oa]s?|sicur[oa]|sicuri|sicure)\b"), "is it safe"),
    (re.compile(r"\b(qual|quale|cual) (e )?(o |il |el )?(melhor|meglio|mejor)\b|\b(e|es) (meglio|melhor|mejor)\b"),
     "which is better"),
    (re.compile(r"\b(effetti (collaterali|indesiderati|secondari)|efeitos (colaterais|secundarios|adversos))\b"),
     "side effects"),
    (re.compile(r"\b(pode|puo|puede) (causar|causare|provocar|provocare|dare)\b"), "can it cause"),
    (re.compile(r"\b(peggiora\w*|piora\w*|empeora\w*)\b"), "make worse"),
    (re.compile(r"\b(aiuta|aiutano|ajuda|ajudam|funziona|funcionam?)\b"), "help"),
    (re.compile(r"\b(dosagem|dosaggio|dosaje)\b"), "dose"),
    (re.compile(r"\bquant[oa]\b"), "how much"),
    (re.compile(r"^(perche|por que|porque|pq) "), "why "),
    (re.compile(r"\b(come|como) (funziona|funciona|agisce|age|actua)\b"), "how does it work"),
    (re.compile(r"\b(con|com|insieme a|junto com|junto con)\b"), "with"),
    (re.compile(r"\bou\b"), "or"),
    # text-speak
    (re.compile(r"\b(2gether|2getha|2gthr|togeter|togther)\b"), "together"),
    (re.compile(r"\bdmg\b"), "damage"),
    (re.compile(r"\bidk\b"), "i dont know"),
    (re.compile(r"^y (do|does|did|is|are|would|does|cant|can|should|am)\b"), r"why \1"),
)
# The patterns alone: the words they spell are never "corrected" by the spelling layer (questions/spelling.py)
VOICE_PATTERNS = tuple(pattern for pattern, _ in _FOREIGN)
_FOREIGN_TABLE = WordTable(_FOREIGN)
# Italian "o" is "or" ("la curcuma o l'omega 3 per l'infiammazione"); Portuguese "o" is "the", which
# follows a preposition or opens the sentence ("para o", "com o", "o magnésio ajuda").
_ITALIAN_OR = re.compile(r"(?<=\w) o (?=\w)")
_PT_BEFORE_ARTICLE = re.compile(
    r"\b(para|com|que|de|do|da|pelo|pela|sobre|em|no|na|por|e|a|se|tomar|usar|meu|minha|with|for|is it)$"
)
# A trailing "y" asks why of the statement before it: "melatonin makes me groggy nxt day y".
_TRAILING_WHY = re.compile(r"^(?P<said>\w+( \w+){2,}) y$")


def plain_voice(text: str) -> str:
    """Normalised text with Portuguese, Italian and text-speak question words read as English ones."""
    text = _FOREIGN_TABLE.apply(text)  # each pattern of _FOREIGN in turn, where it may match

    def italian_or(match: re.Match[str]) -> str:
        before = text[: match.start()].rstrip()
        return match.group(0) if _PT_BEFORE_ARTICLE.search(before) else " or "

    text = _ITALIAN_OR.sub(italian_or, text)
    why = _TRAILING_WHY.match(text)
    if why:
        text = f"why {why.group('said')}"
    return text


# ---------------------------------------------------------------------------------------------------
# A wish to take it for a goal, told of someone ("my 14yo daughter wants to take omega 3 for her
# spots", "my 15yo wants to try melatonin cos he cant sleep"): whether it serves the goal (effect),
# even though the person named is a child; a safety word asked beside it ("is that ok") is read first.
_WISH_FOR_A_GOAL = re.compile(
    r"\b(wants?|wanted|would like|d like|is keen|keeps asking|asked|asking) (to )?(take|try|start|use|have|go on) "
    r"(some |the |a )?zzsubstance( \w+){0,2} (for|cos|coz|because|bc|since|to help|to get|to stop|to sleep|to calm)\b"
)


def wishes_it_for_a_goal(text: str) -> bool:
    """A wish to take the (framed) substance for a goal, on framed normalised text."""
    return bool(_WISH_FOR_A_GOAL.search(text))
