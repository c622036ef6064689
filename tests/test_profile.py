"""Profiles from files and flags: accepted forms, and errors that name the field and the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.errors import ProfileError
from suppwise.safety.profile import MAX_TERMS, Profile, profile_from_data, profile_from_text
from suppwise.services import answers as services

GOOD_YAML = """\
# my profile
conditions: [fibromyalgia, depression]
medications:
  - Lyrica 75 mg
  - sertraline
sensitivities: MSG
pregnant: no
age: 47
weight_kg: 68.5
dose: 5 g twice a day
"""


def test_a_full_yaml_profile_loads() -> None:
    profile = profile_from_text(GOOD_YAML, "me.yaml")
    assert profile.conditions == ("fibromyalgia", "depression")
    assert profile.medications == ("Lyrica 75 mg", "sertraline")
    assert profile.sensitivities == ("MSG",)
    assert profile.age == 47 and profile.weight_kg == 68.5 and not profile.pregnant
    assert profile.parsed_dose is not None and profile.parsed_dose.daily() == 10


def test_json_profiles_load_too() -> None:
    profile = profile_from_text('{"medications": ["Tegretol"], "breastfeeding": true}', "me.json")
    assert profile.medications == ("Tegretol",) and profile.breastfeeding


def test_commas_split_names_and_repeats_and_blanks_count_once() -> None:
    profile = profile_from_data({"conditions": "fibromyalgia, depression; Fibromyalgia, , "})
    assert profile.conditions == ("fibromyalgia", "depression")


def test_an_empty_file_is_an_empty_profile() -> None:
    assert profile_from_text("", "me.yaml").is_empty


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("conditions: [fibromyalgia]\nage: 200\n", 2, "age 200 is not a possible age"),
        ("age: -3\n", 1, "not a possible age"),
        ("age: forty\n", 1, "age must be a number"),
        ("conditions: [x]\nweight_kg: 0\n", 2, "not a possible body weight"),
        ("pregnant: perhaps\n", 1, "pregnant must be true or false"),
        ("meds: [Lyrica]\n", 1, "unknown field 'meds'"),
        ("conditions: [x]\n\ndose: 5 spoons\n", 3, "cannot read the dose '5 spoons'"),
        ("dose: -5 g\n", 1, "cannot be negative"),
        ("conditions: [a\nage: 3\n", 2, "not valid YAML"),
        ("- fibromyalgia\n", 1, "must be a mapping"),
        ("medications: ['" + "x" * 150 + "']\n", 1, "longer than 100 characters"),
    ],
)
def test_yaml_errors_name_the_line_and_the_problem(text: str, line: int, words: str) -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_text(text, "me.yaml")
    assert f"me.yaml:{line}:" in caught.value.message
    assert words in caught.value.message
    assert caught.value.line == line and caught.value.file == "me.yaml"


def test_an_unknown_field_suggests_the_right_one() -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_text("allergies: [MSG]\n", "me.yaml")
    assert caught.value.hint == "did you mean 'sensitivities'?"
    with pytest.raises(ProfileError) as caught:
        profile_from_text("conditons: [x]\n", "me.yaml")
    assert caught.value.hint == "did you mean 'conditions'?"


def test_every_problem_is_reported_at_once_in_line_order() -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_text("dose: 5 spoons\nage: 300\nmeds: [x]\n", "me.yaml")
    message = caught.value.message
    assert message.index("me.yaml:1:") < message.index("me.yaml:2:") < message.index("me.yaml:3:")


def test_json_errors_name_the_line() -> None:
    with pytest.raises(ProfileError) as caught:
        profile_from_text('{\n "age": 12,\n "dose": "5 kg"\n}', "me.json")
    assert "me.json:3:" in caught.value.message and "body weight" in caught.value.message
    with pytest.raises(ProfileError) as caught:
        profile_from_text('{\n "age": }', "me.json")
    assert "me.json:2: not valid JSON" in caught.value.message


def test_control_characters_and_too_many_names_are_refused() -> None:
    with pytest.raises(ProfileError, match="control characters"):
        profile_from_data({"medications": ["Lyrica\x00"]})
    with pytest.raises(ProfileError, match=f"more than {MAX_TERMS}"):
        profile_from_data({"conditions": [f"c{i}" for i in range(MAX_TERMS + 1)]})


def test_flags_are_laid_over_a_file() -> None:
    file = profile_from_data({"conditions": ["fibromyalgia"], "age": 40, "dose": "5 g a day"})
    flags = profile_from_data({"conditions": ["epilepsy"], "dose": "10 g a day", "pregnant": True})
    merged = file.merged(flags)
    assert merged.conditions == ("fibromyalgia", "epilepsy")
    assert merged.age == 40 and merged.dose == "10 g a day" and merged.pregnant


@pytest.mark.parametrize(
    ("content", "words"),
    [(None, "does not exist"), (b"\xff\xfe age: 3", "not UTF-8"), (b"a" * 200_000, "larger than")],
)
def test_profile_files_that_cannot_be_read(tmp_path: Path, content: bytes | None, words: str) -> None:
    path = tmp_path / "me.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ProfileError, match=words):
        services.load_profile(path)


def test_a_folder_is_not_a_profile(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="is a folder"):
        services.load_profile(tmp_path)


names = st.lists(
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30), max_size=5
)


@given(conditions=names, medications=names, age=st.integers(min_value=-5, max_value=200))
def test_any_profile_data_loads_or_fails_with_a_profile_error(
    conditions: list[str], medications: list[str], age: int
) -> None:
    try:
        profile = profile_from_data({"conditions": conditions, "medications": medications, "age": age})
    except ProfileError as error:
        assert error.message
    else:
        assert isinstance(profile, Profile) and 0 <= (profile.age or 0) <= 125


def test_a_salt_named_lactate_is_not_breastfeeding() -> None:
    """"magnesium lactate" is a salt; "lactating" and "lactation" are breastfeeding."""
    from suppwise.safety.populations import populations_in

    assert "breastfeeding" not in populations_in("magnesium lactate and sleep quality")
    assert "breastfeeding" in populations_in("can i take it while lactating")
