"""Small linear text classifiers, trained offline on our own labelled data and read at run time
with the standard library only.

Hand-written rules read the wordings they were written for; a person in distress, or simply asking,
writes in endless other ways. A linear model over character and word n-grams generalises to
near-wordings (a new verb form, a typo, a synonym in a familiar frame) that no rule names, so the
crisis detector and the intent reader each combine their rules with one (docs/crisis.md,
docs/question-understanding.md, where the designs compared are recorded).

Features (`features`): the text's words, adjacent word pairs, and the character 3-, 4- and 5-grams
of every word padded with spaces (so "suicidal" and "suicdal" share most of theirs), each hashed
with CRC-32 into 2**bits buckets, present or absent, scaled to unit length. Hashing means no
vocabulary is shipped or loaded: a model file is a JSON header (labels, biases, the weight scale,
the decision threshold, what it was trained on) and one signed byte per class and bucket.

Format 2 adds optional feature families, named in the header's `features` list (`EXTRAS`): word
triples, the first words of the question by position, the question words present, whether a number
is written, and character n-grams across the whole text instead of per word (`textchars`). They were
compared for the intent model in the twelfth round (docs/question-understanding.md); a format 1
file has none of them and is read exactly as before.

Training is `tools/train_text_models.py` (scikit-learn's logistic regression on exactly these
features; scikit-learn is needed only there). Run time needs no NumPy: importing it would cost
every `suppwise ask` about a hundred milliseconds of cold start, more than the whole model.
"""

from __future__ import annotations

import json
import math
from array import array
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from zlib import crc32

__all__ = ["EXTRAS", "FORMAT", "LinearTextModel", "features", "load_model"]

FORMAT = "suppwise-linear-text-model/1"
FORMAT_2 = "suppwise-linear-text-model/2"
CHAR_NGRAMS = (3, 4, 5)
# The words that open or carry a question: where one stands says more about what is asked than
# the rest of the sentence ("how much", "can i", "what are", "is it", "which foods").
QUESTION_WORDS = frozenset({
    "what", "which", "how", "why", "when", "where", "who", "whats", "is", "are", "can", "could",
    "should", "does", "do", "will", "would", "may", "any", "ok", "okay", "safe",
})


def _char_ngrams(padded: str) -> set[str]:
    return {"c" + padded[i : i + n] for n in CHAR_NGRAMS for i in range(len(padded) - n + 1)}


def _trigrams(words: list[str]) -> set[str]:
    """Word triples: a frame of three words ("how much zzsubstance") is one cue, not three."""
    return {"t " + " ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def _start(words: list[str]) -> set[str]:
    """The first word and the first two by position: a question's opening names what it asks."""
    return {"s0 " + " ".join(words[:1]), "s1 " + " ".join(words[:2])} if words else set()


def _question_words(words: list[str]) -> set[str]:
    """Each question word present, and the first of them (`QUESTION_WORDS`)."""
    found = [w for w in words if w in QUESTION_WORDS]
    return {"q " + w for w in found} | ({"q0 " + found[0]} if found else set())


def _number(words: list[str]) -> set[str]:
    """Whether an amount or count is written in figures ("500mg", "2 a day"): asked amounts are dosing."""
    return {"n"} if any(c.isdigit() for w in words for c in w) else set()


EXTRAS = {"trigrams": _trigrams, "start": _start, "qwords": _question_words, "number": _number}
TEXTCHARS = "textchars"  # character n-grams of the whole text in place of per word


def feature_names(text: str, extras: tuple[str, ...] = ()) -> set[str]:
    """Every feature of an already folded text (lower case, words separated by single spaces);
    `extras` names the optional families (`EXTRAS`, `TEXTCHARS`) a format 2 model was trained with.
    Lower-cased again here so that no caller's casing can change a feature (a no-op on folded text)."""
    words = text.lower().split()
    names: set[str] = set()
    for word in words:
        names.update(_word_names(word))
    names.update(_context_names(words, extras))
    return names


def _word_names(word: str) -> set[str]:
    """The features of one word alone: the word, and its character n-grams padded with spaces."""
    return {"w " + word, *_char_ngrams(" " + word + " ")}


def _context_names(words: list[str], extras: tuple[str, ...]) -> set[str]:
    """The features beyond each word alone: word pairs, the extras, and with `TEXTCHARS` the
    character n-grams that run across a space from one word into the next (the text's other
    n-grams lie inside one padded word, so they are `_word_names`' already)."""
    names = {"b " + a + " " + b for a, b in pairwise(words)}
    if TEXTCHARS in extras:
        names.update(_across_words(" " + " ".join(words) + " "))
    for extra in extras:
        if extra != TEXTCHARS:
            names.update(EXTRAS[extra](words))
    return names


def _across_words(padded: str) -> set[str]:
    """The character n-grams of a padded text that hold the last letter of one word and the first
    of the next: those starting at most n - 2 before an inner space and ending after it."""
    found: set[str] = set()
    for space in range(1, len(padded) - 1):
        if padded[space] != " ":
            continue
        for n in CHAR_NGRAMS:
            for start in range(max(0, space + 2 - n), space):
                if start + n <= len(padded):
                    found.add("c" + padded[start : start + n])
    return found


def features(text: str, bits: int, extras: tuple[str, ...] = ()) -> list[int]:
    """The hashed feature buckets of a folded text, sorted, each once. A word's own features are
    hashed once per process (`_word_buckets`): words recur across questions, and hashing every
    n-gram of every word anew was most of the intent model's time."""
    return sorted(_bucket_set(text, bits, extras))


def _bucket_set(text: str, bits: int, extras: tuple[str, ...]) -> set[int]:
    """`features` unsorted: a model's score is a sum of integers, the same in any order."""
    mask = (1 << bits) - 1
    words = text.lower().split()
    buckets: set[int] = set()
    for word in dict.fromkeys(words):
        buckets.update(_word_buckets(word, mask))
    buckets.update(crc32(name.encode("utf-8")) & mask for name in _context_names(words, extras))
    return buckets


@lru_cache(maxsize=16384)
def _word_buckets(word: str, mask: int) -> frozenset[int]:
    return frozenset(crc32(name.encode("utf-8")) & mask for name in _word_names(word))


_WEIGHT_OFFSET = 128  # a signed byte plus this is in 0..255
_LANE_BITS = 32
_LANE_MASK = (1 << _LANE_BITS) - 1


@dataclass(frozen=True)
class LinearTextModel:
    """One weight per class and hashed feature (signed bytes times `scale`), one bias per class.
    With one label the model is binary: its score is the probability of that label."""

    labels: tuple[str, ...]
    bits: int
    scale: float
    bias: tuple[float, ...]
    rows: tuple[memoryview, ...]  # per class, one signed byte per bucket
    threshold: float
    meta: dict[str, object]
    extras: tuple[str, ...] = ()  # format 2's optional feature families; none in format 1
    # bucket -> its weights in every class, packed into one integer (`_packed`), made on first use
    packed: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    def margins(self, text: str) -> list[float]:
        """The linear score of each class for a folded text. The weights of each class are summed in
        one integer addition per bucket (`_packed`): exact, as summing them class by class was, in a
        tenth of the time for the intent model's fourteen classes."""
        buckets = _bucket_set(text, self.bits, self.extras)
        if not buckets:
            return list(self.bias)
        norm = self.scale / math.sqrt(len(buckets))
        packed = self.packed
        missing = buckets.difference(packed)
        for bucket in missing:
            self._packed(bucket)
        total = sum(map(packed.__getitem__, buckets))  # integers: the order of the sum cannot change it
        offset = _WEIGHT_OFFSET * len(buckets)
        return [
            bias + norm * (((total >> (_LANE_BITS * k)) & _LANE_MASK) - offset) for k, bias in enumerate(self.bias)
        ]

    def _packed(self, bucket: int) -> int:
        """The bucket's weights, one per class, each shifted to be non-negative (plus 128) in a lane
        of 32 bits of one integer: a sum of such integers over a text's buckets holds every class's
        sum in its own lane, with no carry between lanes below 2**24 buckets (255 * 2**24 < 2**32).
        Packed on first use and kept, so a model loads as fast as before."""
        value = 0
        for k, rows in enumerate(self.rows):
            value |= (rows[bucket] + _WEIGHT_OFFSET) << (_LANE_BITS * k)
        self.packed[bucket] = value
        return value

    def probability(self, text: str) -> float:
        """Binary model: the probability of its one label."""
        (margin,) = self.margins(text)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, margin))))

    def probabilities(self, text: str) -> dict[str, float]:
        """Multi-class model: a probability per label (softmax of the margins)."""
        margins = self.margins(text)
        top = max(margins)
        exps = [math.exp(m - top) for m in margins]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}


def parse_model(data: bytes) -> LinearTextModel:
    header, _, body = data.partition(b"\n")
    meta = json.loads(header)
    if meta.get("format") not in (FORMAT, FORMAT_2):
        raise ValueError(f"not a {FORMAT} or {FORMAT_2} file")
    extras = tuple(str(name) for name in meta.get("features", ())) if meta["format"] == FORMAT_2 else ()
    if any(name not in EXTRAS and name != TEXTCHARS for name in extras):
        raise ValueError(f"unknown features {extras}")
    weights = array("b")
    weights.frombytes(body)
    labels = tuple(meta["labels"])
    size = 1 << int(meta["bits"])
    if len(weights) != len(labels) * size:
        raise ValueError("the weights do not match the header")
    view = memoryview(weights)
    return LinearTextModel(
        labels=labels,
        bits=int(meta["bits"]),
        scale=float(meta["scale"]),
        bias=tuple(float(b) for b in meta["bias"]),
        rows=tuple(view[i * size : (i + 1) * size] for i in range(len(labels))),
        threshold=float(meta["threshold"]),
        meta=meta,
        extras=extras,
    )


def dump_model(
    labels: list[str], bits: int, scale: float, bias: list[float], quantised: bytes, threshold: float,
    meta: dict[str, object], extras: tuple[str, ...] = (),
) -> bytes:
    """A model file: format 1 when it uses the base features only (so files made before format 2
    are rebuilt byte for byte), format 2 naming its `extras` otherwise."""
    header = {
        "format": FORMAT_2 if extras else FORMAT,
        **({"features": list(extras)} if extras else {}),
        "labels": labels,
        "bits": bits,
        "scale": scale,
        "bias": bias,
        "threshold": threshold,
        **meta,
    }
    return json.dumps(header, sort_keys=True).encode("utf-8") + b"\n" + quantised


@cache
def load_model(name: str) -> LinearTextModel:
    """A model shipped in `suppwise/models/` (read once per process)."""
    return parse_model(resources.files("suppwise.models").joinpath(name).read_bytes())
