"""The learned intent reader beside the rules (docs/question-understanding.md, "Ninth round").

The intent rules read every wording they were written for and miss many they were not; a linear
model over the question's words (`suppwise.textmodel`, trained by `tools/train_text_models.py` on
the parts of the corpus one may read) has seen more ways of asking than any rule names, but alone it
reads worse than the rules. So the rules decide, and the model's intent replaces theirs only where
the model is sure: its probability is at least the threshold in the model file's header, which was
chosen on labelled sets the rules were never tuned on (fresh sets d and e, their development
halves), by a rule declared in `tools/compare_intent_model.py` before any figure was seen.

The model reads `Query.model_text`: the question's words with every name replaced by its kind
("can i take zzsubstance with zzdrug"), so that the way of asking decides, not which supplement.

Where the model never overrides, whatever its probability:

- **A message read as a clear crisis.** Its intent follows the guide's crisis convention
  (`parse._crisis_intent`: the question it asks, `unknown` when it asks nothing), which is about
  whether anything is asked beside the despair, not about how an ordinary question is worded; the
  model learned the second from ordinary questions.
- **Asking for help** (`resources`), in either direction: a request for a crisis line or a doctor
  is read by its explicit wording and answered with resources; a model's softer reading may neither
  take that answer away nor give it to a question that did not ask for it.

**Where the rules fell back** (docs/question-understanding.md, "Fourteenth round"): the rules'
`effect` default (`intent.IntentReading.fallback`: no rule read a cue, and `effect` is what the
question's names default to) is the one place the model may act even while its general override is
off, at `FALLBACK_THRESHOLD` (a constant here, chosen by the rule declared in that round; above 1 it
is off). It never overrules a rule that read a cue, and it may not turn a question into `unknown` or
`resources`: a question that names something the base holds keeps an answer, and a question that
names nothing is `unknown` by the rules, never a fallback to `effect`, so it is never read here
("is it raining").

The model changes the intent only: crisis flags, entities, populations and the reading of the
message are the rules' alone (tests/test_intent_model.py holds this over the corpus).
"""

from __future__ import annotations

from suppwise.questions.intent import Intent
from suppwise.safety.crisis import CrisisTier
from suppwise.textmodel import load_model

__all__ = ["FALLBACK_THRESHOLD", "MODEL", "learned_intent"]

MODEL = "intent.bin"

# Decided by the rules alone (see the module docstring).
_RULES_ONLY = frozenset({Intent.RESOURCES})
# Where the rules fell back to `effect`: the model's probability needed to replace it (above 1: off).
FALLBACK_THRESHOLD = 1.01
# What the model may not give in place of the `effect` default (module docstring).
_NOT_FOR_A_FALLBACK = frozenset({Intent.RESOURCES, Intent.UNKNOWN})


def learned_intent(intent: Intent, model_text: str, tier: CrisisTier | None, *, fallback: bool = False) -> Intent:
    """The rules' `intent`, or the model's where it is sure and allowed to say (module docstring).
    `model_text` is the question as the model reads it; `tier` the crisis reading's tier; `fallback`
    whether the rules' intent is their default, read from no cue."""
    if tier is CrisisTier.CLEAR or intent in _RULES_ONLY or not model_text:
        return intent
    model = load_model(MODEL)
    if model.threshold <= 1.0:
        probabilities = model.probabilities(model_text)
        label = max(probabilities, key=lambda name: probabilities[name])
        if probabilities[label] < model.threshold:
            return intent
        learned = Intent(label)
        return intent if learned in _RULES_ONLY else learned
    if not fallback or intent is not Intent.EFFECT or FALLBACK_THRESHOLD > 1.0:
        return intent  # switched off, or a cue decided: no work per question
    probabilities = model.probabilities(model_text)
    label = max(probabilities, key=lambda name: probabilities[name])
    learned = Intent(label)
    if probabilities[label] < FALLBACK_THRESHOLD or learned in _NOT_FOR_A_FALLBACK:
        return intent
    return learned
