"""`suppwise pool`: diary files in, a pooled result out that names no person, date or note."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.pooling.synthetic import SyntheticCohort, diary_csv, synthetic_cohort

runner = CliRunner()


def cohort(people: int, seed: int = 1) -> SyntheticCohort:
    return synthetic_cohort(people, mu=-1.0, tau=0.5, seed=seed, whole_numbers_within=(0.0, 10.0))


def write_folder(folder: Path, drawn: SyntheticCohort) -> Path:
    folder.mkdir()
    for row in range(drawn.batch.people):
        (folder / f"alice-{row:02d}.csv").write_text(diary_csv(drawn, row), encoding="utf-8")
    return folder


def long_csv(drawn: SyntheticCohort) -> str:
    lines = ["person,date,phase,pain"]
    for row in range(drawn.batch.people):
        body = diary_csv(drawn, row).splitlines()[1:]
        lines.extend(f"secret-{row},{line}" for line in body)
    return "\n".join(lines) + "\n"


def test_a_folder_of_diaries_pools_and_names_nobody(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "diaries", cohort(12))
    result = runner.invoke(app, ["pool", str(folder), "--outcome", "pain", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["people_used"] == 12
    assert data["outcome"]["field"] == "pain" and data["outcome"]["delta"] == 2.0
    assert abs(data["mu"]["mean"] + 1.0) < 0.5
    assert "alice" not in result.output
    # No diary day: the dates the diaries hold (a source's "checked in 2026-11" note is not one).
    days = {line.split(",")[0] for f in folder.iterdir() for line in f.read_text(encoding="utf-8").splitlines()[1:]}
    assert days and not any(day in result.output for day in days)


def test_one_long_file_with_a_person_column_gives_the_same_pool(tmp_path: Path) -> None:
    drawn = cohort(12)
    folder = write_folder(tmp_path / "diaries", drawn)
    long = tmp_path / "all.csv"
    long.write_text(long_csv(drawn), encoding="utf-8")
    by_files = json.loads(runner.invoke(app, ["pool", str(folder), "-o", "pain", "-f", "json"]).output)
    result = runner.invoke(app, ["pool", str(long), "-o", "pain", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["mu"] == pytest.approx(by_files["mu"])
    assert "secret" not in result.output


def test_too_few_people_are_refused_with_the_minimum(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "diaries", cohort(3))
    result = runner.invoke(app, ["pool", str(folder), "--outcome", "pain"])
    assert result.exit_code == 2
    assert "at least 10 people" in result.output


def test_the_minimum_cannot_be_lowered(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "diaries", cohort(12))
    result = runner.invoke(app, ["pool", str(folder), "--outcome", "pain", "--min-people", "5"])
    assert result.exit_code == 2
    raised = runner.invoke(app, ["pool", str(folder), "--outcome", "pain", "--min-people", "20"])
    assert raised.exit_code == 2 and "at least 20 people" in raised.output


def test_a_person_who_was_always_on_is_left_out_and_counted(tmp_path: Path) -> None:
    drawn = cohort(12)
    folder = write_folder(tmp_path / "diaries", drawn)
    always_on = diary_csv(drawn, 0).replace(",off,", ",on,").replace(",baseline,", ",on,")
    (folder / "alice-00.csv").write_text(always_on, encoding="utf-8")
    extra = cohort(1, seed=99)
    (folder / "zed.csv").write_text(diary_csv(extra, 0), encoding="utf-8")
    result = runner.invoke(app, ["pool", str(folder), "-o", "pain", "-f", "json"])
    data = json.loads(result.output)
    assert data["people_used"] == 12
    assert data["people_excluded"]["no_contrast"] == 1
    text = runner.invoke(app, ["pool", str(folder), "-o", "pain"]).output
    assert "1 without both on and comparison days" in text


def test_a_bad_row_in_a_long_file_is_named_by_its_row_in_that_file(tmp_path: Path) -> None:
    lines = long_csv(cohort(12)).splitlines()
    person, day, phase, _ = lines[150].split(",")
    lines[150] = f"{person},{day},{phase},11"
    long = tmp_path / "all.csv"
    long.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["pool", str(long), "-o", "pain", "-f", "json"])
    assert result.exit_code == 2
    error = json.loads(result.output)["error"]
    assert "row 151" in error["message"]


def test_text_output_states_the_average_the_spread_and_the_chance_for_someone_new(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "diaries", cohort(12))
    result = runner.invoke(app, ["pool", str(folder), "--outcome", "pain"])
    assert result.exit_code == 0, result.output
    for words in ("Average effect in the population", "Spread between people", "Someone new", "People: 12 used"):
        assert words in result.output


def test_diaries_with_doses_instead_of_phases_pool_too(tmp_path: Path) -> None:
    drawn = cohort(11)
    folder = tmp_path / "doses"
    folder.mkdir()
    for row in range(drawn.batch.people):
        lines = diary_csv(drawn, row).splitlines()
        out = ["date,dose_taken,pain"]
        for line in lines[1:]:
            day, phase, pain = line.split(",")
            dose = {"on": "5 g", "off": "none", "baseline": "none"}.get(phase, "")
            out.append(f"{day},{dose},{pain}")
        (folder / f"{row}.csv").write_text("\n".join(out) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["pool", str(folder), "-o", "pain", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["people_used"] == 11


def test_every_field_of_the_pooled_json_is_documented(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "diaries", cohort(12))
    data = json.loads(runner.invoke(app, ["pool", str(folder), "-o", "pain", "-f", "json"]).output)
    doc = (Path(__file__).resolve().parents[1] / "docs" / "pooling.md").read_text(encoding="utf-8")
    for key, value in data.items():
        assert f"`{key}`" in doc, key
        if isinstance(value, dict) and key not in ("people_excluded",):
            for inner in value:
                assert f"`{inner}`" in doc, f"{key}.{inner}"


def test_the_text_warns_when_a_persons_result_is_far_from_normal(tmp_path: Path) -> None:
    from suppwise.render.pool_text import pool_text

    folder = write_folder(tmp_path / "diaries", cohort(12))
    data = json.loads(runner.invoke(app, ["pool", str(folder), "-o", "pain", "-f", "json"]).output)
    data["normal_summary_check"]["max_abs_skewness"] = 0.4
    assert "lopsided" not in pool_text(data)
    data["normal_summary_check"]["max_abs_skewness"] = 1.6
    assert "lopsided (skewness 1.6)" in pool_text(data)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=30), st.booleans())
def test_a_long_file_splits_into_each_persons_rows_with_their_row_numbers(owners: list[str], blank: bool) -> None:
    from suppwise.services.pool import _split_by_person
    from suppwise.trials.diary import read_diary

    lines = ["Person,date,phase,pain"]
    expected: dict[str, list[tuple[int, str]]] = {}
    for i, who in enumerate(owners):
        if blank and i == 1:
            lines.append("")  # a blank line is skipped but still numbered, as a spreadsheet does
        day = (date(2026, 1, 1) + timedelta(days=i)).isoformat()
        lines.append(f"{who},{day},on,{i % 11}")
        expected.setdefault(who, []).append((len(lines), day))
    people = _split_by_person("all.csv", "\n".join(lines) + "\n")
    assert sorted(p.label for p in people) == sorted(f"all.csv, person {who!r}" for who in expected)
    for person in people:
        who = person.label.split("person ")[1].strip("'")
        assert person.rows == tuple(number for number, _ in expected[who])
        entries = read_diary(person.text, today=date(2026, 12, 31)).entries
        assert [e.day.isoformat() for e in entries] == [day for _, day in expected[who]]


@pytest.mark.parametrize(
    ("outcome", "words"),
    [("glucose", "glucose"), ("pain,fatigue", "one outcome at a time")],
)
def test_an_outcome_that_cannot_be_pooled_is_refused(tmp_path: Path, outcome: str, words: str) -> None:
    folder = write_folder(tmp_path / "diaries", cohort(10))
    result = runner.invoke(app, ["pool", str(folder), "--outcome", outcome, "--format", "json"])
    assert result.exit_code == 2
    assert words in json.loads(result.output)["error"]["message"]


def test_a_folder_without_diaries_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["pool", str(tmp_path / "empty"), "--outcome", "pain", "--format", "json"])
    assert result.exit_code == 2
    assert "holds no .csv files" in json.loads(result.output)["error"]["message"]


def energy_folder(folder: Path, drawn: SyntheticCohort) -> Path:
    """The same diaries with a column of the person's own, energy = 10 - pain (higher is better),
    one score a decimal (a daily mean, as `analyze` reads)."""
    folder.mkdir()
    for row in range(drawn.batch.people):
        lines = diary_csv(drawn, row).splitlines()
        out = ["date,phase,energy"]
        for line in lines[1:]:
            day, phase, pain = line.split(",")
            out.append(f"{day},{phase},{10 - int(pain) if pain else ''}")
        if row == 0:
            day, phase, energy = out[5].split(",")
            out[5] = f"{day},{phase},{energy}.0"
        (folder / f"alice-{row:02d}.csv").write_text("\n".join(out) + "\n", encoding="utf-8")
    return folder


def test_a_column_of_the_persons_own_pools_as_for_analyze(tmp_path: Path) -> None:
    drawn = cohort(12)
    pain_folder = write_folder(tmp_path / "p", drawn)
    pain = json.loads(runner.invoke(app, ["pool", str(pain_folder), "-o", "pain", "-f", "json"]).output)
    folder = energy_folder(tmp_path / "e", drawn)
    command = ["pool", str(folder), "-o", "energy", "--range", "0-10", "--higher-is-better", "-f", "json"]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["outcome"]["field"] == "energy" and data["outcome"]["higher_is_worse"] is False
    difference = data["outcome"]["important_difference"]  # δ by the convention, and it says so
    assert difference["points"] == 2.0 and "default convention" in difference["basis"]
    assert data["people_used"] == 12
    # energy mirrors pain on the same 0-10 range: the same evidence, the other way round.
    assert data["mu"]["mean"] == pytest.approx(-pain["mu"]["mean"], rel=1e-9)
    assert data["delta"] == pain["delta"]  # the same δ: improving on energy is improving on pain
    assert data["new_person"]["p_improve"] == pytest.approx(pain["new_person"]["p_improve"], rel=1e-6)
    assert "alice" not in result.output


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ([], "give its range"),
        (["--range", "0-10"], "--higher-is-better or --higher-is-worse"),
        (["--range", "0-5", "--higher-is-better"], "alice-00.csv: row 4: energy 6 is outside 0-5"),
    ],
)
def test_a_column_of_ones_own_needs_its_range_and_direction(tmp_path: Path, extra: list[str], words: str) -> None:
    folder = energy_folder(tmp_path / "e", cohort(12))
    result = runner.invoke(app, ["pool", str(folder), "-o", "energy", *extra])
    assert result.exit_code == 2
    assert words in result.output.replace("\n", " ")


def test_a_scale_is_not_given_for_an_outcome_that_has_a_cited_one_nor_for_evidence(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "diaries", cohort(12))
    result = runner.invoke(app, ["pool", str(folder), "-o", "pain", "--range", "0-10", "--higher-is-worse"])
    assert result.exit_code == 2 and "has its own cited scale" in result.output.replace("\n", " ")
    command = ["pool", str(folder), "--substance", "glutamine", "--condition", "fibromyalgia"]
    evidence = ["--write-evidence", str(tmp_path / "e.yaml")]
    result = runner.invoke(app, [*command, *evidence, "-o", "energy", "--range", "0-10", "--higher-is-better"])
    assert result.exit_code == 2 and "--write-evidence, whose finding" in " ".join(result.output.split())
    assert not (tmp_path / "e.yaml").exists()


def test_a_person_whose_file_lacks_the_column_is_named(tmp_path: Path) -> None:
    drawn = cohort(12)
    folder = energy_folder(tmp_path / "e", drawn)
    (folder / "bob.csv").write_text(diary_csv(cohort(1, seed=3), 0), encoding="utf-8")  # pain only
    result = runner.invoke(app, ["pool", str(folder), "-o", "energy", "--range", "0-10", "--higher-is-better"])
    assert result.exit_code == 2
    assert "bob.csv" in result.output and "no 'energy' column" in result.output


def test_html_output_is_a_standalone_page_with_the_same_findings(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "diaries", cohort(12))
    text = runner.invoke(app, ["pool", str(folder), "-o", "pain"]).output
    result = runner.invoke(app, ["pool", str(folder), "-o", "pain", "--format", "html"])
    assert result.exit_code == 0, result.output
    page = result.output
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "http" not in page.split("</style>")[0]  # no scripts, no external assets
    for line in text.splitlines():
        if line.strip():
            assert line.strip().replace("'", "&#39;").replace('"', "&#34;") in page, line
    assert "alice" not in page
