"""When the comparison that leads an answer was written for a goal or a condition the question did not
ask about, said before it (issue 12 §3; fifth try-out, docs/question-understanding.md).

The comparisons of the base are each written for one goal in one setting ("Easing fibromyalgia pain
with a supplement", "Sleeping better with fibromyalgia"). The closest one leads when none fits, and
its title was printed as if it answered the question: "glutamine vs magnesium for fibro fatigue"
was answered "Easing fibromyalgia pain with a supplement: the options are compared below", and
"valerian root or melatonin for sleep" with the fibromyalgia sleep comparison, a condition the asker
never named (fourth try-out, left). The options' notes then read as evidence on the symptom or in
the setting asked about. A comparison framed for another condition the question names is said by
`answer._framed_elsewhere`; this module says the other two cases.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.names import mid_sentence
from suppwise.evidence.schema import Comparison

__all__ = ["framed_for_another_goal"]


def framed_for_another_goal(
    base: EvidenceBase,
    lead: Comparison,
    outcomes: Sequence[str],
    conditions: Sequence[str],
    mid: Callable[[str], str],
) -> str:
    """The sentence that says what the leading comparison was written for, when that is not what the
    question names: another symptom (`outcomes` named, none of them the comparison's or within it), or
    a condition the question does not name at all. "" when the comparison fits."""
    goal = mid_sentence(lead.goal)
    if outcomes and lead.outcome is not None and not any(lead.outcome in base.ancestors(o) for o in outcomes):
        setting = f" in {mid(lead.condition)}" if lead.condition is not None and lead.condition in conditions else ""
        asked = " or ".join(mid(o) for o in outcomes)
        return (
            f"The evidence base holds no comparison of these options for {asked}{setting}; the closest, "
            f"written for another goal ({goal}), is below"
        )
    if lead.condition is not None and not conditions:
        return (
            f"The comparison below was written for {mid(lead.condition)} ({goal}), which the question does not "
            "name; the options' notes come from that setting"
        )
    return ""
