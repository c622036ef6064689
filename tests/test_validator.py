"""The validator on deliberately broken evidence: each problem named with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from suppwise.cli import app
from suppwise.errors import EvidenceError
from suppwise.evidence import load_evidence, validate_directory

from .conftest import MINI_DIR, UNCLEAR_FILE

SOURCE = """  - id: {id}
    authors: Test fixture
    title: T
    venue: V
    study_type: {study_type}
    population: P
    verification: {{status: {status}, how: test fixture}}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return tmp_path


def base_files(tmp_path: Path) -> Path:
    shutil.copytree(MINI_DIR, tmp_path, dirs_exist_ok=True)
    return tmp_path


def codes(problems: list) -> list[str]:
    return [p.code for p in problems]


def test_the_mini_fixture_is_clean(tmp_path: Path) -> None:
    assert validate_directory(MINI_DIR) == []
    shutil.copy(UNCLEAR_FILE, base_files(tmp_path) / UNCLEAR_FILE.name)
    assert validate_directory(tmp_path) == []


def test_the_bundled_evidence_is_clean(bundled) -> None:
    from suppwise.evidence import bundled_data_dir

    problems = validate_directory(bundled_data_dir())
    assert problems == [], "\n".join(p.render() for p in problems)


def test_dangling_id_names_file_line_and_field(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory,
        "extra.yaml",
        "findings:\n  - id: new\n    subject: alpha\n    effect: increases\n"
        "    object: nowhere\n    sources: [rct-big]\n    summary: S.\n",
    )
    problems = validate_directory(directory)
    assert [(p.file, p.line, p.field, p.code) for p in problems] == [
        ("extra.yaml", 5, "findings[0].object", "dangling_id")
    ]


def test_duplicate_id_points_at_first_definition(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(directory, "zz.yaml", "entities:\n  - {id: alpha, kind: substance, name: Alpha again}\n")
    [problem] = validate_directory(directory)
    assert problem.code == "duplicate_id"
    assert problem.file == "zz.yaml" and problem.line == 2
    assert "mini.yaml:4" in problem.message


def test_finding_without_source(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory,
        "extra.yaml",
        "findings:\n  - {id: n, subject: alpha, effect: increases, object: mood, sources: [], summary: S.}\n",
    )
    assert codes(validate_directory(directory)) == ["no_source"]


def test_unknown_study_type_is_a_schema_error(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(directory, "extra.yaml", "sources:\n" + SOURCE.format(id="odd", study_type="horoscope", status="verified"))
    [problem] = validate_directory(directory)
    assert (problem.code, problem.line, problem.field) == ("schema", 6, "sources[0].study_type")
    assert "rct" in problem.message


def test_self_loop(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory, "extra.yaml", "links:\n  - {id: loop, subject: p-up, sign: '+', object: p-up, findings: [up-pain]}\n"
    )
    assert codes(validate_directory(directory)) == ["self_loop"]


def test_unverified_source_as_only_support(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory,
        "extra.yaml",
        "sources:\n"
        + SOURCE.format(id="rumour", study_type="case_report", status="unverified")
        + "findings:\n  - {id: r, subject: alpha, effect: increases, object: mood, sources: [rumour], summary: S.}\n",
    )
    problems = validate_directory(directory)
    assert codes(problems) == ["unverified_only"]
    assert problems[0].line == 10


def test_unverified_source_beside_a_verified_one_is_fine(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory,
        "extra.yaml",
        "sources:\n"
        + SOURCE.format(id="rumour", study_type="case_report", status="unverified")
        + "findings:\n  - {id: r, subject: alpha, effect: increases, object: mood, sources: [rumour, rct-big], "
        "summary: S.}\n",
    )
    assert validate_directory(directory) == []


def test_sign_conflict_between_link_and_finding(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory, "extra.yaml", "links:\n  - {id: bad, subject: beta, sign: '-', object: p-up, findings: [beta-up]}\n"
    )
    assert "sign_conflict" in codes(validate_directory(directory))


def test_unknown_key_and_section(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(directory, "extra.yaml", "entities:\n  - {id: z, kind: substance, name: Z, colour: red}\nrumours: []\n")
    problems = validate_directory(directory)
    assert {(p.code, p.line) for p in problems} == {("schema", 2), ("unknown_section", 3)}


def test_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(directory, "broken.yaml", "entities:\n  - {id: z, kind: substance\n  - name: q\n")
    [problem] = validate_directory(directory)
    assert problem.code == "yaml_syntax" and problem.file == "broken.yaml" and problem.line >= 2


def test_wrong_kind_and_ambiguous_name(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory,
        "extra.yaml",
        "entities:\n  - {id: alpha-two, kind: substance, name: Alpha powder}\n"
        "contraindications:\n  - {id: c, substance: alpha, condition: pain, level: avoid, reason: R., "
        "mechanism: M., sources: [label]}\n",
    )
    assert sorted(codes(validate_directory(directory))) == ["ambiguous_name", "wrong_kind"]


def test_duplicate_claim_should_merge(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory,
        "extra.yaml",
        "findings:\n  - {id: again, subject: alpha, effect: decreases, object: pain, "
        "context: cond-x, sources: [rct-small], summary: Same claim.}\n",
    )
    assert codes(validate_directory(directory)) == ["duplicate_claim"]


def test_unused_source(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(directory, "extra.yaml", "sources:\n" + SOURCE.format(id="lonely", study_type="rct", status="verified"))
    assert codes(validate_directory(directory)) == ["unused_source"]


def test_load_refuses_a_broken_base(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory, "extra.yaml", "links:\n  - {id: loop, subject: p-up, sign: '+', object: p-up, findings: [up-pain]}\n"
    )
    with pytest.raises(EvidenceError) as info:
        load_evidence(directory)
    assert "extra.yaml:2" in info.value.message


def test_cli_validate_lists_problems_and_exits_1(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory, "extra.yaml", "links:\n  - {id: loop, subject: p-up, sign: '+', object: p-up, findings: [up-pain]}\n"
    )
    result = CliRunner().invoke(app, ["evidence", "validate", str(directory)])
    assert result.exit_code == 1
    assert "extra.yaml:2: links[0].object: link from 'p-up' to itself [self_loop]" in result.output


def test_cli_validate_ok_exits_0() -> None:
    result = CliRunner().invoke(app, ["evidence", "validate", str(MINI_DIR)])
    assert result.exit_code == 0 and "OK" in result.output


def test_a_name_that_only_collides_as_a_plural_is_still_ambiguous(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(directory, "extra.yaml", "entities:\n  - {id: alphas-blend, kind: substance, name: Alphas}\n")
    assert codes(validate_directory(directory)) == ["ambiguous_name"]


STATISTICS_FIXTURES = MINI_DIR.parent / "statistics"


def test_effect_contradicting_its_statistics_is_refused(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    shutil.copy(STATISTICS_FIXTURES / "broken.yaml", directory / "broken.yaml")
    problems = validate_directory(directory)
    assert [(p.file, p.line, p.field, p.code) for p in problems] == [
        ("broken.yaml", 6, "findings[0].effect", "effect_vs_statistics"),
        ("broken.yaml", 15, "findings[1].effect", "effect_vs_statistics"),
        ("broken.yaml", 25, "findings[2].effect", "effect_vs_statistics"),
    ]
    trend, interval, significant = (p.message for p in problems)
    assert "'increases'" in trend and "p < 0.07" in trend and "no_clear_effect" in trend
    assert "95% confidence interval -0.9 to 0.2" in interval
    assert "'no_effect'" in significant and "is significant" in significant


def test_effect_agreeing_with_its_statistics_passes(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    shutil.copy(STATISTICS_FIXTURES / "correct.yaml", directory / "correct.yaml")
    assert validate_directory(directory) == []


def test_statistics_must_come_from_the_findings_own_sources(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory,
        "extra.yaml",
        "findings:\n  - id: s\n    subject: alpha\n    effect: increases\n    object: fatigue\n"
        "    sources: [rct-big]\n    summary: S.\n    statistics:\n"
        "      - {source: cohort, measure: m, significant: true}\n",
    )
    problems = validate_directory(directory)
    assert [(p.line, p.field, p.code) for p in problems] == [(9, "findings[0].statistics[0].source", "dangling_source")]


def test_statistics_that_disagree_with_themselves(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory,
        "extra.yaml",
        "findings:\n  - id: s\n    subject: alpha\n    effect: no_clear_effect\n    object: fatigue\n"
        "    sources: [rct-big]\n    summary: S.\n    statistics:\n"
        "      - {source: rct-big, measure: m, p_value: {value: 0.2}, significant: true}\n",
    )
    assert codes(validate_directory(directory)) == ["statistics_conflict"]


def test_a_statistic_must_say_something(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory,
        "extra.yaml",
        "findings:\n  - id: s\n    subject: alpha\n    effect: increases\n    object: fatigue\n"
        "    sources: [rct-big]\n    summary: S.\n    statistics:\n      - {source: rct-big, measure: m}\n",
    )
    [problem] = validate_directory(directory)
    assert (problem.code, problem.field) == ("schema", "findings[0].statistics[0]")


def test_a_link_cannot_rest_on_no_clear_effect(tmp_path: Path) -> None:
    directory = base_files(tmp_path)
    write(
        directory,
        "extra.yaml",
        "findings:\n  - {id: unclear, subject: alpha, effect: no_clear_effect, object: fatigue, "
        "sources: [rct-big], summary: S.}\n"
        "links:\n  - {id: bad, subject: alpha, sign: '-', object: fatigue, findings: [unclear]}\n",
    )
    assert codes(validate_directory(directory)) == ["sign_conflict"]


@pytest.mark.parametrize(
    ("p_value", "significant"),
    [
        ({"comparator": "=", "value": 0.049}, True),
        ({"comparator": "=", "value": 0.05}, False),
        ({"comparator": "<", "value": 0.05}, True),
        ({"comparator": "<", "value": 0.07}, False),
        ({"comparator": ">", "value": 0.05}, False),
        ({"comparator": ">", "value": 0.01}, None),
    ],
)
def test_how_a_printed_p_value_is_read(p_value: dict, significant: bool | None) -> None:
    from suppwise.evidence.schema import Statistic

    assert Statistic(source="s", measure="m", p_value=p_value).is_significant() is significant


def test_a_name_a_profile_could_not_hold_whole_is_refused(tmp_path: Path) -> None:
    """A profile splits its lists at commas and semicolons, so a supplement, medicine or condition
    named with one could never be given whole ('Omega-3 fatty acids (fish oil, EPA and DHA)')."""
    (tmp_path / "e.yaml").write_text(
        "entities:\n  - id: fish-oil\n    kind: substance\n    name: Fish oil (EPA, DHA)\n", encoding="utf-8"
    )
    problems = validate_directory(tmp_path)
    found = [(p.file, p.line, p.code) for p in problems if p.code == "list_separator"]
    assert found == [("e.yaml", 4, "list_separator")]
