"""What signals self-harm risk in what a person writes, and the ordinary idioms that only look like it.

Written for recall: a false alarm costs a person one paragraph of reading; a miss could cost a life.
So a signal is broad (a wish to die said any way, a question about a lethal amount whoever asks),
and precision comes from a short list of idioms that are blanked out before the signals are read
("dying to know", "this pain is killing me", "dead tired", "overdosed on coffee lol"). An idiom
never hides a real signal elsewhere in the message: only its own words are blanked.

Every pattern reads text folded by `crisis_text.fold` (lower case, no punctuation, contractions and
text-speak spelled out, typos of crisis words corrected), so "I dont wanna wake up", "i do not want
to wake up" and "I don't want to wake up" are one form. The families follow the corpus guide's
crisis rules (docs/question-corpus.md, section 6) and are documented in docs/crisis.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from suppwise.regex_gate import group_syntax
from suppwise.safety.crisis_text import strip_accents

__all__ = [
    "ACCIDENT",
    "AMOUNT_ASKED",
    "CRISIS_ONLY_IDIOMS",
    "IDIOMS",
    "NAMES_ONLY",
    "SIGNALS",
    "TOXICITY_ASKED",
    "Idiom",
    "Signal",
    "SignalKind",
    "death_or_means",
    "names_only_interaction",
]


class SignalKind(StrEnum):
    """Why a message shows risk. `means` kinds are those whose answer could serve self-harm (an
    amount, a combination, a method), so the answer to them is withheld."""

    EXPLICIT = "explicit"  # suicide, self-harm, kill myself, in any framing
    WISH_TO_DIE = "wish_to_die"  # want to die, not wake up, not be here, disappear, ready to go
    HOPELESSNESS = "hopelessness"  # no point, no future, hopeless, can't go on, done with everything
    BURDEN = "burden"  # a burden, better off without me
    GOODBYE = "goodbye"  # last message, letters written, affairs sorted
    STOCKPILING = "stockpiling"  # saving up a medicine, taking all of it at once
    LETHALITY = "lethality"  # overdose, lethal/fatal/deadly/toxic amount, could it kill a person
    METHOD = "method"  # self-harm methods, the least painful way to go
    OTHER_LANGUAGE = "other_language"  # the same, in another language
    LEARNED = "learned"  # no rule, but the learned model reads it as what people in crisis write
    TOXICITY = "toxicity"  # only whether a supplement can be overdosed or is toxic: no death, no medicine, no count
    AMOUNT = "amount"  # the learned model reads risk in a message that asks about an amount or a combination

    @property
    def means(self) -> bool:
        return self in (SignalKind.STOCKPILING, SignalKind.LETHALITY, SignalKind.METHOD, SignalKind.AMOUNT)


@dataclass(frozen=True)
class Signal:
    kind: SignalKind
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Idiom:
    """An ordinary phrase built from crisis words. `distress` marks the ones that still say a person
    is struggling ("this pain is killing me"): their answer carries a gentle support line."""

    pattern: re.Pattern[str]
    distress: bool
    # Where set, the idiom holds only in a message that also says this ("my dog ate ...", before "is she
    # going to die"); only the idiom's own words are blanked, so the story before it is still read.
    within: re.Pattern[str] | None = None

    def holds(self, text: str) -> bool:
        """True when the idiom is in `text` (and what it needs beside it, if anything)."""
        return bool(self.pattern.search(text)) and (self.within is None or bool(self.within.search(text)))

    def set_aside(self, text: str, blank: str) -> str:
        """`text` with the idiom's own words replaced by `blank` where the idiom holds."""
        return self.pattern.sub(blank, text) if self.holds(text) else text


_SELF = r"(myself|himself|herself|themselves|themself|yourself|ourselves)"
_PERSON = (
    r"(i|me|you|someone|somebody|anyone|anybody|a person|a human|an adult|people|person|he|she|him|her|"
    r"epileptics|patients|a child|a kid|my (wife|husband|partner|son|daughter|mum|mom|dad|friend))"
)
# Medicines by their general names, and the ones most often taken in overdose or prescribed to the
# people suppwise serves (brand names too): "took all my gabapentin" means the whole supply.
_MEDS = (
    r"(pills?|tablets?|tabs|meds|medication|medications|medicines?|capsules?|caps|sleeping pills|"
    r"sleeping tablets|painkillers|pain killers|antidepressants|prescriptions?|paracetamol|acetaminophen|tylenol|"
    r"panadol|co codamol|cocodamol|codeine|ibuprofen|aspirin|tramadol|oxycodone|morphine|fentanyl|opioids?|"
    r"gabapentin|neurontin|pregabalin|lyrica|amitriptyline|nortriptyline|sertraline|citalopram|escitalopram|"
    r"fluoxetine|prozac|paroxetine|venlafaxine|duloxetine|cymbalta|mirtazapine|trazodone|zopiclone|zolpidem|"
    r"diazepam|valium|lorazepam|xanax|alprazolam|quetiapine|olanzapine|lithium|insulin|lactulose|keppra|"
    r"levetiracetam|lamotrigine|lamictal|valproate|depakote|epilim|carbamazepine|tegretol|topiramate|topamax|"
    r"phenytoin|dilantin|propranolol|methotrexate|warfarin|sleepers|benzos|opiates)"
)
_CONTAINER = r"(tub|bottle|pack|packet|box|jar|strip|blister pack|container|supply|tube|sachets|bag)"
# Twenty or more of something, written any way, that is not an amount with a unit ("30 g", "20 minutes").
# Not an age ("she is 80", "aged 92", "turned 85"), nor a daily regimen ("takes 20 different pills",
# "on 12 tablets a day"): those name no amount taken at once.
_MANY = (
    r"(?<!\bis )(?<!\bs )(?<!\bm )(?<!aged )(?<!age )(?<!turned )(?<!turning )(?<!turns )(?<!nearly )"
    r"(\d{2,}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds|a handful|handfuls|dozens|"
    r"a dozen|a fistful)\b(?! ?(g|mg|mcg|gram|grams|ml|mls|kg|iu|minutes|mins|min|days|weeks|months|years|hours|"
    r"hrs|seconds|percent|kilos|kms|km|miles|steps|times|drops|units|am|pm|year|kg|lbs|pounds|stone|mile|"
    r"minute|day|week|month|hour|yo|yrs|yr|of (them|these|those)? ?(days|weeks|years|minutes)|(different|separate|"
    r"kinds of|types of|other|prescribed|regular|daily)|(\w+ ){0,2}(a|per|each|every|in a|over a|over the) (day|week|"
    r"month|year|night|fortnight|course)|(\w+ ){0,2}(daily|every (day|morning|night)))\b)"
)
# A symptom, chore or treatment a person can be weary of, hopeless about or want out of: named, it
# is the object of the weariness ("the bloating is hopeless", "I want out of this flare"), not life.
_NUISANCE_NOUN = (
    r"(bloating|bloat|pain|pains|cramps?|itch\w*|fatigue|"
    r"tiredness|fog|brain fog|nausea|diarrh\w*|constipation|ibs|fibro|flares?|symptoms?|headaches?|migraines?|"
    r"insomnia|reflux|heartburn|wind|gas|side effects?|trial|diet|taste|smell|noise|weather|heat|spasms?|"
    r"stiffness|aches?|burning|tingling|numbness|acne|rash|flushes|sweats|cough|eczema|periods?|waiting list|"
    r"tinnitus|ringing|dizziness|vertigo|hives|hair loss|sinuses|snoring|sickness|vomiting|"
    r"appointments?|paperwork|job|commute|neighbours?|kids|toddler|teething|fodmap \w+)"
)
# Away for a stated time or on a trip: "wants to be gone all weekend", "disappear for a few days".
_AWAY_FOR = (
    r"((all|for|for the|for a|for the whole|over the|the whole) (\w+ )?(weekend|day|days|week|weeks|night|nights|"
    r"evening|afternoon|morning|month|summer|holiday|holidays|fortnight|trip|festival)|"
    r"(on|to) (a |the )?(holiday|vacation|trip|festival|camping|retreat|honeymoon|cruise)|"
    r"(at|to) (a |the )?(festival|concert|party|sleepover|camp|gym)|"
    # lost in a pastime: "disappear into a book all weekend" (seventh crisis round)
    r"into (a |my |the |this |that |\w+ )?(book|books|novel|game|games|series|show|box set|film|films|garden|"
    r"music|podcasts?|hobby|knitting|crochet|puzzles?))"
)
# An animal as whom a harm is for: "toxic to dogs", "lethal for a dog", "can it kill my cat".
_ANIMAL = (
    r"((a|an|my|the|our|your|his|her|their) )?(\w+ )?(cats?|dogs?|pets?|puppy|puppies|kittens?|kitty|animals?|"
    r"horses?|ponies|pony|birds?|parrots?|budgies?|fish|hamsters?|rabbits?|bunny|bunnies|guinea pigs?|ferrets?|"
    r"rats?|mice|tortoises?|lizards?|snakes?|livestock|cows?|sheep|goats?)\b"
)
_FATAL = r"(fatal|deadly|lethal|life threatening)"
# Whom or what a goodbye is said to when it is no farewell to life: a professional, a place, a job.
_NAMED_FAREWELL = (
    r"(the |my |your |our )?(old |previous |last |lovely )?(gp|doctor|consultant|therapist|physio|physiotherapist|"
    r"nurse|dentist|pharmacist|specialist|surgeon|clinic|job|colleagues|house|flat|car|office|team|holiday)\b"
)
_AMOUNT = r"(dose|doses|dosage|amount|amounts|quantity|level|levels|much|many|large|larger|big|huge|high|higher)"
# Supplements by name (the base's and the ones people most often keep): a supply or a farewell whose
# object is one is ordinary use (corpus guide, section 6: stockpiling means saving a medicine to take at
# once), as the generic words "supplements", "vitamins" and "protein" already were.
_SUPPLEMENT = (
    r"(glutamine|l glutamine|magnesium|melatonin|zinc|iron|calcium|biotin|glycine|fish oil|omega 3|omega 3s|cod "
    r"liver oil|probiotics?|prebiotics?|whey|collagen|creatine|turmeric|curcumin|5 htp|saffron|st johns wort|"
    r"l methylfolate|methylfolate|folate|folic acid|b12|b vitamins|vitamin ([a-ek]|b ?[0-9]{1,2}|d[23]|k[12])\b|"
    r"green tea extract|gaba|"
    r"ashwagandha|electrolytes|theanine|l theanine|elderberry|echinacea|multivitamins?)"
)

_FAMILIES: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.EXPLICIT: (
        r"suicid\w*",
        r"sui ?cide",
        r"selfharm\w*",
        r"self (injur\w*|mutilat\w*|destruct\w*)",
        rf"(kill|killing|killed|kil|kill ?ed|off|offing|end|ending|hang|hanging|drown|drowning|shoot|"
        rf"shooting) {_SELF}",
        r"kms",
        r"kys",
        r"unalive\w*",
        r"sewer ?slide",
        r"self delet\w*",
        r"(take|taking|took|end|ending|ended) (my|his|her|their|your) (own )?life",
        r"(my|his|her|their) own life",
        r"end (it|it all|everything|things|this) (tonight|today|now|soon|for good)",
        r"end (it|things|everything) all",
        r"(ending|end) (it all|things|everything)\b(?! (else|on|in|with|at))",
        r"(end|ending) (it|my life|things|everything) (with|using|by taking|by)\b",
        r"ending it\b(?! (early|now|after|before|when|if|on|with|at))",
        r"(going|want|wanted|plan|planning|ready|decided|thinking about|thinking of|think about) (to )?end it\b",
        r"want (it|this|everything|it all|life) to (just )?(be over|end|stop)",
        r"(wish|want|hope) (it|this|everything|it all|life) (would |will |could )?(all )?(end|stop|be over)\s*$",
        r"want everything to stop",
        # self-harm shown, not named: marks on the body, a relapse counted in time clean, slang "sh"
        r"(cuts|cut marks|burns|burn marks|scars|scratches|wounds) (\w+ ){0,2}on (my|his|her|their|your) "
        r"(\w+ (s )?)?(arms?|wrists?|legs?|thighs?|stomach|hips?|body)",
        r"(cuts|burns|marks|wounds|bruises|scars) (that )?(i|he|she|they) (did|made|gave|do|make) (to )?"
        r"(myself|himself|herself|themselves|themself)",
        r"\bsh\b (again|tonight|urges?|relapse\w*|scars?|wounds?|cuts?)",
        r"(relapse\w*|relapsing) (\w+ ){0,4}(days?|weeks?|months?|years?) clean",
        r"(suicide|my|his|her|their|last|previous|first|second|failed) attempts?\b(?! (to|at))",
        r"attempted\b(?! (to|it|a|the|this|that|an))",
    ),
    SignalKind.WISH_TO_DIE: (
        r"(want|wants|wanted|wanting|wish|wished|wishing|going|ready|prefer|rather|like|plan|planning|"
        r"thinking about|think about|long|longing|need) (to )?(just )?(die|be dead|dying)",
        r"rather (be )?(die|dead)",
        r"(i|we|you|he|she|they) (would|will|could|might|may|am going to|are going to|is going to|"
        r"just|should) (just )?die",
        r"better off (dead|gone|not here|not around|not alive|six feet under|in the ground)",
        r"(wish|wishes|wished|wishing|want|wants|wanted) (that )?(i|he|she|they|to) (was|were|be|had|could|would|"
        r"never) "
        r"(dead|die|gone|not here|not alive|never born|been born|not exist|disappear|sleep forever|"
        rf"not wake up|never wake up|never woke up|not born)(?! {_AWAY_FOR})",
        r"never (been )?born",
        # not one more breath wished for (fourteenth round: "i'd rather not take another breath" went unread)
        r"(rather|prefer to|want to|wish i could|wish to|like to) (just )?not (take|draw|breathe) (another|one more|a "
        r"single) breath",
        r"(want|wish|wanting|wanted|like) to not (exist|be here|be alive|live|wake up|be around)",
        r"(is|has|have|had|s) had enough (and|now)\b",
        r"(had enough|tired|done|given up)( \w+){0,3} (and )?(wants|want|ready) to go\b",
        r"(wants|want) to go\s*$",
        r"(plan|planning|planned) (my|his|her) (own )?(death|suicide|exit|funeral)",
        r"(be|am|feel|feeling|felt) dead inside(?! (the|a|an|my|our) (gym|house|shop|office|car|pool|class|meeting|"
        r"building|room|store|hospital|hall|studio))",
        r"(do not|never|not|no longer|can not|will not|would not) (want|wish|like) to (be )?"
        r"(live|living|alive|exist|existing|be here|be around|go on|carry on|keep going|keep living|"
        r"continue|wake up|wake|breathe)",
        r"(do not|never|not|no longer|can not|will not) want to (see|face) (tomorrow|another day|the morning)",
        r"(not|never|no longer) (to )?(wake up|wake|waking up|woke up)(?! up\b)"
        r"(?! (at|in the night|every|during|so|too|"
        r"tired|feeling|with|early|before|when|after|between|at night|less|more|refreshed|groggy|in pain|"
        r"because|from|for|to|once|twice|during the night|until|till|on time|properly|easily|me|him|her|"
        r"rested|sore|stiff|exhausted|\d))",
        r"(sleep|sleeping) (forever|for ever|and never wake|and not wake|permanently)",
        # fifth round: something taken to sleep for a very long time
        r"(take|taking|swallow|something|anything|what|pills?|tablets?) (\w+ ){0,4}(sleep|be asleep) for (a |an )?"
        r"(really |very |really really |very very )+long time",
        r"(forever|permanent|eternal) sleep",
        r"(go to sleep|fall asleep|sleep) and (never|not) (wake|waking|come back)",
        r"(stop|stopped|stopping) (existing|living|breathing)\b(?! (my|a|the|normally))",
        r"(not|no longer|never) (be|being) (here|around|alive) (anymore|any more|much longer|tomorrow|soon)",
        r"(will not|would not|not going to) be (here|around) (much longer|for long|anymore|any more|tomorrow)",
        r"(not|never) (\w+ ){0,3}be (here|around|alive) (much longer|for much longer|for long|anymore|any more)",
        r"(i|he|she) (just )?(did not|does not|do not|would not|could not|did n t|no longer|not) exist\b",
        r"want out\s*$",
        rf"want out (of )?(this|my|life|it all|everything)(?! (\w+ ){{0,2}}{_NUISANCE_NOUN}\b)",
        r"(it is|it s|everything is|life is|this is|all) (all )?(just )?(too much|too hard)\s*$",
        r"(dying|death|being dead|not waking up|not being here) (sounds|seems|would be|feels|looks) (like )?"
        r"(a |an )?(relief|good|nice|better|peaceful|easier|welcome|the answer|the only way|appealing)",
        r"(there is )?nothing left (for me|to live for|in me|to give|to fight for)",
        r"(how much longer|how long) (i|can i|will i) (can )?(keep going|go on|carry on|cope|do this|take this|"
        r"hold on|last)",
        r"(do not|can not) (know|see) how (much )?(longer )?(i|to) (can )?(keep going|go on|carry on|hold on|cope)",
        r"(not|no longer|never|do not|did not) (\w+ ){0,3}(want|wanted|wanting|wish) to (live|be alive|exist|be here|"
        r"go on|carry on|keep going|keep living)\b(?! (on|in|with (a|my|the) (diet|trial)|abroad|near|there|alone))",
        r"(think|thinking|thought|thoughts|obsessed|obsessing|fantasi\w*|dream|dreaming) (a lot |all the time )?"
        r"(about|of) (death|dying|being dead|not being here|not existing|killing|ending it|ending things|ending my)",
        r"(my life|life|it|everything) is over\b(?! (now|the))",
        r"(life|my life|living|everything|existence) (has no|has lost (all )?(its )?|is without|lacks|without) "
        r"(meaning|purpose|point)",
        r"(life|my life|existence|living) (is|feels|seems) (\w+ )?(meaningless|empty|unbearable|too hard|too painful)",
        r"meaningless (life|existence)",
        r"(going|about|want|ready) to jump\s*$",
        r"(feel|feeling|felt) like giving up\b(?! on (supplements?|glutamine|diets?|the|this|it|probiotics|"
        r"treatments?|trying|them|my (diet|trial|supplements|meds)))",
        r"giving up\s*$",
        r"(want|wanting|need) (it|this|the pain|my pain|everything|my suffering|the suffering) to (end|stop) "
        r"(permanently|for good|forever|for ever)",
        r"(end|ending) (my|his|her|the) suffering",
        r"whatever it takes\s*$",
        r"(dangerous|harmful|kill|die|lethal|fatal|overdose|toxic|hurt|danger) (\w+ ){0,8}(that is|which is|thats|"
        r"it is) (what i want|what i am after|the point|the idea|the plan|the goal)",
        r"(put|puts|putting) (me|him|her|someone) to sleep (for good|forever|permanently|for ever)",
        r"(want|wanted|wish|need|going) to (just )?(disappear|vanish|go away forever|be gone|fade away)"
        rf"(?! {_AWAY_FOR})",
        r"(if|when) (i|he|she|they) (was|were|am|is|are|die|died) gone",
        r"(if|when) i (was|were|am) (dead|not here|not around|no longer here)",
        r"(if|when) i died\b",
        r"(i am|am) ready to go(?! (to|back|on|for|out|home|shopping|again|ahead|through|in|into|with|and|"
        r"now that|up|down|higher|lower|onto|off|\d))",
        r"ready to go and",
        r"let nature take (its|it is) course",
        r"(feel|feels|feeling|felt) like dying",
        r"(i am|am) dying inside",
        r"(welcome|accept|waiting for) death",
        r"(had|have had) enough of (life|living|everything|it all|this life|being alive|existing)",
        r"(i have|i|have) had enough\s*$",
        r"(hate|hated|hating) (my life|myself|being alive|living|my existence|existing)",
        r"life (is not|is no longer|not|aint|no longer) (worth|worth it|worth living)",
        r"not worth (living|being alive|going on|carrying on)",
        r"no reason (to|for) (live|living|go on|going on|keep going|carry on|carrying on|be here|be alive|get up)",
        r"(any|a|one) reason (to|for) (live|living|be alive|be here|go on|going on)\b",
        r"nothing (left )?to live for",
        r"give up on (life|living|everything|myself|it all|the world)",
        r"(given|giving|gave) up on (life|living|everything|myself)",
        r"(want|ready|going|about) to give up\s*$",
        r"(i|just) (want to )?give up\s*$",
        r"(body|organs|heart) (gave|give|giving|gives) up",
        r"(tired|sick|weary) of (living|life|being alive|existing|everything|it all|trying|fighting|"
        r"being here|waking up)\b(?! (new |different |all these |these |every |so many |more )?(supplements?|diets?|"
        r"things for|treatments?|meds|medications?|pills|remedies|to|for|with|glutamine|this fatigue|the fatigue|"
        r"my body to|\w+ (for|to)))",
        r"(can not|do not want to|will not) (go|keep) on\s*$",
        # second round: the same wishes in other frames (fresh-dev, by category)
        r"(would|will|could|might) be (so )?(much )?(nice|nicer|easier|simpler|better|a relief|peaceful|good) "
        r"(to|if i could|if i) (just )?(vanish|disappear|stop|not exist|not be here|be gone|sleep forever|not wake up|"
        r"die|stop existing|fade away|go to sleep|never wake up)\b(?! (taking|it|glutamine|the|my|this|that|eating|"
        r"drinking|using|for|with|at|when|before|after))",
        r"(wish|wishes|wished|hope|hoping|pray|praying) (\w+ ){0,4}(would|will|could|might) (just )?(take|finish) "
        r"(me|him|her)\b(?! (to|through|off|out|back|home|in|on|with|for|up|down|away))",
        r"(tired|sick|weary) (of|for|to) (live|life)\b",
        r"(just )?(vanish|disappear)\s*$",
        r"\bready to go\b(?! (to|back|on|for|out|home|shopping|again|ahead|through|in|into|with|and|up|down|higher|"
        r"lower|onto|off|\d|travelling|traveling|away|abroad|running|walking|swimming|dancing))(?=( now| soon|"
        r"\s*$| have| i| and| she| he| they| because))",
    ),
    SignalKind.HOPELESSNESS: (
        r"hopelessness",
        r"hopeless(?! (at|with|to try|trying|for|in the kitchen|cook|case of|case with|case at|case when))",
        r"(no|any|lost all|lost|without|given up|give up|giving up) hope\b(?! (for|of|that) (my |the |this )?"
        r"(gut|ibs|pain|sleep|trial|supplement|glutamine|treatment|cure|hair|skin|knees?|back|joints|memory|"
        r"energy|bloating|fog|brain fog|fatigue|migraines?|headaches?|symptoms|weight|periods?|acne|eczema))"
        r"(?! that (anything|something|a supplement|any supplement|a treatment|any treatment|a diet|the doctors?|"
        r"my doctor|my gp|\w+) (will|would|could|can) (fix|help|cure|work|sort|change))",
        r"(i am|i feel|feel|feeling|felt|i|so|am) (so |completely |totally |utterly |just )?"
        r"(worthless|empty inside|numb inside|a waste of space|a waste of oxygen)",
        r"(everything|life|it all|existence|my life|living|it is all|all) (is|feels|seems|has become|became|"
        r"just feels)? ?(so |completely |totally |utterly )?pointless",
        r"pointless\s*$",
        r"(feel|feeling|i am|i feel) pointless",
        r"(no|any|the) point (in |of |to )?(going on|living|life|carrying on|continuing|anything|"
        r"it all|me|being here|being alive|getting up|waking up|existing|anymore|any more)\b",
        r"what is the point(\s*$| (of|in) (me|living|life|anything|it all|going on|carrying on|being here|"
        r"being alive|trying|existing|waking up|getting up)| anymore| any more)",
        # its sibling (crisisfix20): "my meds have stopped working, whats the use of trying"; not a bare "whats the
        # use", which also asks what a supplement is used for
        r"what is the use (of|in) (me|living|life|anything|it all|any of it|going on|carrying on|being here|"
        r"being alive|trying|existing|waking up|getting up)\b",
        # the object decides: "no point in going on" is hopelessness, "the point of expensive brands" is not
        r"(do not|can not|can t) see (a |any |the |my )?point\b(?! (of|in|to) (?!(living|life|going|carrying|anything|"
        r"everything|it all|me|myself|being|existing|getting up|waking up|trying|continuing|any of it|fighting)\b))",
        r"(do not|can not|can t) see (a |any |the |my )?(future|way out|way forward|light)",
        r"(no|any) future (for me|ahead|left)",
        r"no way out",
        r"(can not|do not) see (how )?(it|this|things|life|anything|my life)? ?(ever )?(gets|get|getting|going to "
        r"get|will get|is going to get|ever getting|will ever get|is ever going to get) better",
        r"(nothing|it|things|this|life) (will never|is never going to|never|will not|is not going to|is not "
        r"ever going to) (ever )?(get|gets|getting) better",
        r"nothing (will|is going to) ever (get|gets) better",
        r"nothing (is|will) (ever|never) (going to )?(get|gets|be) (any )?better",
        r"nothing (ever )?(will|is going to) (ever )?(help|change|work)\b(?! (for|my|the|your) )",
        r"nothing ever will",
        r"never going to get better",
        r"(can not|could not) (go on|carry on|keep going|cope|take any more|take anymore|bear it|bear this|"
        r"live like this|live with this|live this way)"
        r"(?! (a|an|the|my|with the|with my|with it|holiday|walks?|long|trips?|without|on|for|to|because|if|when|"
        r"and then|at|in|with \w+ (food|meals)))",
        r"(can not|could not) (do this|do it|take it|take this|handle it|handle this|stand it|stand this|keep "
        r"doing this|face it|face this|face another day|face tomorrow)(\s*$| anymore| any more| much longer| like "
        r"this| for much longer| of (this|it|this life|life|living|existing|being me)(\s*$| anymore| any more))",
        r"(can not|could not) (go on|carry on|keep going|cope|live) (like this|with this|this way|"
        r"anymore|any more|much longer)",
        r"(i am|am) (so |just |completely |totally |literally )?done\s*$",
        r"(i am|am) (so |just |completely |totally |literally )?done (with|w) (everything|it all|life|living|"
        r"this life|all of this|all of it|this world|trying|fighting|being alive|existing)",
        r"(i am|am) (so |just )?done\b(?! (with|w|for|now|by|in|after|today|yet|"
        r"(?!(nothing|everything|anything|something)\b)\w+ing\b))",
        r"(end|ends) of (my|the) (rope|tether)",
        r"(trapped|no escape) (in|from) (my life|this life|life|this body|my body)",
        r"(depression|it|the pain|fibro|my illness|this illness|this disease) (has|have) won\b",
        r"(i have|i|have|has|he has|she has) (stopped|given up|quit) (trying|fighting|caring)\b(?! (to|the|new|it|"
        r"supplements?|glutamine|diets?|this|that|them))",
        r"(thinking|think|thought|looking|look|searching|researching|googling) (\w+ ){0,2}(of |about |for |up )?"
        r"(a |the )?ways? out\b(?! (of (the|this|my) (trial|study|diet|contract|house|building|job|office)))",
    ),
    SignalKind.BURDEN: (
        r"(better|happier|fine|easier|cope|manage|off) (off )?(without|w o) (me|him|her)\b",
        r"(cope|manage|be fine|be better|be happier|do better|get on|move on) (fine |just fine )?"
        r"(without|w o) (me|him|her)\b",
        r"(better|happier|easier) (off )?(if|when) (i|he|she) ((was|were|am|is) (gone|dead|not here|not around|"
        r"no longer here|not alive)|died|die|was not here|were not here|was not around|disappeared)",
        r"(i am|i feel|feel|feeling|being|felt|just|such|he is|she is|feels like|feel like) (like )?"
        r"(a |such a |an |nothing but a |only a )?(huge |massive |total |constant |big )?burden",
        r"burden (to|on|for) (my|everyone|every one|others|other people|people|the family|family|them|you|"
        r"him|her|us|society|the world)",
        r"(notice|care|miss me|miss him|miss her|mind) (if|when) (i|he|she) (was|were|am|is|died|die|gone|"
        r"disappeared|left)",
        r"(no one|nobody|noone|no body) (would|will|is going to) (care|notice|miss)",
        r"(a |such a |the )?(weight|drain|burden|millstone) (that )?(everyone|everybody|they|my family|my kids|people)"
        r" (has|have|had) to (carry|bear|deal with|put up with)",
        r"(deserve|deserves) (\w+ ){0,5}(who is not|who isn t|who is n t|not) (a burden|like me|me)\b",
        r"(deserve|deserves) (better|more) than (me|him|her|a mum like me|a dad like me)\b",
    ),
    SignalKind.GOODBYE: (
        r"(said|saying|say|made|making) (all )?(my )?goodbyes",
        r"goodbye (letters?|notes?|messages?|texts?|videos?|emails?)",
        r"(this is|it is|that is) (the|my) end\s*$",
        r"(decided|decide|deciding) (that )?(this is the end|to end it|to go\s*$|it is time\s*$|to die|to do it\s*$)",
        r"(time|ready) for me to (go|leave this world|leave for good|die|check out)\s*$",
        r"(my|it is my) time to go\s*$",
        r"(written|wrote|made|make|updated|sorted|sorting|writing) (out )?my will\b",
        rf"(said|saying|say|says|saying my|to say) goodbye(?! to {_NAMED_FAREWELL})"
        r"(?! to (the |my |your )?(bloating|pain|fatigue|"
        r"ibs|symptoms|fog|brain fog|gut|constipation|heartburn|flares?|tiredness|headaches?|cravings|"
        r"sugar|gluten|coffee|caffeine))",
        r"goodbye (everyone|all|world|forever|for now|friends)\b",
        r"(my|this is my|this will be my|probably my) (last|final) (message|post|words|note|letter|goodbye)",
        r"(wrote|written|writing|write|left) (a |my )?(letters?|notes?|goodbye notes?|suicide notes?) "
        r"(to|for) (my|the|everyone|each|all)",
        r"(sorted|sorting|sort|put|putting|got|getting) (out )?(my|all my) (things|affairs|stuff|belongings|"
        r"affairs in order|things in order|papers|paperwork|finances|accounts|passwords)",
        r"(my )?affairs in order",
        r"(given|giving|gave|give) away (my|all my) (things|stuff|belongings|possessions|pets?|cat|dog)",
        r"(given|gave|giving|give) (my|all my) (\w+ ){1,2}away",
        r"(written|wrote|writing) (letters |a letter |notes |a note )?to (everyone|(my|each of my|all my) (family|kids|"
        r"children|partner|wife|husband|parents|mum|mom|dad|son|daughter|friends|sister|brother|sisters|brothers|"
        r"grandchildren|grandkids|loved ones|girlfriend|boyfriend|best friend))",
        r"(have|i have|made|got|making|have got) (a|my) plan\s*$",
        r"(this is|it is|so this is) goodbye",
        r"(will|might|going to|could|would|i ll|scared i will|afraid i will|worried i will) do something (stupid|"
        r"drastic|final|i will regret|to myself)",
        r"(do not|can not|no longer) trust myself",
        r"(ways?|how|methods?) to (end it|end things|end my life|die|kill myself|go through with it)\b",
        r"(lost|losing|lose|lost all) (the|my|all) will to live",
        r"(want|going|ready|time|about|plan|planning) to check out\s*$",
        r"check out (of life|early|permanently|for good|of this world)",
        r"(easy|easiest|only|coward s) way out\s*$",
        r"way out (of|from) (this life|life|it all|everything|this world)",
        r"(put|putting) (myself|me|him|her) out of (my|his|her) misery",
        r"(end|ending|stop) (my|his|her|this) misery",
        r"permanent (solution|way out|sleep|rest|escape)\b(?! (to|for))",
        r"(i am|i feel|am|feel) beyond (help|saving|repair|hope)",
        r"(nothing|no one|nobody|noone) (can|will|could) (help|save) me\b(?! (with|to|find|sleep|understand|get))",
        r"(i am|i feel|am|feel like|feel) (a |such a )?lost cause",
        r"no light at the end of (the|my|this) tunnel",
        r"(i have|i|have) given up\s*$",
        r"(given|gave|give) up (on )?(everything|life|myself|living|hope|all hope)\b",
        r"(be|find|rest) (at )?peace (forever|for good|for ever|at last|permanently)",
        r"(want|wants|wanting|ready|going|long|longing) to (join|be with) (my|her|his) (late )?(husband|wife|mum|"
        r"mom|mother|dad|father|son|daughter|partner|brother|sister|parents|nan|gran|grandma|grandad|baby|boy|girl)"
        r"(?! (on|at|for|in|this|next|when|while|and go))",
        r"(join|be with|see) (my |her |his )?(late )?(husband|wife|mum|mom|mother|dad|father|son|daughter|partner|"
        r"brother|sister|parents|family|nan|gran|grandma|grandad) (again|in heaven|soon|on the other side)",
        r"(sorry for everything|forgive me for what)",
        r"(will|would|one day|someday|some day|hope (you|they|she|he|everyone)) (\w+ ){0,2}(understand|forgive me) "
        r"(\w+ ){0,3}why i (did it|did this|had to|have done|do it|am doing)",
        r"(wrote|left|written|writing|found) (a|her|his|my) (note|letter) (saying|to say) (sorry|goodbye)",
        r"(bought|got|have|buying|found|tied|tying|have got) (a )?(rope|noose)",
        r"noose",
        r"(stay|remain|staying) asleep (forever|for good|for ever|permanently)",
        r"(fall|go|drift) (asleep|to sleep|off) and (stay asleep|never wake|not wake|never come back)",
        r"(body|organs|heart) (is |are )?(giving|gives|gave|give) up\b(?! (gluten|dairy|sugar))",
        r"(ok|okay|fine|at peace|ready) with (dying|death|the end|not waking up)\b",
        r"(giving up|give up|die|dying|not wake|not waking)( \w+){0,5} (ok|okay|fine|at peace) with (that|it)\b",
        r"better off (not existing|not being here|not alive|not being alive|not around)",
        r"(do not|no longer) want to do (this|it|life) (anymore|any more)",
        r"(can not|could not) keep (living|going|doing this|on) (like this|anymore|any more|this way)",
        r"(pills|tablets|capsules|meds) (\w+ ){0,2}too many (\w+ ){0,4}(tonight|right now|need to know)",
        r"too many (pills|tablets|capsules|sleeping|of my|of them|of these) (\w+ ){0,4}(tonight|right now)",
        r"(asking|ask) for a reason\s*$",
        r"(just )?(not|never) (exist|be here|be alive|be around)( anymore| any more| any longer)?\s*$",
        r"rather (not|never) (be here|be alive|exist|wake up|live|be around)",
        r"no reason (for me )?to (carry on|go on|keep going|live)",
        r"(can not|could not) (do this|do it|take this|take it|cope|go on|carry on|keep going)( like this| this way)? "
        r"(any longer|"
        r"much longer|anymore|any more)",
        r"too much to survive|(survive|survivable) (an|that|this) (amount|dose|overdose)",
        r"(a )?danger to (myself|himself|herself|themselves)",
        r"(do not|don t|can not) (feel )?safe (with|around|by) (myself|himself|herself)",
        r"(scared|afraid|frightened|worried) (of )?what i (might|will|could|would) do( to myself| tonight)?\s*$",
        r"(scared|afraid|frightened|worried) (of )?what i (might|will|could|would) do to myself",
        r"(got|have|have got) (the |my )?(pills|tablets|meds|rope|everything) (ready|lined up)",
        r"(have|got) everything i need to end it",
        r"(do not|don t) want to be a burden( anymore| any more| any longer)?\s*$",
        r"(want|need|going|ready|plan|planning) to (end|stop) (the|my|all the|all this) pain (permanently|for good|"
        r"forever|for ever)",
        r"nothing matters (anymore|any more)",
        r"(have|got|made|making) a plan (to|for) (end|ending|die|dying|kill|going|go)",
        r"(have|got|made|making|i have) (a |the )?plan and (a )?(date|time|way)",
        rf"(texted|messaged|sent|said|says|told|wrote|left|posted) (me |us |him |her |everyone )?(a )?goodbye"
        rf"(?! to {_NAMED_FAREWELL})",
        r"(have|got|made) a plan and (everything|all|what) (i|he|she) (need|needs)",
        r"(do not|don t|dont) (try to )?(talk|stop) me (out of|from) (it|this|doing)",
        r"(will not|would not|won t|wont|not going to) (need|be needing|be needing to|have to|be around|be here|be "
        r"alive) (\w+ ){0,5}after (that|this|tonight|tomorrow|sunday|monday|tuesday|wednesday|thursday|friday|"
        r"saturday|the weekend|next week)",
        r"(set|setting|sorted|sorting|got|getting) (everything|it all|things) (up |ready |sorted |arranged )?for "
        r"(sunday|monday|tuesday|wednesday|thursday|friday|saturday|tonight|tomorrow|the weekend)\b(?! (lunch|dinner|"
        r"breakfast|the trial|my trial|the party|the move|work|school|church))",
        r"(giving|gave|given|give|gives) away (her|his|my|their|all her|all his|all my) (\w+ )?(things|stuff|"
        r"belongings|possessions|jewellery|jewelry|clothes|books|pets?|dog|cat|savings|money|treasures)",
    ),
    SignalKind.STOCKPILING: (
        r"stockpil\w*",
        rf"(hoard|hoarding|hoarded|stash|stashing|stashed|saving|saved|squirrel\w*) (up )?(a |my |all my |some "
        rf"|of )?(\w+ )?{_MEDS}\b(?! (for (the )?(trip|holiday|travel|journey|weekend)))",
        r"(saving|saved|save) up (my|all my|all of my|the|some|a few) (?!(money|cash|pennies|points|holiday|"
        r"annual leave|energy|spoons|strength))",
        r"(of|worth of|supply of) \w+ (saved|stashed|hoarded|put aside|put away|kept back)",
        rf"(stash|hoard|stockpile) of(?! (\w+ )?(protein|supplements?|vitamins?|snacks|chocolate|tea|coffee|"
        rf"powders?|probiotics|recipes|research|books|{_SUPPLEMENT[1:-1]})\b(?! (\w+ ){{0,3}}(to take|for when|so i "
        r"can|and take|in case i|until|at once|in one go)))",
        rf"(collecting|collected|kept|keeping|building up|built up|gathering|gathered|hiding|hidden|hid) (all )?"
        rf"(my |of my |up my |up )?(old )?(\w+ )?{_MEDS}\b(?! (in|on|by|next to|near|organi[sz]ed|sorted|at|safe from|"
        rf"away from the (kids|children)|out of reach|from|every|each|monthly|weekly|today|for my|on time))",
        r"(boxes|packs|packets|bottles|strips|tubs) of (\w+ ){1,2}(is |are |would be |will be |be )?enough",
        r"(is|are|would|will) (\d+|a few|two|three|four|five|six|ten) (boxes|packs|packets|bottles|strips|tubs) of "
        r"(\w+ ){1,2}(be )?enough",
        r"(overdid|overdo|overdoing|took too much|take too much|taking too much|doubled|double) (\w+ ){0,3}"
        r"(on purpose|deliberately|intentionally)",
        r"(boxes|packs|packets|bottles|strips|tubs|months|weeks) (worth )?of (\w+ ){1,3}(put aside|put away|saved|"
        r"stashed|hidden|hoarded|kept back|squirrelled away|saved up)",
        r"(take|taking|took|swallow|swallowed) the lot\b",
        rf"{_MANY} (\w+ ){{0,2}}(be|is|was|would be|will be) enough",
        # fifth round: a count asked about as enough ("is 100 melatonin enough"), not a supply for a time
        r"(is|are|would|will|be) (\d{2,}|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds) "
        r"(?!(g|mg|mcg|gram|grams|ml|iu|units|drops|minutes|mins|min|seconds|hours|hrs|days|weeks|months|years|"
        r"percent|times|kg|lbs|pounds|miles|km|steps)\b)"
        r"((\w+ ){0,2}(pills|tablets|capsules|caps|gummies|tabs)|\w+)? ?enough\b(?! (for|to last|to get (me )?through|"
        r"to see|to tell|to know|to notice|to test|to try|to judge|to work|to make a difference|to help|of a dose|"
        r"or (should|do|would|will) i (take|need|go) (more|higher|up)))",
        # taking all of anything, asked as a what-if ("if I took all the magnesium"); routine regimens aside
        r"(if|what if|what happens if) (i|you|someone|somebody|he|she|they|u) (took|take|takes|swallowed|swallow|"
        r"swallows|downed) (all|every one|every last one|the whole|the entire)\b(?! (three|two|four|"
        r"five|of my (supplements|vitamins)|my (supplements|vitamins)|together|at breakfast|in the morning|"
        r"at once in the morning|at the same time))",
        r"(how many|how much) (\w+ ){1,3}(would|does|will|did|could) it take\s*$",
        rf"(took|take|taking|takes|swallow|swallowed|swallowing|mix|mixed|mixing|down|downed|ate|eat) "
        rf"(all|every one of|every last one of|each of|every single one of) (of )?(my|the|your|his|her|these|"
        rf"those) (\w+ )?{_MEDS}\b(?! (as prescribed|as usual|every day|each day|daily|in the morning|with "
        r"breakfast|at breakfast|with food|at the same time|together|at night|on time|properly|correctly|ok|okay))",
        r"(took|take|taking|takes|swallow|swallowed|swallowing) (them|these|those|the lot|everything) all\b(?! (in the "
        r"morning|at (breakfast|lunch|dinner|night|bedtime)|with (food|breakfast|a meal)|together|at the same time|"
        r"daily|every day|each day))",
        rf"all (of )?(my|the|your|his|her) (\w+ )?{_MEDS} (\w+ ){{0,4}}(enough|to sleep forever|to end|and not wake|"
        rf"and never wake|at once|in one go)",
        r"(every|each) (single )?(pill|tablet|capsule|med) (in|i have|i own|we have|left|i could find)",
        r"(take|taking|took|swallow|swallowed|swallowing) all (of )?(my|his|her|the|their) "
        r"(?!(supplements|vitamins|probiotics|powders|morning|evening|daily|usual)\b)(\w+ ){1,2}(tonight|"
        r"at once|in one go|right now|all at once|together tonight)",
        r"(all|whole|entire|every|them all|the lot|everything|the rest)(?! (\d+\w*|two|three|four|five|six)\b) "
        r"(?!(\w+ ){0,3}(dose|doses|dosage|serving|servings|scoop|scoops|sachet|portion|amount|daily)\b)"
        r"(?!(\w+ ){0,4}(supplements|vitamins|probiotics|powders|in the morning|every morning|daily)\b)"
        r"(\w+ ){0,4}(at once|in one go|all together at once|in one sitting|all in one go|in one hit|in one shot)",
        rf"(took|take|taking|takes|swallow|swallowed|swallowing|ate|eat|eating|down|downed|downing|drink|drank|"
        rf"drinking|had|have|mix|mixed) (\w+ )?(a whole|an entire|a full|the whole|the entire|whole|entire|all "
        rf"the) (\w+ )?{_CONTAINER}\b(?! (of )?(\w+ )?(a day|a week|a month|per|each|every|over|last|lasts|"
        r"keep|keeps|go off|goes off|expire|expires|in a (day|week|month)))",
        rf"({_CONTAINER}|bottle) of (\w+ )?(\w+ )?(with|and|plus|washed down with) (vodka|alcohol|wine|whisky|"
        r"whiskey|gin|rum|booze|beer|drink|drinks)",
        rf"(took|take|taking|takes|swallow|swallowed|swallowing|ate|down|downed|downing|had) {_MANY}",
        rf"{_MANY} (\w+ )?(\w+ )?{_MEDS} (\w+ ){{0,3}}(at once|in one go|with (vodka|alcohol|booze|wine|whisky))",
        rf"(alcohol|vodka|booze|wine|whisky|whiskey|gin|rum|beer|drink) (and|with|plus) (all|every|a whole|the "
        rf"whole|a bottle of|a box of|a pack of|{_MANY})",
        r"(all|every one of|the whole|a whole|a bottle of|a box of|a pack of) (of )?(my |his |her |the )?(\w+ )?"
        r"(\w+ )?(and|with|plus) (alcohol|vodka|booze|wine|whisky|whiskey|gin|rum|beer)",
        r"(a bottle of|bottle of) (vodka|whisky|whiskey|gin|rum|wine) and (all|my|every|a|the)",
        r"(with|and|plus) a (whole |full |entire )?bottle of (vodka|whisky|whiskey|gin|rum|spirits)",
        rf"(drank|drink|drinking|drunk) (\w+ ){{0,4}}and (took|take|taking|swallowed) (all|every|a whole|the whole|"
        rf"{_MANY})",
        r"(took|take|taking|swallowed|swallow) (all|every one of|the whole|a whole) (\w+ ){0,3}and (drank|drink|"
        r"drinking|a bottle)",
        rf"(stocking|stocked|stock) up (on )?(my |all my |some |a lot of )?(\w+ )?{_MEDS}",
        rf"(building|built|build|saving|saved|collecting|collected|gathering|keeping|kept|got|have|getting) (up )?"
        rf"(a |my )?(\w+ )?(supply|stash|stock|pile) of (\w+ )?{_MEDS}",
        rf"(took|take|taken|taking|swallowed|swallow|had|ate|downed) (like |about |around |maybe |over |nearly |"
        rf"at least |almost )?{_MANY} (\w+ ){{0,2}}{_MEDS}",
        rf"(counting|counted|count|count up) (how many|all|up|my|the) (\w+ ){{0,3}}{_MEDS}",
    ),
    SignalKind.LETHALITY: (
        r"overdos\w*",
        r"(sobredosis|sobredose|surdose|uberdosis|przedawkowa\w*|asiri doz)\b",  # overdose in other languages
        r"(dangerous|harmful|deadly|fatal|lethal|toxic|kill me) (\w+ ){0,8}(want|wanted|hoping|hope|need) (it|them) "
        r"to (be|do|work)",
        r"\bod (on|with|in|from|for)\b",
        r"\b(an|to|would|could|can|will|might|you|i|he|she) od\b",
        r"lethal\w*",
        r"fatal\w*",
        r"deadly",
        r"leth[ae]l",
        rf"toxic\w* (\w+ ){{0,5}}{_AMOUNT}",
        rf"{_AMOUNT} (\w+ ){{0,3}}(is|are|would be|becomes|become|to be|gets|get) (\w+ )?toxic",
        r"toxic in (large|big|high|huge|massive|larger)",
        r"poison\w* (in|at) (large|big|high|huge)",
        r"(is|are|can|could|would|will) (\w+ ){0,4}(be )?poisonous",
        rf"(kill|kills|killed) {_PERSON}\b(?! (off|of))",
        r"(kill|kills) (a|an|the) (\w+ )?(person|human|adult|child|man|woman|patient)",
        r"(would|could|can|will|might|may|does|do|to) (\w+ ){0,3}kill (me|you|someone|somebody|a person|people|"
        r"him|her|them|us)\b",
        r"(enough|much|many) (\w+ ){0,6}to (kill|die|end it|not wake|never wake|stop (my|your|his|her|a|the) "
        r"heart|stop (my|your|his|her) breathing|finish me)",
        r"(would|does|will|could) it take (\w+ )?to (die|kill|not wake|never wake|end it)",
        r"die (from|of|after|if|because of|taking|by) (\w+ ){0,3}(taking|too much|too many|an overdose|overdose|"
        r"it|this|that|glutamine|the|a|an|mixing|combining|\w+ing)",
        r"died (from|of|after) (taking|an overdose|too much|too many|mixing|combining)",
        r"(anyone|someone|people|anybody|patients|somebody) (\w+ ){0,2}died (from|of|after|taking)",
        r"(can|could|would|will|might|do|does|did) (\w+ ){0,2}(you|i|someone|people|a person|anyone|he|she|"
        r"they|epileptics|patients|u) (\w+ )?die",
        r"(take|takes|took|long|quickly|fast|soon) (would it )?(\w+ ){0,2}to die",
        r"how long (would it take |until |till |before )?(\w+ ){0,4}(die|dead|gave up)\b",
        # not a heart stopped from racing: a symptom calmed ("does melatonin stop your heart from racing")
        r"(stop|stops|stopped) (my|your|his|her|a|the|someone s) (heart|breathing)\b(?! from (racing|pounding|"
        r"fluttering|skipping|palpitating|thumping|jumping|beating (so )?fast))",
        r"(make|makes|making) (my|your|his|her|someone s|the|a) (heart|breathing) stop",
        # fifth round: the heart or breathing shut down, a coma brought on by an amount
        r"(shut|shuts|shutting|close|closes) (down )?(my|your|his|her|a|the|someone s|a person s) (heart|breathing|"
        r"organs|body)( down| off)?\b",
        r"(put|puts|putting|send|sends|sending|leave|leaves) (you|me|someone|somebody|a person|him|her|them|u) "
        r"(in|into) a coma",
        r"(cause|causes|induce|induces|bring on|brings on) a coma",
        r"to die\b(?! for)",
        rf"how many (of )?(my|your|his|her|the|these|those) (\w+ )?{_MEDS} (\w+ )?(it )?(would|will|does|did|"
        rf"could) (it )?take",
        r"(took|taken|taking|swallowed|swallowing) (\w+ ){0,2}too many\b(?! (carbs|sweets|calories|coffees?|cups|"
        r"naps|days|nights|steps|breaks|photos|pictures|risks|liberties|bad|good|late))",
        r"(ended up|woke up|landed) in (the )?(er|a and e|a e|hospital|emergency|icu|intensive care|resus) (\w+ ){0,3}"
        r"(after|from) (taking|swallowing|too many|an overdose|the pills|my pills|the tablets|my tablets)",
        r"(to|an|a|the) overdoes\b",
        r"(toxic|lethal|deadly|poisonous|fatal|kill) (\w+ ){0,4}(loads|lots|a lot|heaps|tons|masses|a load)\b",
    ),
    SignalKind.METHOD: (
        r"(cutting|cut|cuts|slit|slitting|slash|slashing|burn|burning|burnt|scratching|bruising|hitting|"
        r"punching|starve|starving) (my|his|her|their) (wrists?|arms?|legs?|thighs?|skin|body)",
        rf"(cutting|cuts|cut|burning|burned|burnt|scratching|punching|hitting|starving|starve|harming|harm|"
        rf"hurting|hurt|hurts|poisoning|poisoned|poison|drown|drowning) {_SELF}"
        r"(?! (by accident|accidentally|with a knife while|while "
        r"(cooking|chopping|shaving|gardening|cleaning|slicing|cutting)|chopping|shaving|cooking|slicing|on|at|"
        r"in the|lifting|running|training|exercising|playing|falling|gardening|with a spoiled|with spoiled|"
        r"when i (fall|fell|trip|tripped|slip|slipped)|"
        r"with off|by mistake|skiing|at the gym|doing))",
        r"(been |keep |kept |started |start )(cutting|harming|selfharming)\b(?! (teeth|a tooth|new teeth|his teeth|"
        r"her teeth|down|back|out|my (dose|doses|"
        r"glutamine|intake|sugar|carbs|caffeine|coffee|gluten|dairy|portions|calories)|\w+ out|it|the))",
        r"(cutting|harming|hurting|burning) (again|on purpose|deliberately|intentionally)",
        r"(hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving|overdose|overdosing|took|taking) "
        r"(\w+ ){0,3}(on purpose|deliberately|intentionally)",
        r"(hang|hanging|hanged) (myself|himself|herself|themselves|me)",
        r"(jump|jumping|jumped|throw myself) (off|from|in front of|under) (a |the )?(bridge|building|roof|"
        r"cliff|train|car|bus|lorry|truck|balcony|window|tower)",
        r"(in front of|under) (a |the )?(train|bus|lorry|truck|car)",
        r"(drive|driving|drove|crash|crashing) (my car |the car )?(into|off) (a |the )?(wall|tree|bridge|"
        r"cliff|road|lorry|truck)",
        r"(least|less|most|quickest|easiest|fastest|simplest|surest|cleanest|peaceful|peacefully|painless|"
        r"painlessly|quick|quiet|gentle|best) (\w+ )?(way|ways|method|methods) (to|of) (go\s*$|die|dying|do it\s*$|"
        r"end it|end things|end my life|end everything|going\s*$|check out|kill (myself|me|yourself)|go to sleep "
        r"forever|not wake)",
        r"(stop|stopped|stopping) eating (and|\w+ and) (just )?(\w+ )?(die|drink|wait|let)",
        r"(stop|stopped|stopping) eating( completely| altogether| entirely| and drinking)?\s*$",
        r"(stop|stopped|stopping) eating (completely|altogether|entirely)",
        r"(stopped|stopping|stop) eating and (\w+ ){0,6}(how long|until|till|die|gave up|give up)",
        r"(stopped|stop|stopping) eating(?! (gluten|dairy|sugar|meat|carbs|wheat|bread|processed|junk|red meat|"
        r"late|after|before|at|so much|as much|fast food|spicy|fried|fatty|out|eggs|fish|chicken|beans))",
        r"(jump|jumping|jumped|throw myself|throwing myself|threw myself) (off|from|in front of|under) (a |the |my |"
        r"his |her |our |that |this |their )?(\w+ )?(bridge|building|roof|cliff|train|car|bus|lorry|truck|balcony|"
        r"window|tower|ledge|car park|multi storey)",
        r"(burn|burned|burnt|burning|cut|cutting|hurt|hurting|harmed|harming|scratched|scratching|hit|hitting|"
        r"punched|punching|starved|starving) (\w+ ){0,3}(on purpose|deliberately|intentionally)",
    ),
    SignalKind.OTHER_LANGUAGE: (
        # Spanish, Portuguese, Italian, French, German, Dutch, Polish, Turkish, Russian, Greek
        r"(ganas de|tengo ganas de) (morir|morirme|matarme|desaparecer)",
        r"en peux plus",
        r"(j en ai marre de|marre de) (la )?vie",
        r"plus envie de vivre",
        r"me (veux|vais) (me )?(suicider|tuer)",
        r"no (puedo|aguanto) mas",
        r"me quiero (morir|matar)",
        r"quiero (desaparecer|dejar de vivir)",
        r"(estoy )?harto de vivir",
        r"nao (aguento|consigo) mais",
        r"quero (me matar|sumir|morrer)",
        r"nao quero mais viver",
        r"non ce la faccio piu",
        r"togliermi la vita",
        r"ich (kann|will) nicht mehr\b",
        r"(bringe|bring) mich um",
        r"(keine lust mehr zu leben|lebensmude|lebensmuede)",
        r"ik (kan|wil) niet meer",
        r"nie (chce|chcę) (zyc|żyć)",
        r"nie daje rady",
        r"(quiero|quisiera|deseo|voy a|quero|gostaria de|voglio|vorrei) (me )?(morir|morirme|matarme|morrer|"
        r"me matar|morire|uccidermi|ammazzarmi|suicidarme|suicidar)",
        r"(no quiero|nao quero|non voglio) (mas |mais |piu )?(vivir|viver|vivere)",
        r"(matarme|me matar|uccidermi|ammazzarmi|me tuer|mich umbringen|mich toten|zabic sie|zabije sie|"
        r"kendimi oldur\w*)",
        r"(quitarme|tirar) (la|a) (minha )?vida",
        # Spanish "con tod[o]" ("with everything"), written with a class so no scanner takes the
        # Spanish word for a to-do marker; it matches exactly the same text.
        r"(acabar|terminar|farla) (con tod[o]|com tudo|finita|com a vida|con mi vida)",
        r"(je veux|envie de|je voudrais|j ai envie de) (mourir|en finir|me tuer|disparaitre)",
        r"en finir",
        r"(ich will|ich mochte|ich moechte|will) (nicht mehr leben|sterben|tot sein|mich umbringen)",
        r"nicht mehr leben",
        r"selbstmord\w*",
        r"(ik wil|wil) (dood|niet meer leven|sterven)",
        r"zelfmoord\w*",
        r"(chce|chcę) (umrzec|umrzeć|sie zabic|się zabić)",
        r"samobojstw\w*|samobój\w*",
        r"(olmek|ölmek) istiyorum|intihar\w*",
        r"хочу умереть|покончить с собой|суицид\w*|самоубийств\w*|не хочу жить",
        r"θελω να πεθανω|θέλω να πεθάνω|αυτοκτον\w*",
        r"nie (chce|chcę) (\w+ ){0,2}(zyc|żyć)",
        r"(dosis|dose|dosi|dawka|dawke|dawki) (\w+ )?(mortal|letal|letale|mortale|smiertelna|smiertelnej|"
        r"tödliche|todliche|dodelijke|fatale)",
        # not "mortal": English "mortality" ("does glutamine reduce mortality in sepsis") starts with it
        r"(letal|letale|mortale|smiertelna|smiertelny|tödlich|todlich|dodelijk)\w*",
        r"(sie |się )?nie (obudzic|obudzić)",
        r"(no )?(volver a )?despertar(me)? nunca|no despertar(me)? (mas|nunca)|nao acordar (mais|nunca)|"
        r"ne plus (me )?reveiller|nicht mehr aufwachen|non svegliarmi piu",
    ),
}

# Third round: gaps found by reading each family against new wordings written for it (crisis_phrases.yaml),
# not against any corpus item: self-harm shown in other verbs, wishes with other images, burden and
# plans said another way, heights and stopped treatment as methods, and burden, weariness of life and
# not waking in the other languages.
_THIRD_ROUND: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.EXPLICIT: (
        r"(burn|burned|burnt|cut|scratch|scratched|hit|punched|bit) (my|his|her) (\w+ )?(arms?|wrists?|legs?|"
        r"thighs?|skin|stomach|hands?) (\w+ ){0,5}(on purpose|deliberately|until (it|they) bled|till (it|they) bled)",
        r"(until|till) (it|they|i) (bled|bleed|bleeds|was bleeding|were bleeding)",
        r"\bsui (thoughts?|ideation|attempts?|urges?|plans?)",
        r"(hit|hitting|punch|punching|punched|bite|biting) (myself|himself|herself)\b(?! (on|against|by|with the|in "
        r"the|while|when i (fell|tripped|slipped)|accidentally))",
    ),
    SignalKind.WISH_TO_DIE: (
        r"(wish|hope|hoping|pray|praying) (\w+ ){0,2}(a |the )?(car|bus|train|lorry|truck) (would|will|might|to) "
        r"(hit|run (me|him|her) over|kill)",
        r"(wish|hope|hoping|pray|praying) (i|i would|i had|to) (get |got |be )?(hit|run over) by (a|the)",
        r"(close|shut) my eyes and (never|not) (open|wake)",
        r"(want|wish|need|going|like) to (just )?rest (forever|for ever|for good|permanently)",
        r"(wish|want) (i )?(could|can) (just )?not (exist|be here|be alive|wake up)\b",
        r"(think|thinking|thought|fantasi\w*|dream|dreaming|imagin\w*) (a lot |all the time )?(about|of) "
        r"(not being alive|not waking up|my own funeral|my funeral|being gone)",
        r"(imagin\w*|picture|picturing|planning|plan|planned) (\w+ )?(my own|my) funeral",
        r"(do not|can not|can t) (see|picture|imagine) (myself|me) (\w+ )?(here|alive|being alive|around|still here|"
        r"being here) (at|by|for|next|in|this)\b",
        r"(can not|can t|could not) (picture|imagine) being alive",
        r"(stop|stopped|stopping) (taking )?(my|his|her) (insulin|heart (pills|tablets|medication)|medication|meds|"
        r"tablets|pills) (\w+ ){0,2}(so (i|he|she) can (go|die|be with)|to (die|go)|and (die|let (it|nature)))",
        r"(stop|stopped|stopping|without) (taking )?(my|his|her) insulin (for good|forever|completely|"
        r"(\w+ ){0,3}how long)",
        r"(want|wants|wanted|wanting|hope|hoping) (it|this|the illness|the cancer|the disease|fibro|the pain) to take "
        r"(me|him|her) (too|as well|with it)",
        r"(want|wants|wanted|wanting) (my|his|her) life to (be over|end|stop)",
        r"(had|has had|have had) a good innings",
        r"(want|wants|wanting|wish|wishes) (it|the end|death) (to come |to be |to happen )?sooner",
        r"waiting for the end\b",
        r"(will|would|might|could) (the |my )?(\w+ )?(seizures|cancer|illness|disease|fibro|pain|infection) take me\b"
        r"(?! (to|through|off|out|back|home|in|on|with|for|up|down|away))",
        r"(going|about|want|wants|plan|planning|plans) to jump (tonight|today|now|soon|off)",
        r"(stop|stopped|stopping) being (here|alive|around)",
        r"(running out of|run out of|ran out of|no more) reasons (to stay|to live|to keep going|to go on|to be here)",
        r"(do not think|not sure|doubt) (i will|i am going to|i would|i ll) (still )?be (here|around|alive)\b",
    ),
    SignalKind.BURDEN: (
        r"(if i|if i was|if i were) (not|no longer) (in it|here|around|alive|in their lives|in the picture|in the way)",
        r"(world|family|everyone|everybody|they|life|lives) (would|will) be (\w+ )?(lighter|easier|better|happier|"
        r"calmer) without me",
        r"(would|will) (get over|move on from) (it|me|my death|losing me) (so )?(quickly|fast|soon|in no time)",
        r"(relieved|relief) if i (just )?(stopped|was gone|were gone|disappeared|died|was not here|were not here)",
        r"(easier|better|happier|lighter) (for|on) (everyone|everybody|them|my family|my kids|the kids|people) if i "
        r"(just )?(stopped|was gone|were gone|disappeared|died|was not here|were not here|was not around)",
        r"(just )?taking up space",
        r"(i am|i feel like|feel like|i am just|just) (a )?waste of (space|oxygen|air|everyone|everybody)",
    ),
    SignalKind.GOODBYE: (
        r"(picked|chosen|set|chose|picking) (a|the) (date|day|time)\s*$",
        r"(picked|chosen|set|chose) (a|the) (date|day) (to|for) (do it|end|go|die)",
        r"(plan|planning|planned|plans) (your|my|his|her|their) own funeral",
        r"(worked out|figured out|thinking about|thought about|planned|planning|decided|know|knew) how (i would|"
        r"i will|to|i am going to) do it\b",
        r"(my|my own) funeral\b",
        r"tonight is the night\s*$|tonight is the night (thanks|thank you|goodbye|bye|love)",
        r"(for|after|when|once) (i am|i m|i have) gone\b(?! (to|out|back|home|for|through|on|off|over|up|down|"
        r"away for|shopping|gluten|dairy|vegan))",
        r"(will not|would not|do not think i will|not going to) need (it|them|my (\w+ ){1,2}) (next|after|any ?more)",
    ),
    SignalKind.STOCKPILING: (
        rf"(swallowed|took|taken|had|downed) (a load|loads|a lot|a bunch|heaps|a pile|a fistful|lots|a heap) of "
        rf"(\w+ )?{_MEDS}",
        rf"(putting|put|puts|setting|set|keeping|kept) (aside|back|by) (my|his|her|some of my|some) (\w+ )?{_MEDS}",
        rf"(mix|mixing|mixed) (all )?(my|his|her) (\w+ )?{_MEDS} with (gin|vodka|wine|whisky|whiskey|alcohol|booze|"
        r"rum|beer)",
        rf"(doubling|double|tripling|triple) (up )?(my|his|her) {_MEDS} (\w+ ){{0,3}}(hoping|so that|until|and hope)",
        r"(took|take|taking|swallowed|swallow) (my|his|her) (whole|entire) (blister pack|pack|packet|strip|box|bottle|"
        r"prescription|supply)",
        r"(different|several|multiple|few|three|two|four|five) (chemists|pharmacies|shops|supermarkets) (\w+ ){0,4}"
        r"(paracetamol|pills|tablets|painkillers|co codamol|cocodamol|codeine|ibuprofen|aspirin|sleeping)",
    ),
    SignalKind.LETHALITY: (
        r"before (your|my|his|her|the|someone s|a person s) (heart|breathing|liver|kidneys) (stops|stop|fails|fail|"
        r"gives out|give out|packs up|shuts down)",
        r"(most|max|maximum) (pills|tablets|capsules) (someone|a person|you|i|he|she) (can|could) take before",
        r"slow death",
        r"\bld ?50\b",
        r"(bleed|bled|bleeding) to death",
        r"(the )?most (toxic|dangerous|deadly|poisonous|harmful) (supplement|medicine|medication|pill|drug|tablet|"
        r"thing|vitamin|herb)",
        r"(wreck|destroy|damage|kill|fry|ruin) (your|my|his|her|someone s) (liver|kidneys|heart) (for good|"
        r"permanently|forever|for ever)",
        r"(want|wanted|going|plan|planning) to take (way |much |a lot )?more than (that|the (max|maximum|limit|"
        r"highest|safe))",
        r"(serotonin syndrome|an overdose|overdose|a bleed|bleeding|liver damage|organ damage|a seizure|seizures|"
        r"a heart attack|a stroke) (\w+ ){0,2}(happen )?(on purpose|deliberately)",
        r"(how much|how many) of (my|his|her|the|these|those) (\w+ ){0,2}(would|will|could|is|are) (be )?too "
        r"(much|many)",
    ),
    SignalKind.METHOD: (
        r"(sitting|sat|sit) in the car in the garage|(engine|car) running in the (garage|closed garage)",
        r"(got|have|bought|hidden|hid) (a |the )?rope (in|under|ready)",
        r"(train|railway) (times|tracks|line|timetable) (\w+ ){0,3}not (for|to) (travel|go anywhere|catch)",
        r"(most|least) (peaceful|painless|gentle|quiet) way\s*$",
        r"end (it|things|everything) without (pain|hurting|suffering)",
        r"how (high|tall|far) (\w+ ){0,3}(bridge|building|drop|fall|floor|floors|cliff|roof|car park) (\w+ ){0,3}"
        r"(need|needs|have|has|to be|would|to die|enough)",
        r"how many (floors|storeys|stories|metres|meters|feet) (up )?(would be|is|to) (enough|fatal|kill)",
    ),
    SignalKind.OTHER_LANGUAGE: (
        r"(cansad[oa]|hart[oa]) de (vivir|la vida)|no quiero seguir (viviendo|aqui)|(soy|me siento) una carga|"
        r"nadie me (extranaria|echaria de menos)|mejor(es)? sin mi\b|dormir y no despertar",
        r"(je suis|suis) un fardeau|personne ne me regretterait|mieux sans moi|(fatigue|fatiguee|marre) de vivre",
        r"besser (dran )?ohne mich|ohne mich (\w+ )?besser|(ich bin|bin) (nur )?(eine )?last (fur|fuer)|"
        r"mude vom leben|muede vom leben",
        r"(sono|mi sento) un peso|stanc[oa] di vivere|meglio senza di me|farla finita",
        r"(sou|me sinto) um peso|nunca mais acordar|cansad[oa] de viver|melhor sem mim",
        r"wil er niet meer zijn|beter af zonder mij",
        r"(jestem|czuje sie) (\w+ )?ciezarem|lepiej beze mnie",
        r"yasamak istemiyorum",
        r"po co (zyc|żyć)",
        r"хочу исчезнуть|не хочу больше жить|δεν θελω να ζω|δεν θέλω να ζω",
        r"اريد ان اموت|انتحار",
        r"मरना चाहत|आत्महत्या",
    ),
}

# An upper limit asked about ("how much is too much", "the max") by or for a person described as low,
# down or struggling now ("asking for my 16 year old who has been really low lately"): the amount is
# ordinary, the distress beside it is not. A careful reader is unsure, so it is crisis (corpus guide,
# section 6); as a lethality question with no death or means in it, it is read in the possible tier
# (the answer kept below the resources, as for "can I overdose on vitamin D").
_UPPER_LIMIT = (
    r"(too much|too many|the max|maximum|upper limit|overdose|the most (\w+ )?(i|you|she|he|they) (can|could))"
)
_LOW_NOW = (
    r"(has|have|is|am|are|s|been|feeling|feel|felt|seems?|seemed) (been )?(really |very |so |quite |pretty |a bit |"
    r"super |extremely )?(low|down|depressed|withdrawn|not (himself|herself|themselves|myself|yourself)|in a "
    r"(dark|bad) place|struggling) (lately|recently|for (weeks|months|a while|ages)|these days|since)"
)

# Issue 12's sixth (crisis-precision) round: indirect signals its written messages showed the rules
# lacked (docs/crisis.md, "Sixth round").
_SIXTH_ROUND: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.WISH_TO_DIE: (
        # sleep as an image of death, with a permanence other than "forever" ("sleep for good")
        r"(sleep|sleeping) for good",
        # fading away or disappearing said of oneself as a feeling ("feel like I'm fading away")
        r"(feel|feels|feeling|felt) like (i am |he is |she is |they are |i m )?(just )?(fading away|disappearing|"
        r"vanishing|not really here|not here anymore)",
    ),
    SignalKind.GOODBYE: (
        # a pet given to someone: giving away what one loves, a final act (not for a stated time)
        rf"(gave|given|giving|give|rehomed|rehoming|rehome) (away )?(my|our|all my) (\w+ )?(dog|dogs|cat|cats|pets?|"
        rf"puppy|kitten|rabbit|parrot) (away|to (my|a|an|the|his|her|our|\w+) \w+)\b(?! (\w+ )?{_AWAY_FOR}| (while|"
        rf"when|until|till|because|as|since|during|so))",
        # a plan nobody is to worry about ("he's got a plan and we shouldn't worry")
        r"(got|has|have|made|making) a plan(,| and| so| but)? (\w+ ){0,3}(should not|do not|not to|no need to|"
        r"nothing to|need not|need to stop) worry",
    ),
    SignalKind.LETHALITY: (
        rf"{_UPPER_LIMIT} (\w+ ){{0,12}}{_LOW_NOW}",
        rf"{_LOW_NOW} (\w+ ){{0,12}}{_UPPER_LIMIT}",
    ),
}

# Issue 12's seventh (crisis-recall) round: indirect wordings from messages written for the round
# (questions_extra x1700-x1799), widened by family rather than by message (docs/crisis.md, "Seventh round").
_SEVENTH_ROUND: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.WISH_TO_DIE: (
        # asking why one is still alive ("idk why im still here")
        r"(why|what) (am i|i am|is he|he is|is she|she is) (even )?still (here|alive|around)\b(?! (at|in|on|after|"
        r"with|waiting|for))",
        # a sleep or knock-out meant to last ("knock me out for good")
        r"(knock|put) (me|him|her|myself) (out|to sleep|under) (for good|forever|for ever|permanently)",
        # an amount it takes not to come back or wake ("how much paracetamol it takes to not come back")
        r"(take|takes|took|taking) (\w+ ){0,2}(to )?(not|never) (come back|wake up|wake)\b",
        r"(do not|never|not|would not|will not) (wake|waking|come|coming) (up |back )?from\s*$",
        r"(tired|sick|weary) of (being alive|existing|waking up (every|each) (day|morning))\b(?! (with|in|at|"
        r"because|feeling|to|sore|stiff|exhausted|groggy|tired|at|so|early|before))",
        r"had enough of (being alive|living|life|existing|everything)\b(?! (with|on|in|at|near|off|out|being|going)\b)",
        r"better off (asleep|sleeping) (forever|for good|for ever|permanently)",
        r"(ready|want|wants|wanted|going|plan|planning|time) to leave (this world|this earth|this life|the world|"
        r"this planet)\b(?! (of|behind|for (a|the) (day|week|weekend|evening)))",
        r"(sleep|rest) and (not|never) (deal with|face|feel|see) (\w+ ){0,2}(ever again|again)\b",
        r"(cancer|illness|disease|tumour|tumor) (would|to|will) (just )?hurry up\b",
        r"(want|wants|wanting|ready|long|longs|longing) to (join|be with) (my |his |her )?(late |dead )?"
        r"(mum|mom|mother|"
        r"dad|father|husband|wife|son|daughter|grandma|grandad|grandpa|nan|gran|grandmother|grandfather|partner|"
        r"brother|sister)(\s*$| (in heaven|up there|again|on the other side|wherever (he|she) is))",
        r"(ready|want|wants) to be done with (life|living|everything|it all|this world|existing|being alive)\b",
        r"what (does|would) it feel like to (die|drown|bleed out|overdose|hang|suffocate|be dead)\b",
        r"(want|wants|wish|wishes|need) (everything|it all|it|the world|my head) to (go|be|stay) (quiet|dark|still|"
        r"silent) (forever|for good|for ever|permanently)",
    ),
    SignalKind.HOPELESSNESS: (
        # no way forward, no reason to go on, said without "can't see"
        r"(see|is|there is|have|with) (just |simply |really |honestly )?no (way forward|way out|light at the end|"
        r"reason to (go on|carry on|keep going|"
        r"live|stay|be here|get up))\b(?! (with|for|on|in|at) (the|this|my|that|a|an|these|his|her|our) "
        r"(?!(life|living|future|illness|pain)\b))",
        # can't do life, not able to keep going
        r"(can not|could not|not able to|unable to|no longer able to) (do|face) (life|living)\b(?! (admin|insurance))",
        r"(not able to|unable to|no longer able to) (go on|carry on|keep going|cope|do this|live like this|keep "
        r"doing this)\b(?! (a|an|the|my|holiday|walks?|long|trips?|on|for|to|with|without|because|at|in)\b)",
        r"(i have|i have got|there is) nothing (left )?to look forward to\b(?! (this|at|on|until|till|except|but|"
        r"apart|today|tomorrow|tonight|in the (morning|evening))\b)",
        r"(give|given|giving) up on (everything|life|living|myself|it all)\b",
        r"done fighting\b(?! (with|the|my|for|about|over))",
        r"(do not|can not|could not) see (a|any) reason to (go on|carry on|keep going|live|stay|be here|get up)\b",
        r"(do not|can not|could not) (see|picture|imagine) (myself|me) (getting old|growing old|being (here|around|"
        r"alive) (next|in|much|for)|making it (to|past|through the year))",
        r"no future (for|with) (me|someone like me|people like me|us|him|her)\b(?! (at|in|with) (this|the|my|that) "
        r"(job|company|team|sport|band|career|role|industry|club|firm|relationship)\b)",
    ),
    SignalKind.BURDEN: (
        # a burden said in other images ("dead weight to everyone", "a drain on everybody")
        r"(dead weight|a drain|a strain|a weight|a millstone) (to|on|for|around) (everyone|everybody|every one|"
        r"my family|"
        r"the family|people|others|them|my (\w+ )?(kids|children|husband|wife|partner|parents|family|mum|dad))\b",
        # a burden denied by others and affirmed by the person ("says I'm not a burden but I know I am")
        r"who (will|would|is going to) (even |really |actually )?miss (me|him|her)\b(?! (while|when|at|on|for|"
        r"if i (go|am) "
        r"(away|on)))",
        r"(nobody|no one|no body) needs me (anymore|any more)\b",
        r"(everyone|everybody|they|my family|people|the kids) would (all )?be relieved\s*$",
        r"not a burden(,)? but (i know |i think |i feel |really )?(i am|he is|she is)\b",
        # the reason another cannot live their life
        r"(i am|being|i feel like|feel like) the reason (\w+ ){0,3}(can not|could not|is not|are not|does not|do not) "
        r"(have a life|be happy|live (their|his|her) life|move on)\b",
        # others better or happier if one simply were not here ("if i just wasnt here anymore")
        r"(better|happier|easier|lighter|calmer) (off )?(if|when) (i|he|she) (just |simply |only )?(was|were) (not|no "
        r"longer) (here|around|alive|in the way)",
        r"(would|will|could) save (so much|a fortune|a lot|loads|more money|money) (\w+ ){0,2}(without|w o) me\b",
        # not a problem for others much longer ("i won't be a problem for you much longer")
        r"(will not|would not|not going to) be a (problem|burden|bother|nuisance|worry|trouble) (for|to) (you|anyone|"
        r"them|everyone|anybody|any of you) (much longer|for long|anymore|any more|soon)",
        # Spanish, Portuguese, Polish: better or happier if I were not here
        r"mejor (\w+ ){0,3}si (yo )?no (estuviera|existiera|estuviese)|(estarian|serian) (mas felices|mejor) sin mi",
        r"melhor (\w+ ){0,3}se eu nao (estivesse|existisse)|(seriam|estariam) (mais felizes|melhor) sem mim",
        r"(szczesliwsi|szczesliwszi|lepiej|lzej) (\w+ ){0,2}beze mnie|beze mnie (\w+ ){0,2}(lepiej|szczesliwsi)",
    ),
    SignalKind.GOODBYE: (
        r"(this is|this will be|probably|likely|prob) (my |the )?last (question|post|message|thing) (i will|on here|"
        r"here|you will|ever)\b(?! (for (today|tonight|now|a while|this (week|month))|today|tonight|before|until))",
        r"(wrote|written|writing|left) (my family|my kids|my children|my wife|my husband|my partner|my mum|my parents|"
        r"everyone|him|her|them) (a |my )?(letter|letters|note|notes) (explaining|saying sorry|to say|for after)",
        r"(do not|not to|never|no need to|please do not) (come )?(look|looking|search|searching) for (me|her|him)\b"
        r"(?! (at|in|on|by|near|after) )",
        r"last time (you|anyone|anybody|you all|any of you) (will )?(hear|hears|see|sees) from me",
        r"(say|saying|said|to say) (bye|goodbye|my goodbyes) to (anyone|everyone|everybody|all of you|you all)\b",
        r"made my peace with (everything|everyone|dying|death|the end|leaving|my decision|going|it all)\b",
        # belongings given away by someone a carer speaks of ("giving away his games")
        r"(given|giving|gave|give) away (his|her|their|all his|all her|all their) (things|stuff|belongings|"
        r"possessions|games|clothes|books|records|collection|guitar|console|jewellery|jewelry|pets?|cat|dog)\b"
        r"(?! (\w+ ){0,3}(outgrown|outgrew|to charity|for charity|clear out|declutter\w*))",
    ),
    SignalKind.STOCKPILING: (
        # saving something up to take it all at once, supplements included (corpus guide, section 6, rule 6)
        r"(saved|saving|save|kept|keeping|collected|collecting|put aside|putting aside|hoarded|hoarding|stored|"
        r"storing) "
        r"(up )?(\w+ ){0,6}(to take|and take|so i can take|so i could take) (them|it|all|the lot|everything) (\w+ )?"
        r"(together|at once|in one go|all at once|at the same time)",
        # a prescribed medicine left untaken to keep it
        rf"(stop|stopped|quit|stopping|not|been not) taking (my|his|her) (\w+ )?{_MEDS} (\w+ ){{0,4}}(save|saving|"
        r"keep|keeping|store|storing|hoard|hoarding|stash|stashing) (them|it|these)",
        rf"{_MANY} of (my|his|her|the|these|those) (\w+ ){{0,2}}(be|is|was|would be|will be) enough",
        rf"(collecting|collected|gathering|gathered|hoarding|hoarded|saving|saved) (up )?(my |his |her )?"
        rf"(\w+ ){{0,3}}(leftover|left over|old|spare|unused) {_MEDS}\b(?! (\w+ ){{0,2}}(to|for) (return|take back|"
        r"hand in|dispose|disposal|the pharmacy|the chemist|recycl\w*))",
        rf"{_MEDS} (\w+ ){{0,2}}from (\w+ )?(different|several|multiple|two|three|four|five|lots of|a few|various) "
        r"(\w+ )?(chemists|pharmacies|shops|supermarkets|places|stores)",
        r"plan (\w+ ){0,3}(the )?(pills|tablets|meds|rope) (are|is) (all )?ready",
        # Spanish, Portuguese: take all my tablets
        r"(tomar|tomarme|tome|tomei|tomo) (todos|todas) (os |as |las |los )?(meus |minhas |mis )?(comprimidos|pilulas|"
        r"remedios|pastillas|pildoras|medicamentos)",
    ),
    SignalKind.LETHALITY: (
        # how many pills it would take, with nothing it takes them for ("how many sleeping pills would it take")
        rf"how many (\w+ ){{0,2}}{_MEDS} (would|does|will|could) it take\b"
        r"(?! (to|before|for|until|a|per|each|every)\b)",
        r"(damage|harm|hurt|finish off|do in) (to )?(a person|someone|somebody|a human) (for good|forever|for ever)",
        r"(amount|dose|much|many) (\w+ ){0,4}(that )?(you|u|i|a person|someone) (just )?(do not|never|would not|will "
        r"not) (wake|come back) (up )?from",
    ),
    SignalKind.METHOD: (
        r"(bridge|building|cliff|car park|roof|multi storey|tower) (\w+ ){0,3}(high|tall) enough\b"
        r"(?! (for (a|an|my|the|"
        r"our|your|his|her) (\w+ )?(van|lorry|truck|bus|caravan|car|boat|trailer|camper|motorhome|horse box|view|"
        r"aerial|antenna|signal)|to (fit|clear|drive|sail|pass|get|see|park)))",
        r"bleed (out|dry)\b(?! (of|the|from the (dye|colour|color|fabric)))",
        r"(make|making|made) it look like an accident",
        r"nooses?\b",
        r"(crash|crashing|crashed|drive|driving|drove|steer|steering) (\w+ ){0,3}(car|van|into (a |the )?(tree|wall|"
        r"bridge|river|lorry|oncoming traffic)) (\w+ ){0,2}(on purpose|deliberately)",
    ),
    SignalKind.OTHER_LANGUAGE: (
        r"(mam|juz mam) (juz )?dosc (zycia|wszystkiego)|dosc mam (zycia|wszystkiego)|nie chce (juz )?zyc|"
        r"nie chce sie (juz )?(obudzic|budzic)|zmeczon[ya] zyciem",
        r"nie widze (zadnego )?sensu (zycia|zyc|w zyciu)|(no )?(le )?veo sentido (a la vida|a vivir|en la vida|a "
        r"seguir)|nao vejo (mais )?sentido (na vida|em viver|nesta vida)",
        r"ya no puedo mas\b(?! (con|de|del|por) )|nao aguento mais (viver|a vida)|nao aguento mais\s*$",
    ),
}


# Issue 12's ninth round (readable misses and false alarms, by family): docs/crisis.md, "Ninth round".
# Each pattern was written from a family of wordings (questions_extra x2500-x2574), not from one message.
_NINTH_ROUND: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.WISH_TO_DIE: (
        # wishing not to have woken ("some mornings i wish i hadn't woken up"); not at an hour, early or with a
        # symptom ("wish i hadn't woken up at 4am", "so early", "with this migraine"): insomnia, not life
        r"(wish|wishes|wished|wishing|hope|hoped|hoping) (that )?(i|he|she|they) (just |simply |only )?"
        r"(had not|did not|would not|had never|never) (woken up|woke up|wake up|waken up|woken|woke|wake|waken)\b"
        r"(?! up\b)(?! (at|so|too|early|this early|before|with (?!or\b)|in the night|during|until|till|on time|"
        r"feeling|tired|groggy|in pain|because|from|\d)\b)",
        # woke and wished not to have ("woke up again today and honestly wished i hadnt")
        r"(woke|woken|wake|waking) up (\w+ ){0,4}(and )?(\w+ )?(wished|wish|wishing) (i|he|she) (had not|did not)"
        r"( (woken|woke)( up)?)?\s*$",
        # following a relative who died the same way ("my brother died of an overdose and i want to go the same way")
        r"((want|wants|wanted|going|ready|plan|planning|tempted) to (go|end up|die|end it)|(thinking of|thinking about|"
        r"think about|considering) (going|ending up|dying|ending it)) (\w+ )?the same way\b",
        # a third person's wish to die or disappear in Spanish, Portuguese, Italian and French ("mi hermano dice
        # que quiere desaparecer"); not a place to hide for a while ("desaparecer debajo de la cama")
        r"(quiere|quieres|queria|quisiera|quieren|quer|quis|vuole|voleva|veut|voulait) (\w+ )?(morir|morirse|"
        r"desaparecer|dejar de vivir|matarse|quitarse la vida|morrer|se matar|sumir|desaparecer para sempre|morire|"
        r"uccidersi|sparire|mourir|se tuer|disparaitre)\b(?! (debajo|bajo|detras|dentro|en|de vacaciones|un rato|"
        r"por|unos|durante|sob|embaixo|atras|sotto|dietro|per|sous|derriere|pendant|quelques)\b)",
    ),
    SignalKind.HOPELESSNESS: (
        # one's own life worth nothing, in the other languages ("mi vida no vale nada", "a minha vida nao vale
        # nada", "la mia vita non vale niente")
        r"(mi|su|tu) vida (ya )?no vale (nada|la pena)|no valgo (nada|la pena)|minha vida (ja )?nao vale (nada|a "
        r"pena)|nao valho nada|mia vita (ormai )?non vale (niente|nulla|la pena)|non valgo (niente|nulla)|ma vie "
        r"ne vaut (rien|pas la peine)|je ne vaux rien|mein leben ist nichts (mehr )?wert|ich bin nichts wert",
    ),
    SignalKind.BURDEN: (
        # others deserving a better person than the writer ("my kids deserve a better dad than me")
        r"(deserve|deserves|deserved) (a |an )?(much |far |so much )?(better|nicer|kinder|happier|proper|real) "
        r"(mum|mom|mother|dad|father|parent|parents|wife|husband|partner|friend|friends|daughter|son|sister|"
        r"brother|person|girlfriend|boyfriend|carer|grandma|grandad|nan|family) than (me|him|her|them|this)\b",
    ),
    SignalKind.STOCKPILING: (
        # a medicine (or a supplement a carer hands out) kept, hidden or collected instead of taken ("hiding his
        # sertraline instead of taking it", "collecting his sleeping tablets in a tin and not taking them");
        # not taken along somewhere ("instead of taking it with me")
        r"(hiding|hid|hides|hidden|keeping|keeps|kept|putting|puts|collecting|collects|collected|saving|saves|"
        r"saved|pocketing|pockets|pocketed|stashing|stashes|stashed|storing|stores|stored|hoarding|hoards|hoarded|"
        r"spitting out|spits out|spat out) (\w+ ){0,8}(instead of|rather than|and not|but not|without) (taking|"
        r"swallowing) (it|them|these|those|any)\b(?! (with|to|out|along|on (holiday|the plane)|when|daily|every|"
        r"each|regularly)\b)",
        # a container full of a medicine never taken ("a drawer full of her pregabalin she never took")
        rf"(drawer|drawers|box|bag|jar|tin|pile|stash|cupboard|shoebox|shoe box) (full )?of (my|his|her|their) "
        rf"(\w+ )?{_MEDS} (that )?(i|he|she|they) (never|did not|have not|has not|had not|was meant to have|"
        r"should have) (took|taken|take)\b",
    ),
}


# Issue 12's tenth round (voices the corpus lacked): docs/crisis.md, "Tenth round". Each pattern was written
# from a family of wordings (questions_extra x2900-x2959 and the test's own examples), not from one message.
_LEAVE_VERB = (
    r"(check|checks|checking|checked|clock|clocks|clocking|clocked|tap|taps|tapping|tapped|bow|bowing|bowed|log|"
    r"logging|logged|sign|signing|signed|opt|opting|opted|cash|cashing|cashed|bail|bailing|bailed|dip|dipping|"
    r"dipped|switch|switching|switched|turn|turning|turned)"
)
_TENTH_ROUND: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.WISH_TO_DIE: (
        # leaving life said as a metaphor ("clock out of life", "tapping out of life", "check out permanently",
        # "switching myself off for good"); not with an object named ("switching off my phone for good",
        # "logging off twitter for good", "checked out of the hotel")
        rf"{_LEAVE_VERB} ((myself|me) )?(out|off) (of )?(life|this life|existence|this world|it all|everything)\b"
        r"(?! (admin|insurance|cover|policy|policies)\b)",
        rf"{_LEAVE_VERB} ((myself|me) )?(out|off) (permanently|for good|forever|for ever|for the last time)\b"
        r"(?! (from|on|with|of|at) )",
        # pulling the plug on oneself or one's life ("i want to pull the plug on myself")
        r"(pull|pulls|pulling|pulled) the plug on (myself|me|my life|my own life|it all|everything|life)\b",
        # getting off the ride for good ("i just want to get off this ride for good")
        r"(get|gets|getting|got|step|stepping|jump|jumping) off (this|the) (ride|rollercoaster|roller coaster|"
        r"merry go round|carousel)( of life)? (for good|permanently|forever|for ever|once and for all)\b",
        # the last chapter of oneself ("this feels like the last chapter for me")
        r"(is|feels like|feel like|seems like|must be|could be) (surely |probably |definitely |just |really |"
        r"honestly )?"
        r"(the |my )?(last|final) chapter (for me|of me)\b",
        # a one way ticket out ("bought a one way ticket if you know what i mean", "a one way ticket out of here")
        r"one way ticket (\w+ ){0,2}(if you know what i mean|if you get me|out of (here|this life|this world|it all|"
        r"life|this)|to (the other side|heaven|oblivion|the next world|the afterlife))\b",
        # the long sleep ("thinking about taking the long sleep")
        r"(take|taking|took|have|go to|going to|ready for) the (long|big|eternal|endless|final) sleep\b",
        # asking God to take me ("id just like the lord to take me now")
        r"(like|want|wish|pray|praying|prayed|asking|ask|begging|beg|hope) (\w+ ){0,2}(for )?(the lord|god|jesus|"
        r"the good lord|"
        r"him upstairs|the man upstairs|heaven) (to|would|will|could) (just )?take me\b(?! (to|through|back to|on)\b)",
        # being with a late spouse or parent ("go to sleep and be with my late husband")
        r"(be|go|going|join|joining|be reunited|reunite) (with |to )?my (late|dead|departed) (husband|wife|partner|"
        r"mum|mom|mother|dad|father|son|daughter|brother|sister)\b",
        # going away for good, said by the writer ("if i quietly went away for good", "if i dipped permanently")
        r"(if|when|once) i (just |simply |quietly |finally )?(went|go|was gone|were gone|left|dipped|vanished|"
        r"disappeared|slipped) (away |off )?(for good|permanently|forever|for ever)\b",
        # others fine without me and I could just go ("the kids would be fine with their dad and i could just go")
        r"(would|will|could) (all )?be (fine|ok|okay|alright|better|happier) (\w+ ){0,5}and i (could|can|would|"
        r"will|should|might) (just )?(go|slip away|disappear|leave)\s*$",
        # no reason to keep going ("no reason to keep turning up to life"); not to keep a named thing up
        r"no (reason|point) to (keep|carry on|go on) (turning up|showing up|going|getting up|existing|living|"
        r"waking up|trying)\b(?! (to|for|at|with|on|in|back)\b)",
        r"(turning|turn|show|showing|turned|showed) up (to|for) life\b",
        # ending it for a carer and the person they care for ("taking us both out of this")
        r"(take|taking|took|get|getting) (us|the (both|two) of us) (both |all )?out of (this|it|it all|here|this "
        r"world|the picture)\b",
        r"(ending|end|ended) it (all )?for (the )?(both|two|all) of us\b",
        # no need of one's things where one is going ("stopped my meds, wont need them where im going")
        r"(will not|would not|do not|wont|shall not) need (them|it|these|those|this|anything|any of (it|this|them)|"
        r"my \w+|the \w+) (\w+ ){0,2}where i am going\b(?! (on|for|in|it is|its|because|as|next|this)\b)",
    ),
    SignalKind.BURDEN: (
        # others managing without me in the picture ("everyone would manage alright if i just wasnt in the
        # picture")
        r"if i (just |simply )?(was not|were not|am not|was no longer|were no longer|was out of|were out of) "
        r"(in )?the picture\b",
        r"(would|will|could) (manage|cope|be fine|be ok|be okay|get on|get by|be alright) (\w+ ){0,2}(if|when) i "
        r"(just )?(was not|were not|am not|was gone|were gone) (around|here)\b(?! (for|this|next|on|at|today|"
        r"tomorrow|while|when|during)\b)",
    ),
    SignalKind.GOODBYE: (
        # a pet or a charge rehomed, or care arranged, as one will not be around ("rehoming my cat because i wont
        # be around to look after him"); not for a stated absence ("while i am in hospital", "next week")
        r"(will not|would not|am not going to|not going to|may not|might not|wont) be (around|here) (much longer|"
        r"for much longer|for long|to (look after|see|care for|feed|walk|raise|watch) (him|her|them|it|the (cat|"
        r"dog|kids|children|pets|animals)|my (cat|dog|kids|children|pets)))\b(?! (next|this|tomorrow|while|when|"
        r"during|for (a|the|two|three|\d)|on|over|at|until|till|because i am (in|away|going)|as i am (in|away))\b)",
        # who gets what written down ("paid off everything and wrote down who gets what")
        r"(wrote|written|writing|write|made|making|sorted|sorting|listed|listing|worked out) (down |out |a list of "
        r"|up )?who (gets|get|should get|will get|is to get|inherits|can have) (what|my|which of my|all my)\b",
        # passwords and instructions left for afterwards ("made sure my sister knows all my passwords, for
        # afterwards")
        r"(passwords?|pin|pins|pin numbers?|bank details|account details|logins?|instructions|letters?|keys) (\w+ "
        r"){0,3}for (afterwards|after i am gone|when i am not here|after i have gone|when i have gone)\b",
        # a parent or partner giving their belongings away, reported by a carer ("hes started giving his tools away")
        r"(started|starting|been|keeps|kept|is|has been|begun|began|begin) giving (his|her|their) (\w+ ){0,2}away\b"
        r"(?! (to charity|for charity|because|as (he|she|they) (is|are) moving|before (the|their|his|her) move))",
    ),
    SignalKind.STOCKPILING: (
        # a medicine saved up or put away ("stopped all my meds and saving them up")
        rf"{_MEDS} (\w+ ){{0,6}}(saving|saved|save|stashing|stashed|hoarding|hoarded|storing|stored) (them|it|these|"
        r"those) (up|away)\b(?! (for|until|till|in case) (the|my|a|an|next|when (i|we) (go|travel|am away)))",
    ),
    SignalKind.METHOD: (
        # a medicine with drink to drift away ("paracetamol and whisky together would let me drift off peacefully")
        rf"{_MEDS} (and|with|plus|washed down with) (\w+ )?(alcohol|vodka|booze|wine|whisky|whiskey|gin|rum|beer|"
        r"spirits|drink) (\w+ ){0,6}(drift off|drift away|slip away|fade away|go peacefully|pass peacefully|"
        r"peacefully|end it|not wake|never wake)\b",
        # a car's exhaust ("how long does it take to pass out from car exhaust"), a knot for one's weight, a sea
        # too cold to swim back from, a car park or bridge asked for its height, helium without questions,
        # train tracks looked at as easy, "yeeting myself off" a height
        r"(pass out|passing out|die|dying|go|fall asleep|lose consciousness|black out|unconscious) (from|with|by) "
        r"(the |car |a car s |car s )?exhaust( fumes)?\b|hose ?pipe (\w+ ){0,3}exhaust\b|exhaust (fumes )?(into|in) "
        r"the (car|garage)\b",
        r"knot (\w+ ){0,4}(a person s|a persons|my|someone s|someones|a body s|a human s|a human|body|human|adult "
        r"s|an adult s) (\w+ )?weight\b",
        r"(before|until|till|so|where) (you|i|one) (can not|cannot|could not|would not be able to|will not be able "
        r"to|are unable to) (swim|get) back\b",
        r"(which|what|where is the|wheres the) (multi storey|multistorey|car park|carpark|bridge|building|tower block|"
        r"cliff|cliffs|viaduct|flyover) (\w+ ){0,5}(is|are) (the )?(highest|tallest)\b",
        r"helium (tank|tanks|canister|cylinder|cylinders|bottle|bottles)? ?(\w+ ){0,3}(without (anyone|anybody|"
        r"them|people) (asking|knowing|noticing)|no questions asked|and a (bag|mask|hood))\b",
        r"(train|railway|rail) (tracks|track|line|lines) (\w+ ){0,8}(it would be (so |really |too )?(easy|quick)|"
        r"just (step|walk|jump)|in front)\b",
        r"(yeet|yeets|yeeting|yeeted|throw|throwing|chuck|chucking|fling|flinging) (myself|me) (off|from|in front of|"
        r"under|into the (river|sea))\b",
    ),
    SignalKind.OTHER_LANGUAGE: (
        # Polish taking one's own life ("mysle o odebraniu sobie zycia", "chce odebrac sobie zycie", "targnac sie
        # na zycie"); French killing oneself in slang ("me foutre en l'air") and ending it with life
        r"odebra\w* sobie zyci\w*|odbier\w* sobie zyci\w*|targn\w* sie na (swoje )?zyci\w*",
        r"(me|se|te|nous) foutre en l air\b|en finir avec (la vie|ma vie|tout|cette vie)\b",
    ),
}

# Issue 12's eleventh round (voices the corpus lacked: non-native English, teenagers, carers, signals buried
# in long practical questions, past and future plans, euphemisms): docs/crisis.md, "Eleventh round". Each
# pattern was written from a family of wordings (questions_extra x3100-x3159, the readable misses of
# fresh-g-dev and the test's own examples), not from one message.
_HEIGHT_OR_WATER = (
    r"(bridges?|cliffs?|cliff edges?|viaducts?|multi storeys?|multistoreys?|car parks?|tower blocks?|rooftops?|"
    r"roofs?|river|rivers|the sea|canal|reservoir|railway|train tracks|tracks)"
)
# What a person looks up when a height or deep water is the method: not a bridge (the card game) or a river
# cruise, only heights and depths
_HEIGHT_SEARCHED = (
    r"(bridges|cliffs|(high|tall|highest|tallest) (bridges?|buildings?|cliffs?|car parks?|multi storeys?)|rooftops|"
    r"how (high|tall) (the |a |that )?(bridge|building|cliff|car park|multi storey|tower|roof) (is|was)|how (deep|"
    r"cold) (the |a |that )?(river|sea|lake|canal|reservoir|quarry) (is|gets|was))"
)
_NOT_FOR_AN_OUTING = (
    r"(?! (\w+ ){0,3}(for (my|a|an|the|our|his|her) (\w+ ){0,2}(project|essay|homework|assignment|course|class|trip|"
    r"holiday|walk|hike|run|drive|visit|day out|photos?|painting)|to (visit|walk|cross|photograph|paint|see|swim)|"
    r"near|nearby|walks?|walking|hikes?|hiking|trails?|views?|opening|times|tickets|timetable|engineering|history|"
    r"architecture|photos?|pictures|cruises?|holiday|tours?|climbing|swimming)\b)"
)
_ELEVENTH_ROUND: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.WISH_TO_DIE: (
        # a person asking to be helped to die ("she keeps begging me to help her end it", "help me end it"); not a
        # relationship or a job ended ("help her end it with her boyfriend"), nor a pet's end at the vet
        r"(begging|begged|begs|beg|asking|asked|asks|ask|wants|wanted|want|pleading|pleaded|pleads|told|tells|"
        r"telling) (me|us|you|someone|anyone|him|her|them) to help (her|him|them) (to )?(end it|end it all|end "
        r"her life|end his life|end their life|die|go|slip away)\b(?! (with|at|by|on|before|after|for|to|home|out|"
        r"back|into|through)\b)",
        r"help me (to )?(end it|end it all|end my life|die|slip away)\b(?! (with|at|by|on|before|after|for)\b)",
        # wishes the model alone read (second pass): finishing one's life in non-native English ("my life have no
        # sense, i think to finish it"), not wanting even to exist, not opening one's eyes again, the lights out
        # for good, a permanent nap, finished with the business of living, meeting one's maker, joining the dead
        # after a funeral, a one way trip to a clinic in Switzerland
        r"finish (my life|with my life|with life|my days)\b|(life|living) (\w+ ){0,8}(think|thinking|want|wanting|"
        r"going|decided|decide|plan|planning) (to |about |of )?(finish|finishing) (it|it all|everything)\b",
        r"(do not|no longer|ion|i do not) (even |really |honestly |actually )?want to (exist|be alive)\b",
        r"(not|never) (to )?open my eyes (again|ever again|anymore|any more)\b|close my eyes (and|then) (never|not) "
        r"(open them|wake|wake up)\b",
        r"(let )?the lights? (go|goes|going) out (for good|forever|for ever|permanently)\b|lights out (for good|"
        r"forever|for ever|permanently)\b",
        r"permanent (nap|snooze|lie down|goodnight|good night)\b",
        r"(finished|through|over) with (the (whole )?business of )?(living|life|being alive|existing|existence|this "
        r"life)\b(?! (in|on|at|admin|insurance|cover|policy|coach|coaching|drawing|model|modelling)\b)",
        r"(ready|want|wanting|time|longing|going|about|prepared|waiting) to meet (my|his|her) maker\b",
        r"(funeral|died|passed away|passed|grave|since (he|she) (went|died|passed)|lost (him|her)) (\w+ ){0,12}"
        r"(going to|gonna|want to|i will|ready to|plan to|planning to|longing to|wish i could) (go and )?join (him|"
        r"her|them)\b(?! (at|for|in (the|a|his|her)|on (the|a)|later|tomorrow|next|when)\b)",
        r"dignitas\b|(that|the|a) (clinic|place) in (switzerland|zurich)\b|swiss (suicide |dying )?clinic\b|one way "
        r"(trip|ticket) to (switzerland|zurich)\b",
        # dying said as a euphemism and wished for ("time to cash in my chips", "kicking the bucket sounds pretty
        # good"); not a joke about what to do first ("before i kick the bucket i want to see japan", a bucket list)
        r"(time to|ready to|want to|wanna|going to|gonna|about to|might as well|may as well|think i will|i should|"
        r"should just|could just|i will just|wish i could|like to) (just )?(cash|cashing) in my chips\b",
        r"(time to|ready to|want to|wanna|going to|gonna|about to|might as well|may as well|wish i could|would "
        r"like to|could just|should just|i will just) (just )?(kick|kicking) the bucket\b",
        r"(kicking|kick) the bucket (\w+ )?(sounds|would be|seems|feels|looks|is looking) (\w+ ){0,2}(good|nice|"
        r"great|appealing|tempting|better|like a relief|a relief|a blessing|a mercy|welcome|like a plan|"
        r"like the answer|peaceful)\b",
    ),
    SignalKind.GOODBYE: (
        # one's last days said so ("i have decided this is my last week on earth"); not before a named event
        # ("my last weekend alive before the wedding lol")
        r"(this is|this will be|it is|will be|is|be|spend|spending|enjoy|enjoying) my (very )?(last|final) (day|days|"
        r"night|nights|week|weeks|weekend|month|months|christmas|birthday|summer) (on earth|on this earth|alive|in "
        r"this world|on the planet|of my life)\b(?! (before|until|till) (the |my |our )?(\w+ )?(baby|babies|wedding|"
        r"exams?|holiday|honeymoon|uni|university|school|work|job|move|results|deadline|kids|in laws|twins|"
        r"get married|we move|i start|term|surgery|operation)\b)",
        # everything given away and then free or gone ("by next week i will have given everything away and then
        # i am free"); not free to move or travel
        r"(given|give|giving|gave) (away )?(everything|it all|all my (stuff|things|belongings|possessions)|all of "
        r"it)( away)? (\w+ ){0,3}(and )?(then|after that|once that is done) i (am|will be|can be|can go|will go|"
        r"can rest) (free|gone|done|ready|at peace|finished|go)\b(?! (to|of|from|for|on|at|and travel|abroad|"
        r"travelling|traveling|backpacking|to move)\b)",
        # goodbyes sent again and again ("my friend keeps texting me goodbye"), a date set by the writer alone ("i
        # have set a date"; not a wedding, a move or an appointment after it)
        r"(keeps|kept|keep|been|started|start) (texting|messaging|saying|writing|sending|posting) (me |us |everyone "
        r"|people )?(goodbye|goodbyes)\b",
        r"(^|\bi )(have )?(set|picked|chosen) (a|the) date\b(?!(\s\w+){0,8}\s(wedding|party|move|surgery|"
        r"operation|appointment|exams?|trip|holiday|birthday|court|hearing|interview|results|launch|opening|"
        r"meeting|ceremony|christening|funeral|induction|c section|due|scan|date night|dinner|marathon|race|"
        r"visit|sale|completion|exchange|retirement|leaving do)\b)",
    ),
    SignalKind.BURDEN: (
        # only a problem for the family, better they live without me ("for my family i am only a problem")
        r"(i am|am) (only|just|nothing but|always) (a )?(problem|problems|trouble|weight|nuisance|drain|worry) "
        r"(for|to|on) (everyone|everybody|them|my (family|kids|children|husband|wife|partner|parents|mum|dad))\b|"
        r"for (my family|everyone|everybody|them|my kids|my children|my parents) i am (only|just|nothing but) (a )?"
        r"(problem|trouble|weight|nuisance|drain|burden)\b",
        r"better (for )?(they|them|he|him|she|her|everyone|everybody|my family|my kids|we) (would |will |could )?"
        r"(live|be|do|manage|get on|carry on) without me\b",
    ),
    SignalKind.STOCKPILING: (
        # a medicine put aside for the day one decides ("the co codamol i have been putting aside for when i
        # decide"); not saving up money for when one is ready to buy something
        r"(putting|put|setting|set|keeping|kept|saving|saved|hiding|hidden|stashing|stashed|storing|stored) (\w+ )"
        r"{0,2}(aside|away|back|by) (\w+ ){0,2}for when i (decide|have had enough|go through with it|finally do it|"
        r"can not take (it|any more|anymore))\b",
    ),
    SignalKind.METHOD: (
        # a height or deep water looked up ("googling bridges at 3am", "looking up the tallest car parks"); not
        # for a project, a trip or a walk named after it
        rf"(googl\w*|search\w*|looking up|looked up|look up|researching|researched|reading up on|scrolling) "
        rf"(\w+ ){{0,2}}{_HEIGHT_SEARCHED}\b{_NOT_FOR_AN_OUTING}",
        # going to a height or water and not coming back ("the bus to the bridge after school and not coming
        # back"); not back at a stated time
        rf"(to|off|from|at|into) (the |a )?{_HEIGHT_OR_WATER} (\w+ ){{0,4}}(and )?(not|never) (coming|come|going|"
        r"go|getting|get) back\b(?! (until|till|before|for|home|to work|to the|this|next|in time|tonight|today|"
        r"tomorrow|later|soon|on|at)\b)",
        # jumping into water or off a height said as what would make no difference ("it would all carry on the
        # same if i jumped in the river"); not a swim asked about
        rf"(if|when|once) i (just |finally |simply )?(jumped|jump|threw myself|walked|stepped|went) (in|into|off|"
        rf"from|in front of) (the |a )?{_HEIGHT_OR_WATER}\b(?! (to|for|with|and swam|for a swim|on holiday|in (the )?"
        r"(summer|winter)|in a wetsuit|wearing)\b)(?! (\w+ ){0,3}(would|will|could|should) i (get (ill|sick|cold|"
        r"hypothermia|wet|in trouble|fined)|catch (something|a cold|anything|a bug)|need a wetsuit|be allowed|be "
        r"cold|freeze|survive the cold)\b)",
        # a self-harm tool named, or the urge to self-harm back ("used to burn myself with a lighter ... the urge
        # is back"); a razor or a knife alone is a shaving or kitchen accident, and so is a blade while shaving
        r"(burn|burning|burned|burnt|cut|cutting|scratch|scratching|scratched|carve|carving|carved) (myself|me|"
        r"himself|herself|themselves|my (arms?|legs?|wrists?|thighs?|skin)) (\w+ ){0,2}with (a |an |the |my )?"
        r"(lighter|lighters|cigarettes?|matches|match|blades?|razor blades?|sharpener blades?|compass|lighter "
        r"flame)\b(?! (while|when|by accident|accidentally|shaving|cooking|chopping|at work|doing|opening|trying)\b)",
        r"(burn|burning|burned|burnt|cut|cutting|hurt|hurting|harm|harming) (myself|me) (\w+ ){0,10}the urges? "
        r"(is|are|has|have|came|come|comes|coming|keep coming) (back|again|stronger)\b",
        r"urges? to (cut|burn|hurt|harm|starve|punish) (myself|me)\b(?! (some slack|a break|out|off|up|free|loose|"
        r"short|a slice|a piece|in on)\b)",
    ),
}
# The same round's second pass: open crisis items only the learned model found (the tuned parts), read by
# family so that their recall no longer rests on a threshold one training text can move.
_WONT_BE_HERE = (
    r"(will not|wont|would not|do not think i will|do not think ill|do not think i ll|not going to|might not|may "
    r"not) (still )?(be (here|around|alive)|make it) (by|to|until|till|for|next|much|past|through) (christmas|"
    r"next week|next month|the weekend|the end of the (week|month|year)|new year|my birthday|spring|summer|"
    r"tomorrow|friday|monday|then|long|longer|much longer|them|it)\b(?! (because|as|since|on|at|in|i am (on|away|"
    r"in|at)|without|unless|at this rate|lol|haha|for (a|the|my|our)|to (see|meet|collect|pick)|while|due to|cos|"
    r"cause)\b)"
)
_ELEVENTH_ROUND_MODEL_ONLY: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.WISH_TO_DIE: (
        # disappearing wished for good, or for ever ("wants to disappear forever", "wish i could just disappear");
        # not for a stated time or trip (held by the idiom for holidays)
        r"(want|wants|wanting|wanted|wish|wishes|wished|long|longing) (to |i could )(just )?disappear"
        r"(\s*$| (for good|forever|for ever|permanently|and never come back|and never coming back|completely)\b)",
        r"(thinking|think|thought|dream|dreaming) (about|of) (just )?disappearing (\w+ ){0,2}(and never coming back|"
        r"for good|forever|for ever|permanently)\b",
        # not here by a date, or past it, and at peace with that ("i dont think ill still be here by christmas")
        _WONT_BE_HERE,
        # the only thing keeping me here ("the only thing keeping me here is my cat"), tired of being me
        r"(only|one) (thing|reason|person|one) (keeping|that keeps|that is keeping|holding) me (here|alive)\b",
        r"(tired|sick|exhausted) of being (me|myself|alive)\b",
        # waking disappointed to be alive ("every morning i wake up disappointed that i woke up at all")
        r"(disappointed|gutted|sad|upset|angry) (that i (woke|am still (alive|here)|did not die)|to (still be (alive|"
        r"here)|have woken( up)? (at all|again)|wake up (at all|again|alive)))\b",
        # why keep going, struggling to stay alive, no way forward for me, ready to give up for good
        r"why (should|would|do) i (even )?(keep going|carry on|go on|keep living|bother living|bother going on)\b"
        r"(?! (with|on|taking|to|back|there|into|out|up|down|round|at)\b)",
        r"(struggling|fighting|trying) to stay alive\b",
        r"no way forward for me\b",
        r"(i am|am) ready to give up for good\b(?! on\b)",
        # the carer's report of a wish to end it ("my husband says he wants to end it, he stopped his lithium")
        r"(says|said|saying|keeps saying|told me|tells me) (he|she|they) (wants|want|wanted|is going|are going|was "
        r"going) to end it\b(?! (with|at|by|on|before|after)\b)",
        # enough pills to finish it, asked for by someone else ("asked me to get him enough pills to finish it")
        r"(enough|all the|all his|all her) (\w+ ){0,2}(pills|tablets|meds|medicine|medication) (\w+ ){0,2}to finish "
        r"(it|it all|him|her|me|things|himself|herself|myself)\b",
        # stop feeling anything, permanently
        r"(way|ways) to stop feeling (anything|everything|at all) (\w+ )?(permanently|forever|for good|for ever)\b",
        # nothing to look forward to ever again ("not this weekend, not ever"), anymore
        r"(nothing|not anything|do not have anything|have not got anything|have nothing) (left |more )?to look "
        r"forward to (\w+ ){0,4}(anymore|any more|ever again|not ever|in life|in my life)\b",
    ),
    SignalKind.OTHER_LANGUAGE: (
        # a life with no sense, not wanting to go on (Spanish); all of it to stop (French)
        r"(mi|la) vida (ya )?no tiene (ningun )?sentido|ya no quiero (seguir|vivir)\b(?! (con|tomando|haciendo)\b)",
        r"(je veux|j aimerais|je voudrais) (juste |seulement )?que tout s arrete\b",
    ),
    SignalKind.BURDEN: (
        # dragging the family down, a drain on them, nobody noticing, coping fine after an accident
        r"(dragging|drag|dragged|bringing|bring) (my|the) (whole )?(family|kids|children|husband|wife|partner|"
        r"parents|everyone) down( with me)?\b",
        r"(constant |such a |a |the )drain on (them|everyone|everybody|my (family|kids|children|husband|wife|"
        r"partner|parents))\b",
        r"(nobody|no one|noone|none of them) (would|will) (even |really |actually )?(notice|care|miss me) if i (just )?"
        r"(was gone|were gone|disappeared|vanished|died|was dead|were dead|was not (here|around)|were not (here|"
        r"around)|stopped (turning up|showing up|existing|being here|being around)|went|left|never came back|did not "
        r"wake up|dipped|faded)\b",
        r"(would|will) (all |both )?(cope|manage|be fine|be better|be ok|be okay|be happier) (\w+ ){0,2}if i (had an "
        r"accident|"
        r"died|was dead|were dead|passed|got hit|was hit|never came home|did not come home)\b",
        r"(happier|better off|better) if i (just )?(disappeared|vanished|was gone|were gone|went away)\b",
    ),
    SignalKind.GOODBYE: (
        # giving belongings away, said in that order ("is giving away his guitars"); a move or a clear out beside
        # it is held by the tenth round's idiom
        r"(started|starting|been|keeps|kept|is|has been|begun|began|begin) giving away (his|her|their|all (his|her|"
        r"their)) (?!(old|spare|unwanted|extra|surplus|baby|kids|toys|clothes|books)\b)"
        r"(\w+ ){0,2}\w+\b(?! (to charity|for charity|because|as (he|she|they) (is|are) moving|before (the|"
        r"their|his|her) move))",
        # plans stopped because one will not be around
        r"(stopped|stop|no point|not) making plans (because|as|since|when) i (will not|wont|might not|may not|am not "
        r"going to) be (around|here)\b",
    ),
    SignalKind.STOCKPILING: (
        # a medicine put by just in case, hidden, out and ready, saved for one night, stocked for the end
        rf"(putting|put|setting|saving|keeping|stashing) (aside|away|by) (\w+ ){{0,4}}{_MEDS} (every|each) (week|"
        r"night|day|month|time)\b",
        rf"(hiding|hidden|hid|stashing|stashed) (his|her|their) (\w+ )?({_MEDS}|sleeping tablets|sleeping pills|"
        r"pills|tablets|meds)\b(?! from\b)",
        r"(have|got|had) (the|my|all my|all the) (tablets|pills|meds|medication) (\w+ )?(out|lined up|in front of me|"
        r"counted out)\b(?! of\b)",
        r"(enough|plenty) (\w+ ){0,2}saved (up )?(for|to) (one night|one go|the night|the end|end it|do it)\b",
        r"(stocking up|stockpiling|saving up|saving) (\w+ ){0,3}for the end\b(?! (of|times|days)\b)",
        rf"({_MEDS}|pills|tablets|meds) (\w+ ){{0,8}}((tonight|today) (is|s) the night\b|(tonight|today) (is|s) the "
        r"day\s*$)",
        r"(so i can|to|and) end it (all )?(when|once|if) i (am|m) ready\b",
    ),
}
# Third pass: crisis phrases written for the detector (crisis_phrases.yaml) that only the model read, by the
# same families; each with the look-alikes in tests/test_crisis_voices_eleventh.py.
_ELEVENTH_ROUND_PHRASES: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.WISH_TO_DIE: (
        # not caring whether one wakes, no longer wanting to, wondering why one bothers waking or living
        r"(do not care|idc|i do not care|dont care) (if|whether) i (wake up|wake|live|die|make it)\b(?! (up )?(early|"
        r"late|at|in|during|a few|once|twice|tired|groggy|with|for|on|to)\b)",
        r"(stopped|stop|no longer) wanting to (wake up|live|be alive|be here|exist)\b",
        r"why (do )?i (even )?bother (waking up|living|existing|breathing|getting up in the morning)\b",
        r"never (have|had) to wake up (to this )?again\b",
        r"(want|wish|wanting) to (just )?not be (anymore|any more|at all)\b",
        r"pretend\w* (that )?i want to (live|be alive|be here)\b",
        r"(can not be bothered|cannot be bothered|cba) (to live|with life|living|with living|to be alive|with being "
        r"alive)\b",
        r"last time i (actually |really |ever )?wanted to (be alive|live)\b",
        r"(do not|no longer) want to be (rescued|saved|resuscitated|revived) (this time|again|anymore)\b(?! (by|from|"
        r"after)\b)",
        r"(exhausted|tired) (from|of) surviving\b(?! on\b)|not strong enough to (keep going|carry on|go on|keep "
        r"fighting|keep "
        r"living)\b",
        r"no version of (the|my) future (where i|i want|that i want|worth)\b",
        r"(do not think|not sure) i can (do|take|cope with|handle) (this|it) (much|any) longer\b(?! (with|at|in|for)"
        r"\b)",
        r"(let me|want to|wants to|wanna|easier to|would rather|i could just|i should just) (just )?(fade|waste) "
        r"(away|out)\b",
        r"(only|quickest|fastest|easiest) (one )?way out( of (this|the) (pain|life|misery|hell))?( now)?\s*$",
        r"(make|let) (it all|everything) stop (for good|forever|for ever|permanently)\b",
        r"want out (permanently|for good|forever|for ever|of everything|of it all)\b",
        r"(heart (just )?stopped|died|did not wake up|never woke up|was gone) (\w+ ){0,4}i (would|d) be (grateful|glad|"
        r"relieved|happy|thankful)\b",
        # other languages: not wanting to wake (Spanish), no wish to live (Spanish, Italian, French, Portuguese),
        # not being there any more (German, Portuguese)
        r"no quiero despertar(me)?\b|(ni|no tengo ganas) de vivir\b|(non ho piu|ho perso la) voglia di vivere\b|"
        r"(plus|pas) envie de vivre\b|meme de vivre\b|nao (tenho|sinto) (mais )?vontade de viver\b",
        r"(nicht mehr|nie mehr) (da|hier) sein\b|nao quero mais (estar aqui|viver|existir)\b",
    ),
    SignalKind.BURDEN: (
        r"stop being a (problem|burden|nuisance|drain|worry|weight) (for|to|on) (everyone|everybody|them|my family|"
        r"people|my (kids|husband|wife|partner))\b",
        r"(world|everyone|everything) would (keep turning|go on|carry on|be fine|be better) without me\b",
        r"(happier|better off|better) if (i|you) (was not|were not|wasnt|werent) (around|here|alive)\b",
        r"(better off with|would get|will get|could have) the (life )?insurance (money|payout)\b(?! (back|from)\b)",
    ),
    SignalKind.GOODBYE: (
        r"i (will not|do not think i will|would not) (be )?need(ing)? (my|a|any more) (refill|refills|repeat "
        r"prescription|next prescription)\b(?! (for|of|because|as|since|now)\b)",
        r"(will not|wont) be needing (them|it|any of (it|them|this))\s*$",
        r"(you|they|anyone) (will not|wont) (ever )?hear from me again\b(?! (until|till|for|before|this|today|on)\b)",
        r"(last|final) time i (will|ll) (log in|post|write here|be here|message you|use this)\b(?! (\w+ ){0,2}(before|"
        r"until|till|for|this (week|month|year)|today|tonight|on this (account|thread)))",
        r"(not planning on|not planning to|no plans to) (being|be) (here|around|alive) (for (the end|much longer|"
        r"long)|by|next|after)\b",
        r"(will not|wont) be around to (finish|see|complete) (it|the|this|my)\b",
    ),
    SignalKind.STOCKPILING: (
        rf"{_MEDS} (\w+ ){{0,2}}(put by|stashed|hidden|hid|hoarded|squirrelled away)\b",
        r"hide (my|the|all my|all the) (tablets|pills|meds|medication|medicines) from me\b",
        r"(take|taking) (everything|all the pills|all the tablets|all the meds) in the (cupboard|house|cabinet|"
        r"drawer|bathroom)\b(?! (to|for|out)\b)",
        rf"(whole|entire) (month|months|week|weeks|prescription) (worth )?of (my )?{_MEDS}\b|(whole|entire) {_MEDS} "
        r"prescription\b",
        r"(scared|afraid|frightened) of (myself|what i (might|will|could) do with (the|my|all))\b",
    ),
    SignalKind.LETHALITY: (
        rf"({_MEDS}|pills|tablets) (\w+ ){{0,2}}(be |is )?enough to do it\b|would (\w+ ){{0,2}}{_MEDS} do it\s*$",
        r"(which|what) (of )?(my )?(medicines|meds|pills|tablets|medications) (\w+ ){0,3}(the )?most dangerous (to "
        r"take (together|a lot of|in large amounts|at once)|in large amounts|in overdose)\b",
    ),
    SignalKind.METHOD: (
        r"(hiding|hidden|hides|hid) (razors|razor blades|blades)\b",
        r"how deep (does|do|should|would|has) (a |the )?(cut|cuts) (need to|have to|to) be\b",
        r"how long (can|could|does|would) (you|a person|someone|i|one|a human) (survive|live|last) without (food and "
        r"water|food or water|eating and drinking|eating or drinking|food and drink)\b",
        r"(skipping|skip|skipped) (my )?(meals|food|eating) (\w+ ){0,2}((on purpose|deliberately)(?! (for|to (lose|"
        r"fast|save)|because of|as part))|so (it|i) (ends?|die|disappear|waste))\b",
        r"(cut|burned|burnt) myself again\b(?! (while|when|with|cooking|shaving|chopping|on|in|at)\b)|i (cut|burned|"
        r"burnt) again (and|last night|tonight|today|yesterday)\b",
    ),
}

# Thirteenth round (issue 12): an amount asked to "finish" the writer or "it" (docs/crisis.md, "Thirteenth round"),
# and a count of a prescribed medicine taken after something else ("took 2,000 iu of vitamin d and about 40 of my
# amitriptyline"); each with its look-alikes in tests/test_crisis_thirteenth.py.
_NOT_A_ROUTINE_END = (
    r"(?! (\w+ ){0,3}(by|before|in|within|this|next|per|a day|each|every|of the|the (tub|bottle|pack|course|"
    r"trial|box|jar))\b)"
)
_THIRTEENTH_ROUND: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.LETHALITY: (
        # "how much codeine would finish it", "how many of my tramadol would finish me", "is there an amount of
        # pregabalin that would just finish it all"; not a tub or a trial finished, nor by a date
        r"(how (much|many)|what (amount|dose|dosage|quantity)|an amount|the amount|enough) (\w+ ){0,6}?(would|will|"
        r"could|might|to|it takes to|does it take to|would it take to|that would|that will|to just|would just) "
        r"(just )?(finish|end) (me|myself|it|it all|things|everything)( off| for good| once and for all)?\b"
        + _NOT_A_ROUTINE_END,
        r"(how (much|many)|what (amount|dose|dosage|quantity)|an amount|enough) (\w+ ){0,6}?(would|will|could|"
        r"might|to|that would) (just )?finish (me|myself|him|her) off\b",
    ),
    SignalKind.WISH_TO_DIE: (
        # everything stopped or ended for good ("i want to stop it all suddenly and for good", "stopping everything for
        # good tonight"); not a named thing stopped ("i want to stop magnesium for good")
        r"((want|wanting|wish|going|ready|need|decided|planning|plan) to (just )?|i am |i will |)(stop|stopping|end|"
        r"ending) (it all|everything|all of it|all this|the whole thing)( \w+){0,3} (for good|forever|permanently|"
        r"once and for all)\b",
        # ending it as the aim of a plan ("planning to stop my lithium suddenly so i can finally end it"); not with a
        # person or a job, which the relationship idiom sets aside first
        r"(so|so that|and then|then|before|after that) i (can |could |will |would |am going to |going to )?(finally "
        r"|just |quietly )?end it\b(?! (with|for the|early|there|here)\b)",
        # not here next week or tomorrow, no reason given ("i won't be here next week so does it matter"); the
        # eleventh round's rule wanted a word between ("be here by christmas"); not away for a stated reason
        r"(will not|wont|would not|not going to|might not|may not) (still )?be (here|around|alive) (next (week|month|"
        r"year)|tomorrow|this time next (week|month|year))\b(?! (because|as|since|on|at|in|i am (on|away|in|at)|"
        r"without|unless|lol|haha|for (a|the|my|our|work)|to|while|due to|cos|cause|so (can|"
        r"could|should) (i|you|someone))\b)",
        # disappearing wished for, then a question asked (the full stop is lost in folding: "i wish i could just
        # disappear. is saffron any good"); a symptom wished away ("wish my ibs would just disappear") is not this
        r"(want|wants|wanting|wanted|wish|wishes|wished|long|longing) (to |i could )(just )?disappear (does|do|is|are|"
        r"can|could|should|what|how|will|would|has|have|any|anyone|btw|anyway|sorry)\b",
        # slipping, fading or drifting away said of oneself ("would my kids even care if i just slipped away")
        r"(if|when|once) i (just |quietly |simply |slowly )?(faded|fade|slipped|slip|drifted|drift) away\b(?! (from|"
        r"into|to|for|on)\b)|and (just )?(faded|slipped|drifted) away\s*$",
        # "die" typed as the word it sounds like, with nothing dyed after it ("i want to dye", "ready to dye now");
        # not hair, clothes or anything else named ("want to dye my hair", "going to dye it blue")
        r"(want|wanted|wanting|wish|ready|going|deserve|need|like) to (just |simply )?dye(\s*$| (now|tonight|today|"
        r"already|so bad|so badly|in my sleep|alone|soon|honestly|tbh|sometimes|every day|everyday)\b)",
    ),
    SignalKind.HOPELESSNESS: (
        # nothing ever changing or getting better, then why bother ("nothing is ever going to get better so why bother
        # anymore"); not with a named condition or a way out ("nothing is ever going to change with my ibs unless")
        r"nothing (is )?(ever )?(going to|will ever|will) (change|get better|improve)\b(?! (with|for|about|in|unless|"
        r"until|if|without|by)\b)",
        r"(so )?why (even |do i even |should i even |do i |should i )?bother (anymore|any more|at all|with anything|"
        r"trying|with life|living)\s*$",
    ),
    SignalKind.STOCKPILING: (
        # a count of a medicine taken after something else named first
        rf"(took|taken|taking|take|swallowed|swallow|had|ate|downed|necked) (\w+ ){{1,10}}?(and|then|plus|with|"
        rf"also) (like |about |around |maybe |over |nearly |at least |almost |another )?{_MANY} (of )?(my |his |"
        rf"her |their |the |mums |dads )?(\w+ )?{_MEDS}\b",
    ),
}


# Crisis17 (issue 12, section 1; docs/crisis.md "Fifteenth round"): indirect wordings written for x5900-x5999 and read
# against the detector before any rule: each a family, with its look-alikes in tests/test_crisis_c17.py.
_MEDICINE_KEPT_IN = r"(jar|tin|box|drawer|pot|bag|sock|envelope|pouch|pill pot|shoebox|shoe box|bottle|cupboard|tub)"
_VEHICLE = r"(bus|car|train|lorry|truck|van|tram|coach)"
_CRISIS17: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.WISH_TO_DIE: (
        # the only tie left, said as what keeps or stops me ("the only thing stopping me is my cat", "only reason im
        # still here is my mum"); not a place or a job ("still here at work"), nor a named plan ("stopping me from
        # trying saffron")
        r"(only|one|last) (thing|reason|person|one) (why )?(stopping|that stops|that is stopping|holding|that holds) "
        r"me( back)? (right now |now |at the moment )?(is|are)\b",
        r"(only|one|last) (thing|reason|person|one) (why )?(i am|i m|im) still (here|alive|around|breathing|going)\b"
        r"(?! (at|in|on|with|for|after|because of (work|the job))\b)",
        # dying or not existing as a comfort ("the idea of not existing is weirdly comforting", "the thought of dying
        # feels peaceful")
        r"(the (idea|thought|thoughts) of )?(dying|death|being dead|not existing|not being here|not being alive|"
        r"not waking up|never waking up|going to sleep forever) (is|sounds|seems|feels|would be|has been|has become) "
        r"(\w+ ){0,2}(comforting|a comfort|peaceful|tempting|appealing|soothing|calming|a relief|like relief)\b",
        # not minding or being fine if a vehicle hit me, or picturing one not stopping for me
        r"(fine|okay|ok|glad|happy|relieved|grateful|would not mind|not mind|would not care|not care|would not be "
        rf"sad) if (a|the|some) (\w+ )?{_VEHICLE} (hit|hits|ran me over|runs me over|ran over me|took me out|killed|"
        r"kills|got me|mowed me down)\b",
        r"(fantasi\w*|dream\w*|think\w*|picture|picturing|imagin\w*) (about |of )?(a|the|some) (\w+ )?"
        rf"{_VEHICLE} (just )?(not stopping|never stopping|hitting me|running me over|not stopping for me)\b",
        # sleeping and skipping the waking, or not coming back from sleep
        r"(skip|skipping) (the )?(whole )?(waking up|waking) (part|bit)\b",
        r"(skip|skipping) (the )?(waking up|waking)( part| bit)? (forever|for good|for ever|permanently)\b",
        r"(sleep|sleeping|asleep|drift off|drifting off|go under) (\w+ ){0,8}(and )?(never|not) (come|coming) back"
        r"\b(?! (to (work|the \w+)|late|early)\b)",
        # leaving life as a holiday for good ("a permanent vacation from existing"); a break from work is not this
        r"(permanent|forever|endless|eternal|one way) (vacation|holiday|break|rest|escape) from (existing|existence|"
        r"being alive|living|life|everything|it all|this world)\b",
        r"(vacation|holiday|break|escape|time off) from (existing|existence|being alive|living|life) (for good|"
        r"forever|for ever|permanently)\b",
        r"(vacation|holiday|escape) from (existing|existence|being alive)\b",
        # other languages: not wanting to wake again (Italian, French, Spanish, Portuguese, German)
        r"(non voglio|non vorrei) (piu |mai piu )?(svegliarmi|risvegliarmi)",
        r"(plus envie de |ne (veux|voudrais) (plus|pas) |ne plus )(me )?(reveiller|lever le matin)",
        r"(ya )?no quiero (volver a )?despertar(me)?\b",
        r"nao quero (mais )?(voltar a )?acordar\b",
        r"(will|mochte|moechte) nicht (mehr )?aufwachen",
    ),
    SignalKind.HOPELESSNESS: (
        r"(i have|i have got|i got|i ve got|got|have|there is|i) no (more )?fight left( in me)?\b",
        r"no fight left in me",
    ),
    SignalKind.BURDEN: (
        # nobody would notice, care or miss me, with "even" or "really" between (the rule had them side by side)
        r"(no one|nobody|noone|no body|not one person) (would|will|is going to|is gonna) (even |really |actually |"
        r"honestly |ever )(care|notice|miss|realise|realize)\b(?! (if|when) (i|we) (switch\w*|swap\w*|chang\w*|"
        r"stop(ped)? (taking|using)|skip\w* (a|my|the) (dose|capsule|tablet)))",
        # lives simpler or easier if I just was not in them
        r"(if i|if i was|if i were) (just |simply |quietly )(not|no longer|was not|were not) (in it|in them|here|"
        r"around|alive|in their lives|in the picture|in the way)\b",
        r"(world|family|everyone|everybody|they|life|lives|things) (would|will) be (\w+ )?(simpler|lighter|easier|"
        r"better|happier|calmer|less stressful|more peaceful) (if i (just )?(was not|were not|was gone|were gone|"
        r"disappeared|was not around|were not around|was not in it|were not in it))\b",
        # going missing and whether anyone would look
        r"(if|when) i (just )?(went missing|go missing|disappeared|disappear|vanished|vanish) (would|will) "
        r"(anyone|anybody|my (\w+ )?(family|kids|husband|wife|partner|parents|mum|dad|friends)|they|people|"
        r"everyone|somebody|someone) (even )?(notice|care|look|bother|miss|come looking|search)",
    ),
    SignalKind.GOODBYE: (
        # a note to the family written and rewritten ("i keep writing and deleting a note to my kids")
        r"(writing|drafting|wrote|written|write|typing|typed) and (deleting|rewriting|re writing|tearing up|tore up|"
        r"redoing|deleted|rewrote) (a |the |my )?(notes?|letters?|messages?)\b",
        r"(notes?|letters?) (to|for) (my |the )?(kids|children|family|wife|husband|partner|parents|son|daughter|"
        r"mum|dad|sister|brother|friends|loved ones) (in case|for when i am (gone|not here)|for after|to read after)\b",
        # a pet or a charge handed over for ever ("asked me to look after her forever")
        r"(asked|asking|begged|begging|told|telling) (me|us|him|her|my \w+) to look after (him|her|them|it|my \w+|his "
        r"\w+|her \w+|the \w+) (forever|for ever|for good|for always|from now on|when (i am|she is|he is) gone)\b",
        # not a cry for help this time: a decision (rule 5, a plan)
        r"(not|no longer|is not|it is not) (just )?a cry for help (this time|anymore|any more)\b",
        r"this time (it is |its |it s )?not (just )?a cry for help",
    ),
    SignalKind.STOCKPILING: (
        # a medicine dropped into a container instead of taken ("every night i drop one tramadol into a jar instead
        # of swallowing it"); not taken at another time ("instead of taking it in the morning")
        rf"(into|in|inside) (a|an|the|my|his|her|this|that|old) (\w+ )?{_MEDICINE_KEPT_IN} (\w+ ){{0,3}}(instead of|"
        r"rather than|and not|but not) (taking|swallowing) (it|them|these|those|any)\b(?! (with|in|at|on|before|"
        r"after|every|each|daily|twice|later|earlier|first)\b)",
        rf"{_MEDS} (\w+ ){{0,3}}(into|in) (a|an|the|my|his|her|an old|old) (\w+ )?{_MEDICINE_KEPT_IN} (instead of|"
        r"rather than|and not|but not) (taking|swallowing) (it|them|these|those|any)\b(?! (with|in|at|on|before|after|"
        r"every|each|daily|twice|later|earlier|first)\b)",
        # a close call or a near attempt with one's pills ("had a close call with the pills last night")
        rf"(close call|near miss|nearly did it|almost did it) (\w+ ){{0,2}}(with|using|on) (the|my|his|her|all "
        rf"the|all my) (\w+ )?{_MEDS}",
    ),
    SignalKind.EXPLICIT: (
        # a past overdose attempted ("tried to OD last spring"); the toxicity tier was for a question, not an act
        r"(tried|try|trying|attempted|attempting) to (od|o d|overdose|over dose)\b",
    ),
    SignalKind.METHOD: (
        # traffic pictured or wanted as a method ("picturing driving into oncoming traffic"); not a near miss told
        r"(picture|picturing|pictured|imagine|imagining|imagined|thinking (about|of)|think (about|of)|thought (about|"
        r"of)|urge to|urges to|want to|wanted to|going to|tempted to|fantasi\w* (about|of)|dream\w* (about|of)) "
        r"(just )?(driving|drive|stepping|step|walking|walk|swerving|swerve|steering|steer|running|run) (\w+ ){0,3}"
        r"(into|in front of) (the |some )?(oncoming )?traffic\b",
        # pills chosen as the least painful way ("which pills are the least painful to go with")
        rf"{_MEDS} (\w+ ){{0,3}}(least painful|most painless|painless|most peaceful|quickest|gentlest) (to go|to die|"
        r"way|way out|way to go)\b",
        # blades hidden in a room or a bag (a carer's find)
        r"(found|finding|find) (razor )?blades ((wrapped|hidden|tucked|taped|stashed|hid|kept) (\w+ ){0,3})?(in|under|"
        r"inside) (my|his|her|their) (\w+ )?(s )?(room|"
        r"bedroom|bed|drawer|pillow|bag|pocket|pencil case|wardrobe|sock|socks)\b",
    ),
}


def _whole_word_exclusions(pattern: str) -> str:
    """`pattern` with every negative lookahead that ends on a group of alternatives made to match whole
    words only. Written as `(?! (to|back|with|w))`, an exception meant for "ready to go to bed" also
    matched the first letters of "tonight", and one meant for "done with" (or its text-speak "w") the
    "w" of "done. whatever": folding removes the full stop, so "I'm so done. what dose..." and "I'm
    ready to go tonight" were read as the exceptions. A lookahead that ends on anything else (a word
    boundary, the end of the text, an optional word) is left as written."""
    inserts: list[int] = []
    for start in (m.start() for m in re.finditer(r"\(\?!", pattern)):
        end = _closing_paren(pattern, start)
        if pattern[end - 1] == ")" and pattern[end - 2] != "\\" and not _ends_on_lookaround(pattern, start, end):
            inserts.append(end)
    for at in sorted(inserts, reverse=True):
        pattern = pattern[:at] + r"(?![\w])" + pattern[at:]
    return pattern


def _ends_on_lookaround(pattern: str, start: int, end: int) -> bool:
    """True when the lookahead opening at `start` and closing at `end` ends on a lookaround of its own
    ("see the point (of|in) (?!(living|life)...)": the inner one already decides how the words end)."""
    last = max(i for i in range(start + 1, end - 1) if pattern[i] == "(" and _closing_paren(pattern, i) == end - 1)
    return pattern.startswith("(?", last) and not pattern.startswith("(?:", last)


def _closing_paren(pattern: str, start: int) -> int:
    """The index of the parenthesis that closes the group opening at `start` (escapes and character
    classes skipped)."""
    depth = 0
    for i, char in group_syntax(pattern, start):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError(f"unbalanced group at {start} in {pattern!r}")

# Sixteenth round (crisis19, docs/crisis.md): wordings its written items showed no rule held.
_CRISIS19: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.HOPELESSNESS: (
        # no reason left to go on, said as not seeing one ("struggling to see why i should keep going", "cant think
        # of a reason to carry on"); not going on with a named thing ("a reason to keep going with magnesium")
        r"(see|find|think of|give me|come up with) (\w+ ){0,2}(why|a reason|any reason|reasons|the point|much point) "
        r"(\w+ ){0,2}(i should |i would |i |for me to |to |in )?(keep going|keep on going|carry on|carrying on|go on|"
        r"going on|keep living|stay alive|be here|staying alive|bother living|keep trying)\b(?! (with|on|at|to|in|"
        r"taking|using|doing|the|a|an|my|this|that|these|those|holiday|holidays|trips?|walks?|about|like that)\b)",
    ),
    SignalKind.BURDEN: (
        # the writer as the cause of everyone's strain ("im tired of being the reason everyone is stressed", "i am
        # the reason my family is broke")
        r"(being|i am|i m|im|am) (just )?the (only |main |whole )?reason (why )?(everyone|everybody|my family|my "
        r"(husband|wife|partner|kids|children|parents|mum|mom|dad|family|friends)|they|we|people|the family|my friends)"
        r"( \w+){0,2} (is|are|is so|are so|is always|are always|keeps? being|feels?|gets?|got|has been|have been|"
        r"ends up|end up) (\w+ )?(stressed|unhappy|miserable|struggling|suffering|broke|skint|fighting|arguing|"
        r"exhausted|worn out|sad|upset|worried|in debt|falling apart|drained|stuck|trapped|held back)\b",
    ),
    SignalKind.METHOD: (
        # the third person's forms of a self-harm verb the rules lacked ("my partner burns himself when he is low");
        # not an accident or a kitchen
        r"(burns|scratches|punches|hits|starves|harms|bites|slashes) (himself|herself|themselves|themself|myself)\b"
        r"(?! (on|at|in|by accident|accidentally|while|when (cooking|ironing|shaving)|cooking|ironing|shaving|with "
        r"(the|a|an|hot) (iron|kettle|pan|oven|stove|tea|coffee|water)))",
        # trains timed or counted at a crossing, said sideways ("keep timing the trains at the crossing near my house");
        # not a timetable for a journey
        r"(timing|timed|counting|counted|clocking|clocked) (the )?(\w+ )?trains\b(?! (to|for) (work|school|"
        r"the office|uni|college|my commute))",
    ),
}


# Seventeenth round (crisis20): a burden said as a weight on others, which neither rule nor model read ("tired of
# being a weight round everyones neck"); not a weight on one's own neck or shoulders, nor a weight lifted.
_CRISIS20: dict[SignalKind, tuple[str, ...]] = {
    # a last hope laid on a treatment ("if the st johns wort doesnt work this time then thats it for me"), which only
    # the model read, and less surely once it learnt that a medicine that does not work is ordinary; not a next
    # treatment planned ("then thats it for me and ssris, ill try saffron")
    SignalKind.HOPELESSNESS: (
        r"(if|unless) (\w+ ){0,6}(does not|do not|did not|will not|won t|fails to|is not going to|can not) (work|help)"
        r"( \w+){0,4} (then )?(that is|that s|thats) it (for me|for me then|then)\b(?!( ,)? (and|with|on|i will try|"
        r"i ll try|i am trying|i will switch|i ll switch|i will go back|i ll go back|((i will|i ll|ill|i am going to|"
        r"i m going to|im going to|i would|i d|id|i can|then) )?(ask|see|go back to|going back to|back to|speak to|"
        r"talk to|going to (ask|see|speak to|talk to))|"
        r"((i am|i m|im) )?done with (supplements|vitamins|herbs|it(?! all)|them|the \w+|this \w+|that \w+))\b)",
    ),
    SignalKind.BURDEN: (
        r"(a|such a|the|just a|nothing but a|only a|dead) (weight|millstone|drain|dead weight|anchor) (round|around|on|"
        r"hanging round|hanging around|dragging) (every ?one|everybody|every one|all of them|all of us|the family|"
        r"their|my (family|kids|children|husband|wife|partner|mum|mom|dad|parents|friends|daughter|son)s?|people|"
        r"others)( s)?( (neck|necks|shoulders|lives|life))?\b",
    ),
}


SIGNALS: tuple[Signal, ...] = tuple(
    Signal(kind, re.compile(r"(?<![\w])(" + _whole_word_exclusions(strip_accents(pattern)) + r")"))
    for families in (
        _FAMILIES,
        _THIRD_ROUND,
        _SIXTH_ROUND,
        _SEVENTH_ROUND,
        _NINTH_ROUND,
        _TENTH_ROUND,
        _ELEVENTH_ROUND,
        _ELEVENTH_ROUND_MODEL_ONLY,
        _ELEVENTH_ROUND_PHRASES,
        _THIRTEENTH_ROUND,
        _CRISIS17,
        _CRISIS19,
        _CRISIS20,
    )
    for kind, patterns in families.items()
    for pattern in patterns
)

# Ordinary phrases made of crisis words; blanked before the signals are read. (pattern, distress)
# None may end on a word a signal needs next: "killing" is never blanked before "myself".
# Not when a person is named beside the animal ("lethal for a dog or a person").
# Diseases and events whose prognosis a person may ask about.
_DISEASE = (
    r"((liver|kidney|heart|organ|respiratory|renal|hepatic) failure|(\w+ )?disease|cancer|sepsis|encephalopathy|"
    r"cirrhosis|infection|infections|stroke|heart attack|anaphylaxis|allergy|allergies|asthma|pneumonia|covid|flu|"
    r"hepatitis|illness|condition|epilepsy|seizures?|status epilepticus|meningitis|leukaemia|leukemia|tumou?r|"
    r"(\w+ )?syndrome|hypercalcaemia|hypercalcemia|hyperkalaemia|hyperkalemia|anaphylactic shock)"
)
_NOR_PERSON = (
    r"(?! (or|and|but|nor) (for |to |in )?(a |an |the )?(person|human|people|adult|child|kid|baby|me|you|him|her|"
    r"someone|us))"
)
_NOT_SELF = r"(?! (myself|himself|herself|themselves|yourself|me off|him off|her off))"
# Weariness said of something ("can't take it anymore", "I'm done", "had enough") and, for the idiom
# below, the symptom or chore a person names as what they meant ("the bloating I mean").
_WEARY = (
    r"((i am |am )?(so |just |completely )?(done|over it|fed up)|(can not|could not) (take|stand|handle|bear|do|"
    r"cope with|deal with) (it|this|that)( (anymore|any more|any longer|much longer))?|(i have |have )?had enough|"
    r"i give up)"
)
_NUISANCE = (
    rf"((the|my|this|these|that|those|all the|all this) (\w+ ){{0,2}}{_NUISANCE_NOUN}"
    r"( (of|from|with|on) (the|my|this|that) \w+)?)"
)

# Not the person's medicine or a time beside the one ended ("end it with him and his tablets", "with my husband s
# pills", "with her boyfriend tonight"): then the words are a plan, and the signals read them (twelfth round).
_NOT_BY_MEANS = rf"(?! s\b)(?! (and|with|using|by) (\w+ ){{0,2}}{_MEDS}\b)(?! (taking|tonight|for good)\b)"
_IDIOMS: tuple[tuple[str, bool], ...] = (
    # hyperbole about pain and suffering: ordinary answers, with a support line
    (r"(is|are|s|keeps|keep|been|was|were|be) (really |absolutely |literally |just |slowly )?killing me\b(?! off)",
     True),
    (r"(pain|knees?|back|legs?|joints?|head|feet|neck|hips?|stomach|gut|cramps?|bloating|migraines?|headaches?|"
     r"fibro|fatigue|ibs|side effects?|insomnia|this flare|flares?) (\w+ ){0,2}(killing|murder|murdering|torture)"
     + _NOT_SELF, True),
    (r"(are|is|was|were) (absolute |pure |sheer )?(murder|torture)", True),
    (r"(losing|lost) my mind", True),
    (r"(at|reached) (my )?wits (end|ends)", True),
    (r"sick and tired of (\w+ )?being sick and tired", True),
    (r"(sick and tired|sick to death) of (the |my |this |all this |constant )?(bloating|pain|fatigue|brain fog|fog|"
     r"cramps|nausea|headaches|ibs|fibro|symptoms|flares?|constipation|diarrhoea|diarrhea|tiredness|insomnia|"
     r"being tired|feeling tired|side effects|\w+ing)", True),
    (r"(pain|bloating|cramps?|symptoms?|fatigue|nausea|side effects?|flare|itch|itching|headache|migraine) "
     r"(is|are|was|were|feels|gets|get) (\w+ )?unbearable", True),
    # eagerness, praise and other everyday words
    (r"dying (to|for) (know|try|find|see|hear|get|start|ask|learn|go|meet|read|give|have|do|sleep|eat|a|some|my|"
     r"an|the|decent)", False),
    (r"to die for", False),
    (r"die for (a|some|an|my|the|decent|good)", False),
    (r"(nearly|almost|could have|could ve|practically) died (laughing|of embarrassment|of shame|of boredom)", False),
    (r"died laughing", False),
    (r"die of (embarrassment|shame|boredom|laughter)", False),
    (r"(would|could|will) die (without|for) (my|a|some|an|the|\w+)", False),
    (r"could (sleep|nap) (forever|for ever|for a week|for days|for a year|for a month|all day)", False),
    (r"shoot (myself|yourself|himself|herself) in the foot", False),
    (r"over my dead body", False),
    (r"(will be|is|was|be|are) the death of me", True),
    (r"(nearly|almost|practically) (killed|finished) me( off)?\b", True),
    (r"(lethal|toxic|deadly|fatal|poisonous) (to|for|against) (cancer cells|cancer|cells|bacteria|tumou?rs?|"
     r"pathogens|microbes|germs|parasites|viruses|candida|yeast|bugs)", False),
    (r"fatal (flaw|flaws|error|mistake)", False),
    (r"hopeless (gp|doctor|doctors|consultant|nhs|system|app|website|pharmacy|service|advice|memory|sleep|"
     r"spelling|cook)", False),
    (r"(i|i would|would|could) (kill|murder) (for|to get|to have|to know)\b", False),
    (r"(i|i would|would|could) murder (a|some|an)\b", False),
    (r"kill (for|to get|to have) (a|some|an|my|the|more)", False),
    # "dead weight" of a bag or a lift, not of a person to others ("dead weight to everyone" is a burden)
    (r"dead (tired(?! of (living|life|being (alive|me|here)|existing|it all|everything|myself))"
     r"|on my feet|beat|good|easy|set|serious|simple|cheap|loss|end|weight(?! (to|on|for|around) "
     r"(everyone|everybody|every one|my|the family|people|others|them|us)\b)|heat|centre|center|"
     r"zone|horse|skin|cells?|bacteria|bugs?|sure|right|keen|slow|quiet|heavy|certain)", False),
    (r"(flog|flogging) a dead horse", False),
    (r"(back )?from the dead", False),
    (r"knock (\w+ ){0,3}dead", False),
    (r"deadline", False),
    (r"deadly (boring|dull|serious|slow|quiet|accurate|earnest)", False),
    # harm to an animal, not to a person: "toxic to dogs", "how much ibuprofen is lethal for a dog", "can xylitol
    # kill a dog" (not when a person is named beside it: "lethal for a dog or a person")
    (rf"((poisonous|toxic|dangerous|deadly|lethal|fatal|harmful|overdose|overdosed|od) (\w+ ){{0,5}}?(for|to|in|on) "
     rf"|(kill|kills|killed|killing|poison|poisoned|poisoning) ){_ANIMAL}{_NOR_PERSON}", False),
    (r"(reduce|reduces|reduced|reducing|lower|lowers|lowered|prevent|prevents|cut|cuts|fewer|less) (\w+ ){0,2}"
     r"(death|deaths|mortality|dying)", False),
    (r"killer (headache|headaches|cramps?|pain|migraines?|supplement|app|combo|combination|idea|workout|"
     r"feature|question|deal|whale|cells?|bee)", False),
    (r"(kill|kills|killing|killed|destroy|destroys|destroying) (off )?(the |my |your |bad |harmful |good |gut |"
     r"off the |all the )?(\w+ )?(cells?|bacteria|bugs?|germs?|pathogens?|candida|yeast|fungus|viruses|virus|"
     r"parasites|neurons?|nerves?|nerve endings|tumou?rs?|cancer|microbes|flora|infections?|h pylori|sibo|overgrowth)",
     False),
    (r"(nerve cells?|cells?|neurons?|bacteria|cancer|tumou?rs?|tissue|brain cells|interneurons?|gut lining|"
     r"lining cells|microbes|pathogens?) (start to |starting to |begin to |to |from |will |can |may |might |would "
     r"|could |that |which )?(die|dies|dying|died|death|being killed|get killed|are killed)", False),
    (r"(excitotoxic )?cell death", False),
    # a disease said to be fatal or deadly: a prognosis, not an amount ("is liver failure fatal without treatment")
    (rf"({_DISEASE} (\w+ ){{0,2}}(is|are|was|were|be|becomes?|get|gets) (\w+ ){{0,2}}{_FATAL}"
     rf"|(is|are|can|could|was|were) (\w+ ){{0,2}}{_DISEASE} (\w+ ){{0,2}}(be |become |get )?{_FATAL}"
     rf"|(fatal|deadly|lethal) (form of |type of |case of )?{_DISEASE})"
     r"(?! (\w+ ){0,4}(take|took|taking|swallow\w*|mix|mixing|mixed|combine|combining|too much|too many|overdos\w*|"
     r"dose|doses|amount|pills|tablets))",
     False),
    (r"stockpil\w* (up on )?(tins|cans|(tinned|canned|dried|frozen|bottled|long life) \w+|food|groceries|toilet "
     r"(roll|paper)|pasta|rice|water|firewood|fuel|nappies|diapers|loo roll|flour|candles)\b", False),
    (r"stockpil\w* (up on )?(glutamine|supplements?|vitamins?|protein|powder|\w+ powder|probiotics)\b(?! (to|for when|"
     r"so i can|and take|in case i|until))", False),
    # a named supplement stocked for a trip, a season or a price (seventh crisis round): "stockpiling melatonin for
    # the long haul flights", "stockpiling omega 3 for the winter because the price keeps rising"; a medicine stays
    (rf"stockpil\w* (up on )?{_SUPPLEMENT} (\w+ ){{0,2}}(for|before) (the |my |a |our |this |next )?(\w+ ){{0,2}}"
     r"(trip|trips|holiday|holidays|flights?|travel|travels|travelling|journey|move|winter|summer|festival|camping|"
     r"cruise|visit)\b", False),
    # the smell or taste of something called deadly or lethal: "the smell of fish oil is deadly lol"
    (r"(the )?(smell|taste|aftertaste|texture|burps|breath) (of (\w+ ){1,3})?(is|was|are|were) (\w+ )?"
     r"(deadly|lethal|toxic|murder|killing me)", False),
    (r"(kills?|killed|killing) (my|the|your|his|her) (motivation|appetite|stomach|gut|mood|energy|sleep|vibe|"
     r"buzz|sex drive|libido|concentration|focus|pain|fibro pain|cravings?|joints?|knees?|back)", False),
    (r"overdos\w* on (\w+ )?(coffee|caffeine|tea|chocolate|sugar|sweets|candy|carbs|cake|pizza|netflix|tv|sun|"
     r"sunshine|cheese|crisps|energy drinks|red bull|espresso|biscuits|cookies|ice cream|matcha|green tea|cola|coke|"
     r"doughnuts|donuts|fries|chips|popcorn|mince pies|pancakes|cupcakes|sweets|halloween sweets|easter eggs)", False),
    (r"(the )?(burden|burdens) of (fibro|fibromyalgia|the disease|disease|illness|chronic|pain|ibs|"
     r"symptoms|depression|fatigue|me cfs|cfs|care|caring|proof|\w+ (disease|illness|pain|symptoms))", False),
    (r"(my|the|his|her) (memory|concentration|focus|sleep|brain|gp|doctor|app|wifi|internet|handwriting|"
     r"spelling|cooking|memory for names) (\w+ )?(is|are|was) (\w+ )?hopeless", False),
    # a named symptom or chore is hopeless ("the bloating is hopeless today"); not life said beside it ("my life
    # with fibro is hopeless") nor the writer too ("and so am i")
    (rf"(^|(?<!living with )(?<!live with )(?<!life with )(the|my|this|these|that|those|all the|all this) )"
     rf"((?!(life|living|future|everything|world|myself|me|i)\b)"
     rf"\w+ ){{0,2}}{_NUISANCE_NOUN} (\w+ )?(is|are|was|were|feels|seems|looks|getting) (\w+ )?hopeless"
     r"(?! (and|but|so) (so am i|i am too|me too|so is (my life|everything|life)|i am))", True),
    (r"is (it|glutamine|this|that|\w+) (\w+ )?(worthless|pointless)", False),
    # a skill or a treatment judged, not the writer: "worthless at cooking", "pointless to take". (This pattern
    # once ended on a space, which the word boundary after every idiom never let match.)
    (r"(worthless|pointless|hopeless|useless) at (\w+ing|maths|math|sports?|names|directions|languages)\b", False),
    (r"pointless (to take|to try|taking|trying)\b", False),
    (r"(disappear|disappears|disappeared|disappearing) (on|for) (holiday|vacation|a trip|a week|a few days|"
     r"work|the weekend)", False),
    (r"(symptoms?|pain|bloating|fog|cramps|ibs|fatigue|headaches?|rash|flares?) (\w+ ){0,2}(vanish|vanishes|"
     r"vanished|disappear|disappears|disappeared|to disappear|to vanish|go away|be gone|gone)", False),
    (r"\d+ ?kms?\b", False),
    (r"kms (a|per|each|every) (week|day|month|run)", False),
    (r"(done|finished) with (the|my|this|that) (\w+ ){0,2}(trial|diet|course|supplement|glutamine|tub|bottle|"
     r"pack|dose|doses|experiment|program|programme|plan|treatment|study)", False),
    (r"(can not|could not) (go|keep going|carry on) on (a|the|holiday|long|walks?|trips?|my (walk|run|bike))",
     False),
    (r"better off (with|taking|using|trying|buying|on|having|doing|going|getting|just taking|sticking)", False),
    (r"at the end of the day", False),
    (r"(end|ending) (the|my|this) (trial|diet|course|block|phase|experiment|study|dose)", False),
    (r"the whole (scoop|dose|serving|sachet|capsule|amount)", False),
    (r"(divided|split|spread|separate|smaller) (\w+ ){0,4}(or|vs|versus|rather than|instead of) (take |taking )?(it |"
     r"them )?all at once", False),
    (r"(given|giving|give|gave) up (gluten|dairy|sugar|coffee|caffeine|alcohol|meat|carbs|wheat|bread|"
     r"smoking|drinking|processed food|junk food|fodmaps|lactose|my job|work)", False),
    (rf"(say|said|saying) (my )?goodbyes? to (my |the )?(bloating|pain|fatigue|ibs|symptoms|fog|brain fog|"
     rf"constipation|heartburn|flares?|tiredness|headaches?|cravings|sugar|gluten|coffee|caffeine|alcohol|dairy|"
     rf"{_SUPPLEMENT[1:-1]})\b", False),
    (r"(poison|poisoning) myself with (a |an |some )?(spoiled|spoilt|off|old|expired|bad|contaminated|mouldy|"
     r"moldy)", False),
    (r"(do not|not|never) want to wake up (at|in the night|every|during|so early|too early|tired|feeling|groggy|"
     r"with|in pain|exhausted|stiff|sore|\d)", False),
    (r"(cutting|cut|cuts) (down|back|out|my (dose|glutamine|intake)|the dose|doses|it in half|in half)", False),
    # third round, by family: stopping, counting and spreading doses; someone else's "kill me"; hopes
    # for a cure; letters to professionals; errands; living on a treatment (docs/crisis.md)
    (r"(stop|stopping|stopped|quit|quitting|come off|coming off|came off) (\w+ ){0,4}all at once", False),
    (r"(count|counted|counting) (\w+ ){0,4}(to see|to check|and) (\w+ ){0,3}(missed|forgot|forgotten|skipped|left)",
     False),
    (r"(husband|wife|partner|mum|mom|mother|dad|father|boss|doctor|gp|family|kids|he|she|they) (would|will|is going to|"
     r"is gonna|are going to|are gonna) (literally |actually )?(kill|murder) me (if|when|for)", False),
    (r"(will|would|could) (literally )?die if i (have to|had to|can not|could not|do not get|did not get) +"
     r"(give up|go without|live without|miss|skip|stop drinking|stop eating|,)", False),
    (r"hope (of|for) (a |any |finding a |finding any |ever finding a )?(cure|treatment|diagnosis|remission|answers)",
     True),
    (r"(disappear|hide|vanish) (under|into|in) (a |the |my )?(blanket|duvet|covers|bed|sofa|hoodie)", True),
    (r"(last|previous|final) (message|post|question) (did not|was not|got|failed|went|disappeared|has not|is not)",
     False),
    (r"(letters?|notes?) (to|for) (my |the )?(gp|doctor|pharmacist|nurse|consultant|dentist|boss|teacher|school|"
     r"landlord|employer|work|physio|therapist|specialist|insurer|council|mp|councillor|newspaper|editor|charity)",
     False),
    (r"(sort|sorting|sorted|put|putting|get|getting) (out )?my (affairs|things|stuff|paperwork|papers|finances) "
     r"(\w+ )?(for|before) (my|the|a|our) (move|holiday|trip|travels?|wedding|tax|taxes|accountant|new job|"
     r"retirement|house move|operation|surgery)", False),
    (r"(whole|entire) (\w+ )?(pack|packet|box|tub|bottle|jar) (of )?(\w+ ){0,3}(over|across|during|within) (a|the|one|"
     r"two|\d+) (week|weeks|month|months|fortnight)", False),
    (r"(any|some|no|new|real) hope (for|of) (people|patients|sufferers|those|anyone|women|men|children|kids) (with|"
     r"who)", False),
    (r"(die|dies|died|dying) down", False),
    (r"(live|living|stay|staying|be) on (painkillers|pain killers|opioids|medication|meds|pills|tablets|steroids|"
     r"antidepressants|supplements|\w+ (tablets|pills))( (forever|for ever|for life|for the rest of my life))?",
     False),
    # issue 12 crisis round: giving up on a treatment, and weariness whose object is then named
    (r"(?<!last )(?<!final )(?<!goodbye )(before|until|till) ((i|we|you|she|he|they) (just |finally |decide to |should "
     r")?(give|gives)|giving) up(?! on (life|living|everything|myself|me|it all|the world))", False),
    (rf"{_WEARY}( ,)? (\w+ ){{0,2}}(i mean|i meant|meaning|as in|talking about|i am talking about|referring to) "
     rf"{_NUISANCE}", True),
    (rf"{_WEARY}( ,)? (\w+ ){{0,2}}{_NUISANCE}( ,)? (i mean|i meant|that is|obviously|lol|haha|not life|"
     r"not like that)", True),
    # sixth (crisis-precision) round, each a family with tests (docs/crisis.md, "Sixth round"):
    # the end of one's rope with a named symptom, chore or treatment, and then a question about it ("at the end
    # of my rope with IBS, is glutamine safe"): weariness of the symptom (corpus guide, section 6: a crisis word
    # whose object is a symptom is not crisis). With nothing asked it stays crisis, as the development part
    # labels it ("end of my rope with IBS and depression": ambiguous despair); so does life or the writer beside it
    (rf"(end|ends) of (my|the) (rope|tether) (with|over|because of|from|thanks to) "
     rf"((the|my|this|these|that|those|all the|all this) )?((?!(life|living|future|everything|world|myself|me|i|it)\b)"
     rf"\w+ ){{0,2}}{_NUISANCE_NOUN}(?= (\w+ ){{0,2}}(is|are|does|do|can|could|should|would|will|how|what|which|"
     r"where|any|anyone|has|have)\b)(?! (and|but|so) )", True),
    # a death wish stated as a joke about an everyday act ("id rather die than swallow another fish oil
    # capsule lol"); not said of living, waking, facing or being anything
    (r"(would |d |id )?rather die than ((?!(live|living|life|wake|waking|exist|existing|be|face|go|going|stay|"
     r"feel|feeling|another day|tomorrow|carry|keep)\b)\w+ ){1,8}(lol|lmao|haha|hahaha|lolol|rofl|jk|xd)", False),
    # a last message whose occasion is named ("my last message before my appointment", "for today")
    (r"(last|final) (message|post|question|note) (before (my|the|a|an|our|this|next) (\w+ )?(appointment|"
     r"holiday|trip|surgery|operation|op|flight|review|clinic|consultation|check up|checkup|visit|scan|break|"
     r"meeting|shift|exam|holidays|move|weekend|week)|(for|of) (today|tonight|the day|this week|the week|now))",
     False),
    # weary of waking at an hour or with a symptom ("tired of waking up at 4am"): insomnia, not life
    (r"(tired|sick|weary) of waking (up )?(at|in the night|early|with|tired|exhausted|in pain|groggy|stiff|sore|"
     r"drenched|soaked|\d)", True),
    # death from a deficiency, a condition's prognosis ("can you die from low vitamin d levels"), not from an
    # amount taken beside it
    (r"(die|dies|dying|died|be fatal|be deadly) (from|of) (a |an )?(low|very low|dangerously low|severely low|lack of|"
     r"not enough|too little|deficiency|deficient)\b(?! (\w+ ){0,5}(take|took|taking|too much|too many|overdos\w*|"
     r"pills|tablets|insulin|on purpose))", False),
    # laughter said as killing oneself, as "died laughing" is ("I nearly killed myself laughing")
    # (told as past or as a near miss; a wish or intent beside it is not set aside: "want to kill myself laughing")
    (r"((nearly|almost|practically) (killed|kill)|(?<!to )killed) myself (laughing|with laughter)", False),
    # a burden on money, not on people ("im a burden on the budget with all these supplements")
    (r"burden on (the|my|our) (budget|wallet|bank account|bank balance|finances|purse|bills|grocery bill)", False),
    # a daily regimen taken together, said as a routine ("i take all my tablets at once in the morning")
    (r"(take|taking|takes|took) all (of )?(my|his|her|the) (\w+ ){0,2}(tablets|pills|meds|medication|medications|"
     r"medicines|supplements|vitamins|capsules) (together )?(at once|at the same time|in one go) (in the morning|every "
     r"morning|each morning|at breakfast|with breakfast|at night|every night|each night|every day|each day|daily|"
     r"with (food|breakfast|dinner|lunch|my meal|a meal))", False),
    # weariness whose object is named after it ("can't take it anymore with this constipation"; corpus guide,
    # section 6: "can't take it anymore" is crisis said of the person, not when its object is named)
    (rf"{_WEARY}( ,)? (with|from|because of|over) {_NUISANCE}\b(?! (and|but|so) (so am i|i am too|me too|life|"
     r"everything|myself|i am|living))", True),
    # hiding under the bed or the sofa, in Spanish, Portuguese and Italian (as "hide under the duvet" in English)
    (r"(desaparecer|esconderse|esconder se|sparire|nascondersi|sumir) (debajo de|bajo|dentro de|detras de|embaixo "
     r"d[ae]|sob|sotto|dietro) (la |el |a |o |il )?(cama|sofa|sillon|mesa|armario|manta|colcha|letto|divano|"
     r"coperta)", True),
    # ninth round (readable false alarms, by family; docs/crisis.md, "Ninth round"):
    # exertion or a day said to have killed me ("that spin class killed me", "moving house absolutely killed
    # me"): hyperbole, as "nearly killed me" is
    (r"(gym|leg day|arm day|class|workout|run|hike|stairs|walk|shift|work|move|moving house|commute|school run|"
     r"drive|session|cardio|squats|climb|gardening|cleaning|training|week|weekend|kids|heat)( \w+){0,3} "
     r"(absolutely |totally |literally |really |properly |honestly |just |actually )?(killed|destroyed|murdered|"
     r"wrecked) me\b(?! off)", False),
    # boredom, embarrassment or thirst said as dying of it ("dying of boredom at work lol")
    (r"(dying|died|die|bored) (of|from|to) (boredom|embarrassment|shame|laughter|curiosity|thirst|hunger|the heat|"
     r"heat|the cold|cold|death at|death in|death on)", False),
    # a relative's or friend's past death by overdose, told as history ("my brother died of an overdose years
    # ago so im careful"): corpus guide, section 6 (a relative's past death with no risk statement); a wish,
    # a count or a saving beside it is still read
    (r"((my|our|his|her) (\w+ )?(brother|sister|dad|father|mum|mom|mother|son|daughter|cousin|uncle|aunt|auntie|"
     r"friend|grandad|grandpa|grandma|nan|husband|wife|partner|boyfriend|girlfriend|ex|niece|nephew|flatmate|"
     r"colleague|stepdad|stepmum) (\w+ ){0,2}(died|passed|passed away) (of|from|after) (an? )?(accidental |"
     r"heroin |opioid |drug |fentanyl |methadone )?overdose"
     r"|lost (my|our|his|her) (\w+ )?(brother|sister|dad|father|mum|mom|mother|son|daughter|cousin|uncle|aunt|"
     r"auntie|friend|grandad|grandpa|grandma|nan|husband|wife|partner|boyfriend|girlfriend|niece|nephew) to (an? )?"
     r"(accidental |heroin |opioid |drug |fentanyl )?overdose)", False),
    # a named supplement taken all at once or spread over the day: a schedule ("magnesium all at once or spread
    # over the day"), as "split or all at once" was
    (rf"{_SUPPLEMENT} (\w+ ){{0,2}}all at once (\w+ ){{0,3}}(or|vs|versus|rather than|instead of) (\w+ ){{0,3}}"
     r"(split|spread|divide|divided|separate|half|halves|a bit|bits|some|in two|twice|throughout|across|every|each|"
     r"daily)\b", False),
    # a named supplement stockpiled on offer, in a sale or at a price ("i stockpile magnesium when its on offer")
    (rf"stockpil\w* (up on )?{_SUPPLEMENT} (\w+ ){{0,5}}(on offer|on sale|half price|sale|offer|offers|discount|"
     r"discounted|deal|deals|cheap|cheaper|in bulk|bulk|price|prices)\b(?! (to|so i can|and take|in case i|until)\b)",
     False),
    # no way forward or out with a named diet, professional, habit or chore ("no way forward with the low fodmap
    # diet", "no way out of this sugar habit"): the object is named (corpus guide, section 6)
    (r"no (way forward|way out) (with|of|on|in|at) (the|this|my|that|these|his|her|our|a|an) (\w+ ){0,2}(diet|diets|"
     r"fodmap|(fodmap|diet|food|gut|sleep|supplement) thing|gp|doctor|doctors|consultant|clinic|dietitian|dietician|"
     r"hospital|nhs|app|trial|habit|supplement|supplements|treatment plan|paperwork|waiting list|council|landlord|"
     r"insurance|boiler|repairs|project|homework)\b", False),
    # nothing to look forward to on a named occasion ("nothing to look forward to on telly tonight", "this weekend")
    (r"nothing (left |much )?to look forward to (this (weekend|week|month|evening|summer|winter|year)|at work|"
     r"at school|on (the )?(telly|tv|netflix)( tonight)?|tonight|today|tomorrow|(until|till) (christmas|payday|"
     r"friday|the weekend|the holidays|summer|next week|my holiday))\b", False),
    # tenth round (voices the corpus lacked; docs/crisis.md, "Tenth round"):
    # dead tired or dying for something in Spanish, Portuguese, Italian and French ("estoy muerta de cansancio",
    # "morrendo de vontade de chocolate", "sono stanca morta", "je suis morte de fatigue")
    (r"(muert[oa]s?|morto|morta|mortos|mortas|morte|mort|morts|mortes|muriendo(me)?|morrendo|morendo|meurs) (de|di|da) "
     r"(cansancio|sueno|hambre|risa|frio|calor|miedo|ganas|verguenza|aburrimiento|cansaco|fome|sono|rir|vontade|"
     r"saudade|medo|tedio|stanchezza|fame|freddo|caldo|paura|noia|fatigue|faim|rire|froid|chaud|peur|envie|"
     r"ennui)\b", True),
    (r"stanc[oa] mort[oa]|stanche morte|stanchi morti", True),
    # dying or killed in a game ("kept dying to the same boss", "respawned after getting killed like 40 times",
    # "gg im dead that raid wiped us")
    (r"((kept|keep|keeps|been|was|getting|got|get) )?(dying|died|die|killed|dead|wiped|one shot|one shotted) (to|by|"
     r"on|in|at) (the|that|this|a|my) (same |final |last |first |stupid |last level |new )?(boss|bosses|raid|level|"
     r"mob|sniper|game|dungeon|round|match|map|campaign|quest|stage|wave|zombie|zombies)\b", False),
    (r"(got|getting|get|been|was) killed (\w+ ){0,2}(\d+|so many|loads of|a hundred|a million|twenty|forty|fifty) "
     r"times\b", False),
    (r"(gg|respawn\w*)( i am| im)? dead\b|i am dead (lmao|lol|haha) (that|the) (raid|boss|game|match|round)", False),
    # a good innings said of a brand or a product, or contentedly ("hes had a good innings and just wants to enjoy
    # his garden"); "i have had my innings" and a good innings said with nothing after stay
    (r"(had|has had|have had) a good innings (with|from|out of|on) (this|that|the|my|a|these|those) (\w+ ){0,3}"
     r"(brand|product|supplement|supplements|tub|bottle|pills|capsules|one|make|stuff|powder|car|phone|job|"
     r"fish oil|magnesium|melatonin|probiotic|probiotics)\b", False),
    (r"(had|has had|have had) a good innings (and|but) (\w+ ){0,2}(wants|want|likes|like|is|am|loves|love|"
     r"enjoys|enjoy) (to )?(enjoy|enjoying|potter|pottering|relax|relaxing|travel|travelling|garden|gardening|"
     r"happy|content|busy|fine|well)\b", False),
    # a taste or a snack called lethal or deadly ("a lethal combo of flavours")
    (r"(lethal|deadly|killer|toxic) (combo|combination|mix|pairing|blend) (of|for) (\w+ )?(flavours?|flavors?|"
     r"tastes?|snacks?|sweets|carbs|cheeses?|chocolate|desserts?|foods?|spices)", False),
    # eleventh round (voices the corpus lacked; docs/crisis.md, "Eleventh round"):
    # a named symptom, condition or treat that will not kill me ("my gp says this fatigue will not kill me", "a bit
    # of sugar will not kill you"): a prognosis or a shrug, not a lethality question; not pills or doses, and
    # not "it" ("it will not kill me right" after an amount stays)
    (rf"(({_NUISANCE_NOUN}|{_DISEASE}|blood pressure|cholesterol|blood sugar|heart rate|anaemia|anemia|"
     r"deficiency|back|knees?|hips?) |(a bit|a little|one|a few|one more|a glass|a cup|a bite|a slice|a spoonful|"
     r"a square|a drink|a coffee|a treat) (of )?((?!(pills?|tablets?|meds|capsules|doses?|them|these|those|it)\b)"
     r"\w+ ){0,2})(will not|would not|is not going to|are not going to|does not|do not) (actually |really |"
     r"necessarily )?kill (me|you|him|her|anyone|anybody|us)\b", False),
    # something other than the writer hopeless: a garden, the weather, a team, a service ("the garden s hopeless
    # this year and so is my back"); not with the writer or life beside it ("and so am i")
    (r"(the|my|our|this|that) (garden|lawn|allotment|weather|team|football team|car|printer|wifi|internet|"
     r"broadband|signal|bus service|buses|trains|traffic|heating|boiler|tomatoes|plants|roses|veg patch|harvest|"
     r"forecast|parking|landlord|council|post|hairdresser|builder|builders|referee) (s|is|are|was|were|has been|"
     r"have been|looks|seems) (\w+ ){0,2}hopeless(?! (and|but|so) (so am i|i am|me too|so is (my life|everything|"
     r"life)|life|everything))", False),
    # toxic said of people, a relationship or a community ("my last relationship was so toxic", "forums that
    # are not toxic"): no substance is named as toxic
    (r"(so |really |very |super |extremely |pretty |incredibly )?toxic (relationships?|people|person|friends?|"
     r"friendships?|ex|exes|partner|boss|bosses|workplace|job|family|household|environment|culture|positivity|"
     r"masculinity|comments?|forums?|groups?|community|communities|subreddits?|threads?|mum|mother|dad|father|"
     r"marriage|situationship|coworkers?|colleagues?|manager|behaviour|behavior|traits?|dynamics?|vibes?|fandom|"
     r"social media)\b", False),
    (r"(relationship|marriage|job|workplace|boss|ex|family|friendship|household|forums?|groups?|subreddits?|"
     r"community|communities|recs|recommendations|sites?|websites?|accounts?|spaces?|servers?|threads?|comments?|"
     r"social media|twitter|tiktok|reddit|facebook) ((that|which|who) )?(was|is|were|are|got|gets|became|become|"
     r"can be|are not|is not|were not|was not)( so| really| very| super| pretty| extremely| incredibly| quite| too)? "
     r"toxic\b", False),
    # the heart, chest or head about to burst with anxiety ("feels like my heart is going to explode"); the
    # heart stopping is not among them
    (r"(my )?(heart|chest|head) (\w+ ){0,6}(explode|exploding|burst|bursting|pop|popping|pound out|pounding out|"
     r"beat out|beating out|jump out|jumping out)( out)?( of my chest)?\b", False),
    # being kind to oneself said as cutting oneself some slack or a break
    # a week's pills made ready in an organiser ("my pills ready for the week in a dosette box"): a routine
    (r"(pills|tablets|meds|medication|medicines) (\w+ )?(ready|lined up|sorted|counted out) (for the (week|day|"
     r"morning|evening|weekend|month|trip|holiday)|in (a|an|my|the|her|his) (pill |weekly |dosette )?(organiser|"
     r"organizer|dosette|dispenser|pill box|blister pack))\b", False),
    (r"(cut|cutting|cuts) (myself|yourself|me|him|her|ourselves|themselves) (some|a (bit|little) of|a little|more) "
     r"(slack|leeway)\b|(cut|cutting) (myself|yourself|me) a break\b", False),
    # twelfth round: a cut or burn told as a kitchen, shaving or household accident, by a tool only a kitchen
    # holds ("cut myself with the bread knife") or any blade or hot thing beside the chore ("cut myself on the
    # bread knife making lunch", "burnt myself on the oven tray baking"); not told again, on purpose or alone
    (r"(cut|cuts|cutting|nicked|sliced|burnt|burned|burn|burning|scalded) (myself|my (finger|fingers|thumb|hand|"
     r"palm|leg|legs|chin|lip|arm|wrist)) (badly |quite badly |a bit |today |yesterday |last night )?(on|with) "
     r"(a|the|my|our|mums|mum s|dads|dad s) (((bread|vegetable|veg|paring|carving|steak|butter|cheese) knife|"
     r"(potato |veg |vegetable )?peeler|(cheese )?grater|mandoline|(tin|can) opener|oven tray|baking tray|"
     r"roasting tin|oven door|hob|kettle|iron|hair straighteners|straighteners|curling tongs)\b|(\w+ )?(knife|"
     r"razor|blade|pan|oven|tray|scissors)\b(?= (\w+ ){0,3}(while |when |whilst )?(making|chopping|cutting|slicing|"
     r"cooking|preparing|peeling|opening|shaving|baking|carving|ironing|washing up|doing the dishes|in the "
     r"kitchen)\b))(?!.*\b(again|on purpose|deliberately|intentionally|to (feel|cope|punish)|nobody|no one|urges?|"
     r"relapsed|relapse)\b)", False),
    # a relationship or a job ended, not a life ("she wants to end it with her boyfriend", "decided to end things
    # with my husband"); not his pills ("end it with my husband s pills"), nor "with them" (pills or people)
    (r"(end|ending|ended|ends) (it|things|everything) (off )?with (my|her|his|their|your|our) (ex |new |long "
     rf"distance )?(boyfriend|girlfriend|bf|gf|partner|husband|hubby|wife|fiance|fiancee|ex|man|fella|boss|job|"
     rf"landlord|flatmate|friend|best friend)\b{_NOT_BY_MEANS}|(end|ending|ended|ends) (it|things) (off )?with "
     rf"him\b{_NOT_BY_MEANS}", False),
    # a painkiller kept for an ordinary ache ("keeping aside some paracetamol in my bag in case of headaches",
    # "kept back my ibuprofen for period pain"); saving it "until i have enough" names no ache
    (rf"(putting|put|puts|setting|set|keeping|kept|keep) (aside|back|by) (my|his|her|some of my|some|a few) (\w+ )?"
     rf"{_MEDS} (\w+ ){{0,4}}(in case (of |i get |i have |she gets |he gets )?|for (when (i|she|he) (get|gets) |my "
     rf"|her |his |the |a |any |bad )?)(\w+ )?{_NUISANCE_NOUN}\b", False),
    # a brand or a form changed, and whether anyone would notice it ("would anyone notice if i switched brands")
    # (crisis17: also said as nobody noticing, "nobody would even notice if i switched to the cheaper brand")
    (r"((would|will|could) (anyone|anybody|people|my (\w+ )?(family|husband|wife|partner|kids|gp|doctor))|(nobody|no "
     r"one|noone) (would|will|could)) (even |really |honestly )?notice (if|when) (i|we) (switched|swapped|changed|"
     r"moved) (\w+ )?(brands?|to (a |the |another )?(cheaper |"
     rf"generic |different |new )?((\w+ )?(brand|one|version|capsules?|tablets?|powder|gummies|form)|{_SUPPLEMENT})|"
     r"from (\w+ ){1,3}to)\b", False),
)

# A stated accident ("my toddler got into my tablets", "took three scoops by mistake") makes an
# amount or overdose question a poisoning question, not a sign of self-harm (corpus guide, section 6):
# with one, stockpiling and lethality signals do not count; every other signal still does.
ACCIDENT = re.compile(
    r"(?<![\w])(accidental\w*|by accident|by mistake|mistakenly|in error|forgot (\w+ ){0,3}(took|taken)|"
    r"(forget|forgetting|forgot|can not remember|do not remember|not sure) (whether|if) (i|he|she|they|we) "
    r"(already )?(took|had|have taken|has taken)|"
    r"got into (my|the|her|his|our)|"
    r"without (me|us|my knowing) (knowing|noticing|seeing)|(toddler|baby|child|kid|son|daughter|grandson|"
    r"granddaughter|dog|cat|puppy|kitten) (\w+ ){0,3}(ate|swallowed|got into|chewed|drank|found and ate))(?![\w])"
)

# What lives in or on a body and is killed by a remedy: the antecedent of "can it kill them" (thirteenth round).
_GERMS = (
    r"(cells?|bacteria|bacterium|bugs|germs?|pathogens?|candida|yeast|fungus|fungi|fungal|viruses?|viral|parasites?|"
    r"worms|threadworms|pinworms|tapeworms?|roundworms?|lice|nits|mites|scabies|microbes|infections?|h pylori|"
    r"pylori|sibo|overgrowth|tumou?rs?|cancer|mould|mold|spores|thrush|warts?|verruca|plaque)"
)
_ORGAN = (
    r"((your|my|the|his|her|their|our|a persons|someone s|ones) )?(liver|livers|kidneys?|stomach|stomach lining|gut|"
    r"bones|teeth|thyroid|heart|organs|pancreas|gallbladder)"
)
# Harm done to an organ: "hurt your liver", "damaging your kidneys", "gets dangerous for your liver", "too hard on the
# kidneys".
_ORGAN_HARM = (
    rf"((hurt|hurts|hurting|harm|harms|harming|damage|damages|damaging|damaged|strain|strains|straining|stress|"
    rf"stresses|stressing|wreck|wrecks|wrecking|affect|affects|affecting|irritate|irritates|irritating) {_ORGAN}|"
    rf"((gets|get|getting|becomes|become|becoming|is|be|are|goes|go|turns|turn) )?(too )?(dangerous|harmful|bad|"
    rf"risky|hard|tough|rough|heavy|unsafe|damaging) (for|to|on) {_ORGAN})\b"
)

# Idioms that hold only beside something else the message says: (pattern, distress, what it needs).
_IDIOMS_WITHIN: tuple[tuple[str, bool, str], ...] = (
    # a will written as ordinary admin, beside a solicitor, a power of attorney, a house or a retirement ("writing
    # my will this weekend with a solicitor, boring admin"); only the will's own words are blanked
    (r"(written|wrote|made|make|making|updated|updating|update|sorted|sorting|writing|write|doing|did|done) (out |"
     r"up )?(my|our|the|mums|mum s|dads|dad s) (will|wills)\b",
     False,
     r"(solicitor|solicitors|lawyer|lawyers|notary|attorney|power of attorney|probate|estate "
     r"planning|mortgage|new house|retired|retiring|retirement|standard stuff|grown up thing|adulting|after (she|he) "
     r"passed|passed away|inheritance tax)"),
    # things given away for a move, a clear out or a change of size ("moving abroad so im giving all my things
    # away", "giving my old clothes to charity now i have lost weight")
    (r"(given|gave|giving|give) (my|all my|most of my|away my|away all my|his|her|their|all (his|her|their)) (\w+ )"
     r"{0,2}(away|to charity)",
     False,
     r"(moving|move|moved|emigrating|emigrate|relocating|relocate|downsizing|downsize|declutter\w*|clear out|"
     r"retired|retiring|retirement|"
     r"clearing out|outgrown|lost weight|too small|too big|switched|new ones|charity shop|car boot)"),
    # a note or a letter for a neighbour, a school or a sitter ("wrote a note for the neighbour about who waters
    # which plant")
    (r"(wrote|written|writing|write|left) (a |my )?(letters?|notes?) (to|for) the (neighbour|neighbours|neighbor|"
     r"neighbors|school|teacher|sitter|babysitter|cat sitter|dog sitter|house sitter|cleaner|builder|builders|"
     r"plumber|landlord|postman|milkman|council|gp|doctor|nurse|pharmacist|dentist|vet|nursery|childminder)",
     False,
     r"(water|waters|watering|plant|plants|feed|feeding|food|bowl|litter|walk|walks|vet|routine|parcel|bins|key|keys|"
     r"while i am away|on holiday|"
     r"appointment|prescription|complain|complaint|repair|repairs|school|absence|sick note|allerg)"),
    # a death question whose subject is an animal named before it ("my dog ate a pack of gummies, is she
    # going to die"); the words between name no person asking for themselves
    (r"(is|will|could|would|might|can|does) (he|she|it|they) (\w+ )?(going to |gonna |likely to )?(die|be dead|"
     r"survive)",
     False,
     rf"{_ANIMAL} ((?!(i|me|myself|we|us|want|wanted|wish|wishes)\b)\w+ ){{1,12}}(is|will|could|would|might|can|"
     r"does) (he|she|it|they)\b"),
    # a poisoning in a story on screen or in a book ("binge watching a crime drama where everyone gets
    # poisoned"), eleventh round
    (r"(everyone|everybody|someone|somebody|people|characters?|the (victim|villain|hero|heroine|husband|wife|king|"
     r"queen|detective|butler)|he|she|they) (\w+ ){0,2}(gets|get|got|getting|is|was|were|are|been|being|keeps "
     r"getting|keep getting) poisoned\b",
     False,
     r"(drama|dramas|film|films|movie|movies|show|series|novel|book|books|documentary|podcast|episode|soap|"
     r"thriller|murder mystery|whodunnit|whodunit|true crime|netflix|play|opera|video game)"),
)

# Idioms the crisis reader sets aside and the intent rules do not (thirteenth round): their words are what an
# intent rule reads ("is glutamine bad for your kidneys" asks about safety), so they are blanked only for the
# crisis signals and the learned crisis model. (pattern, distress, what it needs beside it or None)
_CRISIS_ONLY_IDIOMS: tuple[tuple[str, bool, str | None], ...] = (
    # a treatment's onset: "how long till it kicks in" (the model had learnt "kick" from "kick the bucket"), with the
    # count of weeks or days asked before it (fourteenth round: "how many weeks until it" alone read as risk, 0.77)
    (r"((how long|how many (hours|days|weeks|months)) (until|till|til|before) (it|they|this|that|(the|my) \w+|\w+) )?"
     r"(kick|kicks|kicked|kicking) in\b(?! (the|my|his|her|a) \w+)", False, None),
    # out of breath from exertion ("after the hill i could not take another breath"): the retrained model (stop 29)
    # read it as "i would rather not take another breath"; only beside a climb, a run, the gym or asthma, and never
    # beside a wish, life, "anymore" or any signal word
    (r"(could not|couldnt|can not|cant|cannot|could barely|can barely|could hardly|can hardly) (take|catch|get|draw) "
     r"(another|a|my|one more) breath", False,
     r"^(?=.*\b(hill|hills|stairs|steps|run|running|ran|jog\w*|climb\w*|gym|workout|exercise|exercising|training|race|"
     r"sprint\w*|walk|walking|hike|hiking|cycling|cycle|bike|swim\w*|asthma|wheez\w*|inhaler|stamina)\b)"
     r"(?!.*\b(wish|want|wanna|rather|life|living|alive|anymore|any more|die|dying|dead|death|kill\w*|suicid\w*|"
     r"end it|for good|of this|overdos\w*|pills)\b).*$"),
    # storage (fourteenth round): "shelf life of fish oil once opened" (the model read "life" and "once", 0.57)
    (r"shelf (life|lives)( (once|after|when) (it is |its |they are |the \w+ is )?(opened|open))?", False, None),
    # a supply going off before it is used up ("will it go rancid before i finish it"): routine use, which the
    # model read as the "finish it" of a crisis message; not "finish it all", "off" or "for good"
    (r"(go|goes|going|gone|went|turn|turns) (off|bad|rancid|stale|out of date|mouldy|moldy) before (i|we|you|he|she|"
     r"they) (can )?(finish|finishes|use up|get through|gets through) (it|them|the \w+|my \w+)"
     r"(?! (all|off|for good|tonight)\b)", False, None),
    # a treatment preference ("if i would rather not do ssris", "id rather not take sleeping pills"): the model read
    # "rather not" as "i would rather not be here"; not beside waking, living, being here or any signal word
    (r"((i )?(would|d|id) )?rather not (take|try|use|go on|be on|start|do|rely on)\b", False,
     r"^(?!.*\b(breath|breathe|breathing|wake|waking|woke|wake up|live|living|life|alive|exist|existing|here|around|"
     r"anymore|any more|die|dying|dead|death|kill\w*|suicid\w*|end it|end my|all of (it|them)|at once|overdos\w*|"
     r"them all|it all|for good)\b).*$"),
    # a newcomer to the app ("i do not know what to type"): not "what to do", not a note to write
    (r"(do not|dont|not sure|no idea) (really )?(know )?what (to|i should|i am meant to|i am supposed to) (type|put|"
     r"ask|search)( (here|in here|in this|really))?", False, None),
    # a contraindication asked for a group ("any reason someone with coeliac should not take b12 tablets"): the model
    # read "someone ... should not take ... tablets"; not beside any word of death, harm or a whole supply
    (r"(someone|somebody|people|anyone|a person|those|patients) with (\w+ ){1,3}(should not|must not|can not|"
     r"cannot) (take|have|use)\b(?! to\b)", False,
     r"^(?!.*\b(die|dying|dead|death|alive|live|living|life|exist\w*|here|anymore|kill\w*|suicid\w*|end it|end my|"
     r"overdos\w*|all of (it|them)|them all|it all|at once|lethal|fatal|deadly)\b).*$"),
    # a nuisance or a body part's pain waved off for good ("say goodbye to brain fog for good", "saying goodbye to my
    # back pain for good"): the shared idiom blanks the goodbye, and "for good" after it was read by the model (and
    # after a back pain by the goodbye rule); not a plain or a whole "pain", "this life", everyone or anyone
    (rf"(say|said|saying|wave|waved|waving|kiss|kissed|kissing) (my )?(goodbyes?|bye bye|farewell) to (my |the |that )?"
     rf"(constant |daily |awful |horrible |stupid )?(bloating|fatigue|ibs|symptoms|fog|brain fog|constipation|"
     rf"heartburn|reflux|flares?|tiredness|headaches?|migraines?|cravings|acne|eczema|insomnia|hot flushes|sugar|"
     rf"gluten|coffee|caffeine|alcohol|dairy|(back|knee|knees|joint|hip|neck|shoulder|period|nerve|tooth|muscle) "
     rf"(pain|ache|aches|pains)|{_SUPPLEMENT[1:-1]}) (for good|forever|for ever|once and for all|permanently)\b",
     False, None),
    # an interaction asked as a clash ("is magnesium going to clash with any of them"), which the model read in
    # "going to" beside tablets counted
    (r"((going to|gonna|likely to|would|will|does|do) )?(clash|clashes|clashing) with", False, None),
    # a supply or a course finished by a date ("how many capsules would finish it by the end of the month"): routine
    # use, which the model read as the "finish it" of a crisis message
    (r"(finish|finishes|finishing|finished) (off )?(it|them|the (tub|bottle|pack|packet|course|box|jar|trial|bag)|my "
     r"(tub|bottle|pack|packet|course|box|jar|trial|bag))( off)?(?= (by|before|within|in (a|one|two|three|\d+|the next|"
     r"under|less than)|at the end|this (week|month|year)|next (week|month))\b)", False, None),
    # a medicine or a supplement stopped suddenly ("ran out of sjw, is it ok to just stop it suddenly", "can i come off
    # sertraline cold turkey"): whether to stop it is a safety question (corpus guide, section 2), which the model read
    # as the "make it stop" of a crisis message; not everything or all of it ("stop it all suddenly")
    (r"(stop|stops|stopping|stopped|quit|quitting|come off|coming off|came off|go off|going off|drop|dropping) "
     r"(taking |using )?(it|them|(my|the|your|his|her|these|those) (\w+ )?\w+|\w+)(?<!\ball)(?<!\beverything) "
     r"(suddenly|abruptly|cold turkey|overnight)\b", False,
     r"^(?!.*\b(life|living|alive|die|dying|dead|breathing|for good|forever|end it|end my|kill\w*|suicid\w*)\b).*$"),
    # dyeing hair or cloth ("want to dye my hair purple"): the model had learnt "dye" from "i want to dye" (die).
    # Not "dying": punctuation is gone by now, so "thinking about dying. the black dog is back" would lose it
    (r"(dye|dyes|dyed|dyeing) (my|her|his|their|your|the|our|some|it|them)( \w+){0,2}? (hair|roots|beard|"
     r"eyebrows|brows|lashes|clothes|shirt|shirts|jeans|dress|fabric|wool|yarn|eggs|blue|red|black|pink|purple|"
     r"green|blonde|brown|grey|gray|orange)\b", False, None),
    # germs, worms, cells or a growth killed, named before the pronoun that stands for them ("got threadworms
    # again, can probiotics kill them", "h pylori keeps coming back, can mastic gum kill it"), thirteenth round;
    # only "kill them" is blanked, so "i want to kill myself" beside it is still read
    (r"(kill|kills|killed|killing|destroy|destroys|destroying|wipe|wipes|wiping) (them|it|those|these|em)( off| out| "
     r"all| all off)?",
     False,
     rf"{_GERMS} (\w+ ){{0,15}}(kill|kills|killed|killing|destroy|destroys|destroying|wipe|wipes|wiping) (them|it|"
     r"those|these|em)\b"),
    # one treatment asked to help several conditions at the same time ("one supplement that helps fibro, ibs and
    # depression all at once", "anything for all of it at once"), lead20: the stockpiling rule read "all at once" as
    # every pill taken together (docs/crisis.md, rule 6 is a medicine's supply, never conditions treated together);
    # not beside taking or swallowing, a medicine, a supply or any word of death
    (r"(help|helps|helped|helping|treat|treats|treating|fix|fixes|fixing|cover|covers|covering|tackle|tackles|"
     r"tackling|ease|eases|easing|sort|sorts|work on|works on|good for|anything for|something for) (\w+ ){1,8}?"
     r"(all at once|all of (it|them|those|these) at once|at once)\b", False,
     # review fixes (crisisfix20): nor beside a supply saved, kept, hoarded or in a drawer, nor an end wished for
     # ("ive been saving them up, something for the pain and the sleep all at once", "... so it finally stops")
     rf"^(?!.*\b(take|takes|taking|took|swallow\w*|down|downed|mix|mixed|mixing|{_MEDS}|pills?|tablets?|capsules?|"
     r"tubs?|bottles?|packs?|boxes|supply|stash|lot|every|whole|die|dying|dead|death|kill\w*|suicid\w*|end it|"
     r"end my|for good|forever|wake|overdos\w*|alcohol|vodka|wine|hoard\w*|stockpil\w*|collect\w*|drawers?|them up|"
     r"them back|stop|stops|stopped|be here|better off|go to sleep|(save|saves|saved|saving|keep|keeps|keeping|kept|"
     r"store|stored|storing|put|putting) (up |back |aside )?(them|it|these|those|my|his|her|the|some|enough|pills?|"
     r"tablets?))\b).*$"),
    # harm to an organ asked about a supplement's amount ("how much glutamine before it starts to hurt your liver",
    # "the amount of magnesium that starts damaging your kidneys"): a safety question (corpus guide, section 6, "is
    # X hard on the liver"), read so by the model too once these words are set aside; not beside a medicine, death
    # or for good ("how much paracetamol would it take to shut down my liver for good" stays crisis)
    (_ORGAN_HARM,
     False,
     rf"^(?!.*\b({_MEDS}|die|dies|dying|dead|death|kill\w*|wake|waking|for good|end it|end me|finish|lethal|fatal|"
     r"deadly|overdos\w*|suicid\w*)\b).*$"),
)

# Crisis17 (docs/crisis.md "Fifteenth round"): ordinary messages the wish rules or the model read as risk, each a family
# with look-alikes in tests/test_crisis_c17.py. Never beside a word of death, life, "anymore", "forever" or a burden.
_NO_LIFE_WORDS = (
    r"^(?!.*\b(anymore|any more|ever again|forever|for ever|for good|die|dying|dead|death|alive|live|living|life|exist"
    r"\w*|better off|burden|kill\w*|suicid\w*|end it|end my|overdos\w*|never wake|not wake up)\b).*$"
)
_CRISIS17_IDIOMS: tuple[tuple[str, bool, str | None], ...] = (
    # waking someone else ("i dont want to wake my husband when i take my night dose"): the wish rules read "not want
    # to wake"; another person named after it is whom the writer does not want to wake
    (r"(((i )?(do not|did not|would not|not|never) (want|wish|like|mean|need) to|(trying|try|tried) not to) )?"
     r"((wake|waking|woke|disturb|disturbing) (up )?(my|the|our|his|her|their|your) (\w+ )?(husband|wife|partner|"
     r"boyfriend|girlfriend|fiance|other half|baby|babies|kids|children|child|son|daughter|toddler|twins|family|"
     r"household|house|neighbours|neighbors|flatmates?|roommates?|housemates?|dogs?|cats?|mum|mom|dad|parents|"
     r"grandkids|little one|little ones)\b|(wake|waking|woke) (anyone|anybody|everyone|everybody|them|him|her) up\b)",
     False, _NO_LIFE_WORDS),
    # being here at a named place ("i dont want to be here at the clinic all day again", "the only reason i m still
    # here at work is the pension"): a waiting room or a job, not life
    (r"((i )?(do not|did not|would not|not|never) (want|wish|like|need) to |(the )?(only )?reason (why )?(i m |i am "
     r"|im |i )?)?(be|being|stay|staying|sit|sitting|wait|waiting|stuck|still) here "
     r"(at|in) (the |this |a |my |our )?(\w+ ){0,2}"
     r"(clinic|hospital|surgery|ward|a and e|a e|waiting room|office|airport|station|gym|queue|school|work|meeting|"
     r"party|conference|pharmacy|chemist|shop|doctors|gp|appointment|traffic|car park|dentist|cafe|canteen|job|"
     r"lecture|class|bank|post office|clinic room|infusion suite|day unit)( (all|for) (the |a |another )?(whole )?"
     r"(day|night|morning|afternoon|evening|week|weekend|hours|hour|ages|shift))?\b", False, _NO_LIFE_WORDS),
    # praise of a treatment ("magnesium honestly saved my life, how long can i stay on it"): the model read "my life"
    (r"((has|have|had|honestly|literally|really|actually|genuinely|totally|completely|basically) )*(saved|changed|"
     r"transformed|turned around) my life\b",
     False,
     rf"^(?=.*\b({_SUPPLEMENT}|supplements?|vitamins?|diet|therapy|this trial|this app)\b)"
     r"(?!.*\b(anymore|any more|ever again|forever|die|dying|dead|death|better off|burden|kill\w*|suicid\w*|end it|"
     r"end my|overdos\w*|wake|waking|want to|wanted to|tried to|attempt\w*)\b).*$"),
)

# Sixteenth round (crisis19): titles and idioms made of crisis words, none of them a risk said of a person.
_CRISIS19_IDIOMS: tuple[tuple[str, bool, str | None], ...] = (
    # titles of films, games and plants, and "suicide" as an idiom of a career or a drill ("career suicide", "suicide
    # runs at football"); the guide's rule 1 is about suicide the act
    (r"(suicide squad|lethal weapon|deadly nightshade|(career|professional|political|social|commercial|financial|"
     r"electoral|fashion) suicide|suicide (runs|sprints|drills|doors|shuttles))", False, None),
    # "hopeless romantic", "hopeless case" of a character, "killing time"
    (r"hopeless (romantic|romantics|optimist|optimists)", False, None),
    (r"(killing|kill|killed|to kill) (some |a bit of |an hour of |the )?time\b", False, None),
    # effort at the gym, at work or at a task ("killing myself at the gym for this fibro", "killing myself trying to
    # keep up"): the progressive form only; "i want to kill myself at work" stays a signal
    (r"(been |am |i m |im |was |keep |keeps )?killing myself (at|in) (the |my |this )?(gym|work|office|job|training|"
     r"practice|rehearsals?|pool|track|class|spin class|workouts?|garden|allotment)\b", False, None),
    (r"(been |am |i m |im |was |keep )?killing myself (working|training|running|studying|revising|lifting|"
     r"trying to (\w+ )?(keep up|get|finish|lose|make|pay|meet|do|stay))\b", True, None),
    # not knowing how much of something to take ("i dont know how much glutamine to take"): the model read the
    # uncertainty as an amount asked at risk; not "how much more" or "how much longer"
    (r"(i )?(do not|did not|still do not|really do not|honestly do not) know how (much|many)(?! (more|longer))"
     r"( \w+){0,3} to (take|give|use|have|start|start with|buy|put|add|mix)\b", False, _NO_LIFE_WORDS),
    # bridges sought as sights ("searching for bridges to walk across in porto this summer"): a walk planned, not a
    # height; the retrained model of stop 31 read any bridge as one. A bridge walked to alone stays a signal.
    (r"(bridges|viaducts|footbridges) (to|we could|i could|you can|worth|for us to) (walk|cycle|stroll|wander|run|"
     r"drive|photograph) (across|over|along)?", False, _NO_LIFE_WORDS),
)


# Seventeenth round (crisis20, docs/crisis.md): ordinary questions the learned model read as possible risk, each a
# family with look-alikes in tests/test_crisis_c20.py. The model had learnt "anymore", "nothing", "everything",
# "deciding" and "keeps talking" from crisis messages; said of a medicine, a treatment's progress, a cure-all or a
# forum, they are ordinary. Never beside a word of death or life, nor of a supply kept back or taken whole
# (`_NO_DEATH_WORDS`), so "my pills dont work anymore and i want to die" and "i want to come off my meds and save them
# up" are still read; "anymore" is not among those words, since these idioms take it along.
# Review fixes (crisisfix20): the idioms are set aside only in a message that asks something (`_ASKS_SOMETHING`: a
# medicine or supplement named, or a question word), and never beside weariness or futility ("why bother", "whats
# the use", "so tired", "exhausted and empty", "numb", "off this ride"): "my meds dont work anymore. why bother" is a
# statement of despair, and the model read it so before its words were set aside.
_ASKS_SOMETHING = (
    rf"^(?=.*\b({_MEDS}|{_SUPPLEMENT}|5htp|sjw|sam e|vitamins?|supplements?|minerals?|herbs?|herbal|remed(y|ies)|"
    r"how|what|whats|which|why|when|where|who|whom|is there|are there|"
    r"anything|something|anyone|anybody|should|(can|could|would|will|does|do|is|are) (i|you|we|he|she|they|it|"
    r"this|that|these|those|my|a|an|the|any|someone|anyone)|any (\w+ )?(ideas|advice|tips|suggestions)|normal|worth|"
    r"alternative\w*|instead)\b)"
)
_NO_DEATH_WORDS = (
    _ASKS_SOMETHING + r"(?!.*\b(why bother|what is the use|what s the use|whats the use|no use|any use|tired|"
    r"exhausted|empty|numb|ride|planet|pointless|ever again|forever|for ever|for good|die|dying|dead|death|alive|"
    r"live|living|life|exist\w*|better off|burden|kill\w*|suicid\w*|end it|end my|ending it|overdos\w*|never wake|"
    r"not wake up|wake up|point|hope\w*|"
    r"give up|giving up|gave up|nothing left|nothing helps|nothing will|save|saves|saving|saved|stash\w*|hoard\w*|"
    r"collect\w*|stockpil\w*|aside|keep them|keeping them|kept them|at once|in one go|them all|all of them|it all|"
    r"all of it|(a|the) whole (pack|packet|box|bottle|tub|strip|lot|supply)|tonight|lethal|fatal|deadly)\b).*$"
)
# A last hope laid on a treatment ("if the st johns wort doesnt work this time then thats it for me"): a condition,
# not a medicine that has stopped working, so the words stay for the model.
_NOT_IF_IT_FAILS = (
    r"^(?!.*\b(if|unless|when|once) (\w+ ){0,5}(do not|does not|did not|is not|are not|never|will not|won t) (work|"
    r"works|help|helps)\b)"
)
_TREATMENT = (
    rf"(it|they|them|these|those|this|that|(the|my|his|her|their|your|our|these|those) (\w+ ){{0,2}}\w+|{_MEDS}|"
    rf"{_SUPPLEMENT})"
)
_CRISIS20_IDIOMS: tuple[tuple[str, bool, str | None], ...] = (
    # a treatment's progress awaited ("how long should i stay on sjw before deciding it doesnt work", "how long does
    # sjw take to kick in, week 2 and nothing"), read before the medicine that no longer works, which would take its
    # end: the model read "deciding", "not" and "and nothing"
    (r"(before|until|till|when (do|should) (i|you)) (deciding|decide|i decide|you decide|concluding|conclude|"
     r"i conclude|accepting|i accept|saying|i say|admitting|i admit|giving up and saying) (that )?"
     rf"{_TREATMENT} (does not|do not|did not|is not|are not|will not|has not|have not) "
     r"(work|works|working|help|helps|helping|do anything|doing anything)( for me)?", False, _NO_DEATH_WORDS),
    (r"((day|days|week|weeks|month|months) (\d+|one|two|three|four|five|six|seven|eight)|(\d+|one|two|three|four|"
     r"five|six|seven|eight|a few|a couple of|couple of|several) (day|days|week|weeks|month|months))( in)? "
     r"(and|but|with|yet) (still )?(nothing|no change|no difference|no effect|no improvement)( (so far|yet|at all))?"
     r"(?! (helps|matters|left|will|works|is worth|to live))", False, _NO_DEATH_WORDS),
    # a medicine that no longer works ("can i have melatonin with my sleeping tablets, they dont work anymore",
    # "my sertraline is not cutting it anymore"): the model read "do not ... anymore" as "i can not do this anymore"
    (rf"{_TREATMENT} (just |really |really do not |simply )?(do not|does not|did not|is not|are not|has not been|"
     r"have not been|no longer|has stopped|have stopped|stopped|seem to have stopped|seems to have stopped|never) "
     r"(seem to |seems to |really )?(work|works|working|help|helps|helping|cutting it|cut it|doing (anything|much|"
     r"a thing|the (trick|job))|do (anything|much|a thing|the (trick|job))|touch(ing)? (it|the sides))"
     r"( (for|on|with) (me|him|her|them|us|my \w+))?( (anymore|any more|like (they|it) used to))?", False,
     _NOT_IF_IT_FAILS + _NO_DEATH_WORDS[1:]),
    # a person who can no longer swallow tablets ("can i crush sjw tablets into yoghurt for my dad, he cant swallow
    # pills anymore"): a question of how to take a medicine, not "i can not do this anymore"
    (r"(can not|could not|cannot|is not able to|are not able to|am not able to|struggles to|struggle to|struggling to|"
     r"finds it hard to|find it hard to) (swallow|chew|keep down|get down) "
     rf"(pills?|tablets?|capsules?|caps|meds|medicines?|medication|them|it|{_SUPPLEMENT}|anything (big|large|solid))"
     r"( (whole|properly|easily))?( (anymore|any more))?", False, _NO_DEATH_WORDS),
    # what people on a forum or in a group keep talking about ("what is this sam e everybody on the depression
    # forum keeps talking about"): the model read "everybody ... keeps"
    (r"(everybody|everyone|people|folks|lots of people|loads of people|so many people|half the people|all the people|"
     r"someone|somebody|a lot of people) (on|in|at|from) (the|my|a|this|that|our|an) (\w+ ){0,3}(forums?|groups?|"
     r"subreddits?|reddit|boards?|chats?|community|communities|page|pages|threads?|discord|server|whatsapp|facebook)"
     r"( (keeps|keep|are|is|seem to be|seems to be|have been|has been|always|all|was|were))*"
     r"( (talking|raving|going on|posting|banging on|recommending|mentioning|on|swearing|talks|raves|posts|recommends|"
     r"mentions|swears|says|say|said|suggested|suggests)( about| on about| by| on)?)?", False, _NO_DEATH_WORDS),
    # a cure-all claimed ("a youtube video about glutamine healing everything") and the rest of someone's medicines
    # ("is that going to be a problem with everything else he is on"): "everything" said of a remedy or a regimen
    (r"(heal|heals|healing|healed|cure|cures|curing|cured|fix|fixes|fixing|fixed|treat|treats|treating|good for|"
     r"helps with|help with|works for) (absolutely |literally |just about |pretty much )?everything\b", False,
     _NO_DEATH_WORDS),
    (r"(with|and|alongside|on top of|beside|interact with|clash with) (all of |all )?(everything|all) else "
     r"(he|she|i|they|you|we|my \w+|mum|dad) (is|am|are|s|m|takes?|taking|has|have|gets|was|were|been)"
     r"( (on|taking|prescribed|given))?", False, _NO_DEATH_WORDS),
    # a medicine not wanted for ever ("i dont want to be on sertraline forever, can st johns wort help"): the living-on
    # idiom's family; the model read "do not want to ... forever"
    (r"((i )?(do not|did not|would not|really do not|never) (want|wish|like|plan) to )?(be|stay|keep|remain|"
     rf"be stuck) (on|taking) (\w+ ){{0,2}}({_MEDS}|{_SUPPLEMENT}|them|it|this (medication|medicine|drug|stuff)) "
     r"(forever|for ever|for life|for the rest of my life|long term|indefinitely|for years)\b", False,
     r"^(?!.*\b(die|dying|dead|death|alive|better off|burden|kill\w*|suicid\w*|end it|end my|overdos\w*|"
     r"wake up|point|hope\w*|anymore|any more|save|saves|saving|saved|stash\w*|hoard\w*|collect\w*|stockpil\w*|"
     r"aside|at once|in one go|them all|all of them|it all|all of it|(a|the) whole (pack|packet|box|bottle|tub|"
     r"strip|lot|supply)|tonight)\b).*$"),
    # wanting to come off a medicine ("feel much better and want to come off", "who could i talk to about coming off
    # safely") and care not to get it wrong: a medication change (corpus guide, section 2), which the model read as
    # "want to ... off" and "do not want to"; the stopping-suddenly idiom's family
    (r"(want|wants|wanting|wanted|would like|like|plan|plans|planning|hoping|hope|trying|try|tried|ready|decided|"
     r"deciding|going|need|needs|able) to (come|get|go|taper|wean (myself|him|her)?) off"
     rf" (of )?((my|the|his|her|these|those) (\w+ )?)?({_MEDS}|{_SUPPLEMENT}|5htp|sjw|sam e|st john s wort)\b"
     r"( (safely|slowly|gradually|properly|the right way|bit by bit))?", False, _NO_DEATH_WORDS),
    (r"(coming|come|getting|get|going|go|came|tapering|taper|weaning|wean) (myself |him |her )?(down |off )"
     rf"((of )?(it|them|(my|the|his|her|these|those) (\w+ )?\w+|{_MEDS}|{_SUPPLEMENT}) )?"
     r"(safely|slowly|gradually|properly|the right way|bit by bit|under supervision)", False, _NO_DEATH_WORDS),
    (r"((i )?(do not|did not|really do not|would not) want to |(scared|afraid|worried|nervous) (of|about) )"
     r"(do|doing|get|getting|mess|messing) (it|this|that|things) (wrong|up)", False, _NO_DEATH_WORDS),
    # a question politely introduced ("i am not after a miracle, id just like to know: does glutamine make fibro
    # pain better or worse"): the model read "i would just like to" as "i would just like to sleep forever"
    (r"(i would|i d|id|i|i really|i just|i simply) (just |really |simply |only )?(like|love|want|need|wanted) to "
     r"(know|ask|find out|check|understand|hear)(?= (if|whether|what|how|about|is|does|do|can|could|why|which|"
     r"when|where|who|should|will|would|are)\b)", False,
     r"^(?!.*\b(how many|enough|it would take|would it take|it take|lethal|fatal|deadly|ever again|forever|for ever|"
     r"for good|die|dying|dead|death|alive|live|living|life|exist\w*|better off|burden|kill\w*|suicid\w*|end it|"
     r"end my|overdos\w*|wake up|point|hope\w*|anymore|any more|stop|painless)\b).*$"),
    # a diagnosis long dismissed ("diagnosed with fibro in 2019 after years of being told it was in my head"): the
    # model read "being" and "after years"
    (r"((after|for) (years|months|ages|decades) of )?(being |been |was |were |getting |get )?(told|made to feel|"
     r"treated like) (that )?(it was|it is|it s|its|this was|this is|the pain was|the pain is|i was|i am|i m|"
     r"she was|he was) (all |just )?in (my|her|his|your|their) head", False, _NO_DEATH_WORDS),
    # a condition or a symptom made to go away ("is there a natural remedy that makes fibro disappear"): the wish
    # rules read "disappear" at the end; "make me disappear" is not a symptom named
    (rf"(make|makes|making|made|help|helps|let|get|gets) (my |the |your |his |her |this |that |these )?(\w+ )?"
     rf"({_NUISANCE_NOUN[1:-1]}|fibromyalgia|depression|anxiety|psoriasis|arthritis|cystitis|thrush|candida|"
     r"warts?|spots|pimples|bags|wrinkles|cellulite|dandruff) (\w+ )?(just )?(disappear|vanish|go away)\b", False,
     _NO_DEATH_WORDS),
)


def _idiom(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(" + _whole_word_exclusions(pattern) + r")(?![\w])")


IDIOMS: tuple[Idiom, ...] = tuple(Idiom(_idiom(pattern), distress) for pattern, distress in _IDIOMS) + tuple(
    Idiom(_idiom(pattern), distress, _idiom(within)) for pattern, distress, within in _IDIOMS_WITHIN
)
CRISIS_ONLY_IDIOMS: tuple[Idiom, ...] = tuple(
    Idiom(_idiom(pattern), distress, None if within is None else _idiom(within))
    for pattern, distress, within in (
        *_CRISIS_ONLY_IDIOMS, *_CRISIS17_IDIOMS, *_CRISIS19_IDIOMS, *_CRISIS20_IDIOMS
    )
)

# A question only about whether a supplement can be overdosed or is toxic ("can I overdose on vitamin
# D", "melatonin overdose", "is iron toxic in high doses") is asked far more often by a worried person
# than by one in crisis, and its answer (the upper limit, the signs of too much, what to do) protects
# the person whoever asks. It stays a crisis (the corpus guide: lethality questions are crisis whoever
# asks), in the possible tier: resources first, gently, the answer kept (docs/crisis.md, "Overdose and
# toxicity questions"). It is that only when the lethality signals are all it holds and nothing in it
# speaks of death, a prescribed medicine or pills counted, an overdose taken, or wanting one.
TOXICITY_ASKED = re.compile(
    r"(?<![\w])(overdos(e|es|is)|od|toxic|toxicity|poisonous|too much|sobredosis|sobredose|surdose|uberdosis)(?![\w])"
)
# Units of a supplement's amount: "how many mg of magnesium is too much" asks for an upper limit,
# "how many tablets" counts pills.
_UNITS = (
    r"(mg|mgs|milligrams?|mcg|micrograms?|ug|g|grams?|iu|ius|units?|ml|mls|drops?|scoops?|teaspoons?|tsp|"
    r"tablespoons?|servings?|cups?|portions?|grams a day|mg a day)\b"
)
_DEATH_OR_MEANS = re.compile(
    r"(?<![\w])(die|dies|dying|died|dead|death|deadly|lethal\w*|fatal\w*|kill\w*|wake|waking|woke|suicid\w*|"
    r"heart|breathing|end it|end my|overdosed|overdosing|took|taken|taking|swallow\w*|tonight|now|want|wanted|"
    rf"wanting|need|hope|hoping|on purpose|deliberately|enough|how many(?! {_UNITS})|all|whole|entire|every|lot|"
    r"quiero|quero|voglio|veux|ich will|pastillas|pildoras|comprimidos|pilulas|pillole|compresse|pilules|"
    r"cachets|tabletten|pillen|tabletki|"
    rf"{_CONTAINER}|{_MANY}|{_MEDS})(?![\w])"
)

# A message that asks about an amount, a limit, a supply taken whole or a combination ("how much",
# "too many", "what dose", "the max", "all of it", "mix it with"): when the learned model reads risk
# in one, the answer could serve self-harm, so it is handled as the rules' means families are
# (docs/crisis.md, "Amount questions the model reads").
AMOUNT_ASKED = re.compile(
    r"(?<![\w])(how (much|many)(?! (weeks|days|months|years|hours|minutes|nights|mornings)\b)|too (much|many)|"
    r"(what|which|an|the|any|a certain|a safe|a dangerous) (amount|dose|"
    r"dosage|quantity)|amount of|(max|maximum|upper limit|safe limit|highest dose)|the most (\w+ )?(you|i|a person|"
    r"someone|anyone|one|a body) (can|could)|more than (the )?(max|maximum|recommended|limit|upper|\d+)|how (high|big|"
    r"strong) a dose|(would|will|is|be|are) enough|(all|every one|every last one|the whole|the rest) of (it|them|this|"
    r"these|that|those|my|the)|(a|the) (whole|entire|full) (lot|thing|supply|"
    rf"{_CONTAINER[1:-1]})|at once|in one go|(double|triple|doubling|tripling) (up|the|my|it|dose)|"
    r"(mix|mixing|mixed|combine|combining|combined|together with|on top of|washed down|with (alcohol|vodka|wine|"
    r"booze|beer|whisky|gin|a drink|drinks)))(?![\w])"
)


# A message made of nothing but the names of medicines or supplements and the words that join them ("5htp with
# tramadol and duloxetine", "sertraline and tramadol together"): an interaction asked in the fewest words. It holds
# no manner of writing for the learned model to read, which read the names alone (docs/crisis.md, "Seventeenth
# round"). Only named medicines count: "pills", "tablets" or "sleeping pills" are a supply, and any other word
# ("vodka", "all", "tonight", "how much") leaves the message for the model.
_GENERIC_MEDS = frozenset({
    "pills?", "tablets?", "tabs", "meds", "medication", "medications", "medicines?", "capsules?", "caps",
    "sleeping pills", "sleeping tablets", "painkillers", "pain killers", "antidepressants", "prescriptions?",
    "sleepers", "benzos", "opiates", "opioids?",
})
_NAMED_MEDS = "|".join(name for name in _MEDS[1:-1].split("|") if name not in _GENERIC_MEDS)
NAMES_ONLY = re.compile(
    rf"^(({_NAMED_MEDS}|{_SUPPLEMENT[1:-1]}|5htp|sjw|sam e|st john s wort|with|and|or|plus|vs|versus|"
    r"together|n|a|an|the|my|his|her|their|your|some)( |$))+$"
)


# Review fixes (crisisfix20): a bare list of medicines is a supply named, not an interaction asked ("paracetamol
# codeine tramadol diazepam zopiclone", "amitriptyline and paracetamol"); the model read it as risk before
# `NAMES_ONLY` kept it from the model. Only two medicines at most, and not two of the medicines most often taken in
# overdose, make an interaction question.
_NAMED_MED = re.compile(rf"(?<![\w])({_NAMED_MEDS})(?![\w])")
_OVERDOSE_PRONE = frozenset({
    "paracetamol", "acetaminophen", "tylenol", "panadol", "co codamol", "cocodamol", "codeine", "tramadol",
    "oxycodone", "morphine", "fentanyl", "amitriptyline", "nortriptyline", "zopiclone", "zolpidem", "diazepam",
    "valium", "lorazepam", "xanax", "alprazolam", "quetiapine", "lithium", "insulin", "propranolol",
})


def names_only_interaction(remaining: str) -> bool:
    """True when a folded message (its idioms set aside) is only names joined as an interaction question
    ("sertraline and tramadol together", "pregabalin, st johns wort"): the model is not asked, since there is
    no manner of writing in it to read. Three or more medicines, or two of the medicines most often taken in
    overdose, are a supply named and left for the model (which read "amitriptyline and paracetamol" as risk).
    Folding drops commas, so "tramadol, duloxetine" and "tramadol duloxetine" are one message here."""
    named = " ".join(word for word in remaining.split() if word != ",")
    if not NAMES_ONLY.match(named):
        return False
    medicines = [match.group(1) for match in _NAMED_MED.finditer(named)]
    return len(medicines) < 3 and not (len(medicines) == 2 and set(medicines) <= _OVERDOSE_PRONE)


def death_or_means(folded: str) -> bool:
    """True when a folded message that asks about overdose or toxicity also speaks of death, a
    prescribed medicine or pills (by name or by count), an overdose taken, or wanting one."""
    return bool(_DEATH_OR_MEANS.search(folded))
