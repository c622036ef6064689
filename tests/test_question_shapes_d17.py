"""Administration, resources, comparison and safety asked in ways the word-by-word rules read by the
wrong part: an option the base lacks set against another, where to look a thing up, a route or form set
against another, a way to take it that spares an unwanted effect, taking it just after an activity,
stopping it suddenly, who should not take it, an animal given it, going on with it through a state and
a drink taken on it (issue 12 §3, the twenty-fifth round, intentD17: docs/question-understanding.md).

The wordings here are new (none is a corpus item; the corpus items of these families are x5600-x5694).
Each family is held by what `ask` routes the question to, with neighbours that must keep their own
reading, and by properties over the words that vary inside a family.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.question_helpers import parsed_intent as _intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # an option the base lacks, set against a named one or another unknown one, is a comparison
        ("coq10 or magnesium, which one works better for cramps", "comparison"),
        ("is rhodiola stronger than ashwagandha", "comparison"),
        ("kelp vs vitamin d for my thyroid", "comparison"),
        # ... but not against a placebo, two salts of one mineral, or when blame is asked
        ("magnesium or placebo for cramps", "effect"),
        ("magnesium glycinate vs citrate which is better", "administration"),
        ("is it the saffron or stress making me tired", "side_effects"),
        # where someone looks a thing up is resources; where on a pack is not
        ("where do coaches look up whether a supplement is allowed", "resources"),
        ("is there a decent database of supplement interactions", "resources"),
        ("where on the tub do i check the dose", "dosing"),
        # a route or a form set against another is administration
        ("b12 under the tongue versus swallowing", "administration"),
        ("magnesium tablet vs powder", "administration"),
        ("magnesium vs melatonin", "comparison"),
        # a way to take it that spares an unwanted effect; a way to get it from food is sources
        ("is there a way to take magnesium without getting the runs", "administration"),
        ("is there a way to get magnesium from food", "sources"),
        # just after an activity is when to take it; just after an operation is a state (safety)
        ("is it fine to take vitamin d straight after a run", "administration"),
        ("is it ok to take fish oil straight after surgery", "safety"),
        # stopping suddenly is whether to stop (safety); against tapering it is the way of stopping (dosing);
        # a medicine's is interaction
        ("can i quit 5-htp suddenly", "safety"),
        ("should i taper off melatonin or just stop suddenly", "dosing"),
        ("can i stop my sertraline suddenly", "interaction"),
        # who should not take it is safety; why they should not is a mechanism
        ("is there a reason someone with ibs shouldnt take saffron", "safety"),
        ("why shouldnt people with ibs take saffron", "mechanism"),
        # an animal given it is safety, an amount given dosing
        ("can dogs have melatonin", "safety"),
        ("can dogs have 3 fish oil capsules", "dosing"),
        # going on with it through a state is safety; while it works is no state
        ("should i keep taking magnesium while i have the flu", "safety"),
        ("should i keep taking magnesium while it's working", "effect"),
        # alcohol on it is safety (guide rule 3)
        ("can i have a couple of beers after taking melatonin", "safety"),
        # keeping it: going bad is shelf life
        ("does my fish oil go bad in the heat", "administration"),
    ],
)
def test_the_question_is_routed_by_how_it_is_asked(text: str, intent: str) -> None:
    assert _intent(text) == intent


_UNKNOWN_OPTIONS = ["riboflavin", "feverfew", "coq10", "rhodiola", "lecithin", "berberine", "curcumin", "kelp"]
_NAMED = ["magnesium", "melatonin", "fish oil", "vitamin d", "saffron", "probiotics"]


@settings(max_examples=40, deadline=None)
@given(
    unknown=st.sampled_from(_UNKNOWN_OPTIONS),
    named=st.sampled_from(_NAMED),
    first=st.booleans(),
    frame=st.sampled_from(["{a} or {b}, which is better", "which works better, {a} or {b}", "{a} vs {b} for sleep"]),
)
def test_an_option_the_base_lacks_is_still_compared(unknown: str, named: str, first: bool, frame: str) -> None:
    """Whichever side the name the base lacks stands on, two options ranked are a comparison."""
    a, b = (unknown, named) if first else (named, unknown)
    assert _intent(frame.format(a=a, b=b)) == "comparison"


@settings(max_examples=30, deadline=None)
@given(
    named=st.sampled_from(_NAMED),
    way=st.sampled_from(["suddenly", "abruptly", "all of a sudden"]),
    ask=st.sampled_from(["can i just stop my {x} {w}", "is it ok to stop {x} {w}", "is it bad to quit {x} {w}"]),
)
def test_stopping_suddenly_is_whether_to_stop(named: str, way: str, ask: str) -> None:
    """Whether stopping abruptly is ok is safety, whatever the word for abruptly; set against tapering
    it is the way of stopping (dosing)."""
    assert _intent(ask.format(x=named, w=way)) == "safety"
    assert _intent(f"should i taper {named} or stop it {way}") == "dosing"


@settings(max_examples=30, deadline=None)
@given(
    named=st.sampled_from(_NAMED),
    activity=st.sampled_from(["the gym", "a run", "my workout", "yoga", "a swim"]),
    ok=st.sampled_from(["ok", "fine", "alright"]),
)
def test_just_after_an_activity_is_when_to_take_it(named: str, activity: str, ok: str) -> None:
    """Before or after exercise is administration (guide), however the activity and the "ok" are worded."""
    assert _intent(f"is it {ok} to take {named} straight after {activity}") == "administration"
