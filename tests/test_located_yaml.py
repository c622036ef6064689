from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.evidence.located_yaml import YamlSyntaxError, parse_located


def test_lines_point_at_keys_and_list_items() -> None:
    text = "findings:\n  - id: a\n    effect: x\n  - id: b\n    effect: y\n"
    doc = parse_located(text, Path("f.yaml"))
    assert doc.line_of(("findings", 0, "effect")) == 3
    assert doc.line_of(("findings", 1)) == 4
    assert doc.line_of(("findings", 1, "effect")) == 5


def test_missing_field_is_reported_at_its_record() -> None:
    doc = parse_located("findings:\n  - id: a\n  - id: b\n", Path("f.yaml"))
    assert doc.line_of(("findings", 1, "summary")) == 3


def test_syntax_error_carries_line() -> None:
    with pytest.raises(YamlSyntaxError) as info:
        parse_located("a: 1\nb: [1, 2\nc: 3\n", Path("f.yaml"))
    assert info.value.line >= 2


@given(st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=6), min_size=1, max_size=20, unique=True))
def test_every_top_level_key_is_located_on_its_own_line(keys: list[str]) -> None:
    text = "".join(f"{k}: {i}\n" for i, k in enumerate(keys))
    doc = parse_located(text, Path("f.yaml"))
    assert doc.data == {k: i for i, k in enumerate(keys)}
    for i, k in enumerate(keys):
        assert doc.line_of((k,)) == i + 1
