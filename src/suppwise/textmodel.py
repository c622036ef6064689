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

Training is `tools/train_text_models.py` (scikit-learn's logistic regression on exactly these
features; scikit-learn is needed only there). Run time needs no NumPy: importing it would cost
every `suppwise ask` about a hundred milliseconds of cold start, more than the whole model.
"""

from __future__ import annotations

import json
import math
from array import array
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from operator import itemgetter
from zlib import crc32

__all__ = ["FORMAT", "LinearTextModel", "features", "load_model"]

FORMAT = "suppwise-linear-text-model/1"
CHAR_NGRAMS = (3, 4, 5)


def feature_names(text: str) -> set[str]:
    """Every feature of an already folded text (lower case, words separated by single spaces)."""
    words = text.split()
    names = {"w " + w for w in words}
    names.update("b " + a + " " + b for a, b in pairwise(words))
    for word in words:
        padded = " " + word + " "
        for n in CHAR_NGRAMS:
            names.update("c" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return names


def features(text: str, bits: int) -> list[int]:
    """The hashed feature buckets of a folded text, sorted, each once."""
    mask = (1 << bits) - 1
    return sorted({crc32(name.encode("utf-8")) & mask for name in feature_names(text)})


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

    def margins(self, text: str) -> list[float]:
        """The linear score of each class for a folded text."""
        buckets = features(text, self.bits)
        if not buckets:
            return list(self.bias)
        norm = self.scale / math.sqrt(len(buckets))
        gather = itemgetter(*buckets, buckets[0])  # two or more keys, so always a tuple
        first = buckets[0]
        return [
            bias + norm * (sum(gather(rows)) - rows[first]) for bias, rows in zip(self.bias, self.rows, strict=True)
        ]

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
    if meta.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
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
    )


def dump_model(
    labels: list[str], bits: int, scale: float, bias: list[float], quantised: bytes, threshold: float,
    meta: dict[str, object],
) -> bytes:
    header = {
        "format": FORMAT,
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
