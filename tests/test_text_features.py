"""The text models' features and scores, computed the fast way (suppwise.textmodel: a word's own
features hashed once, the classes' weights summed in one packed integer), equal the definition:
every feature of the text hashed, every class's weights summed bucket by bucket."""

from __future__ import annotations

import math
from itertools import pairwise
from zlib import crc32

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.textmodel import CHAR_NGRAMS, EXTRAS, TEXTCHARS, feature_names, features, load_model

VOCABULARY = ["a", "ab", "how", "much", "zzsubstance", "is", "safe", "2", "x1", "take"]
WORDS = st.lists(st.sampled_from(VOCABULARY), max_size=9)
EXTRA_SETS = [(), (TEXTCHARS,), (TEXTCHARS, *EXTRAS), tuple(EXTRAS)]


def defined_names(text: str, extras: tuple[str, ...]) -> set[str]:
    """The features as the model format defines them (module docstring of suppwise.textmodel)."""
    words = text.lower().split()
    names = {"w " + w for w in words} | {"b " + a + " " + b for a, b in pairwise(words)}
    spans = [" " + " ".join(words) + " "] if TEXTCHARS in extras else [" " + w + " " for w in words]
    names |= {"c" + s[i : i + n] for s in spans for n in CHAR_NGRAMS for i in range(len(s) - n + 1)}
    for extra in extras:
        if extra != TEXTCHARS:
            names |= EXTRAS[extra](words)
    return names


@pytest.mark.parametrize("extras", EXTRA_SETS)
@given(words=WORDS, spaces=st.sampled_from([" ", "  "]))
def test_features_are_the_defined_ones(extras: tuple[str, ...], words: list[str], spaces: str) -> None:
    text = spaces.join(words)
    assert feature_names(text, extras) == defined_names(text, extras)
    mask = (1 << 12) - 1
    assert features(text, 12, extras) == sorted({crc32(n.encode("utf-8")) & mask for n in defined_names(text, extras)})


@pytest.mark.parametrize("name", ["intent.bin", "crisis.bin"])
@given(words=WORDS)
def test_margins_are_the_sum_of_each_class_weights(name: str, words: list[str]) -> None:
    model = load_model(name)
    text = " ".join(words)
    buckets = features(text, model.bits, model.extras)
    norm = model.scale / math.sqrt(len(buckets)) if buckets else 0.0
    expected = [bias + norm * sum(rows[b] for b in buckets) for bias, rows in zip(model.bias, model.rows, strict=True)]
    assert model.margins(text) == expected
