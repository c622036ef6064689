"""Whether a thing is safe, common or worth it: question shapes the word-by-word rules in `intent` read
by the wrong word (issue 12 §3, intentG19 round).

Each family below is a way people ask one of seven things, and the word that misleads the other rules:

- **how common an unwanted effect is** (side effects): "how common is constipation with X", "how often
  does X cause nausea", "does everyone get the burps with X", "are tummy cramps a usual thing on X".
  "How often" and "how many" read as an amount, "common" and "usual" as nothing at all; what is asked is
  how likely the unwanted effect is. A benefit in the same frame ("does everyone get relief from X",
  "how many people does X help") is whether it works (effect).
- **reports and blame** (side effects): "any reports of X bringing on mania", "could it be down to the
  X", "only new thing is the X, connected?".
- **a supplement the base lacks, asked whether safe** (safety): "is spirulina safe", "is turmeric ok
  until then". The name is no entity, so nothing the other rules count says a supplement is asked about.
- **an operation or procedure ahead** (safety): "do I need to stop taking X before surgery" asks
  whether to stop it, not how to come off it.
- **supplements to avoid** with a medicine (interaction), or with a condition or in a population
  (safety): "which supplements should I stay away from on lamotrigine" reads "which supplements" as
  asking for options (alternatives).
- **taking less, more or a break** (dosing): "should I cut back on the X" ("cut" is set aside as a
  crisis word's idiom before the other rules read it), "a week off the X now and then".
- **other options asked for** (alternatives): "any other ideas", "anything you'd recommend for fibro
  fatigue".
- **a medicine as the reason for asking whether it works** (effect, guide rule 2: context): "I'd rather
  not take sleeping pills, does melatonin actually work", "worth giving 5-HTP a shot before going on
  antidepressants".
- **errands, shopping and the app's data** (unknown): "picking up my X from the chemist later", "is X
  on offer anywhere", "which shop near me sells X", "can I see my X entries in the app".

Every pattern is tied to its frame (the question's start or end, a verb of blame, a reason word), so a
question that only shares a word with a family is left to the other rules. The text read is the
predicate `intent.read_intent` reads (lower case, substances written ``zzsubstance``, medicines
``zzmedicine``, fillers gone); `raw` is the same before the idioms and fillers were taken out.
"""

from __future__ import annotations

from suppwise.questions.intents import Intent
from suppwise.questions.word_pattern import whole_words as _re

__all__ = ["asked_whether_intent"]

_THE = r"(the |my |this |that |taking |these )?"
_PEOPLE = r"(everyone|everybody|every one|most people|lots of people|loads of people|many people|a lot of people|" \
    r"other people|people)"
_BENEFIT = _re(
    r"relief|better|help|helps|helped|benefit\w*|improve\w*|results?|works?|worked|calmer|happier|relaxed|"
    r"less (pain|tired|anxious|bloated|achy)|more (energy|energetic|focused)"
)

# How likely an unwanted effect is, asked of everyone who takes it.
_HOW_COMMON = _re(
    r"how (common|likely|usual|normal|rare|typical) (is|are) (it )?(for (people|someone|you) )?(to (get|have|feel) )?"
    r"(\w+ ){0,3}?(with|on|from|after|when taking|when you take) " + _THE + r"zzsubstance|"
    r"how often (does|do|can|will|would) " + _THE + r"zzsubstance (cause|give|trigger|bring on|lead to|make)|"
    r"(does|do) " + _PEOPLE + r" (get|gets|have|experience|notice) (\w+ ){0,3}?(with|on|from|after) " + _THE
    + r"zzsubstance|"
    r"(does|do|can|will) " + _THE + r"zzsubstance (give|cause|make) " + _PEOPLE + r"\b|"
    r"how many (people|users|of you|folk|folks|patients) (get|gets|have|had|experience|notice|report) (\w+ ){0,4}?"
    r"(with|on|from|after) " + _THE + r"zzsubstance|"
    r"(is|are) (\w+ ){1,3}?(a )?(usual|normal|common|typical|known|regular) (thing|side effect|reaction|problem)s? "
    r"(on|with|from|after) " + _THE + r"zzsubstance|"
    # the same asked of anyone: "does anyone get palpitations with b12"
    r"(does|do|has|have|did) (anyone|anybody|any of you|someone) (else )?(get|got|gotten|had|have|experience|"
    r"experienced|notice|noticed) (\w+ ){1,3}?(with|on|from|after) " + _THE + r"zzsubstance$"
)
# How many it helps, or whether everyone is helped: whether it works.
_HOW_MANY_HELPED = _re(
    r"how many (people|patients|of them|users) (does|did|do|will|would) " + _THE + r"zzsubstance (help|work for|"
    r"benefit)|"
    r"(does|do) " + _PEOPLE + r" (get|find|feel|notice|see) (relief|benefit|results|a difference|better|"
    r"improvement) (from|with|on|after) " + _THE + r"zzsubstance"
)
# Others' reports of an unwanted effect, and an effect blamed on what is taken.
_REPORTED = _re(
    r"(any|are there( any)?|have there been( any)?) (reports|cases|stories|accounts) (of )?(people )?" + _THE
    + r"zzsubstance (bringing on|causing|triggering|giving|setting off|leading to)|"
    r"(any|are there( any)?|have there been( any)?) (reports|cases) of (\w+ ){1,3}?(from|with|on|after|caused by) "
    + _THE + r"zzsubstance"
)
_BLAMED = _re(
    r"(could|can|might|would|is) (it|this|that) (be )?(down to|because of|due to|caused by|the fault of) " + _THE
    + r"zzsubstance$|"
    r"(could|can|might) (the|my) zzsubstance (do|cause|have done|have caused) (that|this|it)$|"
    r"only (new )?(thing|change) (i ve |ive |i have |that s |thats )?(changed|started|new|different)? ?(is|was) "
    + _THE + r"zzsubstance( (connected|related|linked|to blame|the cause|the culprit))?$|"
    r"only (new )?(thing|change) (i ve |ive |i have )?(changed|done|started|added) (is|was) (adding|starting|taking) "
    + _THE + r"zzsubstance (\w+ ){0,8}?(related|connected|linked|to blame|a coincidence|coincidence)$"
)
# Kept from an unwanted state: whether it works, not an effect it causes ("can fish oil stop me gaining weight").
_KEEPS_FROM = _re(
    r"(can|could|will|would|does|do|might) " + _THE + r"zzsubstance (stop|prevent|keep) (me|you|him|her|them|us) "
    r"(from )?(gaining|getting|putting on|having|feeling|becoming)"
)
_LACK = _re(r"low|lack|lacking|deficien\w*|not enough|too little|short of")

# A supplement the base lacks, named before a word of safety that ends the question.
_UNLISTED_SAFE = _re(
    r"(is|are) (?!it\b|this\b|that\b|they\b|there\b)(\w+ ){1,3}?(safe|dangerous|risky|harmful|ok|okay|alright)"
    r"( to (take|use|have|try))?( (until then|for now|for me|for you|at all))?$"
)
# Stopping or taking it before an operation or procedure.
_PROCEDURE = (
    r"(surgery|operation|op|procedure|anaesthetic|anesthetic|general|colonoscopy|endoscopy|scan|mri|biopsy|"
    r"extraction|dental work|c section|caesarean)"
)
_BEFORE_A_PROCEDURE = _re(
    r"(stop|stopping|come off|coming off|quit|pause|hold off( on)?|keep taking|carry on( with)?|take|taking|have) "
    r"(taking )?" + _THE + r"zzsubstance (\w+ ){0,3}?(before|ahead of|prior to|until|up to|up until|after) "
    r"(my |the |a |an |her |his |their )?(\w+ ){0,2}?" + _PROCEDURE + r"\b"
)
_HOW_LONG = _re(r"how long|how many (days|weeks)|when should|when do|how soon")
# Supplements to keep away from, with a medicine, a condition or in a population.
_TO_AVOID = _re(
    r"(which|what|any) (supplements|vitamins|herbs|herbal \w+|remedies|minerals|natural \w+)( (and|or) \w+)? "
    r"(\w+ ){0,3}?(avoid|stay away from|steer clear of|keep away from|not (to )?take|not mix|don t mix|dont mix|"
    r"shouldn t (i )?take|shouldnt (i )?take|should not take|can t (i )?take|cant (i )?take|are off limits|"
    r"(shouldn t|shouldnt|should not|can t|cant|cannot|must not|mustn t) be (taken|mixed|combined))|"
    r"(supplements|vitamins|herbs) (to|i should|i need to|you should) (avoid|stay away from|steer clear of|"
    r"keep away from|not take)|"
    r"(which|what) (supplements|vitamins|herbs|remedies) (are|is) (bad|unsafe|dangerous|not safe|risky|a no no)"
)
# Taking less or more, or a break from it (read before the idioms go: "cut back" holds a crisis word).
_LESS_OR_A_BREAK = _re(
    r"(cut|cutting|cuts) (back|down) (on )?" + _THE + r"zzsubstance|"
    r"(a|one|two|\d+|some) (week|weeks|month|months|day|days|fortnight) off " + _THE + r"zzsubstance|"
    r"(a|some) (break|rest|holiday|time off) from " + _THE + r"zzsubstance|"
    r"(take|taking|use|using) (less|more|a smaller amount of|a bigger amount of|a lower dose of|"
    r"a higher dose of) " + _THE + r"zzsubstance"
)
# Other options asked for, none named.
_OTHER_IDEAS = _re(
    r"(any|got any|have you got any|are there any) other (ideas|suggestions|options|recommendations|tips)$|"
    r"^(anything|something|what) (else )?(you d|you would|would you|do you|can you|could you|you) (recommend|suggest)"
    r"( for| to)\b|"
    r"(anything|something) else (worth (a go|trying|a try|a shot)|i (could|can|should) try)$"
)
# A medicine as the reason for asking whether a supplement works.
_MEDICINE_AS_REASON = _re(
    r"(before (going|getting) on|before (starting|trying|resorting to)|to avoid (going on|taking|starting)|"
    r"rather than (going on|starting|taking)|(trying to|want to|hoping to|so i can) (stay off|keep off|get off|"
    r"come off|cut down on|cut out)|so (i|we) (don t|dont|do not) have to (take|go on)|(i|we) (don t|dont|do not) "
    r"want to (go on|take|be on|start)|(i d|id|i would) rather not (take|go on|be on)) (the |my |any )?zzmedicine|"
    r"(suggested|offered|prescribed|recommended|wants me on|wants to put me on|pushing) zzmedicine but|"
    # the medicine's own harm as the reason: "chemo is killing my appetite, would glutamine help me eat"
    r"zzmedicine (is |s |has been |keeps )?(killing|wrecking|ruining|destroying|making|makes|made|gives|giving|leaves|"
    r"leaving|messing up|messes up)"
)
_WORKS_ASKED = _re(
    r"(would|could|will|does|do|can|might) (it be worth (giving|trying) )?" + _THE + r"zzsubstance (\w+ )?(help|"
    r"work|ease|improve|do anything|a shot|a go|a try)|"
    r"(is|would) " + _THE + r"zzsubstance (be )?worth (it|trying|a (shot|go|try))"
)
_WORKS_ALONE = _re(
    r"^(does|do|will|would|can|could) " + _THE + r"zzsubstance (work|help|do anything|do any good)( for (me|it|that|"
    r"this|them)| (me|my|her|him|them|with my|with her|with his) (\w+ ){0,2}\w+)?$|"
    r"^(is|would) " + _THE + r"zzsubstance (be )?worth (it|trying|a (shot|go|try))$"
)
# "would it help with it": the medicine's effect asked about, a combining question
_WITH_IT = _re(r"with (it|them|that|those|these|this)$|together|alongside|on top")
_COMBINING = _re(
    r"with|together|alongside|on top|mix|mixing|combine\w*|interact\w*|clash\w*|while on|whilst on|same time"
)
# Errands, shopping and the app's data: nothing asked of the supplement itself.
_ERRAND = _re(
    r"^(i m |im |i am |i need to |need to |i must |must |gotta |got to |i have to |have to )?(remember to )?"
    r"(picking up|pick up|collect|collecting|order|ordering|reorder|re order|buy|buying) (some |more |my |the |a )?"
    r"(new )?zzsubstance( \w+)?( (from|at) (the )?(chemist|pharmacy|shop|boots|amazon|health shop|store|"
    r"supermarket))?( (later|today|tomorrow|tonight|this week|next week))?$|"
    # where it is on offer is an errand whatever story runs on before it ("i have fibro is glutamine on offer")
    r"\b(is|are) " + _THE + r"zzsubstance( \w+)? (on offer|on sale|in stock|back in stock|discounted)\b|"
    r"^where (can|do|could|should) (i|you|we) (buy|order) " + _THE + r"zzsubstance( (cheap|cheaper|online|in bulk|"
    r"near me|locally))?$|"
    r"^where (can|do|could|should) (i|you|we) (get|find) " + _THE + r"zzsubstance (cheap|cheaper|online|in bulk)$|"
    r"^(off|going|heading|popping|nipping) (out )?to (the )?(\w+ ){0,2}?(to )?(get|buy|pick up) (some |more )?"
    r"zzsubstance$|"
    r"^(my |the )?zzsubstance( \w+)? (arrived|came|has arrived|turned up|was delivered|got delivered)( today|"
    r" yesterday| this morning)?$|"
    r"^(does|do) (\w+ ){1,3}?(sell|stock|carry) " + _THE + r"zzsubstance$|"
    r"^(which|what) (shop|shops|store|stores|chemist|pharmacy|supermarket)s? (near me |nearby |round here |"
    r"around here )?(sells|sell|stocks|stock|has|have|carries|carry|does) " + _THE + r"zzsubstance$"
)
_APP_DATA = _re(
    r"(see|view|find|show|look at|check|get) (all )?(of )?(my )?(zzsubstance )?(entries|logs|data|history|records|"
    r"scores)( \w+){0,4} (in|on|from) (the|this|your) app$|"
    r"(export|download|print|back up|delete) (all )?(of )?(my )?(zzsubstance )?(log|logs|entries|diary|history|"
    r"records|scores)\b"
)
_UNLISTED_WORKS = _re(
    r"^(will|would|does|do|can|could) (?!it\b|this\b|that\b|they\b|anything\b|something\b|nothing\b|the\b)\w+ work$"
)


def asked_whether_intent(
    t: str,
    raw: str,
    *,
    substances: int,
    options: int,
    unknown_names: int,
    medicine: bool,
    population: bool,
    condition: bool,
) -> str | None:
    """The intent one of this module's families reads in the predicate `t` (`raw` before the idioms and
    fillers went), or None. `substances` counts the base's substances named, `options` every option
    named (a supplement the base lacks among them), `unknown_names` the names the base lacks that no list
    holds ("maca"); `medicine`, `population` and `condition` say whether
    one is named."""
    if substances:
        if not medicine:
            common = _HOW_COMMON.search(t)
            helped = _HOW_MANY_HELPED.search(t)
            if helped:
                return Intent.EFFECT
            if common and not _BENEFIT.search(t):
                return Intent.SIDE_EFFECTS
            if _KEEPS_FROM.search(t):
                return Intent.EFFECT
            if _REPORTED.search(t):
                return Intent.SIDE_EFFECTS
            if _BLAMED.search(t) and not _LACK.search(t) and not _BENEFIT.search(t):
                return Intent.SIDE_EFFECTS
            if _BEFORE_A_PROCEDURE.search(t) and not _HOW_LONG.search(t):
                return Intent.SAFETY
            if _LESS_OR_A_BREAK.search(raw) or _LESS_OR_A_BREAK.search(t):
                return Intent.DOSING
            if _ERRAND.search(t) or _APP_DATA.search(t):
                return Intent.UNKNOWN
        elif "zzmedicine" not in t and _WORKS_ALONE.search(t) and not _WITH_IT.search(t):
            return Intent.EFFECT  # the medicine was told before the question, as the reason for it
        elif _MEDICINE_AS_REASON.search(t) and _WORKS_ASKED.search(t) and not _COMBINING.search(t):
            return Intent.EFFECT
    if _TO_AVOID.search(t):
        if medicine:
            return Intent.INTERACTION
        if condition or population:
            return Intent.SAFETY
    if not substances and not medicine:
        if (options or unknown_names) and _UNLISTED_SAFE.search(t):
            return Intent.SAFETY
        if not (options or unknown_names) and _UNLISTED_WORKS.search(t):
            return Intent.EFFECT
        if _OTHER_IDEAS.search(t):
            return Intent.ALTERNATIVES
    elif _OTHER_IDEAS.search(t) and not medicine:
        return Intent.ALTERNATIVES
    return None
