"""Plain questions the word-by-word rules read by the wrong word (issue 12 §3, intentx20 round).

Each family is a way people ask one thing and the word that misled the other rules:

- **a benefit told, and whether the supplement brought it** (effect): "she slept through the night after
  the magnesium, coincidence?", "how many got better on 5-htp", "my mood is no better, does it actually
  work". Blame ("coincidence?", "since I started") and "how many" belong to the side-effect frames, but
  what is blamed here is a benefit or its absence: whether it works (guide, section 2: effect, "what the
  trials say").
- **a change of diet, and whether a supplement is needed for it** (effect, decided in this round and
  recorded in docs/question-corpus.md section 2): "going vegan next month, will I need extra b12",
  "cutting out gluten, do I need extra b vitamins". "Extra" and "more" read as an amount (dosing); what
  is asked is whether to take it at all, given the change, as a medicine told as the reason is context
  (guide rule 2). An amount asked ("how much b12 now I'm vegan") stays dosing, and whether the diet
  supplies it ("can I get enough from a vegan diet") stays sources.
- **an unwanted state a drink brought on, and a supplement to ease it** (effect): "coffee gives me the
  jitters, would magnesium calm them down". "Gives me" reads as a side effect, but the supplement is
  asked to treat what the coffee did (the jitters are the drink's side effect, the supplement's
  outcome; decided in this round, docs/question-corpus.md section 2). "Would green tea extract give me
  the jitters" is still a side effect.
- **all of one's supplements taken together** (administration, or safety when asked whether that is
  OK): "can I take them all together in the morning", "my whole handful of vitamins in one go, does that
  stop them absorbing", "I took all my supplements at once, is that ok". "All", "at once" and "together"
  read as stockpiling or an amount; the words are about supplements, not a medicine, so guide rule 3
  (another supplement alongside: safety) and the time of day or absorption (administration) decide.
- **another time of day or the skin as the route** (administration): "no point taking magnesium at night if
  it gives me the runs, when else can I take it", "dying to try the new magnesium spray, does it absorb
  through the skin". The side effect told is the reason (not asked), and "dying" and "absorb" had read as
  safety and effect.
- **two supplements the base lacks, taken together** (safety, guide rule 3): "can you take zinc with
  iron". Neither name is an entity, so nothing counted a supplement and the question fell back to
  `unknown`.
- **damage to an organ asked of a supplement the base lacks** (safety, guide rule 6): "can ashwagandha
  cause liver damage". The rule for the base's supplements (`leftover_shapes`) needs a supplement named;
  this one reads the same frame (`leftover_shapes.harms_an_organ`) for a name the base lacks. Settled in
  this round: organ damage asked as a cause is safety, as four of the five such items were labelled
  (fh-0152's side-effects label is the exception, kept for the split's strata).
- **a supplement the base lacks, for a condition, as bare keywords** (effect, guide rule 10): "psyllium
  husk for constipation with ibs?", "lion's mane for depresion". Bare keywords ask nothing by their
  shape, so the fallback for a condition named (effect when asked) never held.

The text read is the predicate `intent.read_intent` reads (lower case, names written ``zzsubstance`` and
``zzmedicine``, fillers gone). Each family is tied to its frame, and none reads a message with a medicine.
"""

from __future__ import annotations

from suppwise.questions.intents import Intent
from suppwise.questions.leftover_shapes import harms_an_organ
from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["asked_plainly_intent"]

_THE = r"(the |my |this |that |her |his |your )?"
# A benefit told of, or its absence.
_BENEFIT_TOLD = _re(
    r"(slept|sleeping|sleeps) (right )?(through|all night|better|well)|(has|have|had) (really )?(eased|improved|"
    r"gone|cleared( up)?|settled|calmed down|lifted)|eased off|got better|get better|getting better|felt better|"
    r"feel better|feeling better|improved|improvement|(is|was|are|feel|feels|felt) no better|no better|"
    r"(pain|mood|sleep|energy|bloating|headaches?) (is|was|has been|are) (better|gone|easier|improved)"
)
# Whether the supplement brought it, or whether it works at all.
_BROUGHT_IT = _re(
    r"coincidence|(a )?fluke|(was|is) (it|that) (the )?zzsubstance|"
    r"(does|did|is) (it|zzsubstance) (actually |really |even )?(work|working|doing anything)|"
    r"how many (people |of them |patients )?(got|get|felt|feel|were|are) (better|well)"
    r"|(how many|what (percentage|proportion|share)) (\w+ ){0,3}?(got|get|felt|were) (better|well)"
)
# An unwanted effect told as new (blamed on it, that is a side effect), not a symptom that eased.
_UNWANTED = _re(
    r"side effects?|worse|(got|get|getting|have|having|had) (a |an |the |some |really bad |bad )?(?!better|well\b)"
    r"(rash|nausea|headaches?|diarrh\w+|the runs|cramps|heartburn|palpitations|nightmares?|jitters|hives)|"
    r"(gave|gives|giving) me|developed|broke out|breaking out|(feel|felt|feeling) (sick|dizzy|groggy|drowsy|jittery)"
)

# An unwanted state a drink brought on ("coffee gives me the jitters"), and a supplement asked to ease it.
_DRINK_CAUSED = _re(
    r"(coffee|coffees|caffeine|espresso|energy drinks?|red bull|monster|alcohol|wine|beer|booze|cola|pre workout) "
    r"(always |usually |really |just )?(gives|give|gave|makes|made|leaves|left|gets|got) (me|him|her|us|them)|"
    r"(jitters|jittery|shaky|wired|buzzing) (from|after) (\w+ ){0,2}?(coffee|coffees|caffeine|espresso|energy drinks?|"
    r"alcohol|wine|beer|cola|pre workout)"
)
_EASED_BY = _re(
    r"(would|could|can|does|do|will|might|is) zzsubstance (\w+ )?(help|calm|ease|settle|soothe|stop|fix|counter\w*|"
    r"take the edge off|good for|any good)"
)

# All of one's supplements, together, at once or in one go.
_SUPPLEMENTS = r"(supplements|vitamins|vits|supps|supp|vit)"
_ALL_TOGETHER = _re(
    r"(all|whole handful of|handful of|all of) (my |the |our |your )?" + _SUPPLEMENTS + r"\b(\s\w+){0,6}?"
    r" (together|at once|in one go|at the same time|in one hit)|"
    + _SUPPLEMENTS + r"\b(\s\w+){0,8}? (take|have|swallow) (them|those|these) all (together|at once"
    r"|in one go|at the same time)"
)
_HOW_TAKEN = _re(
    r"in the (morning|evening)|at (night|bedtime|breakfast|lunch|dinner)|with (food|breakfast|a meal|meals|water)|"
    r"absorb\w*|absorption|cancel (each other )?out|stop (them|each other) (working|absorbing)|best time"
)
_OK_ASKED = _re(
    r"(is|was|would|will) (that|it|this) (be )?(ok|okay|alright|all right|safe|fine|bad|dangerous|a problem|harmful)"
    r"|should i (worry|be worried)|will i be (ok|okay|alright|fine)|"
    r"(is|was) (it|that) (ok|okay|alright|all right|safe|fine|bad|dangerous|a problem|harmful) to"
)

# A change of diet told: going vegan, cutting out a food, a named diet started.
_DIET_CHANGED = _re(
    r"(going|gone|went|go|turned|turning|becoming|became|switching to|switched to) (fully )?(vegan|vegetarian|veggie|"
    r"plant based|keto|pescatarian|gluten free|dairy free)|"
    r"(cutting|cut|cuts|giving|give|gave|given|quitting|quit|dropping|dropped|ditching|ditched|stopping|stopped) "
    r"(out |up )?(all )?(gluten|dairy|meat|sugar|carbs|wheat|red meat|fish|eggs|animal products|milk)|"
    r"(started|starting|trying|try|doing|on) (a |the )?(vegan|vegetarian|keto|gluten free|low fodmap|fodmap|"
    r"elimination|plant based|dairy free) diet"
)
# Whether a supplement is needed because of it.
_NEEDED = _re(
    r"(do|will|would|might|should) i (then |now |also )?(need|have to take|have to add) (to take |to add |to start )?"
    r"((extra|more|some|a|an|any)\s)?zzsubstance|"
    r"(do|will|would|might|should) i (then |now |also )?(need|have to take) (to take |to add )?(extra|more) \w+|"
    r"(should|do|must) i (start |also )?(take|add|supplement|be taking) (extra |more |some )?zzsubstance|"
    r"zzsubstance (worth taking|worth adding|needed|a must)"
)
_FROM_FOOD = _re(r"from (my |the |a |your )?(diet|food|foods|meals)|enough from|how much|dose|dosage|mg|mcg|iu")

# Another time or route of taking it asked, whatever the reason told ("if it gives me the runs, when else can
# i take it"; "dying to try the spray, does it absorb through the skin").
_ON_SKIN = (
    r"(it|they|zzsubstance( (spray|sprays|cream|creams|patch|patches|oil|gel|lotion))?|the (spray|cream|oil|gel)|"
    r"sprays|creams|patches)"
)
_ANOTHER_WAY = _re(
    r"when else (can|could|should|do) (i|you|we) (take|have) (it|them|zzsubstance)|"
    r"(what|which) other time (of day )?(can|could|should|do) (i|you)|"
    r"(does|do|will|would|can) " + _ON_SKIN + r" "
    r"(actually |really |even )?(absorb|get absorbed|be absorbed|soak in) (through|via|into) (the |my |your )?skin|"
    r"(is|are) " + _ON_SKIN + r" (actually |really )?absorbed (through|via) (the )?skin"
)

# Two supplements the base lacks, taken or mixed together.
_TAKEN_WITH = _re(
    r"(take|taking|have|having|mix|mixing|combine|combining|stack|stacking) \w+( \w+)? (with|and|alongside) \w+"
)
_CHOICE = _re(r"or|vs|versus|better|instead|rather|compare\w*|difference")
_WHY = _re(r"why|how (does|do|did|is|are|can|could|would|will)")
# A dose, side-effect or food word beside bare keywords asks that (guide rule 10).
_OTHER_KEYWORD = _re(r"dose|doses|dosage|dosing|mg|mcg|iu|how much|amount|side effects?|foods?|interactions?")

_AMOUNT = _re(r"\d+|every day|daily|long term|for years|for months")

# Bare keywords: an unlisted name, "for", a condition or outcome.
_FOR_A_GOAL = _re(r"\w+ for (my |her |his |a |an |the |your )?\w+")
_ASKS = _re(
    r"what|which|how|why|when|where|who|is|are|does|do|did|can|could|should|would|will|any|anyone|safe|ok|okay"
)


def asked_plainly_intent(
    t: str, raw: str, *, substances: int, options: int, unknown: int, medicine: bool, foods: int, condition: bool,
    outcome: bool,
) -> str | None:
    """The intent one of the module's families reads in `t`, or None. `options` counts every name told
    (the base's and the ones it lacks); `condition` and `outcome` say whether one of those kinds was
    named."""
    if medicine or _WHY.search(t):
        return None
    if _ANOTHER_WAY.search(t):
        return Intent.ADMINISTRATION.value  # another time of day or the skin as the route (guide: administration)
    if substances and _BENEFIT_TOLD.search(t) and _BROUGHT_IT.search(t) and not _UNWANTED.search(t):
        return Intent.EFFECT.value  # "slept through after the magnesium, coincidence?": whether it works
    if substances and _DRINK_CAUSED.search(t) and _EASED_BY.search(t):
        return Intent.EFFECT.value  # "coffee gives me the jitters, would magnesium calm them": the drink's, eased
    if (substances or options) and _DIET_CHANGED.search(raw) and _NEEDED.search(t) and not _FROM_FOOD.search(t):
        return Intent.EFFECT.value  # "going vegan, will i need extra b12": whether to take it, given the change
    if _ALL_TOGETHER.search(t):
        if _OK_ASKED.search(t):
            return Intent.SAFETY.value  # supplements taken together, whether that is OK (guide rule 3)
        if _HOW_TAKEN.search(t):
            return Intent.ADMINISTRATION.value  # the time of day or absorption of taking them together
    if not substances and not foods and (options or unknown) and harms_an_organ(t) and not _AMOUNT.search(t):
        return Intent.SAFETY.value  # "can ashwagandha cause liver damage": an organ's harm (guide rule 6)
    if not substances and not foods and options >= 2 and _TAKEN_WITH.search(t) and not _CHOICE.search(t):
        return Intent.SAFETY.value  # "can you take zinc with iron": two supplements the base lacks (rule 3)
    if (
        not substances and not foods and options >= 1 and (condition or outcome)
        and len(t.split()) <= 8 and _FOR_A_GOAL.search(t) and not (_ASKS.search(t) or _OTHER_KEYWORD.search(t))
    ):
        return Intent.EFFECT.value  # "psyllium husk for constipation": bare keywords (guide rule 10)
    return None
