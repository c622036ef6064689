"""Every service that reads or writes someone's trial is told whose it is: `owner` is a required
keyword, so no shell (a web route above all) can forget it and reach the command line's trials."""

from __future__ import annotations

import inspect

import pytest

from suppwise.services import consent, files, trials


def _owned_functions() -> list[tuple[str, inspect.Signature]]:
    found = []
    for module in (trials, consent, files):
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and "owner" in inspect.signature(function).parameters:
                found.append((f"{module.__name__}.{name}", inspect.signature(function)))
    return found


OWNED = _owned_functions()


def test_the_services_that_take_an_owner_are_the_use_cases_on_one_persons_trials() -> None:
    names = {name.rsplit(".", 1)[1] for name, _ in OWNED}
    assert {"plan_trial", "log_entry", "import_diary", "stop_trial", "trial_report", "calendar_file"} <= names
    assert {"give_consent", "withdraw_consent", "overview", "trial_summaries", "export_diary"} <= names


@pytest.mark.parametrize(("name", "signature"), OWNED, ids=[name for name, _ in OWNED])
def test_owner_is_a_required_keyword(name: str, signature: inspect.Signature) -> None:
    owner = signature.parameters["owner"]
    assert owner.kind is inspect.Parameter.KEYWORD_ONLY, name
    assert owner.default is inspect.Parameter.empty, name
