"""Goals the evidence base holds no outcome for: building muscle and strength (sixth try-out, row 39).

"Does glutamine build muscle" names a goal, not a symptom, and the base has no entity for it, so the
reader left the verb over and the answer said "I don't recognise 'build'": the person's goal was
never named, and a verb was offered as the thing not known. When every unknown word of the question
lies inside a phrase naming such a goal ("build muscle", "muscle mass", "bulk up", "get stronger"),
the answer names the goal and says honestly that the base records no study of the supplement for it.
Muscle recovery after exercise is a process the base holds, and is read as such before this is asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# each goal as the answer says it, with the phrases people type for it (normalised text)
_GOALS: dict[str, str] = {
    "building muscle": (
        r"(build|builds|building|gain|gains|gaining|grow|grows|growing|put on|putting on|add|adding|increase|"
        r"increases|increasing) (some |more |lean )?muscles?( mass)?|(lean )?muscle (mass|gains?|growth|building|size)|"
        r"bulk(ing)?( up)?|bigger muscles|muscle builder|hypertrophy"
    ),
    "strength": r"(get|getting|make me|grow) stronger|strength( gains?)?|(build|gain|increase) strength",
}
_PATTERNS = {goal: re.compile(rf"(?<![a-z0-9])({p})(?![a-z0-9])") for goal, p in _GOALS.items()}


def unheld_goal(normalised: str, terms: Iterable[str]) -> str | None:
    """The goal named when every unknown term lies inside a phrase naming it, or None."""
    words = [w for t in terms for w in t.lower().split()]
    if not words:
        return None
    for goal, pattern in _PATTERNS.items():
        inside = {w for m in pattern.finditer(normalised) for w in m.group(0).split()}
        if inside and all(w in inside for w in words):
            return goal
    return None


def unheld_goal_sentence(goal: str, subject: str) -> str:
    """ "The evidence base records no study of glutamine for building muscle ..." """
    return (
        f"The evidence base records no study of {subject} for {goal}, so suppwise has no verdict on it; "
        f"what it holds on {subject} is below. Ask your pharmacist or doctor, or check a reliable source such as the "
        "NIH Office of Dietary Supplements or MedlinePlus."
    )
