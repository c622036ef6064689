"""Lead level, entities and populations, fourth pass (issue 12 §2-§3, lead15 round).

The families: a pregnancy said in everyday words ("expecting" with nothing expected after it, "a bun
in the oven", "20 weeks along"); an older age said with "at" where it is a person's ("at 85", not a
blood level "at 75"); a child who is a bystander (a carer asking for herself, a child the speaker
told something, children "fine with their dad"), while a child who says something of himself is
the one asked about; putting on weight as the base's weight gain; "tired to live" as no tiredness;
the gut's cells, bacteria and immune cells in everyday words; a name word typed one letter short;
pain in other languages; cutting a food out as a change of diet. The tests assert what a user sees:
the populations screened, the level that leads the answer and the entities named. Every wording was
written for the test.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from suppwise.evidence import EvidenceBase
from suppwise.questions.parse import parse
from suppwise.safety.populations import populations_in
from tests.evidence_helpers import ask
from tests.question_helpers import entity_ids as _ids

# --- pregnancy in everyday words ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my missus is expecting, could she take glutamine for her gut",
        "im expecting in june, is glutamine ok",
        "she's expecting, kindly advise on glutamine",
        "bun in the oven here, is glutamine allowed",
        "thirty weeks along, is glutamine safe for me",
        "I'm 14 wks along - glutamine ok?",
        "expectant mother asking about glutamine powder",
        "baby on the way, should I stop glutamine",
    ],
)
def test_a_pregnancy_in_everyday_words_leads_with_its_avoid(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert "pregnancy" in answer.populations
    assert answer.safety_level == "avoid"


@pytest.mark.parametrize(
    "text",
    [
        "im expecting the parcel of glutamine tomorrow, how do i mix it",
        "she is expecting too much from glutamine",
        "i was expecting it to help my gut by now, is glutamine slow",
        "three weeks along in the trial, is glutamine doing anything",
    ],
)
def test_expecting_something_else_places_nobody(bundled: EvidenceBase, text: str) -> None:
    assert "pregnancy" not in ask(bundled, text).populations


# --- an older age said with "at" --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "could my dad take glutamine at 88",
        "at 79 is glutamine still a good idea",
        "is it worth starting magnesium at 81",
        "my nan began fish oil at 92, is it safe with her heart pills",
        "At 83 I sleep badly, would melatonin help",
        "still gardening at 75, would vitamin d keep my bones strong",
    ],
)
def test_an_older_age_said_with_at_places_an_older_adult(bundled: EvidenceBase, text: str) -> None:
    assert "older adults" in ask(bundled, text).populations


@pytest.mark.parametrize(
    "text",
    [
        "my vitamin d level came back at 72, should i take more",
        "my b12 is at 90, is that low",
        "my resting pulse sits at 88, is green tea extract risky",
        "i take magnesium at 70 mg a night, is that enough",
        "set the thermostat at 68 and still awake, would melatonin help",
    ],
)
def test_a_level_or_setting_said_with_at_is_no_age(bundled: EvidenceBase, text: str) -> None:
    assert "older adults" not in ask(bundled, text).populations


@given(age=st.integers(min_value=65, max_value=99), lead=st.sampled_from(["could my mum take it at", "at"]))
def test_any_older_age_after_at_is_read(age: int, lead: str) -> None:
    assert "older adults" in populations_in(f"{lead} {age} is it safe")


@given(age=st.integers(min_value=65, max_value=99), unit=st.sampled_from(["mg", "mcg", "iu", "nmol", "bpm", "percent"]))
def test_an_amount_after_at_is_never_an_age(age: int, unit: str) -> None:
    assert "older adults" not in populations_in(f"i take it at {age} {unit} is it safe")


@given(
    age=st.integers(min_value=65, max_value=99),
    rest=st.sampled_from([" 000 iu", " 5 mg", " 500 mcg", " 000"]),
)
def test_an_amount_with_a_thousands_comma_or_decimal_after_at_is_never_an_age(age: int, rest: str) -> None:
    # normalised text: "at 70,000 iu" and "at 65.5 mg" arrive as "at 70 000 iu" and "at 65 5 mg"
    assert "older adults" not in populations_in(f"im taking vitamin d at {age}{rest} a week is that too much")


@pytest.mark.parametrize(
    "text", ["im taking vitamin d at 70,000 iu a week, is that too much", "taking it at 65.5 mg ok?"]
)
def test_an_amount_typed_with_a_comma_or_point_places_nobody(bundled: EvidenceBase, text: str) -> None:
    assert ask(bundled, text).populations == []


# --- a child who is a bystander ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "i look after my two boys on my own and im worn out, would b12 help me",
        "caring for my son with autism leaves me wired at night, is melatonin ok for me",
        "i rang my daughter to say i started glutamine, is it ok with my keppra",
        "the children will be fine with their nan for the week, can i take melatonin for jet lag",
    ],
)
def test_a_child_in_passing_places_nobody(bundled: EvidenceBase, text: str) -> None:
    assert "children" not in ask(bundled, text).populations


@pytest.mark.parametrize(
    "text",
    [
        "i look after my son, can he try glutamine for his tummy",
        "my daughter says she gets stomach cramps, can she have glutamine",
        "my son thinks he has ibs, is glutamine safe for him",
        "mi hijo dice que le duele la barriga, puede tomar glutamina",
    ],
)
def test_a_child_who_is_asked_about_leads_with_the_childrens_caution(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert "children" in answer.populations
    assert answer.safety_level in {"caution", "avoid"}


# --- putting on weight, tired of living, the gut's parts, short typos, pain in other languages ---------


@pytest.mark.parametrize(
    "text",
    [
        "will glutamine make me put on weight",
        "can saffron stop me gaining weight",
        "i keep piling on the pounds since melatonin, could that be it",
        "has anyone gained weight on 5-htp",
    ],
)
def test_putting_on_weight_names_the_bases_weight_gain(bundled: EvidenceBase, text: str) -> None:
    assert "obesity" in _ids(ask(bundled, text))


def test_a_supplement_making_you_put_on_weight_is_a_side_effect_question(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "does omega 3 make you put on weight")
    assert answer.intent == "side_effects"
    assert "obesity" in _ids(answer)


@pytest.mark.parametrize(
    "text",
    ["i am tired to live, is glutamine helping this", "very tired for living, magnesium can help?",
     "i feel tired with life, would b12 do anything"],
)
def test_tired_of_living_as_learners_write_it_is_no_fatigue(bundled: EvidenceBase, text: str) -> None:
    assert "fatigue" not in _ids(ask(bundled, text))


def test_tiredness_itself_stays_fatigue(bundled: EvidenceBase) -> None:
    assert "fatigue" in _ids(ask(bundled, "always tired in the afternoon, would b12 help"))


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("does glutamine protect the cells that line the gut", "intestinal-barrier"),
        ("is bone broth good for the lining of my gut", "intestinal-barrier"),
        ("do probiotics change the bacteria in your gut", "gut-microbiome-balance"),
        ("does vitamin d wake up immune cells", "immune-cell-function"),
    ],
)
def test_the_guts_parts_in_everyday_words_reach_their_process(bundled: EvidenceBase, text: str, entity: str) -> None:
    ids = _ids(ask(bundled, text))
    assert entity in ids
    assert "gut-symptoms" not in ids


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("could magnesium lift my enrgy", "fatigue"),
        ("does omega 3 sharpen memry", "cognition"),
        ("does 5-htp give you nasea", "gut-symptoms"),
    ],
)
def test_a_name_word_one_letter_short_is_read(bundled: EvidenceBase, text: str, entity: str) -> None:
    assert entity in _ids(ask(bundled, text))


@pytest.mark.parametrize(
    "text",
    ["my dog dozes all day, would omega 3 help him", "she dotes on her cat, is magnesium ok for her",
     "the doles of fish oil at the clinic, are they any good"],
)
def test_an_english_word_one_letter_short_of_a_name_is_not_corrected(bundled: EvidenceBase, text: str) -> None:
    assert "pain" not in _ids(ask(bundled, text))


@pytest.mark.parametrize(
    "text",
    [
        "el omega 3 sirve para el dolor de espalda?",
        "o magnésio ajuda na dor nas costas?",
        "la glutammina peggiora il dolore?",
        "le magnésium calme-t-il la douleur?",
        "hilft Magnesium gegen Schmerzen?",
        "czy magnez pomaga na ból?",
    ],
)
def test_pain_named_in_another_language_is_pain(bundled: EvidenceBase, text: str) -> None:
    assert "pain" in _ids(ask(bundled, text))


@pytest.mark.parametrize("text", ["cutting out gluten, will i need more b12", "if i give up meat do i need b12"])
def test_cutting_a_food_out_is_a_change_of_diet(bundled: EvidenceBase, text: str) -> None:
    assert "dietary-change" in _ids(ask(bundled, text))


def test_a_plural_name_word_without_its_last_letter_is_not_read_as_the_name(bundled: EvidenceBase) -> None:
    # "nerves" is the lay word for anxiety; "nerve cells" are no anxiety
    assert "anxiety" not in _ids(ask(bundled, "does b6 protect the nerve cells in my feet"))


def test_a_food_dropped_from_the_diet_is_named_with_the_change(bundled: EvidenceBase) -> None:
    ids = _ids(ask(bundled, "since giving up meat im always tired, would b12 help"))
    assert {"dietary-change", "meat", "fatigue"} <= ids


def test_a_child_who_speaks_of_wanting_to_die_is_the_child_asked_about(bundled: EvidenceBase) -> None:
    answer = ask(bundled, "my daughter says she wants to die, is her melatonin ok")
    assert "children" in answer.populations


@pytest.mark.parametrize(
    "text",
    ["my calves are totally wrecked after the hike, would magnesium help",
     "hips shattered from the move, any use trying omega 3 for the aching"],
)
def test_a_body_part_wrecked_is_no_tiredness(bundled: EvidenceBase, text: str) -> None:
    assert "fatigue" not in _ids(ask(bundled, text))


def test_a_person_wrecked_is_tired(bundled: EvidenceBase) -> None:
    assert "fatigue" in _ids(ask(bundled, "totally wrecked every evening, would magnesium help"))


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("my octogenarian nan wants to try glutamine", "older adults"),
        ("I'm 30 weeks, is glutamine still ok", "pregnancy"),
        ("she's 16 wks and queasy, glutamine?", "pregnancy"),
        ("my sister is with child, may she take glutamine", "pregnancy"),
        ("glutamine for my year 10 son's stomach", "children"),
    ],
)
def test_more_ways_of_saying_a_life_stage_or_age(bundled: EvidenceBase, text: str, population: str) -> None:
    assert population in ask(bundled, text).populations


@pytest.mark.parametrize(
    "text",
    ["im 6 weeks into glutamine, is it working", "im 8 weeks post op, is glutamine ok now",
     "im 10 weeks postpartum, is glutamine ok"],
)
def test_weeks_of_something_else_are_no_pregnancy(bundled: EvidenceBase, text: str) -> None:
    assert "pregnancy" not in ask(bundled, text).populations


def test_a_woman_with_child_is_not_a_child(bundled: EvidenceBase) -> None:
    assert "children" not in ask(bundled, "my wife is with child, is glutamine ok for her").populations


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("can fish oil plug the holes in your gut", "intestinal-permeability"),
        ("does saffron settle inflammation in my intestines", "gut-mucosal-inflammation"),
        ("is bone broth good for the bowel lining", "intestinal-barrier"),
        ("what does fibre do to the microbiome in the gut", "gut-microbiome-balance"),
    ],
)
def test_more_of_the_guts_processes_in_everyday_words(bundled: EvidenceBase, text: str, entity: str) -> None:
    ids = _ids(ask(bundled, text))
    assert entity in ids
    assert "gut-symptoms" not in ids


@pytest.mark.parametrize(
    "text",
    ["started glutamine in april, is it safe with my ibs", "my plans came undone, is magnesium ok for stress",
     "got spam saying glutamine cures ibs, is that true"],
)
def test_an_everyday_word_ending_like_a_medicine_is_no_unknown_medicine(bundled: EvidenceBase, text: str) -> None:
    query = parse(text, bundled)
    assert not query.unknown_medicines
    assert query.intent.value != "interaction"


def test_a_generic_name_the_base_lacks_is_still_an_unknown_medicine(bundled: EvidenceBase) -> None:
    query = parse("can i take glutamine with lisinopril", bundled)
    assert query.unknown_medicines == ("lisinopril",)


@pytest.mark.parametrize(
    "text",
    ["ebf and exhausted, is glutamine ok", "is glutamine fine whilst bf", "still bf my toddler, glutamine?"],
)
def test_breastfeeding_in_the_forums_short_forms_leads_with_its_avoid(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert "breastfeeding" in answer.populations
    assert "children" not in answer.populations
    assert answer.safety_level == "avoid"


@pytest.mark.parametrize("text", ["my bf says glutamine helps his gut, is it safe", "bf and i both want glutamine"])
def test_a_boyfriend_is_no_breastfeeding(bundled: EvidenceBase, text: str) -> None:
    assert "breastfeeding" not in ask(bundled, text).populations


@pytest.mark.parametrize("text", ["is st johns wort safe for the eldery", "5-htp for eldery people, any risks"])
def test_a_slip_of_an_everyday_word_is_never_a_medicine_it_looks_like(bundled: EvidenceBase, text: str) -> None:
    answer = ask(bundled, text)
    assert "selegiline" not in _ids(answer)
    assert "older adults" in answer.populations


@pytest.mark.parametrize(("text", "entity"), [("does magnesum help sleep", "magnesium"),
                                              ("glutamine with my keprra", "levetiracetam")])
def test_a_slip_of_a_name_stays_the_name(bundled: EvidenceBase, text: str, entity: str) -> None:
    assert entity in _ids(ask(bundled, text))
