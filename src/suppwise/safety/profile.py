"""A person's profile: what they tell suppwise once (conditions, medicines, the supplements they
already take, sensitivities, pregnancy, breastfeeding, age, weight, intended dose) so that every
answer and trial plan is screened against it.

The profile keeps the person's own words; recognising them against the evidence base is the
screen's job (recognise.py), so a profile written today still reads correctly after the evidence
base learns new names. Validation here is about shape and plausibility: an impossible age or an
unreadable dose is an error that names the field, never a value quietly dropped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints, ValidationError, field_validator
from rapidfuzz import process

from suppwise.contract import Model
from suppwise.errors import ProfileError
from suppwise.evidence.located_yaml import YamlSyntaxError, parse_located
from suppwise.safety.dose import Dose, parse_dose
from suppwise.trials.custom_outcomes import MAX_CUSTOM_OUTCOMES

MAX_TERMS = 50
MAX_AGE = 125
MAX_WEIGHT_KG = 400

Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

LIST_FIELDS = ("conditions", "medications", "supplements", "sensitivities")
FIELD_HELP = {
    "conditions": "diagnoses, e.g. fibromyalgia, depression, epilepsy",
    "medications": "medicines by generic or brand name, e.g. Lyrica, Tegretol, lactulose",
    "supplements": "the supplements you already take, e.g. 5-HTP, magnesium",
    "sensitivities": "sensitivities or allergies, e.g. MSG",
    "pregnant": "true when pregnant or trying to conceive",
    "breastfeeding": "true when breastfeeding",
    "age": f"age in years (0-{MAX_AGE})",
    "weight_kg": f"body weight in kg (needed for doses given per kg; up to {MAX_WEIGHT_KG})",
    "dose": "the intended dose with its unit, e.g. '5 g twice a day'",
}
# Words people reach for instead of the field names.
_FIELD_ALIASES = {
    "allergies": "sensitivities",
    "allergy": "sensitivities",
    "intolerances": "sensitivities",
    "sensitivity": "sensitivities",
    "meds": "medications",
    "medicines": "medications",
    "medication": "medications",
    "drugs": "medications",
    "prescriptions": "medications",
    "supplement": "supplements",
    "also_taking": "supplements",
    "other_supplements": "supplements",
    "diagnoses": "conditions",
    "diagnosis": "conditions",
    "condition": "conditions",
    "illnesses": "conditions",
    "weight": "weight_kg",
    "intended_dose": "dose",
    "dosage": "dose",
    "nursing": "breastfeeding",
    "pregnancy": "pregnant",
}


def _own_outcome_spec(text: str) -> str:
    """A trial outcome of the person's own, checked and written the standard way."""
    from suppwise.trials.custom_outcomes import CustomOutcomeError, parse_outcome_spec

    try:
        return parse_outcome_spec(text).spec()
    except CustomOutcomeError as error:
        raise ValueError(f"{error.message} ({error.hint})" if error.hint else error.message) from None


OwnOutcomeSpec = Annotated[str, AfterValidator(_own_outcome_spec)]


class Profile(Model):
    """One person's details, as they gave them. Every field is optional; an empty profile is
    valid and gets only the general cautions."""

    conditions: tuple[Term, ...] = Field(default=(), max_length=MAX_TERMS)
    medications: tuple[Term, ...] = Field(default=(), max_length=MAX_TERMS)
    supplements: tuple[Term, ...] = Field(default=(), max_length=MAX_TERMS)
    sensitivities: tuple[Term, ...] = Field(default=(), max_length=MAX_TERMS)
    pregnant: bool = False
    breastfeeding: bool = False
    age: int | None = Field(default=None, ge=0, le=MAX_AGE)
    weight_kg: float | None = Field(default=None, gt=0, le=MAX_WEIGHT_KG)
    dose: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] | None = None
    trial_outcomes: tuple[OwnOutcomeSpec, ...] = Field(default=(), max_length=MAX_CUSTOM_OUTCOMES, exclude=True)
    """Outcomes of the person's own that every trial planned with this profile tracks, each as
    `trial plan --outcome` writes it (`energy:0-10:higher-better`). Not part of a screen: it says
    nothing about safety, so a screen's JSON leaves it out."""

    @field_validator("trial_outcomes", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @field_validator("trial_outcomes")
    @classmethod
    def _each_once(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from suppwise.trials.custom_outcomes import CustomOutcomeError, parse_outcome_specs

        try:
            parse_outcome_specs(value)
        except CustomOutcomeError as error:
            raise ValueError(error.message) from None
        return value

    @field_validator(*LIST_FIELDS, mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        """A single name, or names separated by commas or semicolons, become a list; the same
        name twice counts once."""
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list | tuple):
            items: list[Any] = []
            for item in value:
                items.extend(re.split(r"[,;]", item) if isinstance(item, str) else [item])
            seen: dict[str, Any] = {}
            for item in items:
                key = item.strip().lower() if isinstance(item, str) else repr(item)
                if key:
                    seen.setdefault(key, item)
            return tuple(seen.values())
        return value

    @field_validator(*LIST_FIELDS)
    @classmethod
    def _printable(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            if _CONTROL.search(item):
                raise ValueError(f"{item!r} contains control characters")
        return value

    @field_validator("dose")
    @classmethod
    def _readable_dose(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                parse_dose(value)
            except ProfileError as error:
                raise ValueError(error.message) from error
        return value

    @property
    def parsed_dose(self) -> Dose | None:
        return parse_dose(self.dose) if self.dose else None

    @property
    def is_empty(self) -> bool:
        return self == Profile()

    def merged(self, other: Profile) -> Profile:
        """This profile with `other` laid over it: lists are joined, and what `other` sets (a flag,
        an age, a dose) replaces what this one says. Command-line flags are laid over a file."""
        data = self.model_dump()
        for name in LIST_FIELDS:
            data[name] = (*getattr(self, name), *getattr(other, name))
        for name in ("age", "weight_kg", "dose"):
            if getattr(other, name) is not None:
                data[name] = getattr(other, name)
        for name in ("pregnant", "breastfeeding"):
            data[name] = getattr(self, name) or getattr(other, name)
        data["trial_outcomes"] = (*self.trial_outcomes, *other.trial_outcomes)
        return Profile.model_validate(data)

    def terms(self) -> list[str]:
        """Every free-text term, for crisis detection."""
        return [
            *self.conditions,
            *self.medications,
            *self.supplements,
            *self.sensitivities,
            *([self.dose] if self.dose else []),
        ]


def _field_path(location: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in location)


def _friendly(error: dict[str, Any]) -> tuple[str, str | None]:
    """A message a person can act on for one Pydantic error, and a hint."""
    location = tuple(error["loc"])
    name = str(location[0]) if location else ""
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        suggestion = _FIELD_ALIASES.get(name.lower())
        if suggestion is None:
            match = process.extractOne(name, list(FIELD_HELP), score_cutoff=70)
            suggestion = match[0] if match else None
        hint = f"did you mean '{suggestion}'?" if suggestion else "known fields: " + ", ".join(FIELD_HELP)
        return f"unknown field {name!r}", hint
    if name == "age" and kind in ("greater_than_equal", "less_than_equal"):
        return f"age {value} is not a possible age", f"give an age in years from 0 to {MAX_AGE}"
    if name == "weight_kg" and kind in ("greater_than", "less_than_equal"):
        return (
            f"weight {value} kg is not a possible body weight",
            f"give a weight in kg above 0 and up to {MAX_WEIGHT_KG}",
        )
    if kind == "too_long" and name in LIST_FIELDS:
        return f"{name} lists more than {MAX_TERMS} entries", None
    if kind == "string_too_long":
        return f"{_field_path(location)} is longer than {error['ctx']['max_length']} characters", None
    if kind == "string_too_short":
        return f"{_field_path(location)} is empty", None
    if kind in ("bool_parsing", "bool_type"):
        return f"{name} must be true or false, not {value!r}", None
    if kind in ("int_parsing", "int_type", "int_from_float", "float_parsing", "float_type"):
        return f"{name} must be a number, not {value!r}", FIELD_HELP.get(name)
    if name in LIST_FIELDS:
        return f"{_field_path(location)}: {error['msg']}", f"{name}: a list of names ({FIELD_HELP[name]})"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{name}: {message}" if name and not message.startswith("cannot read") else message, FIELD_HELP.get(name)


def profile_from_data(
    data: Any, *, lines: dict[tuple[str | int, ...], int] | None = None, file: str | None = None
) -> Profile:
    """Validate profile data (from a file or a request); every problem is reported at once, each
    with its field and, for a file, its line."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        error = ProfileError(
            "a profile must be a mapping of fields (conditions, medications, ...)",
            hint="start the file with lines such as 'conditions: [fibromyalgia]'",
        )
        raise error.located(file=file, line=1) if file else error
    try:
        return Profile.model_validate(data)
    except ValidationError as invalid:
        problems = []
        for raw in invalid.errors():
            location = tuple(raw["loc"])
            message, hint = _friendly(dict(raw))
            line = _line_of(lines or {}, location)
            problems.append((location, message, hint, line))
        problems.sort(key=lambda p: p[3])
        location, message, hint, line = problems[0]
        if file:
            parts = [f"{file}:{ln}: {msg}" for _loc, msg, _hint, ln in problems]
        else:
            parts = [msg for _loc, msg, _hint, _ln in problems]
        error = ProfileError(
            "; ".join(parts), hint=hint, field=_field_path(location), file=file, line=line if file else None
        )
        raise error from None


def _line_of(lines: dict[tuple[str | int, ...], int], location: tuple[str | int, ...]) -> int:
    for end in range(len(location), -1, -1):
        found = lines.get(tuple(location[:end]))
        if found is not None:
            return found
    return 1


def profile_from_text(text: str, file: str) -> Profile:
    """A profile from the text of a YAML or JSON file (JSON when `file` ends in .json); syntax
    errors and field problems name the file and line."""
    lines: dict[tuple[str | int, ...], int] = {}
    if file.lower().endswith(".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ProfileError(
                f"{file}:{error.lineno}: not valid JSON ({error.msg})", file=file, line=error.lineno
            ) from None
        try:  # JSON is (almost always) YAML too, which gives us the line of every field
            lines = parse_located(text, Path(file)).lines
        except YamlSyntaxError:
            lines = {}
    else:
        try:
            document = parse_located(text, Path(file))
        except YamlSyntaxError as error:
            raise ProfileError(f"{file}:{error.line}: not valid YAML ({error})", file=file, line=error.line) from None
        data, lines = document.data, document.lines
    return profile_from_data(data, lines=lines, file=file)
