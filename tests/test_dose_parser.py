"""Reading intended doses as people write them: every accepted wording gives the right amount per
day, every unreadable one a specific error, and nothing else ever escapes the parser."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.errors import ProfileError
from suppwise.safety.dose import UNIT_SPELLINGS, convert_amount, parse_dose

FREQUENCIES = {
    "": 1.0,
    "a day": 1.0,
    "per day": 1.0,
    "/day": 1.0,
    "/d": 1.0,
    "daily": 1.0,
    "each day": 1.0,
    "every day": 1.0,
    "once a day": 1.0,
    "once daily": 1.0,
    "od": 1.0,
    "twice a day": 2.0,
    "twice daily": 2.0,
    "bid": 2.0,
    "2 times a day": 2.0,
    "2x/day": 2.0,
    "x2": 2.0,
    "three times a day": 3.0,
    "3 times daily": 3.0,
    "tid": 3.0,
    "tds": 3.0,
    "every 8 hours": 3.0,
    "four times a day": 4.0,
    "qid": 4.0,
    "every 6 hours": 4.0,
    "6 times a day": 6.0,
    "3/day": 3.0,
    "2 per day": 2.0,
    "a week": 1 / 7,
    "weekly": 1 / 7,
    "3 times a week": 3 / 7,
    "every other day": 0.5,
}


@pytest.mark.parametrize(
    ("text", "grams_per_day"),
    [
        ("5 g twice a day", 10.0),
        ("5g twice daily", 10.0),
        ("500mg tid", 1.5),
        ("10 g/day", 10.0),
        ("14 grams per day", 14.0),
        ("2 x 5 g daily", 10.0),
        ("5 g x 3", 15.0),
        ("1,000 mg daily", 1.0),
        ("5-10 g a day", 10.0),  # the top of a range
        ("5 to 10 g twice a day", 20.0),
        (".5 g bid", 1.0),
        ("5 G Twice Daily", 10.0),
        ("2000 mcg a day", 0.002),
        ("2000 µg a day", 0.002),
        ("5 g every other day", 2.5),
    ],
)
def test_common_wordings_give_the_daily_amount(text: str, grams_per_day: float) -> None:
    assert parse_dose(text).daily_in("g") == pytest.approx(grams_per_day)


def test_a_bare_amount_is_read_as_once_a_day_and_says_so() -> None:
    dose = parse_dose("5 g")
    assert dose.times_per_day == 1 and dose.assumed_once_daily
    assert not parse_dose("5 g a day").assumed_once_daily


def test_per_kg_doses_need_a_weight() -> None:
    dose = parse_dose("0.3 g/kg twice a day")
    assert dose.per_kg and dose.daily_in("g") is None
    assert dose.daily_in("g", weight_kg=70) == pytest.approx(42.0)


def test_iu_does_not_convert_to_grams() -> None:
    dose = parse_dose("1000 IU daily")
    assert dose.unit == "IU" and dose.daily_in("IU") == 1000 and dose.daily_in("g") is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("-5 g", "cannot be negative"),
        ("0 g", "more than zero"),
        ("5", "no unit"),
        ("5 spoons", "differ between products"),
        ("2 scoops a day", "differ between products"),
        ("3 capsules", "differ between products"),
        ("5 kg", "body weight"),
        ("5 ml", "volume"),
        ("5 gr", "grains"),
        ("5 units", "unknown unit"),
        ("5 bananas", "unknown unit"),
        ("1,5 g", "decimals"),
        ("5 g 3", "does not say how often"),
        ("5 g 3 days", "does not say how often"),
        ("5 g 2 weeks", "does not say how often"),
        ("5 g sometimes", "not a frequency"),
        ("5 g 0 times a day", "more than zero"),
        ("5 g every 30 hours", "between 1 and 24"),
        ("5 g 30 times a day", "more than one an hour"),
        ("10-5 g", "runs backwards"),
        ("", "empty"),
        ("g 5", "does not start with an amount"),
        ("5" * 200 + " g", "longer than"),
        ("9999999 g", "too large"),
        ("2000000 mg", "too large"),
    ],
)
def test_unreadable_doses_say_why(text: str, why: str) -> None:
    with pytest.raises(ProfileError) as caught:
        parse_dose(text)
    assert why in caught.value.message
    assert caught.value.field == "dose" and caught.value.hint


amounts = st.decimals(min_value="0.001", max_value="900", places=3).map(lambda d: float(d))


def plain(value: float) -> str:
    """A number as a person writes it: no exponent."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


@given(amount=amounts, unit=st.sampled_from(sorted(UNIT_SPELLINGS)), frequency=st.sampled_from(sorted(FREQUENCIES)))
def test_any_amount_unit_and_frequency_round_trips(amount: float, unit: str, frequency: str) -> None:
    dose = parse_dose(f"{plain(amount)} {unit} {frequency}".strip())
    assert dose.unit == UNIT_SPELLINGS[unit]
    assert dose.low == pytest.approx(amount)
    assert dose.times_per_day == pytest.approx(FREQUENCIES[frequency])
    assert dose.daily() == pytest.approx(amount * FREQUENCIES[frequency])


@given(grams=amounts)
def test_the_same_amount_in_g_mg_and_mcg_agrees(grams: float) -> None:
    in_g = parse_dose(f"{plain(grams)} g a day").daily_in("mg")
    in_mg = parse_dose(f"{plain(grams * 1000)} mg a day").daily_in("mg")
    assert in_g == pytest.approx(in_mg, rel=1e-5)


@given(st.text(max_size=120))
def test_any_text_gives_a_dose_or_a_clear_error(text: str) -> None:
    try:
        dose = parse_dose(text)
    except ProfileError as error:
        assert error.message.startswith("cannot read the dose")
    else:
        assert dose.daily() > 0 and dose.times_per_day <= 24


@given(
    amount=st.floats(min_value=1e-6, max_value=1e6, allow_nan=False),
    unit=st.sampled_from(["g", "mg", "mcg", "IU"]),
    to=st.sampled_from(["g", "mg", "mcg", "IU"]),
    factor=st.floats(min_value=0.1, max_value=1000),
)
def test_converting_an_amount_and_back_gives_it_again(amount: float, unit: str, to: str, factor: float) -> None:
    there = convert_amount(amount, unit, to, iu_per_mcg=factor)
    assert there is not None
    back = convert_amount(there, to, unit, iu_per_mcg=factor)
    assert back is not None and math.isclose(back, amount, rel_tol=1e-9)
    if (unit == "IU") != (to == "IU"):
        assert convert_amount(amount, unit, to) is None  # across IU and mass only with the factor
