"""Running many word patterns over a folded text without scanning the text once per pattern.

Why: the intent rules set aside some eighty idioms ("killing me", "dead tired") before reading a
question, one substitution per idiom, and each substitution scans the whole text even though the
pattern opens with a literal word: a look-behind stands first (`(?<![\\w])`), and it keeps Python's
regular expressions from jumping to the places the first word occurs. Those scans were the largest
single cost of reading a question, and almost all of them find nothing.

A match of such a pattern starts at the start of a word, with one of a few literal strings
(`opening_literals`: "keeps killing me" opens with "keeps"). So `WordGated` indexes every pattern
by the first word of its openings, and for a text runs only the patterns whose opening word (or the
start of it) is one of the text's words: the others cannot match there, and the result is the one
running all of them gives (tests/test_regex_gate.py holds this over the question corpus).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from re import _parser as sre_parse  # type: ignore[attr-defined]  # the standard library's own parser of patterns
from typing import Any

__all__ = [
    "Alternatives",
    "GatedPattern",
    "SharedGate",
    "WordGated",
    "folded_words",
    "group_syntax",
    "opening_literals",
    "required_strings",
    "top_level_branches",
]

# How many characters of a match's opening are kept (enough to tell words apart), and how many
# distinct openings a pattern may have before it is simply always run.
_MAX_CHARS = 8
_MAX_OPENINGS = 1024
# How many words' lookups an index keeps (a few hundred kilobytes at most), and how many texts'
# words and candidates are kept: the texts of the last few dozen questions, enough for the gates
# that read one question's texts in turn (4096 cost a process that reads thousands some 14 MB).
_WORDS_KEPT = 20_000
_TEXTS_KEPT = 512
# What makes a pattern match only at the start of a word: the look-behind, or a word boundary
# followed (as every filed literal is) by a letter or digit.
_WORD_STARTS = ("(?<![\\w])", "\\b")
# The folded text the index is exact for: words of letters and digits, separated by spaces or by
# commas (the crisis reader blanks an idiom set aside with " , ").
_FOLDED = re.compile(r"[a-z0-9 ,]*")
_SEPARATORS = re.compile(r"[ ,]+")
# An opening literal the index can file: letters, digits and spaces, starting with a letter or digit.
# One holding anything else (a comma, an apostrophe) is always run, since the text's words are split
# at commas and such a literal's first word would never be found among them.
_FILED = re.compile(r"[a-z0-9][a-z0-9 ]*")
# A word of a folded text, as `folded_words` splits it: a run of letters and digits.
_WORD_RUN = re.compile(r"[a-z0-9]+")

_ZERO_WIDTH = frozenset({sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT})
_REPEATS = frozenset({sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT})


class _Open(Exception):
    """A match may open with too many different strings, or case-insensitively."""


def opening_literals(pattern: re.Pattern[str], *, folded: bool = False) -> tuple[str, ...] | None:
    """Literal strings (at most eight characters) one of which every match of `pattern` starts
    with, or None when there is no such short list (a match may open with a character class, with
    too many alternatives, or the pattern ignores case).

    `folded`: the list for the matches in a folded text (`_FOLDED`: letters, digits, spaces and
    commas), which is all an index is used on. There a class opening the match (`\\d+`, `[0-9]`,
    `\\w+er`) names the characters it may stand for (`_class_openings`), and an opening a folded
    text cannot hold ("long-ter", "normal?", "curará", "U") is left out: no match opens with it."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        found = _prefixes(list(sre_parse.parse(pattern.pattern, pattern.flags)), _MAX_CHARS, first=folded)
    except _Open:
        return None
    if folded:
        found = {literal for literal in found if _FOLDED_SET.issuperset(literal)}
    return None if "" in found else tuple(sorted(found))


def _prefixes(items: list[Any], room: int, *, first: bool = False) -> set[str]:
    """The strings (at most `room` characters) every match of the node sequence `items` opens with;
    "" among them when a match may open with something no literal names. `first`: nothing of the
    match comes before `items`, so a character class standing there names its characters
    (`_class_openings`)."""
    if room == 0 or not items:
        return {""}
    (op, arg), rest = items[0], items[1:]
    if op is sre_parse.LITERAL:
        found = {chr(arg) + tail for tail in _prefixes(rest, room - 1)}
    elif op in _ZERO_WIDTH:
        found = _prefixes(rest, room, first=first)
    elif op is sre_parse.SUBPATTERN:
        if arg[1] & re.IGNORECASE:
            raise _Open
        found = _prefixes([*arg[-1], *rest], room, first=first)
    elif op is sre_parse.BRANCH:
        found = set().union(*(_prefixes([*branch, *rest], room, first=first) for branch in arg[1]))
    elif op in _REPEATS:
        low, high, item = arg
        # one occurrence goes on into the rest; of several, what follows one may be another, so
        # the opening ends with the first occurrence
        found = _prefixes([*item, *rest] if high == 1 else list(item), room, first=first)
        if low == 0:
            found |= _prefixes(rest, room, first=first)
    elif op is sre_parse.IN and first:  # a class opening the match: the opening is its one character
        found = _class_openings(arg)
    else:  # a character class further on, any character, a back reference: the opening ends here
        found = {""}
    if len(found) > _MAX_OPENINGS:
        raise _Open
    return found


# The characters of a folded text (`_FOLDED`), the only text an index is used on.
_FOLDED_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789 ,"
_FOLDED_SET = frozenset(_FOLDED_CHARACTERS)
_CATEGORIES = {
    sre_parse.CATEGORY_DIGIT: frozenset("0123456789"),
    sre_parse.CATEGORY_WORD: frozenset(_FOLDED_CHARACTERS) - {" ", ","},
    sre_parse.CATEGORY_SPACE: frozenset(" "),
}
_NOT_CATEGORIES = {
    sre_parse.CATEGORY_NOT_DIGIT: sre_parse.CATEGORY_DIGIT,
    sre_parse.CATEGORY_NOT_WORD: sre_parse.CATEGORY_WORD,
    sre_parse.CATEGORY_NOT_SPACE: sre_parse.CATEGORY_SPACE,
}


def _class_openings(items: list[Any]) -> set[str]:
    """The characters of a folded text a class (`[0-9]`, `\\d`, `\\w`) opening a match may stand for,
    each an opening of one character; {""} (not filed) when it may stand for a space or a comma, or
    is written with anything this does not read.

    Why: a match of `(?<![\\w])(\\d+ (mg|scoops)|...)` opens at the start of a word, with a digit, so
    on a folded text it can start only where a word opens with one of the ten digits. Read as one
    character openings, such a pattern is filed (matched at the few words opening with a digit)
    instead of always searched whole. Exact only on a folded text, where the index is used: there a
    class standing for letters and digits alone opens a word wherever it matches after `(?<![\\w])`
    or `\\b`."""
    negate = False
    chars: set[str] = set()
    for op, arg in items:
        if op is sre_parse.NEGATE:
            negate = True
        elif op is sre_parse.LITERAL:
            chars.add(chr(arg))
        elif op is sre_parse.RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1) if chr(code) in _FOLDED_SET)
        elif op is sre_parse.CATEGORY and arg in _CATEGORIES:
            chars |= _CATEGORIES[arg]
        elif op is sre_parse.CATEGORY and arg in _NOT_CATEGORIES:
            chars |= _FOLDED_SET - _CATEGORIES[_NOT_CATEGORIES[arg]]
        else:
            return {""}
    chars = set(_FOLDED_SET - chars if negate else chars & _FOLDED_SET)
    return {""} if chars & {" ", ","} else chars


@lru_cache(maxsize=_TEXTS_KEPT)
def folded_words(text: str) -> frozenset[str] | None:
    """The words of a folded text (split at spaces and commas), or None when `text` is not folded and
    no index is exact for it. Made once per text and shared by every gate: one question's text is
    looked up by several gates (the intent idioms, the two large intent patterns, every whole-word
    rule pattern), and the crisis reader's folded text by its contractions, idioms and signals."""
    if not _FOLDED.fullmatch(text):
        return None
    words = set(_SEPARATORS.split(text))
    words.discard("")
    return frozenset(words)


# At most this many strings in a pattern's required list (`required_strings`): a longer list costs
# more to test than the search it would save.
_MAX_REQUIRED = 16


def required_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` holds, or None when there is no short list (the
    pattern ignores case, or a match may be made of classes and repeats alone). Where a match must
    hold one of several such lists (a sequence of parts), the one whose shortest string is longest
    is kept: "(is|are) (\\w+ ){0,4}poisonous" needs "poisonous", which few texts hold."""
    if pattern.flags & re.IGNORECASE:
        return None
    found = _required(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    return None if found is None else tuple(sorted(found))


def _required(items: list[Any]) -> frozenset[str] | None:
    """`required_strings` of a node sequence: each run of literal characters is one choice, each part
    every match holds once at least (a group, an alternation each of whose branches has a list, a
    repeat of at least one) is another, and the best of them is kept."""
    choices: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is sre_parse.LITERAL:
            run += chr(arg)
            continue
        if run:
            choices.append(frozenset((run,)))
            run = ""
        inner: frozenset[str] | None = None
        if op is sre_parse.SUBPATTERN and not arg[1] & re.IGNORECASE:
            inner = _required(list(arg[-1]))
        elif op is sre_parse.BRANCH:
            branches = [_required(list(branch)) for branch in arg[1]]
            if all(branch is not None for branch in branches):
                inner = frozenset().union(*(branch for branch in branches if branch is not None))
        elif op in _REPEATS and arg[0] >= 1:
            inner = _required(list(arg[2]))
        # anything else (a class, any character, an assertion, a back reference) holds no literal
        if inner is not None and len(inner) <= _MAX_REQUIRED:
            choices.append(inner)
    if run:
        choices.append(frozenset((run,)))
    return max(choices, key=lambda choice: (min(map(len, choice)), -len(choice))) if choices else None


def _needed(pattern: re.Pattern[str]) -> str | tuple[str, ...] | None:
    """`required_strings`, a single string as itself (tested with one `in`)."""
    found = required_strings(pattern)
    return found[0] if found is not None and len(found) == 1 else found


def _holds(text: str, needed: str | tuple[str, ...] | None) -> bool:
    """Whether `text` holds what a pattern's matches need (`_needed`): nothing, a string, or one of several."""
    return needed is None or (needed in text if isinstance(needed, str) else any(s in text for s in needed))


class WordGated:
    """Patterns applied in order (`sub_all`), each run only where it may match.

    A pattern is indexed when it opens with the word-start look-behind and has opening literals
    that start with a letter or digit; each literal is filed under its first word when it goes on
    past a space (that word must then be one of the text's words), else as the start of a word.
    Any other pattern is always run, and so is every pattern on a text that is not folded (letters,
    digits and spaces only), where word starts are not where the index assumes."""

    def __init__(self, patterns: Sequence[re.Pattern[str]], *, index_after: int = 0) -> None:
        """`index_after`: how many texts to run every pattern over before the index is made. Making
        it parses every pattern again (some 40 ms for the idioms), which one `suppwise ask` in a
        fresh process would pay for nothing; a process that reads many questions repays it within a
        few hundred."""
        self.patterns = tuple(patterns)
        self._index_after = index_after
        self._runs = 0
        self._index: _Index | None = _Index(self.patterns) if index_after <= 0 else None

    def may_match(self, text: str) -> set[int]:
        """The indexes of the patterns that may match `text`: every one before the index is made, and
        on a text that is not folded."""
        return set(self.ordered(text))

    def ordered(self, text: str) -> Sequence[int]:
        """`may_match(text)` in the patterns' order."""
        index = self._index
        if index is None:
            return range(len(self.patterns))
        return index.candidates(text)

    def count_run(self) -> None:
        """Count one text read; the index is made once `index_after` texts were read (a caller of
        `may_match` alone counts its texts with this)."""
        if self._index is None:
            self._runs += 1
            if self._runs > self._index_after:
                self._index = _Index(self.patterns)  # a race at worst makes it twice

    def sub_all(self, replacement: str, text: str) -> str:
        """`text` with every pattern in turn replaced by `replacement`, as `pattern.sub` in a loop
        gives it."""
        return self.run(text, lambda index, current: self.patterns[index].sub(replacement, current))

    def run(self, text: str, step: Callable[[int, str], str]) -> str:
        """`text` passed through `step(index, text)` for each pattern in turn, as a plain loop over
        all of them gives it, provided a step leaves a text its pattern does not match unchanged
        (a substitution does; so does one made only under a further condition). After a change the
        text is indexed again: it may now hold what a pattern further on matches."""
        self.count_run()
        candidates = self.ordered(text)
        position = 0
        while position < len(candidates):
            index = candidates[position]
            changed = step(index, text)
            position += 1
            if changed != text:
                text = changed
                candidates = [later for later in self.ordered(text) if later > index]
                position = 0
        return text


class _Index:
    """`WordGated`'s index: the patterns always run, and the others by their openings' first word
    (a literal that goes on past a space) or by the start of a word (one that does not); and for
    each pattern, whether the text holds a string its matches need (`required_strings`).

    Both are read per word of a folded text, as bit masks: a word's opening bits (the patterns
    that may open there) and its held bits (the patterns one of whose required strings lies inside
    it), each made once per word. A required string of letters and digits alone lies inside one
    word of a folded text whenever the text holds it, since words are the runs of letters and
    digits; a pattern needing a string with anything else in it (a space) is tested on the text
    itself (`direct_mask`)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        always: set[int] = set()
        by_word: dict[str, set[int]] = {}
        by_start: dict[str, set[int]] = {}
        for index, pattern in enumerate(patterns):
            literals = opening_literals(pattern, folded=True) if pattern.pattern.startswith(_WORD_STARTS) else None
            if literals is None or not all(_FILED.fullmatch(literal) for literal in literals):
                always.add(index)
                continue
            for literal in literals:
                word, space, _ = literal.partition(" ")
                (by_word if space else by_start).setdefault(word, set()).add(index)
        self.size = len(patterns)
        self.always = frozenset(always)
        self.always_mask = sum(1 << index for index in always)
        # what each pattern's matches must contain (`required_strings`)
        self.required = tuple(_needed(pattern) for pattern in patterns)
        unheld = direct = 0
        within: dict[str, int] = {}
        for index, needed in enumerate(self.required):
            strings = (needed,) if isinstance(needed, str) else needed
            # Each required string's longest run of letters and digits lies inside a word of any
            # text holding the string: the runs are read per word, and a string with a space in it
            # is then also tested on the text itself (`direct_mask`).
            pieces = [max(_WORD_RUN.findall(string), key=len, default="") for string in strings or ()]
            if not pieces or not all(pieces):
                unheld |= 1 << index
            else:
                for piece in pieces:
                    within[piece] = within.get(piece, 0) | 1 << index
            if strings is not None and not all(_WORD_RUN.fullmatch(string) for string in strings):
                direct |= 1 << index
        self.direct_mask = direct
        self._unheld_mask = unheld  # set whatever the words hold
        self._within = within
        _INSIDE.add(within)
        self.by_word = {word: sum(1 << index for index in found) for word, found in by_word.items()}
        self.by_start = {start: sum(1 << index for index in found) for start, found in by_start.items()}
        # A word's bits (`word_bits`), kept once looked up: the same words come back in question
        # after question. Bounded: cleared when full. A set of words' candidates likewise.
        self._words: dict[str, tuple[int, int]] = {}
        self._word_sets: dict[frozenset[str], int] = {}

    def word_bits(self, word: str) -> tuple[int, int]:
        """The patterns that may open at `word` (by the whole word or by its start), and those one of
        whose required strings lies inside it."""
        found = self._words.get(word)
        if found is None:
            opening = self.by_word.get(word, 0)
            by_start = self.by_start
            for end in range(1, min(len(word), _MAX_CHARS) + 1):
                opening |= by_start.get(word[:end], 0)
            held = 0
            within = self._within
            for string in _INSIDE.strings_inside(word):
                held |= within.get(string, 0)
            found = (opening, held)
            if len(self._words) >= _WORDS_KEPT:
                self._words.clear()
            self._words[word] = found
        return found

    def words_mask(self, words: frozenset[str]) -> int:
        """The patterns a folded text of these words may match: an opening word among them and a
        required string inside one of them (or one to test on the text, `direct_mask`)."""
        found = self._word_sets.get(words)
        if found is None:
            opening, held = self.always_mask, self._unheld_mask
            kept = self._words.get  # `word_bits` written out for the words already looked up
            for word in words:
                word_opening, word_held = kept(word) or self.word_bits(word)
                opening |= word_opening
                held |= word_held
            found = opening & held
            if len(self._word_sets) >= _TEXTS_KEPT:
                self._word_sets.clear()
            self._word_sets[words] = found
        return found

    def candidates(self, text: str) -> list[int]:
        """The patterns `text` may match, in the patterns' order: on a folded text, those of
        `words_mask` (a pattern needing a string with a space tested on the text); on any other, every
        pattern whose required strings the text holds."""
        words = folded_words(text)
        required = self.required
        if words is None:
            return [index for index in range(self.size) if _holds(text, required[index])]
        mask = self.words_mask(words)
        direct = self.direct_mask
        out = []
        while mask:
            low = mask & -mask
            index = low.bit_length() - 1
            if not low & direct or _holds(text, required[index]):
                out.append(index)
            mask ^= low
        return out


class _Inside:
    """Every required string of letters and digits the indexes look for, and for a word the ones it
    holds, found once per word for all of them (a few dictionary probes per length of string)."""

    def __init__(self) -> None:
        self._strings: set[str] = set()
        self._lengths: tuple[int, ...] = ()
        self._words: dict[str, tuple[str, ...]] = {}

    def add(self, strings: dict[str, int]) -> None:
        if not self._strings.issuperset(strings):
            self._strings.update(strings)
            self._lengths = tuple(sorted({len(string) for string in self._strings}))
            self._words = {}

    def strings_inside(self, word: str) -> tuple[str, ...]:
        found = self._words.get(word)
        if found is None:
            strings = self._strings
            size = len(word)
            found = tuple(
                {word[i : i + length] for length in self._lengths if length <= size for i in range(size - length + 1)}
                & strings
            )
            if len(self._words) >= _WORDS_KEPT:
                self._words = {}
            self._words[word] = found
        return found


_INSIDE = _Inside()


def group_syntax(pattern: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """Each character of `pattern` from `start` that is outside escapes and character classes, with its
    index: where group parentheses and alternation bars can stand. Shared by every reader of a
    pattern's group structure (here and `suppwise.safety.crisis_signals`)."""
    i, in_class = start, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # a "]" first in a class is a literal one
                i += 1
        else:
            yield i, char
        i += 1


def top_level_branches(body: str) -> list[str]:
    """`body` split at its top-level `|` (outside groups, character classes and escapes): the
    alternatives a match of `body` is one of."""
    branches: list[str] = []
    depth, start = 0, 0
    for i, char in group_syntax(body):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(body[start:i])
            start = i + 1
    branches.append(body[start:])
    return branches


_HEAD, _TAIL = "(?<![\\w])(", ")(?![\\w])"


class Alternatives:
    """Whether a large alternation of words, `(?<![\\w])(A|B|...)(?![\\w])`, matches anywhere in a
    folded text, found branch by branch behind a word gate.

    Why: Python's regular expressions try every branch of such a pattern at every position of the
    text (no literal prefix lets them jump ahead), so one of the intent rules' large patterns
    (`_ADMIN_STRONG`, a hundred branches) costs tens of microseconds per question, nearly always to
    find nothing. A match of the whole is a match of one branch at one position, so the whole
    matches somewhere exactly when some branch does: each branch becomes its own pattern
    (`(?<![\\w])(B)(?![\\w])`), and `WordGated` runs only those whose opening word the text holds.
    Only whether it matches is answered (a branch's match is not the whole pattern's leftmost one);
    a pattern with a back reference, or a text that is not folded, is searched whole."""

    def __init__(self, pattern: re.Pattern[str] | GatedPattern, *, index_after: int = 300) -> None:
        self.pattern = pattern
        source = pattern.pattern
        split = source.startswith(_HEAD) and source.endswith(_TAIL) and not re.search(r"\\\d|\(\?P=", source)
        branches = top_level_branches(source[len(_HEAD) : -len(_TAIL)]) if split else []
        self._gate = WordGated(
            [re.compile(_HEAD + branch + _TAIL, pattern.flags) for branch in branches], index_after=index_after
        ) if len(branches) > 1 else None

    def holds(self, text: str) -> bool:
        """True when the pattern matches somewhere in `text` (as `bool(pattern.search(text))`)."""
        gate = self._gate
        if gate is None:
            return bool(self.pattern.search(text))
        gate.count_run()
        index = gate._index
        words = folded_words(text) if index is not None else None
        if index is None or words is None:
            return bool(self.pattern.search(text))
        patterns = gate.patterns
        return any(patterns[i].search(text) for i in index.candidates(text))


class SharedGate:
    """One word index over patterns that rules search one at a time, each where it likes.

    Why: the intent rules ask some seventy whole-word patterns of one question (`_RESOURCES.search(t)`,
    then `_SIDE_EXPLICIT.search(t)`, ...), each a scan of the whole text, and most of them cannot match:
    their opening word is not in it. A `WordGated` needs its patterns in one list run in one place;
    these are asked from many rule modules, in an order their rules decide. So every such pattern is
    added here (`add`, which `questions.word_pattern.whole_words` does for each rule pattern) and gets
    one bit; a text's words are looked up once (`mask`: the bits of every pattern that may match it,
    kept per text), and a pattern whose bit is clear, or whose required strings the text lacks
    (`required_strings`), is not searched (`GatedPattern`). The index is `WordGated`'s and as exact;
    it is made once `index_after` texts were asked about, and made again if a pattern is added later."""

    def __init__(self, *, index_after: int = 300) -> None:
        self.patterns: list[re.Pattern[str]] = []
        self._index_after = index_after
        self._runs = 0
        self._last = ""
        self._index: _MaskIndex | None = None

    def add(self, pattern: re.Pattern[str]) -> GatedPattern:
        """`pattern`, searched only where its opening word stands once the index is made."""
        self.patterns.append(pattern)
        self._index = None  # made again with this pattern, once asked for
        return GatedPattern(pattern, self, len(self.patterns) - 1)

    def mask(self, text: str) -> int:
        """The bits of the patterns that may match `text` (every bit, -1, before the index is made and
        on a text that is not folded)."""
        index = self._index
        if index is None:
            if text != self._last:
                self._last = text
                self._runs += 1
                if self._runs > self._index_after:
                    self._index = index = _MaskIndex(self.patterns)  # a race at worst makes it twice
            if index is None:
                return -1
        found = index.texts.get(text)
        return index.text_mask(text) if found is None else found


class _MaskIndex(_Index):
    """`_Index` asked one pattern at a time: a text's candidates as one integer (`words_mask`), kept
    per text, and where its words start (`starts`)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        super().__init__(patterns)
        self.texts: dict[str, int] = {}
        self._starts: dict[str, tuple[tuple[int, int], ...]] = {}

    def text_mask(self, text: str) -> int:
        words = folded_words(text)
        found = -1 if words is None else self.words_mask(words)
        if len(self.texts) >= _TEXTS_KEPT:
            self.texts.clear()
        self.texts[text] = found
        return found

    def starts(self, text: str) -> tuple[tuple[int, int], ...]:
        """Where each word of a folded text starts, with the bits of the patterns that may open there
        (`word_bits`), words no indexed pattern opens with left out; kept per text.

        Why: a filed pattern's match opens, at the start of a word, with one of its opening literals
        (letters, digits and spaces, starting with a letter or digit), so it can start only where the
        word standing there is one its index files it under. Searching the whole text tries every
        branch of a large alternation at every word (some 5-60 µs for the rule patterns of a hundred
        branches); matching only at these few places finds the same leftmost match."""
        found = self._starts.get(text)
        if found is None:
            bits = self.word_bits
            found = tuple(
                (start, mask) for start, mask in ((m.start(), bits(m.group())[0]) for m in _WORD_RUN.finditer(text))
                if mask
            )
            if len(self._starts) >= _TEXTS_KEPT:
                self._starts.clear()
            self._starts[text] = found
        return found


_WHOLE = sys.maxsize


class GatedPattern:
    """A compiled pattern not searched where `SharedGate` says it cannot match: `search`,
    `sub`, `subn`, `findall` and `finditer` give what the pattern's own methods give (nothing found,
    the text unchanged) without scanning the text; everything else is the pattern's own. `pattern`
    and `flags` are the source's, so a gated pattern can be read or split as the compiled one."""

    __slots__ = ("_bit", "_gate", "compiled", "flags", "pattern")

    def __init__(self, compiled: re.Pattern[str], gate: SharedGate, bit: int) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self._gate = gate
        self._bit = bit

    def _may_match(self, text: str) -> bool:
        found = self._gate.mask(text)
        bit = self._bit
        if not found >> bit & 1:
            return False
        index = self._gate._index
        return index is None or (not (found == -1 or index.direct_mask >> bit & 1)
                                 or _holds(text, index.required[bit]))

    def search(self, string: str, pos: int = 0, endpos: int = _WHOLE) -> re.Match[str] | None:
        # `mask` written out: this is asked some seventy times per question
        if pos or endpos != _WHOLE:  # a window of the text: its words are not the text's
            return self.compiled.search(string, pos, endpos)
        index = self._gate._index
        if index is None:
            return self.compiled.search(string) if self._may_match(string) else None
        found = index.texts.get(string)
        if found is None:
            found = index.text_mask(string)
        bit = self._bit
        if not found >> bit & 1:
            return None
        if found == -1:  # not folded: the required strings tested on the text, the whole text searched
            return self.compiled.search(string) if _holds(string, index.required[bit]) else None
        if index.direct_mask >> bit & 1 and not _holds(string, index.required[bit]):
            return None
        if bit in index.always:  # no opening the index files
            return self.compiled.search(string)
        # a match opens at the start of a word its index files it under (`_MaskIndex.starts`): the
        # leftmost of the matches tried there, in order, is the one a search of the whole text finds
        match = self.compiled.match
        for start, mask in index.starts(string):
            if mask >> bit & 1:
                hit = match(string, start)
                if hit is not None:
                    return hit
        return None

    def match(self, string: str, pos: int = 0, endpos: int = _WHOLE) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _WHOLE) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count) if self._may_match(string) else string

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled.subn(repl, string, count) if self._may_match(string) else (string, 0)

    def findall(self, string: str, pos: int = 0, endpos: int = _WHOLE) -> list[Any]:
        if pos or endpos != _WHOLE or self._may_match(string):
            return self.compiled.findall(string, pos, endpos)
        return []

    def finditer(self, string: str, pos: int = 0, endpos: int = _WHOLE) -> Iterator[re.Match[str]]:
        if pos or endpos != _WHOLE or self._may_match(string):
            return self.compiled.finditer(string, pos, endpos)
        return iter(())

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled.split(string, maxsplit)

    @property
    def groups(self) -> int:
        return self.compiled.groups

    @property
    def groupindex(self) -> Any:
        return self.compiled.groupindex

    def __repr__(self) -> str:
        return f"GatedPattern({self.compiled!r})"
