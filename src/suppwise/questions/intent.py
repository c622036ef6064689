"""What a question asks (its intent), read from its predicate rather than from which symptom or
medicine words appear in it.

The rules follow the corpus guide (docs/question-corpus.md, section 2), in the order they are
tried here; the first that holds decides:

1. nothing asked (greetings, statements, questions about the app, a personal trial, reminders or
   buying) → unknown; a greeting before a question is read past;
2. where to find information, helplines, organisations → resources;
3. whether a food contains it or how much a food holds, "a source of" → sources;
4. "why" or "how does X act / become / affect" → mechanism ("how does X compare" is comparison);
5. two named options, "vs", "better than Y", "as good as" → comparison;
6. "instead of", "what else", "other supplements", "replace" → alternatives;
7. a medicine (a base drug or class, a medicine the base lacks, "my meds") in a question that is
   not about an effect on a symptom → interaction;
8. causing, triggering, giving, bringing on an unwanted event, side effects, a symptom since
   starting → side_effects ("make X worse" is an effect; "why does X give me the runs" asks the
   mechanism);
9. an amount, frequency (regular use: "every day", "daily"), duration or limit → dosing (also inside a
   safety question, and before a time,
   meal or form when the amount is what is weighed: "2 caps before bed enough?"); amounts are read
   with the dose parser's units (`safety.dose`), so what can be entered as a dose is an amount here;
10. safe, OK, risky, bad for, hard on, avoid, "can <someone> take/have it", another supplement
    taken alongside → safety;
11. cure, get rid of, reverse, make it go away, heal for good → cure;
12. help, work, improve, worsen, evidence, "X for Y", worth trying → effect (the fallback: the rules
    before it read their predicates as word families and sentence shapes, "what is it doing in my
    body", "any articles on", "a no no for her", "superior to", so that what reaches it asks about
    an effect);
13. with or without food, time of day, mixing, storage, form → administration;
14. what is, what does it mean, the same as, different from → definition;
15. bare keywords (guide rule 10): a substance with a dose word, a side-effect word, a medicine, a
    population, a condition or outcome; a substance alone is a definition.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache, partial

from suppwise.evidence.names import normalise
from suppwise.questions.after_a_story import question_after_a_story
from suppwise.questions.asked_despite_cues import asked_despite_cues
from suppwise.questions.asked_how import asked_how_intent
from suppwise.questions.asked_plainly import asked_plainly_intent
from suppwise.questions.asked_shapes import asked_shape
from suppwise.questions.asked_ways import asked_way_intent
from suppwise.questions.asked_whether import asked_whether_intent
from suppwise.questions.checked_claims import checks_a_safety_claim
from suppwise.questions.cue_typos import plain_cues
from suppwise.questions.either_option import asks_whether_either_helps
from suppwise.questions.families import family_intent
from suppwise.questions.intents import Intent
from suppwise.questions.lack_as_cause import blames_a_lack
from suppwise.questions.leftover_shapes import leftover_intent
from suppwise.questions.next_option import asks_for_next_option
from suppwise.questions.own_experience import reports_own_experience
from suppwise.questions.question_frames import frame_intent, unlisted_supplement_intent
from suppwise.questions.reactions import tells_a_reaction
from suppwise.questions.taking_it import taking_it_intent
from suppwise.questions.told_not_asked import tells_without_asking
from suppwise.questions.voices import plain_voice, wishes_it_for_a_goal
from suppwise.questions.word_pattern import whole_words as _re
from suppwise.questions.word_tables import WordTable
from suppwise.regex_gate import Alternatives, WordGated
from suppwise.safety.crisis_signals import IDIOMS
from suppwise.safety.dose import COUNT_WORDS, UNIT_SPELLINGS

__all__ = [
    "MEDICINE",
    "QUESTION_WORD_PATTERNS",
    "SUBSTANCE",
    "Intent",
    "IntentReading",
    "Signals",
    "detect_intent",
    "read_intent",
    "tells_an_amount",
]

# What every substance, and every medicine or class of medicines, the question names is read as
# (`parse.framed_text`): the rules read the frame of a question, never the words inside a name.
SUBSTANCE = "zzsubstance"
MEDICINE = "zzmedicine"




@dataclass(frozen=True)
class Signals:
    """What the parser knows about the question besides its words: which kinds of entity it names,
    how many options (substances, foods, medicines, unknown supplements) and whether a medicine or a
    special population is named."""

    kinds: frozenset[str]
    substances: int
    options: int
    medicine: bool
    population: bool
    foods: int = 0
    contrasted: bool = False
    # names the base lacks standing where a condition would ("saffron for pms"): a condition all the same
    unknown_names: int = 0


@dataclass(frozen=True)
class IntentReading:
    """An intent and whether the rules fell back to it. `fallback` is true only where no rule read a
    cue in the wording and the intent is the default for what the question names (`_bare`: "glutamine
    fibromyalgia", "is glutamine a thing for my gut or what"): the answer may say what it assumed,
    and the learned reader may act there (`questions.learned_intent`) without overruling a cue."""

    intent: Intent
    fallback: bool = False


_ASKS = _re(
    r"what|which|how|why|when|where|who|whats|is|are|does|do|did|can|could|should|would|will|may|might|any|"
    r"has|have|anyone|tell me|explain|help|vs|versus|or not|ok|safe|worth|good|bad|need to know|want to know|"
    r"wondering|not sure|unsure|^(anything|something) (natural|herbal|else|for|to)|^(name|list|recommend|suggest)"
)
_APP = _re(
    r"password|log in|login|sign in|sign up|account|the app|this app|my trial|the trial|zzsubstance trial|"
    r"log the|log my|diary|export|my data|delete my|weather|recipe|mattress|joke"
)
_READING = (
    r"articles?|leaflets?|pamphlets?|booklets?|fact ?sheets?|handouts?|podcasts?|videos?|forums?|blogs?|reading "
    r"(material|list)|something to read"
)
_RESOURCES = _re(
    r"(any|some|good|decent|reliable|recommend\w*|send|give|share|suggest|know of|know any|find|point me to|(is|are) "
    r"there( a| an| any)?) (\w+ ){0,2}(" + _READING + r")|(send|give|share|post) (me |us )?(\w+ ){0,2}links?|"
    r"links (about|on|to|for)|"
    r"(what|which) (kind of |sort of |type of )?(specialist|doctor|professional|expert|consultant|practitioner|"
    r"dietitian|dietician|nutritionist|person|clinic|service) (should|do|can|could|would|might) (i|we|he|she|they|you) "
    r"(see|ask|talk|speak|go|consult|contact)|"
    r"who (can|should|do|could|would|might|shall) (i|we) (ask|talk|speak|tell|see|go to|turn to|consult)|"
    r"where (would|might|shall) (i|we|you|one) (find|get|read|learn|look|check|search)|"
    r"where (do|can|could|would|should) (people|someone|patients|carers|families|parents) (\w+ ){0,3}(find|get|go|"
    r"turn) "
    r"(for )?(help|support|advice|information|info)|(best|good|right) place (to|for) (learn|read|find|look|get|start)|"
    r"(how|where) (can|do|could|would|should) (i|we) find (a|an|the|my) (\w+ )?(doctor|gp|specialist|dietitian|"
    r"dietician|nutritionist|pharmacist|clinic|practitioner|therapist|support)|"
    # the citations behind what was said: "where are the references", "the source for that claim"
    r"(i d( like)?|i would( like)?|i want|can i|could i|may i|let me|i need|where can i|how can i|"
    r"how do i) (to )?(read|see|"
    r"get|find|access|look at|check) (\w+ ){0,3}(papers?|references?|citations?|original (study|paper|trial)|full text|"
    r"pages?|links?)|(any|a|the|your) (references?|citations?) (for|to|on|about|behind)|where (are|is) (the |your )?"
    r"(references?|citations?)|(source|sources|reference) for (that|this|the) (claim|statement|information|info|fact|"
    r"figure|number)|where did you (get|find|read) (\w+ ){0,3}(information|info|claim|that|this)|"
    r"(is there|are there) (an? |any )?(\w+ ){0,2}(page|pages|site|webpage|guidance|guide) (on|about|for)|"
    r"who (do|can|should|could) (i|we) report|report (a |an |my )?(bad |adverse |serious )?(reactions?|side effects?)|"
    r"where (can|do|should|could) (i|we|you|one) (find|get|read|learn|look|report)|reliable (information|info|sources?|"
    r"websites?)|trust(worthy|ed)? (information|info|sources?|websites?)|trustworthy|reputable|websites?|books?|"
    r"organisations?|organizations?|charit(y|ies)|helplines?|hotlines?|support groups?|who (can|should|do) i "
    r"(ask|talk to|speak to|tell)|learn more|more information|read more|find out more|good sources of information|"
    r"resources?|(anyone|someone|somebody|anybody) (i|you) (can|could) (talk|speak) to|point me (to|towards|at)|"
    r"who (do|can|should|could) (i|we) (call|ring|phone|contact|text)|who to (call|ring|contact|tell|ask)|should (i|"
    r"we) (tell|call|ring|contact|see|ask|consult) (my|a|an|the|our) (gp|doctor|nurse|pharmacist|therapist|counsellor|"
    r"counselor|consultant|dietitian|dietician|nutritionist|specialist|gastroenterologist|rheumatologist|"
    r"psychiatrist|neurologist)|databases?|pubmed|cochrane|where (are|is) (the )?(trials|studies|research)|"
    r"recommend (some |any )?(reading|research|sources|websites|books)|crisis (line|lines|number|text line|team)|"
    r"(find|give me|need|get) (\w+ )?(a |the )?(phone )?number (for|to call)|reliable "
    r"research|good research|"
    # twentieth round: a line to ring, whom someone else can turn to, and whom to tell about taking it
    r"(support|advice|help|information|info) lines?|"
    r"who (can|could|should|do|does|might) (\w+ ){1,7}(talk|speak|turn|go|reach out) to$|"
    r"(don t|dont|do not) know who to (ask|talk to|speak to|turn to|tell|call)|who to (talk|speak|turn) to|"
    r"(mention|bring up|tell|let) (\w+ ){0,4}(to |know )?(my|the|a|our) (gp|doctor|nurse|pharmacist|consultant|"
    r"specialist|dietitian|dietician|surgeon|anaesthetist|anesthetist|dentist|midwife)|"
    r"(tell|inform|let) (my|the|a|our) (gp|doctor|nurse|pharmacist|consultant|specialist|dietitian|surgeon|"
    r"anaesthetist|anesthetist|dentist|midwife) (\w+ )?(i m|im|i am|that i|about|know)|"
    r"a qui[eé]n (llamo|llamar|acudo|acudir|pido ayuda)"
)
_SOURCES = _re(
    r"contains?|containing|contained|source of|sources of|good source|better source|best source|rich foods?|"
    r"foods? (that )?(contain|have|with|rich|high)|foods? (are )?(rich|high) in|which foods|what foods|"
    r"natural(ly)? (sources?|contains?|found)|found in (food|foods)|from (my |your |the |a )?(diet|food|meals)|"
    r"in (my |your |the |a )?(diet|food)|get (enough )?(\w+ )?from (a |my |your |the )?(\w+ )?(food|foods|diet|"
    r"eating)|is there (\w+ )?in|"
    r"have (\w+ )?in (them|it)|how much (\w+ )?(is )?in|(do|does|did) (\w+ ){1,3}(have|has|contain) (any )?"
    r"zzsubstance|dietary sources?|vegan sources?|already eat|eat lots of|"
    r"eat a lot of|how much (\w+ )?does (\w+ )?(have|contain)"
)
# Parts of the body something can act in ("what is it doing to my brain").
_BODY = (
    r"body|brain|gut|gut lining|liver|kidneys?|cells?|nerves?|nervous system|intestines?|bowels?|stomach|muscles?|"
    r"immune system|bloodstream|blood|head|neurons?|receptors?|system"
)
# Where it goes in the body (guide: mechanism): whether it reaches, crosses into or gets through to the
# brain or the blood ("can gaba get through the blood brain barrier", "does 5-htp reach the brain").
# The way in is said ("get through to", "pass into"), so "get my brain going" is not read as one.
_BODY_PLACE = r"(the |my |your |our )?(blood ?brain barrier|brain|bloodstream|blood stream|blood)\b"
_WHERE_IT_GOES = (
    r"(reach|reaches|cross|crosses|penetrate|penetrates|enter|enters|pass|passes) " + _BODY_PLACE + r"|"
    r"(get|gets|go|goes|make it|pass|passes|travel|travels) (through|past|across|into|in to|to|over)( to| into)? "
    + _BODY_PLACE
)
_MECHANISM = _re(
    # what it does in a place named before ("glutamine and the gut lining, what does it do there")
    r"what (does|do|is|are) (it|they|zzsubstance) (\w+ )?(do|doing) (there|in there)|"
    r"(what|how) (is|s|are|does|do|did) (\w+ ){1,3}(doing|do|does) (in|to|inside|within) (the |my |your |our |a |his |"
    r"her |their )?(" + _BODY + r")|"
    r"(what|whats|what s) (is )?(going on|happening) (\w+ ){0,3}(chemically|biologically|physiologically|when|in (the |"
    r"my |your )?(" + _BODY + r"))|"
    r"(talk|walk|take) (me|us) through|help me understand|break down (how|why)|explain (\w+ ){0,3}(how|why|(the )?"
    r"(\w+ ){0,3}(thing|link|connection|science|theory|idea|mechanism|chemistry|biology))|"
    r"(theory|rationale|reasoning|logic|explanation) (\w+ ){0,2}(behind|for|of|why|with)|(what|whats|what s|"
    r"what is) the (connection|link|relationship)( here| there)?$|(scientific|biological|"
    r"chemical|physiological|medical) (reason|reasons|basis|explanation|rationale)|"
    r"(which|what) (part|parts|area|areas|region|regions|organs?|cells?|receptors?|systems?) (\w+ ){0,6}(act|acts|"
    r"work|works|target|targets|bind|binds|affect|affects)|(act|acts|work|works|bind|binds) on (which|what)|"
    r"what (does|do|has|have) (\w+ ){1,3}(have|got) to do with|"
    r"how (is|are|s) (\w+ ){1,3}(meant|supposed|thought|said|believed|claimed|expected) to|"
    r"(reduce|increase|lower|raise|affect|help|work|act|protect|block|calm)\w* (\w+ ){0,3}by (?!(taking|using|adding|"
    r"eating|having|switching|stopping|starting|doubling|cutting|going)\b)\w+ing|"
    r"how (is|are) (\w+ ){0,2}(made|produced|formed|absorbed|processed|used|cleared|excreted|synthesi[sz]ed|stored|"
    r"broken down|metaboli[sz]ed)|"
    r"how (does|do|did|can|could|would|might|will) (the )?zzsubstance (?!compare|stack|rank|measure|taste|cost|"
    r"come)\w+|"
    r"(biology|chemistry|physiology|biochemistry) (behind|of)|what happens (in|inside) (the |my |your |our )?(body|"
    r"brain|gut|liver|kidneys|cells|nerves)|cross(es)? (into|over into|over to)|(get|gets|go|goes) into (the |my |"
    r"your )?"
    r"(brain|blood|cells)|absorbed into|"
    r"where does (\w+ ){1,3}go|why|how (does|do|did|could|would|can|might|is|are|exactly does) (\w+ ){0,7}(affect|"
    r"affects|work|works|act|"
    r"acts|turn|turns|become|becomes|get|gets|cause|causes|lead|leads|change|changes|influence|influences|make|"
    r"support|supports|repair|repairs|heal|heals|strengthen|strengthens|fuel|fuels|nourish|nourishes|interfere|"
    r"interferes|involved|play|plays|"
    r"makes|help|helps|linked|connected|related|relate|trigger|raise|raises|lower|lowers|feed|feeds|damage|"
    r"protect|protects|keep|keeps|interact|interacts|reach|reaches|travel|end up|convert|converts|do that|do this)|"
    r"turn(s|ed)? into|convert(s|ed)? (in)?to|converted|(made|changed|transformed) into|"
    # through what pathway, which part of it acts, what it does to a body's messengers (intentE17)
    r"(through|via) (\w+ ){0,2}(prostaglandins?|receptors?|serotonin|dopamine|gaba|zzsubstance|hormones?|cortisol|"
    r"enzymes?|vagus nerve|microbiome|gut bacteria|pathways?|nerves?|the immune system)|(through|via) \w+ or something|"
    r"(which|what) (bit|bits|part|parts|ingredient|compound|chemical|component|molecule) (of|in) (zzsubstance|it|them) "
    r"(\w+ )?(does|do|is|are|makes|works|acts)|"
    r"what does (\w+ ){1,3}do (to|for) (the |my |your )?(neurotransmitters|hormones|serotonin|dopamine|nervous "
    r"system)|cross(es)? (the )?(blood brain|gut|barrier)|(what|which) "
    r"role|role (does|of|in|it plays)|zzsubstance s role|science behind|how (does|do|could|would|can|"
    r"might) (\w+ ){1,3}(reduce|increase|lower|raise|"
    r"block|boost|fight|calm|excite|stimulate)|become(s)?(?! (\w+ )?(toxic|dangerous|harmful|unsafe|safe|addictive|"
    r"less|more|too|ineffective|useless|a problem|an issue|a risk|risky|a danger|a worry|a concern|tolerant|"
    r"dependent))|metaboli[sz]\w*|broken down|break down|"
    r"pathways?|mechanisms?|mechanism behind|what is it about|connection between|link between|the link|how (is|"
    r"are) (\w+ ){1,3}linked|connected to|"
    r"what does (\w+ ){1,3}"
    r"do (in|to|for) (the |my |your )?(gut|brain|body|liver|kidneys|cells|nerves|intestines?|muscles|immune)|"
    r"what happens to|through what|by what|explain (why|how)|summarise why|summarize why|" + _WHERE_IT_GOES
)
_NOT_MECHANISM = _re(
    r"how (does|do) (\w+ ){0,3}compare|how (much|many|long|often|soon|quickly|fast|well|should|to take|do i|can i "
    r"take|best)"
)
_COMPARISON = _re(
    r"(recommend|prefer|choose|pick|go for|rate) (\w+ ){1,3}over|beat|beats|vs|versus|compared? (to|with)|"
    r"comparison|better than|worse than|more than|as (good|effective|well|"
    r"much) as|"
    r"which is (better|best|the better|the best|more)|which (one|of them|would you) (is|would|should)|which "
    r"(is|will) (more|most|better)|which works|which (will|would|should) (\w+ ){0,3}(better|best|knock|work)|"
    r"compare|or (\w+ ){1,3}(better|best|for)|better off (taking|with|on|trying|using)|which should i (take|try)"
)
_ALTERNATIVES = _re(
    r"(\w+er|more \w+) (options?|choices?|supplements?|alternatives?|remedies|things?) (than|to|for|instead)|"
    r"(the )?(best|strongest|most effective|most \w+|top|safest|gentlest|mildest) (\w+ )?(supplements?|vitamins?|"
    r"remedies|remedy|aids?|pills?|products?|options?|herbs?|things?)(?! (for|with) zzsubstance)|(one|single|which "
    r"one|a single) (\w+ )?supplement|(anything|something) (\w+er|more \w+|better) (for|to|that|i|than)|"
    r"(is there|are there|any) (something|anything) (gentler|milder|safer|stronger|better|else)|"
    r"recommendations? (for|of|on) (\w+ )?(supplements|vitamins|remedies|options)|best (supplements?|vitamins?|"
    r"remedies)|(anything|something) natural|(something|anything) (i|we) (could|can|might) (take|try|use) instead|"
    r"(what|which) (\w+ )?(things|stuff|options|remedies|supplements|vitamins) (can|could|should|might) (i|we|you) "
    r"(take|try|use|have)|(something|anything|a supplement|one) (that )?(works?|helps?|is) better than|"
    r"(stopped|not|t|no longer|never) (\w+ ){0,3}(work|working|worked|help|helping|helped|doing|do) (\w+ ){0,4}(what "
    r"now|now what|what next|then what|what then)|if not (zzsubstance|that|this|it) (then )?what|(anything|something|"
    r"things|stuff|supplements?|options?) (else )?(like|similar to) zzsubstance|"
    # "anything like X", once the filler "like" has gone
    r"(anything|something|stuff|things) (else )?zzsubstance(?! (can|could|would|will|might|does|do|is|should|has|won t|"
    r"can t|doesn t))|"
    r"apart from|aside from|(what|which) (\w+ )?(things|stuff|options|remedies|supplements) (help|helps|can help|"
    r"could help|would help|work|are good|might help)|instead of(?! (\d|one|two|three|1|2|daily|every|each|once|"
    r"twice|nightly|weekly|alternate)\b)|alternatives?|(safer|"
    r"better|different) (option|choice|"
    r"supplement|thing to try)|(another|other) (options?|choices?|thing to try)|(another|other) supplements? (for|to|"
    r"that|which|instead|i could|i can)|something better than|(what is|what s|anything) better "
    r"than|what do (people|others|you) (take|use)|(which|what) supplements (help|are good|work|are best|can|could|"
    r"would|should|for|might|do)|(try|use|take) next|next step|what (should|could|can) "
    r"(i|we) try|what to try|remed(y|ies)|natural (treatments?|options?|ways)|what other options|other (options|"
    r"supplements|things|treatments|remedies|"
    r"ways)|what else|anything "
    r"else|something else|besides|in place of|replace|(?<!knee )(?<!hip )(?<!joint )(?<!hormone )replacement|"
    r"substitute|swap|better supplement|a "
    r"supplement (that|for|to)|any supplements? (that|for|to|which)|what (can|could|should) i (take|use|try) "
    r"(for|to|instead)|what (supplements?|helps|can help|could help|would help)|is there (a|any) "
    r"(supplement|alternative|natural|herbal|plant based|drug free|non drug)|are there (any )?(supplements|"
    r"alternatives)|"
    r"other than|"
    # options asked for a goal, none named: "what do you suggest for restless legs", "recommend me something for
    # cramps", "name some supplements for joint pain", "what works for ibs bloating"
    r"(what|which|anything|something) (would |do |can |could )?(you |u |people )?(suggest|recommend|advise)( me)? (for|"
    r"to)|recommend (me )?(something|anything|a supplement|some|any)|(name|list) (some|a few|any|the) (\w+ )?"
    r"(supplements|vitamins|remedies|options)|^(what|whats|what s) (works|work|is good|s good|is best|s best|helps) "
    r"(for|with)|(herbal|natural|plant based) (options?|remed(y|ies)|alternatives?|routes?|approach)"
)
# Words that only say how much ("too sleepy", "so drowsy") between a verb and the state it brings on.
_INTENSIFIERS = r"too |so |really |very |quite |a bit |a little |more |extra "
# An unwanted state it would bring on or keep someone in ("keep you awake if you take it at night", "make
# me too sleepy to drive"): a side effect, which outranks when or how it is taken (guide precedence).
_UNWANTED_STATE = _re(
    r"(make|makes|made|making|keep|keeps|kept|keeping|leave|leaves|left) (you|me|u|her|him|them|people|someone|my "
    r"\w+) (feel |feeling )?(" + _INTENSIFIERS + r")?(sleepy|drowsy|groggy|awake|up at night|wired|jittery|dizzy|sick|"
    r"nauseous|anxious|restless|shaky)"
)
_SIDE = _re(
    r"side ?effects?|adverse|reactions?(?! times?\b)|cause|causes|caused|causing|upset|upsets|upsetting|mess with|"
    r"play havoc|mess up|messes up|set off|sets off|spark|sparks|provoke|"
    r"provokes|induce|induces|bring about|(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bto )(give|gives|gave|"
    r"giving) (you|me|u|her|him|them|people|someone|anyone|everyone|everybody|"
    r"kids|children|my (\w+ )?(baby|son|"
    r"daughter|child|kid|husband|wife|partner))(?! (\w+ )?(\d|zzsubstance|more|a lift|a boost|energy|relief|some|"
    r"better|back|the|an? "
    r"edge|hope|my|a break|strength|the energy))|trigger|triggers|triggered|"
    r"bring on|brings on|brought on|(tip|tips|flip|flips|tipped|flipped) (\w+ )?into|"
    r"lead to|leads to|"
    # "bung me up": to constipate, said in everyday British English
    r"(bung|bungs|bunged|bunging) (you|me|u|her|him|them|people) up|"
    r"result in|make (you|me|u|ur|your|my|her|his|their|him|them|people) (feel )?(" + _INTENSIFIERS
    + r")?(sick|constipated|dizzy|"
    r"bloated|gassy|tired|"
    r"sleepy|anxious|nauseous|itchy|jittery|wired|fat|manic|depressed|high|ill|bad|worse\w*|poo|poop|fart|moody|"
    r"irritable|hyper|edgy|restless|agitated|grumpy|emotional|weepy|tearful|foggy|spaced out|drowsy|hungry|burp|"
    r"belch|pee|wee|sweat|sensitive|sunburnt|sunburned|burn|shaky|sweaty|light ?headed|faint|breathless|bruise|"
    r"bleed|"
    r"thirsty|spotty|gain weight|put on weight|break out|suicidal|psychotic|paranoid|lose (\w+ )?hair|go bald|"
    r"hair (fall|falls|thin)|"
    r"(\w+ )?(bloated|constipated|hurt|ache|sick))|(keep|keeps|kept|keeping) (you|me|u|her|him|them|people|someone|"
    r"my \w+) (up at night|awake)|made my (\w+ ){0,2}(hurt|ache|worse|bad|off|upset|sick)|"
    # a wish it might bring on ("can st johns wort make you want to kill yourself")
    r"(make|makes|made|making) (you|me|u|her|him|them|people|someone) (want|wanna|wish) (to )?(die|kill|hurt|harm|end|"
    r"be dead|disappear)|"
    r"made me|making me|since (starting|i started|taking|i began|beginning|going on)|started (\w+ ){0,5}(and|but) "
    r"now|is (that|it|this) (from|because of|due to|caused by) (it|the|zzsubstance)|"
    r"is (that|this|it) (normal|common|a side|related|linked|to be expected)|normal\?|is that common|"
    r"(raise|raises|increase|increases) (the |my |a )?(\w+ )?risk|risk of|signal|watch (out )?for|ever go away|"
    r"killed my|zzsubstance hangover|hangover (from|after)|groggy|grogginess|fishy burps?|burping|"
    r"is (that|this|it) normal|normal$|^normal|(\w+ )?from (the |my )?zzsubstance (ever|is|normal|common|go)"
)
# How often and in how many parts is a schedule (dosing), even with a meal named in it: "in divided
# doses with meals or all at once at breakfast".
_SCHEDULE = _re(
    r"divided doses|all at once|in one go|(once|twice|three times|\d+ times) (a|per|each) day|how often|"
    # regular use set against use when needed: "daily or just when needed", "every night or only when i cant sleep"
    r"(daily|every day|every night|nightly|regularly|all the time) or (just |only )?(when|as|if) (\w+ ){0,3}"
    r"(needed|need it|necessary|required|cant sleep|can t sleep|bad)"
)
# A tablet or dose cut in two: splitting is dosing (guide). Read in the text before the crisis idioms are
# set aside, since "cut it in half" is one of them.
_HALVED = _re(
    r"(cut|cuts|cutting|snap|snapping|break|breaking|split|splitting|chop|halve) (it|them|the \w+|my \w+|zzsubstance|"
    r"a \w+|one|each \w+) (in half|in two|into two|in halves|into halves|down the middle)"
)
_TOGETHER = _re(r"together|alongside|at the same time|combin\w*|stack(ed|ing)? (them|it|both|with)")
# A harm that is the object of a verb that would cure it.
_REPAIRS_HARM = _re(r"(undo|undoes|reverse|reverses|cure|cures) (the |my |your |any )?(\w+ ){0,3}(damage|harm|injury)")
# A symptom made to go for good is a cure, whatever words come before ("make my restless legs go away for
# good").
_GONE_FOR_GOOD = _re(
    r"(go away|disappear|vanish|stop|fix|heal|cure|get rid of|reverse|end|beat|clear up|sort|settle|kick|banish|knock|"
    r"shift|solve|resolve|clear) (\w+ ){0,3}(for good|forever|"
    r"permanently|once and for all|for ever)"
)
_WORSE = _re(r"worse|worsen\w*|aggravat\w*|exacerbat\w*|flare (up )?my|make (\w+ ){0,3}worse")
# A counted amount: "20 gummies", "two 5-htp", "three of the capsules", "4000 iu", and amounts taken by
# accident ("gave her two gummies instead of one").
# The units are the dose parser's (safety/dose.py): its household measures ("caps", "tabs", "a scoop")
# and its weights, so that what `suppwise screen --dose` reads as an amount the question parser does too.
_UNITS = COUNT_WORDS + r"|iu|ius|units"
_MASS_UNITS = "|".join(sorted((u for u in UNIT_SPELLINGS if " " not in u and u != "iu"), key=len, reverse=True))
# Weights named without a number ("milligrams of melatonin for jet lag"): the spelled-out and the
# unambiguous short ones ("g" alone is too often a slip of the keyboard).
_WEIGHT_WORDS = "|".join(u for u in _MASS_UNITS.split("|") if u not in {"g", "gm", "ug"})
_NUMBER_WORDS = r"\d+(\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|several|half a"
# An amount written out: "5g", "600 mg", "2 caps", "one capsule", "4000 iu".
_AMOUNT = _re(
    r"(" + _NUMBER_WORDS + r") ?(" + _MASS_UNITS + r"|" + _UNITS + r")|\d+ (a lot|too (much|many|high|low)|enough)"
)
# An amount weighed against a limit or another amount: "2 caps ... enough?", "5g twice a day too much",
# "one capsule or two". What is asked is how much, whatever else the question names (a meal, bedtime).
_AMOUNT_ASKED = _re(
    # a further dose beside the one told ("I take one in the morning, should I take another at night?")
    r"(take|have|give) (another|a second|a 2nd|one more|an extra)\b|"
    r"how (much|many)(?! (\w+ )?(water|juice|milk|liquid|fluid|time|hours?|minutes?|days?|weeks?|months?|"
    r"people|studies|trials|research|evidence|foods?)\b)|(what|which|right|usual|normal|recommended|correct|"
    r"typical) (\w+ )?(dose|dosage|amount|strength|intake)|"
    r"(" + _NUMBER_WORDS + r") ?(" + _MASS_UNITS + r"|" + _UNITS + r")( \w+){0,5} (enough|too (much|many|little|"
    r"few|high|low|strong|weak)|or (one|two|three|four|\d+)\b)|(one|two|three|\d+) or (one|two|three|four|\d+) "
    r"(" + _UNITS + r")"
)
# Double said of an amount ("take double", "double my dose", "double it", "double?"), not of a shift or a bed.
_DOUBLED = (
    r"double(?= (up|dose|doses|dosing|the|my|it|them|that|what|amount|scoops?|strength|on)\b|$)|"
    r"(take|taking|took|had|have|having|give|gave|giving|swallowed) double|"
    # doubling a dose said in another tense: "i doubled my melatonin", "doubling up on it"
    r"doubled|doubling"
)
_COUNTED = (
    r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|a hundred|a couple "
    r"of|a few|several|extra) (of (the |my |these |those |her |his )?)?(zzsubstance )?(" + _UNITS + r"|zzsubstance)"
    r"(?! (\w+ )?(or|vs|versus|rather than|better than) (?!(one|two|three|four|\d+)\b))|\d+ ?(" + _UNITS + r")|"
    r"accident\w*|by mistake|"
    # an accident told with a count and no noun: "my 3 year old ate a couple"
    r"(ate|eaten|swallowed|chewed) (a couple|a few|several|two|three|four|five|six|loads|lots|a handful|a load)\b|"
    r"instead of (one|1|the usual)|too (high|low|strong|weak)|ld ?50|enough to (not|never|end it)|"
    # all of a supply taken ("if i took all my melatonin gummies"), and enough of it for an end ("enough
    # glutamine in one tub to kill me"; "dangerous enough to kill" weighs a harm, not an amount)
    r"(take|taking|took|swallow\w*|down|downed|have|had|eat|ate) (all|every one|every last one) (of )?(my |the |his |"
    r"her |their |those |these )?(\w+ )?(zzsubstance|pills|tablets|capsules|gummies|caps|tabs)\b|"
    r"enough (zzsubstance|of (it|them|zzsubstance)|pills|tablets|capsules|gummies) (\w+ ){0,4}to (kill|end|finish|die|"
    r"stop (my|your|a) heart)|"
    r"(take|taking|took|have|having|had|swallow\w*|ate|eat|give|gave|giving) (\d+|two|three|four|five|six|"
    r"a couple|a few|several) of (them|these|those|it|mine|the \w+)|"
    r"(take|takes|taking|taken|took|have|had|use|give|gives|gave) (\w+ ){0,2}(twice|thrice|three times|four times)"
    r"(?! (a|per|each) (day|week))|"
    r"mega ?dos\w*|(take|taking|have|use) (an )?extra\b|\d+ (is |s )?a lot\b|"
    r"(whole|entire|full) (\w+ ){0,3}(tub|bottle|pack|packet|box|jar|pot|container|tube|sachet|scoop|lot|supply|"
    r"strip|blister)s?\b|"
    r"(a lot|lots|loads|heaps|tons|masses|a bunch|a load|a (big |large |huge |whole )?handful|handfuls) of (the |my |"
    r"your |this |that |these )?"
    r"(zzsubstance|it|them|pills|tablets|capsules|gummies|powder)\b|"
    r"(large|huge|big|massive) (amounts?|doses?|quantities)|"
    r"(all|everything) (\w+ ){0,4}(at once|in one go|in one sitting)|"
    r"(is|are|be) (one|two|1|2|\d+ \w+) enough|enough or (should|do|would|is)"
)
# Staying on it for good ("do i have to keep taking magnesium forever", "will i need vitamin d for the
# rest of my life") is how long to stay on it (guide: dosing); "fix my sleep forever" is not about taking.
_FOR_GOOD_ON = (
    r"(take|taking|on|use|using|need|needs) (\w+ ){0,4}(forever|for ever|indefinitely|for life|for the rest of (my|"
    r"your|his|her|their|our) li(fe|ves))|(something|a thing|what) (you|people|i) (take|stay on) (forever|for ever|"
    r"indefinitely|for life)"
)
# The most one can take is a limit (guide: dosing), however safely it is said: "the most melatonin a
# person can safely take".
_MOST_OF_IT = (
    r"(the )?(most|highest|largest|biggest) (amount |dose |quantity )?(of )?(zzsubstance|it) (\w+ ){0,3}(can|could|"
    r"should|may|is|to)"
)
_DOSING = _re(
    _COUNTED + r"|" + _FOR_GOOD_ON + r"|" + _MOST_OF_IT + r"|"
    r"forgot|forgotten|forget to take|at what (point|level|amount|dose)|(become|becomes|turn|turns|get|"
    r"gets) "
    r"toxic|overdo\w*|(daily|weekly|every day|once a week|monthly) or (daily|"
    r"weekly|every day|once a week|monthly|every other day)|every other day|once a week|(what|which|how many) (mg|"
    r"milligrams?|grams?|g|iu|mcg|micrograms?|"
    r"units)|upper (intake )?(level|limit)|(more|less) (\w+ ){0,3}than (the )?(bottle|label|packet|pack|box|tub|"
    r"instructions|directions|leaflet|recommended|advised|prescribed|it says|says)|"
    r"(take|taking|took|have|having|had) (loads|lots|a lot|heaps|tons|masses|large amounts?|huge amounts?|high doses?)"
    r"(?! of (?!(the |my |your )?(zzsubstance|it|them|pills|tablets|capsules|gummies|powder)\b))|"
    r"(what|which) strength|(increase|raise|lower|reduce|decrease|cut down|up|go up on|cut back on) (my |the )?"
    r"(dose|amount|intake)|(increase|lower|reduce|decrease|up|cut down on|cut back on) my zzsubstance|"
    r"(days?|week s|weeks|month s) worth|"
    r"halv\w*|halves|indefinitely|(ate|swallowed|chewed|got into|licked) (\w+ ){0,3}(zzsubstance|"
    r"capsules?|scoops?|spoonful|"
    r"tablets?|sachets?)|doses?|dosage|dosing|dosed|how much|how many|\d+(\.\d+)? ?(" + _MASS_UNITS + r"|kg|"
    r"" + _UNITS + r")|maximum|max|upper limit|limit|too much|too little|double up|double "
    r"dose|missed|miss a|skip a|split|splitting|taper|tapering|wean|start(ing)? (low|with|on|at|dose)|"
    r"starting dose|how long (should|can|do|to) (i|you|we|one)? ?(take|stay|keep|use|be on)|stay on|"
    r"how long (do|should|will|would|must) (i|you|we|he|she|they) (need|have) to (take|stay on|keep taking|be on|use)|"
    r"(take|taking|use|using|have) (\w+ ){0,2}(every day|each day|every night|every morning)|"
    r"(more|less) (zzsubstance|of it|of (the )?zzsubstance) (\w+ ){0,2}(help|work|do)\w* (more|better|less|faster)|"
    # more of it doing more, said other ways: "is more omega 3 better", "will more magnesium help my cramps more"
    r"(is|are|would|will|does) (taking |having )?more (zzsubstance|of it) (\w+ ){0,4}(better|more|stronger|faster)$|"
    r"(cycle|cycling|cycled) (it|them|zzsubstance|on|off)|(should|do|can|to) (i |you |we )?cycle|breaks? from (it|"
    r"them|zzsubstance|taking)|(time|days|weeks|months) off (it|them|zzsubstance)|"
    r"on and off|off and on|continuously|every few (days|weeks|months)|(daily|recommended|safe|maximum|upper|total) "
    r"(intake|allowance)|rda|rdi|(" + _WEIGHT_WORDS + r") (of|for)|"
    r"more on (bad|"
    r"good) days|(take|taking|need|needs|have|use) more (\w+ )?(on|during|when|in)|"
    r"long term|long-term|(take|taking|use|using|stay on|be on) (\w+ ){0,4}for (\d+|a|an|a few|several|many|"
    r"six|three|two|a couple of) (day|days|week|weeks|month|months|year|years)|" + _DOUBLED + r"|take enough|"
    r"enough (of )?(zzsubstance|it|pills|tablets|capsules|"
    r"powder|scoops) to|"
    r"enough to (do anything|make a difference)|"
    r"how long (until|till)|more (\w+ )?than (recommended|the recommended|advised|the label)|"
    r"cutting (my |the )?(\w+ )?dose|cut (my |the )?dose|"
    r"half(?! (dead|asleep|awake|alive|the time|the day|the night|an hour|way))|scoops?|amount|how often|"
    r"times a day|twice a day|once a day|three times|per day|a day|daily amount|spoonful|overdose|overdosing|"
    r"overdosed|od|"
    r"jump (straight )?to|go up to|increase (my |the )?dose|build up|suitable (amount|dose)|"
    r"whole (tub|bottle|pack|box|scoop)|take to (make|never|not|kill|die|stop|overdose)|would it take|"
    r"stop (it|taking it|taking|zzsubstance)|take (\w+ )?with me|how long (can|should)|(lethal|fatal|deadly|toxic|"
    r"dangerous|poisonous) (in )?(dose|doses|amounts?|quantities|quantity|levels?|limits?|thresholds?|large|big|high|"
    r"huge)|(dose|amount|level|quantity) (\w+ ){0,3}(lethal|fatal|deadly|toxic)|ld ?50"
)
# Asking for less or more of it is an amount question whatever reason is given.
_LESS_OR_MORE = _re(
    r"should (i|we|he|she|they|you) (take|have|use|try|be taking|give (him|her|them)) (a bit |a little |much )?(less|"
    r"more|fewer|a (lower|higher|smaller|bigger|larger) (dose|amount))"
)
# Whether it is safe asked of an unnamed "it" (the supplement being taken): "is it dangerous".
# How long it has been taken, told before a question whether to go on: "been on X 8 weeks, do I need to keep
# going". Going on after a time is a duration question (guide: how long to stay on it).
_DURATION = _re(
    r"(\d+|a few|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|a couple of|many) (days|weeks|"
    r"months|years|wks|mths)"
)
_GO_ON = _re(r"(need to|have to|should i|do i|can i) (keep going|keep taking|keep on|carry on|continue|stay on)")
_UNNAMED_SAFETY = _re(
    r"^(is|are) (it|they|this|these) (\w+ )?(safe|unsafe|dangerous|risky|harmful|ok|okay|toxic|poisonous)$|(safe|ok|"
    r"okay|dangerous|risky|harmful) to (take|use|have|give) (it|them|this|these)|"
    # what the person takes, unnamed: "is it ok to take all three of my supplements together"
    r"^(is it|is that|would it be|are they) (\w+ )?(safe|ok|okay|fine|alright|dangerous|risky) to (take|use|have|mix|"
    r"combine) (\w+ ){0,4}(supplements|vitamins|tablets|pills|capsules)|"
    r"^(any |are there (any )?|what are (the )?)"
    r"(contraindications?|warnings?|dangers?|risks?|precautions?|safety (issues|concerns))$|"
    # "any reason i shouldn't?", "any concerns?" after a story, "im pregnant, what about it"
    r"any reason (why )?(i|you|he|she|we|they) (shouldn t|shouldnt|can t|cant|cannot|mustn t)$|"
    r"(any|what) (\w+ )?(concerns|issues|problems|worries|precautions|risks|dangers)$|(what|how) about (it|them)$"
)
# Harm to an animal asked about ("is melatonin toxic to dogs", "can xylitol gummies kill a dog"): whether
# it is safe for the pet, or how much is, never a person's self-harm.
_ANIMALS = r"dogs?|cats?|pets?|puppy|puppies|kittens?|rabbits?|hamsters?|guinea pigs?|horses?|birds?|parrots?"
_OWNER = r"(a |an |my |the |our |your |his |her )?"
_HARM_TO_ANIMAL = _re(
    r"(toxic|poisonous|dangerous|deadly|lethal|fatal|harmful|bad|safe|ok|okay) (\w+ ){0,2}(to|for) " + _OWNER + r"("
    + _ANIMALS + r")|(kill|kills|poison|poisons|hurt|hurts|harm|harms) " + _OWNER + r"(" + _ANIMALS + r")"
)
# Something asked for a goal with no supplement named ("is there anything for the pain", "anything for
# fibro fatigue?"): the options are sought (alternatives).
_UNNAMED_OPTION = _re(
    r"^(is there |are there |got |any |do you know |know of )?(anything|something)( natural| else| i can take| that "
    r"(works|helps))? (for|to help( with)?|to ease|to stop|to calm)\b|"
    # whether anything at all, or anything left, would help, however it is put ("is there anything that actually
    # works", "anything left to try for ibs bloating", "is there anything at all that helps with anxiety")
    r"(^|\b(is there|are there|got|is anything) )(anything|something)( at all)?( (left|else|more))?( (to try|"
    r"i (can|could) (take|try)|(that|which) (\w+ )?(works?|helps?|would help|might help|can help|will help)))"
    r"( (for|with)\b|$)|"
    # what someone (a person, a population) can take for a goal: "what can a pregnant woman take for low
    # mood", "what can my teenage son take to help him sleep"
    r"^(so )?(what|which) (can|could|should|would) (a|an|my|our|his|her|the|older|elderly|young|\w+ing)? ?(\w+ ){0,3}"
    r"(take|have|use|try|be given) (for|to help|to ease|to stop|to calm|to sleep|to improve)\b"
)
# What a supplement is good for, asked as its point ("what's the point of b12 then").
_POINT_OF = _re(
    r"(what s|whats|what is|what) the (point|use|benefit|good) (of|in) (taking |using |trying )?(zzsubstance|it)"
)
# A message that ends by asking whether "it" is safe, after a story it leans on ("my rheumatologist suggested
# trying a supplement for my fatigue. is it safe?", "i drink most nights, is it safe with alcohol?"): the
# question decides, not the story's words ("a supplement for" told is no request for alternatives).
_ENDS_ASKING_SAFE = _re(
    r"(is|are|would|will|could) (it|they|this|that|these|those) (\w+ )?(be )?(safe|unsafe|dangerous|risky|harmful|ok|"
    r"okay|alright|all right|fine|a (bad|good) idea)( (for|to take|to use|to have|with|while|during|in|if|when) (\w+ )"
    r"{0,3}\w+)?$"
)


def _ends_asking_safe(text: str) -> bool:
    """Whether the message's last words ask if "it" (the supplement being taken) is safe."""
    return bool(_ENDS_ASKING_SAFE.search(text))


_SAFETY = _re(
    r"safe|safely|safety|unsafe|ok|okay|alright|all right|fine|danger\w*|risk\w*|(?<!self )harm\w*(?! than good)|"
    r"hazard\w*|threat\w*|toxic|"
    r"(any|what|are there|were there) (\w+ )?(concerns?|issues?|problems?|worries|precautions?) (with|about|in|when|"
    r"taking|using|giving|having|of taking|of using|for)|"
    r"bad for|bad with|hard on|good idea|wise|sensible|avoid|contraindicat\w*|allowed|suitable|warnings?|"
    r"cautio\w*|careful|precaution\w*|irresponsib\w*|reckless|regulated|(in)?appropriate|monitoring (is )?(needed|"
    r"required|recommended|advised)|(what|which) monitoring|"
    # a judgement of the choice itself ("a bad move", "a good choice for someone with kidney disease")
    r"(good|bad|wise|sensible|smart|safe) (move|choice|plan|call)|(would|will|could|can|does|did) it hurt (to|if)|"
    r"recommended (for|in|during|while) (pregnan\w*|breast\w*|people|someone|anyone|those|patients|kids|children|"
    r"toddlers|babies|teens?|teenagers|the elderly|older|elderly|women|men|a \w+ year old|him|her|them|me)|"
    r"do (\w+ ){0,2}(?<!self )harm(?! than good)|should (i|you|he|she|we|they|people|someone|my \w+) (not (take|use|"
    r"have|try)|stop|avoid|"
    r"(take|use|have|try|be taking) (\w+ ){0,3}(if|while|when|with|given|because|since|during|as))|"
    r"(can|could|may) (\w+ )?(i|you|he|she|we|they|someone|anyone|people|a person|kids|children|teens|"
    r"epileptics|diabetics|pregnant women|a \d+ year old|an? \w+ year old|my \w+( \d+ year old)?|my \d+ year old|"
    r"my \d+yo|my \w+ \w+|u)( with \w+( \w+)?)? (\w+ )?(take|have|use|try|start|give|drink|be on)|who (should|"
    r"shouldn t|must) "
    r"(not|avoid|take)|is it (ok|okay|safe|fine|alright|bad)|give (it|zzsubstance|\w+) to|(be used|be taken|be "
    r"given) (by|to) (people|someone|anyone|children|kids|patients|adults|those)|"
    r"mix|mixing|at the same time|alongside|combine|combining|combined|stop taking|overkill|suicide mission|"
    r"damage|damaging|strain|stress on|burden on|banned|allowed|legal|(does|would|will|could) (that|it|"
    r"this) matter|(an?|a good|a safe) "
    r"option|die|dies|kill (someone|a person|you|me|people)"
)
_INTERACT = _re(
    r"interact\w*|interfere\w*|interference|clash|clashes|mix|mixing|together|alongside|combine\w*|at the same "
    r"time|while (on|taking)|(with|and) (my|the|his|her) (\w+ )?(meds|medication|medications|medicine|medicines|"
    r"pills|tablets|prescriptions?|drugs|treatment)|less effective|more effective|reduce the effect|affect (my|the|"
    r"his|her) (\w+ )?(meds|medication|medicine|tablets|drug|treatment|levels)|stop (my|his|her) (\w+ )?(meds|"
    r"medication|medicine|tablets)|with|and|on|ok|okay|safe|can i take|can he take|can she take"
)
_CURE = _re(
    r"never (have|get|suffer from|feel) (\w+ ){0,3}again|(be|stay|being) free of|undo|undoes|undoing|"
    r"finally (end|fix|beat|cure|get rid)|cure|cures|cured|curing|curable|(get|gets|getting|got) rid of|rid me of|"
    r"reverse|"
    r"reverses|"
    r"reversed|reversing|heal (\w+ )?(for good|permanently|"
    r"completely|fully)|heal (\w+ ){0,3}(for good|permanently|completely|fully|forever)|heal (my|the|your|her|"
    r"his) (\w+ ){0,2}(gut|ibs|fibro|fibromyalgia|depression|"
    r"anxiety|colitis|leaky gut|condition|illness|disease)|fix (\w+ ){0,3}(permanently|for good|forever|"
    r"completely)|go away (for good|forever|permanently|completely)|make (\w+ ){0,3}(go away|disappear|vanish)|"
    r"remission|eliminate|eradicate|permanent(ly)? (fix|cure|solution)|for good|once and for all|get over (it|my)|"
    r"(disappear|vanish|go away) (completely|for good|forever|permanently|entirely)|free of|reverse (\w+ ){0,3}"
    r"(damage|disease|condition)"
)
_EFFECT = _re(
    r"help|helps|helped|helping|helpful|work|works|worked|working|effective|effect|effects|improve\w*|better|"
    r"benefit\w*|boost\w*|reduce\w*|lower\w*|decrease\w*|increase\w*|raise\w*|ease|eases|relieve\w*|relief|"
    r"soothe|calm|settle|worse|worsen\w*|aggravat\w*|flare|evidence|studies|study|trials?|rcts?|research|"
    r"proven|proof|worth|good for|do anything|does anything|do for|does for|for my|for (\w+ )?(ibs|fibro|"
    r"depression|anxiety|pain|sleep|fatigue|energy|mood|gut)|affect\w*|impact|recommend\w*|give me (more )?energy|"
    r"take the edge off|kick in|start working|fad|overhyped|overrated|underrated|snake oil|scam|waste of money|"
    r"any use|useless|hype|myth|true|does it|did it|will it|would it|"
    r"should i (take|try)|anyone tried|has anyone|any good|kill (my|the)|knock|stop (my|the)|protect|support|"
    r"speed (up )?recovery|recover|recovery|feed|feeds|starve|make (it|me|my|him|her) (\w+ )?(less|more|feel)|"
    r"less tired|more energy|deeper|faster|take away|get back|bring (my|back)|jump back|lift|clear (my|the|up)|"
    r"sort (out )?(my|the)|sharpen|perk (me )?up"
)
_ADMIN = _re(
    r"with food|without food|empty stomach|before (bed|bedtime|meals?|food|breakfast|exercise|a workout|the "
    r"gym|training|sleep)|after (meals?|food|eating|exercise|a workout|the gym|training|breakfast|dinner)|with meals|"
    r"time of day|morning or|or (at )?(night|nite|evening)|when (should|do|can) (i|you) take|best time|how (should|do|"
    r"can) (i|you|we) take|how to take|mix(ed)? (it )?(into|with|in)|stir|dissolve|dissolves|smoothie|"
    # a shake is a drink only as a noun ("a protein shake"); "my hands shake" is a symptom
    r"(a|my|the|your|protein|morning|breakfast|in|into) shakes?|juice|in water|with water|yogurt|yoghurt|coffee|tea|"
    r"capsules? (or|rather than|vs|instead of)|powder (or|vs|rather than)|(or|rather than) (the )?(powder|capsules?|"
    r"tablets?)|store|storage|shelf life|go off|goes off|"
    r"expire|expires|expired|expiry|fridge|hot (car|drink|water)|taken with|split (it|the dose) (between|across)|"
    r"need to be taken|go in|put (it )?in"
)
_DEFINITION = _re(
    r"what (is|are|s) (an? |the )?|what does (\w+ ){1,3}mean|meaning of|define|definition|same as|same thing|"
    r"(?<!do )(?<!does )(?<!did )the same|different from|difference between|differ|is (\w+ ){1,2}(an?|the) (amino acid|"
    r"steroid|protein|drug|"
    r"medicine|supplement|vitamin|mineral|hormone|stimulant|chemical|natural|powder)|is (\w+ ){1,3}just|"
    r"kind of (thing|supplement)|what kind of|means (\w+ ){1,6}right"
)
# "what is X", "what's X" (read "what X" once the apostrophe goes), "what a X"
_WHAT_IS = re.compile(r"^(what|who) (exactly )?((is|are|s) (an? |the |this |that |these |those )?|(an?|the) |"
                      r"(?=\w+( \w+)?$))")
_POPULATION_WORDS = _re(r"pregnan\w*|breast ?feeding|nursing|child|children|kids?|teens?|teenagers?|elderly|toddlers?")


def _asks(text: str) -> bool:
    return bool(_ASKS.search(text)) or text.endswith("?")


_FILLERS = _re(r"actually|even|really|exactly|honestly|basically|literally|genuinely|seriously|truly|like|ever")


# Question words said another way are read as the plain one: "in what way does X feed the gut" asks
# how, "how come X makes me tired" asks why.
_QUESTION_WORDS = (
    (re.compile(r"\b(in )?(what|which) ways?\b|\bby what means\b"), "how"),
    (re.compile(r"\bhow come\b|\bfor what reason\b|\bwhat is the reason\b|\bwhat makes (?=zzsubstance\b)"), "why "),
    # "what's the reason X helps" (typed "whats", or "what's", written out "what is" by typing_habits),
    # "what's the real reason": why, said as a noun
    (re.compile(r"\b(what|whats|what s|what is) the (\w+ )?reasons?( why)?\b"), "why "),
    # the reason asked bare, before what it explains: "reason magnesium helps migraines?"
    (re.compile(r"^(the )?(real |main )?reasons? (why )?(?=zzsubstance\b)"), "why "),
    # an exclamation inside a question word asks the same thing: "how on earth would X change my mood"
    (re.compile(r"\b(how|why|what|where) (on earth|in the world|the heck|the hell)\b"), r"\1"),
    # the question words of the languages people write in besides English (Spanish, Polish, Portuguese,
    # French, German), read as the English ones so that the same rules apply: "cuantas capsulas", "sirve
    # para", "ile tabletek", "combien de comprimés", "wie viele Tabletten"
    (re.compile(r"\b(cuant[oa]s?|ile|quant[oa]s|combien|wie ?viele?)\b"), "how many"),
    (re.compile(r"\b(sirve|funciona|ayuda)\b"), "help"),
    # "quita / alivia / mejora el cansancio" (takes away, eases, improves): whether it helps (intentB15)
    (re.compile(r"\b(quita|quitan|alivia|alivian|mejora|mejoran)\b"), "help"),
    (re.compile(r"\bdosis\b"), "dose"),
    (re.compile(r"\b(es|son) (segur[oa]s?|seguro tomar)\b"), "is it safe"),
    (re.compile(r"\befectos (secundarios|adversos)\b"), "side effects"),
    (re.compile(r"\bpuedo tomar\b"), "can i take"),
    (re.compile(r"\bpor que\b"), "why"),
    # German "is it harmless / dangerous": "ist Melatonin für Kinder unbedenklich"
    (re.compile(r"\b(unbedenklich|ungefahrlich|ungefährlich)\b"), "safe"),
    (re.compile(r"\b(gefahrlich|gefährlich|schadlich|schädlich)\b"), "dangerous"),
    (re.compile(r"\b(ist|sind) (?=zzsubstance\b)"), "is "),
    # Polish (intentB15): "czy można przedawkować X" (can one overdose on X), "czy X codziennie jest bezpieczna"
    (re.compile(r"\bczy (mozna|można)\b"), "can you"),
    (re.compile(r"\bprzedawkowa\w*"), "overdose on"),
    (re.compile(r"\bbezpieczn\w*"), "safe"),
    (re.compile(r"\bcodziennie\b"), "every day"),
    # vowel-less text-speak of the question words (intentB15): "hw mch mag shud i tak", "hw mny caps wud u tke"
    (re.compile(r"\bhw (mch|mutch|mich)\b"), "how much"),
    (re.compile(r"\bhw (mny|meny|mani)\b"), "how many"),
    (re.compile(r"\bhw\b(?= (long|often|soon|do|does|is|can|should|would))"), "how"),
    (re.compile(r"\b(shud|shld|shuld)\b"), "should"),
    (re.compile(r"\b(wud|wld)\b"), "would"),
    (re.compile(r"\b(cud|cld)\b"), "could"),
    (re.compile(r"\b(tak|tke)\b"), "take"),
)
# The patterns alone: the words they spell are never "corrected" by the spelling layer (questions/spelling.py)
QUESTION_WORD_PATTERNS = tuple(pattern for pattern, _ in _QUESTION_WORDS)
_QUESTION_WORD_TABLE = WordTable(_QUESTION_WORDS)


# A greeting before a question is no part of it: "hi what is glutamine" asks what glutamine is.
_GREETING = re.compile(r"^(hi|hello|hey|hiya|good (morning|evening|afternoon))( there| all| everyone)? (?=\w)")


def _plain_question_words(text: str) -> str:
    text = plain_voice(text)  # Portuguese, Italian, text-speak (questions/voices.py)
    text = plain_cues(text)  # cue words typed wrong: "wat", "better then" (questions/cue_typos.py)
    text = _QUESTION_WORD_TABLE.apply(text)  # each pattern of _QUESTION_WORDS in turn, where it may match
    return _direct_order(text)


# A question asked inside a sentence keeps the order of a statement: "i want to know how melatonin
# works", "can you tell me what sam-e is", "dying to know how it makes you sleepy", "no idea when i
# should take it". After a verb of knowing or asking, the question word is followed by its subject
# and then its verb; read in the order of the plain question ("how does melatonin work", "what is
# sam-e", "when should i take it") the rules that read plain questions read these too.
_EMBEDDED = re.compile(
    r"\b(know|knowing|wondering|wonder|curious|tell me|tell us|explain|understand|understood|idea|clue|sure|idk|"
    r"dunno|ask|"
    r"asking|asked|learn|"
    r"find out|figure out|work out|clarify|remind me|confused about|confused)( about)?( me| us)? (how|what|when) "
    r"(?!(is|are|was|were|does|do|did|can|could|should|would|will|s|much|many|long|often|soon|quickly|fast|to|if|"
    r"kind|sort|type|time|else|about|exactly)\b)"
)
_SUBJECT_THEN_MODAL = re.compile(
    r"^(i|you|we|he|she|they|it|people) (should|can|could|do|would|must|need to|ought to) "
)
_SUBJECT_THEN_BE = re.compile(
    r"^((?:(?!is\b|are\b|s\b|means\b|mean\b|does\b|do\b)\w+ ){1,4}?)(is|are|s|means|mean|does|do)\b"
)
_NOT_A_SUBJECT = re.compile(r"^(i|you|we|they|he|she|people) ")


def _direct_order(text: str) -> str:
    """The question asked inside a sentence (`_EMBEDDED`), in the plain order; other text is left as it
    is."""
    match = _EMBEDDED.search(text)
    if match is None:
        return text
    word, rest = match.group(4), text[match.end():]
    modal = _SUBJECT_THEN_MODAL.match(rest)
    if modal:  # "when i should take it" -> "when should i take it"
        rest = f"{modal.group(2)} {modal.group(1)} {rest[modal.end():]}"
    elif word == "what":
        verb = _SUBJECT_THEN_BE.match(rest)
        if verb is None or _NOT_A_SUBJECT.match(rest):
            return text
        subject, after = verb.group(1).strip(), rest[verb.end():]
        if verb.group(2) in {"means", "mean"}:
            rest = f"does {subject} mean{after}"
        elif verb.group(2) in {"does", "do"}:  # "what probiotics do in there" (intentE17)
            rest = f"{verb.group(2)} {subject} do{after}"
        else:
            rest = f"{verb.group(2)} {subject}{after}"
    elif word == "how":
        rest = f"does {rest}"
    else:
        return text
    # what is asked is the question inside; the words that ask it ("i want to know", "can you tell me")
    # ask nothing of their own
    return " ".join(f"{word} {rest}".split())


# Predicates the `effect` fallback used to swallow, said in shapes the older patterns did not know
# (docs/question-understanding.md, "Tenth round"). Each is a way a question is built, not a wording.

# How or where it acts, asked as a place, a level, a process or a use: "where in the body does X
# act", "what does it do at the level of the cells to achieve that", "is that how it helps", "the
# process by which X helps", "what happens when X reaches the liver", "is X used by immune cells as fuel".
_ACTS_HOW_OR_WHERE = _re(
    r"where (\w+ ){0,4}(does|do|did|is|are) (\w+ ){1,3}(act|acts|work|works|go|goes|end up|ends up|get used|gets "
    r"used|get absorbed|gets absorbed|get stored|gets stored|absorbed|stored|used up|taken up|processed)\b|"
    r"at (the|a) (cell|cellular|molecular|chemical|biochemical|brain|receptor|gut) level|at the level of (the )?"
    r"(cells?|molecules|brain|gut|receptors?|neurons?|nerves)|"
    r"(what|how) (does|do|did) (it|they|zzsubstance) (\w+ ){0,8}to (achieve|accomplish|manage|pull off|bring about) "
    r"(that|this|it)|"
    r"(is|was|are) (that|this) (how|why) (it|they|zzsubstance)|(process|way|route|means) (by|through|in) which|"
    r"(by|through) which (it|they|zzsubstance)|science of (how|why|zzsubstance (\w+ )?\w+ing)|"
    r"(what is|whats|what s) it about|(what is|whats|what s) (it )?in (zzsubstance|it|them) that|"
    r"what happens (\w+ ){0,3}(when|once|after|as) (zzsubstance|it|they) (reach|reaches|get to|gets to|get into|gets "
    r"into|enter|enters|hit|hits|arrive|arrives|is absorbed|are absorbed|is digested|is swallowed)|"
    r"(used|burned|burnt|burn|taken up|consumed|stored) (by (the |your |my |our )?|(in|inside) (the|your|my|our) )"
    r"(\w+ )?(" + _BODY + r")|"
    r"(used|burned|burnt|burn|burns) (zzsubstance |it |them )?(as|for) (a |an )?(fuel|energy source|building blocks?)|"
    r"(burned|burnt|burn|burns) (zzsubstance |it |them )?(as|for) energy|"
    # its job in a place, and how it works asked inside a sentence ("curious how X works on mood")
    r"(zzsubstance s|zzsubstance|its|their) (main |actual |real )?(job|function|purpose|task|role) (in|within|"
    r"inside|for) (the |my |your |our )?(" + _BODY + r")|"
    r"(know|understand|curious|wonder\w*|explain|tell me|learn|sure|idea|clue) how (zzsubstance|it|they) (\w+ )?"
    r"(works?|acts?|affects?|helps?|does (it|that|this))|"
    r"(which|what) (bits?|sections?|layers?|parts?|areas?|cells?) of (the |my |your )?(\w+ )?(" + _BODY + r") "
    r"(\w+ ){0,3}(feed|feeds|reach|reaches|target|targets|act on|acts on|work on|works on|go to|goes to|nourish|"
    r"nourishes)"
)
# Where help, advice or people to talk to are found, and who would know: "where do I go to get proper
# advice", "somewhere I can talk to other people with CFS", "who would know whether X is any good",
# "does the NHS have a page on X".
_HELP_FOUND = _re(
    r"where (do|can|could|should|would|might) (i|we|you|one|people|someone|patients|carers|parents|he|she|they|my \w+|"
    r"our \w+) (\w+ ){0,3}(get|"
    r"find|seek|look for|go for|turn for|ask for) (\w+ ){0,2}(help|support|advice|information|info|guidance)|"
    r"(somewhere|anywhere|a place|a group|an? (online )?(group|forum|community)|other people) (\w+ )?(i|we|you|she|he|"
    r"they) (can|could|might) (talk|speak|chat|connect|meet|share)|"
    r"who (would|might|could|will|d) (\w+ )?know (whether|if|about|more|what|how|which)|"
    r"(a|an|any) (\w+ )?(page|webpage|web page|website|site|leaflet|factsheet|fact sheet|guide|section) (on|about|"
    r"covering)|(recommended|suggested|further|background|essential) reading|"
    r"number (i|we|you|someone|people|she|he|they) (can|could|should|might) (ring|call|phone|text|contact)|"
    r"(any|a|an) (\w+ )?(groups?|forums?|communit(y|ies)|networks?|charit(y|ies)|services?) (for|of) (carers|people|"
    r"parents|families|those|patients|anyone|someone|women|men|kids|children|teens|sufferers)|"
    # a professional asked for by what they do or where they are ("a dietitian who specialises in ibs")
    r"(is there|are there|find|know of|recommend) (a|an|any) (good |decent )?(dietitian|dietician|nutritionist|doctor|"
    r"specialist|gp|consultant|clinic|service|therapist|counsell?or|pharmacist|herbalist|naturopath|"
    r"gastroenterologist|rheumatologist|psychiatrist|neurologist)s? (who|that|near|in|for|specialising|specializing)"
)
# What kind of thing it is, set between two kinds: "is that a herb or a pill", "a drug or a supplement".
_KINDS = (
    r"herb|herbal|plant|flower|spice|mushroom|fungus|drug|medicine|medication|supplement|vitamin|mineral|hormone|"
    r"chemical|amino acid|protein|enzyme|bacteria|bacterium|probiotic|fatty acid|oil|food|pill|tablet|nutrient|"
    r"steroid|stimulant|neurotransmitter|remedy"
)
_KIND_OR_KIND = _re(r"(a|an) (" + _KINDS + r") or (a|an|just a|just an) (\w+ )?(" + _KINDS + r")")
# "what are they", "what is it", closing a message that only told where the name was met ("i keep seeing
# prebiotics on labels, what are they").
_WHAT_IS_IT_AT_END = re.compile(r"\b(what|whats|what s) (exactly )?((is|are) )?(it|they|that|this|these|those)"
                                r"( exactly)?$")
# Two named options matched against each other without "better": "is X any match for Y", "on a par with",
# "stack up", "measure up", and the asker and another person each backing one ("who's right").
_MATCHED = _re(
    r"(any|a|no|good|real) match for|on (a )?par with|measure (up|against)|stack(s)? up|hold (its|their) own|"
    r"keep up with|in the same league|rival\w*|up there with|(who|which of (us|them|you)) (is|s|was) (right|correct)|"
    r"whose (\w+ )?(is|s|was) (better|best|right|more effective|stronger)|"
    r"whos right"
)
# Which supplements are safe with a medicine: "what supplements are ok while on lexapro" (guide rule 2).
_SAFE_WHILE_ON = _re(
    r"(what|which|any) (other )?(supplements?|vitamins?|herbs?|remedies|things|natural things) (are|is) (\w+ )?(safe|"
    r"ok|"
    r"okay|fine|alright|compatible|allowed) (\w+ ){0,4}(with|while on|alongside|on|when on|when taking|while taking) "
    r"(my |the |his |her )?(\w+ ){0,2}zzmedicine"
)
# Another way to the same end, options not named: "any other way to get the same benefit".
_OTHER_WAY = _re(r"(another|other|different|a different|some other) ways? (to|of) (get|getting|achieve|have|having|"
                 r"reach|do|doing)|(non|not) zzsubstance (options?|alternatives?|supplements?|remedies|remedy|things|"
                 r"ways|ideas|treatments?)")
# A condition cleared entirely is made to go away (guide: cure): "would vitamin D clear up my fatigue
# completely".
_GONE_ENTIRELY = _re(r"(clear up|clear|go away|disappear|vanish|get rid of|shift|banish) (\w+ ){0,3}(completely|"
                     r"entirely|totally)")
# Supplements asked for by what they are worth, none named: "which supplements are worth trying for brain fog".
_WHICH_SUPPLEMENTS = _re(r"(which|what) (supplements|vitamins|remedies|herbs|natural things) (are|is) (\w+ )?(worth|"
                         r"good|best|helpful|useful|effective)")
# A harm that would mend: "will the damage to my gut lining ever fully heal" (the harm is the subject).
_HARM_MENDS = _re(
    r"(damage|harm|injury|injuries|scarring|scars) (\w+ ){0,6}(ever )?(fully |completely |properly )?(heal|heals|"
    r"healed|repair|repaired|recover|recovered|mend|mended|be undone|be reversed|go away)"
)
# Heal with a condition as its object: "can vitamin D heal my chronic fatigue syndrome" (guide: cure;
# "help my gut heal" is an effect on healing).
_HEALS_OBJECT = _re(r"(?<!help )(?<!helps )(?<!to )(heal|heals|healed|healing) (my|your|his|her|their|our|the|a)\b")

# Words that tell a dose was taken or changed, beside an amount written out (`_AMOUNT`).
_DOSE_TOLD = _re(r"doses?|dosage|dosing|twice|by mistake|by accident|accidentally|too much|too many|extra|"
                 r"spoonful|scoops?|a lot of|handful")


def tells_an_amount(text: str) -> bool:
    """Whether (normalised) words tell an amount or a dose taken: "i take 5g", "cutting my dose in half",
    "my toddler ate two gummies". A story that does is read with the question after it (guide rule 4)."""
    return bool(_AMOUNT.search(text) or _DOSE_TOLD.search(text))


# A question that opens by asking why, or what in it does something, asks how an effect comes about
# (guide rule 1, "why would X cause pain"), whatever unwanted effect it names.
_WHY_OPENS = re.compile(r"(why|what (is it|s|is) (in|about) (zzsubstance|it|them)) ")
# A second question whether it came from the supplement outranks the why ("why am I so bloated since
# starting X? is it a side effect?": side effects, by the guide's precedence).
_ALSO_ASKS_IF_FROM_IT = _re(
    r"(is|could|can|might|was) (it|that|this) (be )?(a |an )?(side effect|from|because of|due to|caused by|the "
    r"zzsubstance|normal|common)"
)


def _asks_why(text: str) -> bool:
    """Whether the (framed) question opens by asking why: "why does magnesium give me the runs", "why
    is nausea a side effect of 5-htp" ask for the mechanism of a side effect, not whether it has one."""
    return bool(_WHY_OPENS.match(text)) and not _ALSO_ASKS_IF_FROM_IT.search(text)


def _heals_condition(text: str, kinds: Collection[str]) -> bool:
    """Heal said of a condition the question names is a cure (guide: "heal (a condition, leaky gut)")."""
    return "condition" in kinds and bool(_HEALS_OBJECT.search(text))


def _told_then_what_is(text: str, signals: Signals) -> bool:
    """A message that tells where a name was met and closes with "what are they" asks what it is: the
    words before the closing question ask nothing themselves."""
    match = _WHAT_IS_IT_AT_END.search(text)
    if match is None:
        return False
    return bool(signals.kinds or signals.unknown_names) and not _ASKS.search(text[: match.start()])

# Whether to stop it, asked of the person or someone else ("should i stop the magnesium", "do i
# need to stop melatonin", "should he quit his fish oil").
# Whether it helps in a state the person is in (intentB15): "does X help when I'm wired at night and can't
# switch off", "can X help if my mind races at bedtime". A time of day there says when the symptom comes;
# "does it work better if I take it at night" (taking it, a comparison of times) stays administration.
_HELPS_IN_A_STATE = _re(
    r"(zzsubstance|it|they) (help|helps|work|works|do anything|calm|settle|ease|fix) (me |things )?(when|if|whenever) "
    r"(?!(i|you|we) (take|have|use|swallow|mix|eat|drink|split|double)\b)(?!(it s|it is|its|they re|they are) "
    r"(taken|had|mixed|used)\b)(i m|im|i am|i|you re|youre|you|my|your|he s|she s|he|she|his|her|we|we re|they|"
    r"their)\b"
)
# Whether something felt is a medicine's own side effect, no supplement named (intentB15): "so dizzy on
# sertraline, is that a side effect", "is feeling sick a side effect of metformin".
_MEDICINE_SIDE_EFFECT = _re(
    r"(is|could|might|would) (that|this|it|(\w+ ){0,2}\w+) (be )?(a |one of the )?(known |common |usual )?"
    r"side ?effects?( (of|from) (my |the |this |his |her )?zzmedicine)?$"
)
# What a medicine took away, asked to be built back by a supplement (intentB15): "just off doxycycline, will
# probiotics restore my gut bacteria". The medicine is the cause told, not a combination asked about.
_BUILT_BACK = _re(
    r"zzsubstance (\w+ ){0,2}?(restore|restores|rebuild|rebuilds|replenish|replenishes|repopulate|repopulates|regrow|"
    r"regrows|bring back|top up) (my|the|your|his|her|our|them|it)\b"
)
# Whether to stop it now, asked with no way of stopping named (intentB15): "can I stop taking X now", "should i
# just quit the X now?", "can i drop the caffeine tablets now". How or when to stop, tapering, stays dosing.
_STOP_NOW = _re(
    r"(can|should|could|may|shall) (i|we) (just )?(stop|quit|drop|come off|give up|ditch) "
    r"(taking |using |having )?(the |my |our )?(\w+ ){1,3}?(now|already|yet)$"
)
# A limit asked with the harm past it (intentB15): "upper limit of X before neuropathy becomes a risk",
# "the ceiling on b6 before nerve damage", "most X a day before it gets risky": the amount is what is asked.
_LIMIT_BEFORE_HARM = _re(
    r"(safe |upper |tolerable )*(upper limit|limit|ceiling|max|maximum|most) (\w+ ){0,2}?(of|for|on|to) "
    r"(zzsubstance|it|this|that)( (a|per) day| daily)? before|"
    r"(most|max|maximum) (zzsubstance|of it) (you|i|one|someone|a person) (can|could|should) (take|have) "
    r"(a day |daily |per day )?before"
)
# How often a symptom comes, which the supplement might change (intentB15): "does X reduce how many migraines
# you get", "could X cut down how often I get flares". The count is the symptom's, not a dose's.
_SYMPTOM_COUNT = _re(
    r"how (many|often) ((?!zzsubstance|zzmedicine|should|shall|can|could|would|will|do|does|did|must|may|might|to)\w+ )"
    r"{0,2}?(you|u|i|we|he|she|they|people|my \w+) (get|gets|getting|have|has|having|suffer|"
    r"suffers|are getting|am getting)\b(?! to\b)(?! (a|per|each) (day|dose)\b)"
)
# Whether it is working yet, often after a time on it (intentB15): "been taking X for six weeks, is it actually
# working", "has it done anything", "is that long enough for X to work". The time is the reason, not a dose.
_IS_IT_WORKING = _re(
    r"(is|are) (it|they|this|zzsubstance) (\w+ )?(working|doing (anything|something|its job|much|any good))|"
    r"(has|have) (it|they|zzsubstance) (\w+ )?(worked|done (anything|something|much|any good))|"
    r"should (it|they|zzsubstance) (be working|have (worked|kicked in|started working))|"
    r"(long enough|enough time|enough weeks|enough days) (for (it|them|zzsubstance) )?to (work|kick in|help|show|do "
    r"(anything|something)|make a difference)"
)
# A supplement named with "enough" and nothing else (intentB15): "melatonin enough?", "is the one X enough".
_ENOUGH_ALONE = re.compile(r"^(is |are |would |will )?(the |my |just |a |one |only )?(\w+ )?zzsubstance (\w+ )?enough$")
# Whether it would make a part of someone better (intentB15): "would X make her bones stronger".
_MADE_STRONGER = _re(
    r"(make|makes|making|keep|keeps|get|gets) (her|his|my|your|their|our|the|mum s|dad s) (\w+ ){0,2}(stronger|"
    r"healthier|sharper|calmer|better|thicker|clearer)"
)
# A dose word beside names only (intentB15): "pcos and inositol dose", "berberine dose for blood sugar".
_BARE_DOSE = re.compile(r"^(\w+ ){1,4}(dose|doses|dosage|dosing)( (for|in|with)( \w+){1,3})?$")
# How soon it works, asked of the supplement by a pronoun or a name (intentB15): "how long till it kicks in",
# "how long before it starts working", "how many weeks until it does something" (guide: effect).
_HOW_SOON_IT_WORKS = _re(
    r"how (long|soon|quickly|fast|many (days|weeks|months)) (does it take |do they take |will it take )?(before|b4|"
    r"till|til|until|for) (it|they|this|these|that|zzsubstance|the \w+) (\w+ ){0,2}?(kicks? in|starts? (to work|"
    r"working|to help|helping|doing (something|anything))|works?|helps?|does (something|anything)|"
    r"do (something|anything)|"
    r"takes? effect|makes? a difference)|"
    r"how (long|soon) (does|do|will|would) (it|they|this|these) (take (to )?)?(kick in|start working|start to work|"
    r"start (to make|making) a difference|start (to help|helping)|"
    r"take effect|make a difference)"
)
_STOP_ASK = _re(
    r"(should|must|shall|do|does|would|will) (i|he|she|we|they|you|my \w+) (need to |have to |really )?(stop|quit|"
    r"come off|give up|drop|ditch|pause) (taking |using )?(my |his |her |the |this |that |their )?(zzsubstance|it)"
)
# The way of stopping asked, not whether to: "how do i come off it safely", "best way to come off saffron",
# "how should my mum come off her melatonin" (guide: tapering is dosing). What it is stopped from doing
# ("how do i stop it giving me headaches") is not its end.
_WAY_OF_STOPPING = _re(
    r"(how (do|should|can|could|would|does|to) (\w+ ){0,2}|(best|right|safest|safe|easiest|proper|gentlest|correct|"
    r"quickest) way (to|of) )(stop|stopping|quit|quitting|come off|coming off|get off|getting off|wean (\w+ )?off|"
    r"weaning (\w+ )?off|taper (\w+ )?off) (taking |using )?(my |his |her |the |this |that |their |your )?"
    r"(zzsubstance|it|them)\b(?! (from|making|giving|causing)\b)"
)
# Whether it is worth taking, or there is any point to it: whether it does anything (guide: effect), whatever
# else the question names as context ("any point taking probiotics after antibiotics", "worth a shot if i'd
# rather not do ssris"); taken with a medicine, it is the interaction rules' question, and worth taking over
# another option the comparison rules'.
_WORTH_TAKING = _re(
    r"(worth|worthwhile) (it |still )?(taking|trying|using|buying|a (shot|go|try|punt)|the (money|effort|bother))|"
    r"(no|any|much|a|the) point (in )?(taking|trying|using|buying|bothering with) (zzsubstance|it|them)"
)
_WITH_A_MEDICINE = _re(r"(with|alongside|while on|plus|and|on top of) (my |the |his |her |your )?zzmedicine")
# Stopping it asked with the way of stopping ("when i come off it do i need to do it gradually", "stop cold or
# taper?"): tapering is dosing (guide), whatever else the question asks of it. Stopping at once ("is it ok to
# stop suddenly") asks whether to stop, and is left to the safety rules.
_STOPPING = _re(r"stop|stopping|come off|coming off|get off|getting off|go off|going off|quit|quitting|wean|taper")
_IN_STEPS = _re(r"taper|tapering|wean|weaning|gradually|slowly|bit by bit|step by step|cold turkey|(stop|quit) cold")
# Coming off it in steps, or after a time, is how long to stay on it (guide: dosing), not whether to stop.
_COMING_OFF = _re(
    r"taper\w*|wean\w*|gradually|slowly|cold turkey|all at once|suddenly|abruptly|long term|long-term|"
    r"holiday|with me"
)


# One more supplement on top of what is taken or of a state told ("i already take omega 3, should i add
# vitamin d too", "im low in b12, should i take b6 too"); a goal after it ("too, for my gut") makes it
# an effect question again (guide rule 7).
_ADDED_TOO = _re(
    r"(should|can|could|do|would|shall) (i|we|he|she|they|you) (also |then )?(need to )?(take|add|try|have|start|use|"
    r"be taking) (\w+ ){0,2}zzsubstance (too|as well|also|alongside|on top|with it|with them)(?! (for|to help))|"
    r"(should|can|could|do|would|shall) (i|we|he|she|they|you) (also )?add zzsubstance(?! (for|to help))"
)


def _added_alongside(t: str, signals: Signals) -> bool:
    """Taking one more supplement beside another named one, or in a state the message names, is
    whether it is safe to combine (guide rules 3 and 7), not whether it works."""
    if not _ADDED_TOO.search(t) or signals.medicine:
        return False
    return signals.substances >= 2 or bool(signals.kinds & {"condition"})


# Whether to go on with it or leave it out now, asked bare ("retiring in may, should i keep taking vitamin d",
# "should i skip my 5-htp today"): whether to stop it (guide: safety). A goal after it ("keep taking it for my
# migraines") is an effect question (rule 7); how long or how much, dosing (rule 4).
_KEEP_OR_SKIP = _re(
    r"(should|shall|do|must) (i|we|he|she|they|you|my \w+) (still |really )?(keep|keep on|carry on|continue|skip|miss|"
    r"pause|hold off|leave out|drop) (taking |with |using |on )?(my |the |his |her |their |this |that )?(zzsubstance|"
    r"it|them)( (today|tonight|now|then|this week|anymore|any more|still|at all|for now|for a bit|for a while))?$"
)


def _keeps_or_skips(t: str, signals: Signals) -> bool:
    """Whether `t` asks, bare, whether to go on with or leave out what is taken (`_KEEP_OR_SKIP`)."""
    return bool(signals.substances) and not signals.medicine and bool(_KEEP_OR_SKIP.search(t))


def _stops_for_a_reason(t: str, text: str, signals: Signals) -> bool:
    """Whether to stop it because of something the message tells: a symptom, a condition or a
    population ("my gut is killing me, should i stop glutamine", "do i need to stop melatonin if i'm
    pregnant") is safety (guide: whether to stop it). Told after a time taken ("it's been 3
    months") or asked about the way of stopping (taper, all at once), it is how long to stay on it:
    dosing."""
    if not signals.substances or not _STOP_ASK.search(t) or _COMING_OFF.search(t):
        return False
    if _DURATION.search(text.lower()):
        return False
    return bool(signals.kinds & {"condition", "outcome"}) or signals.population


def detect_intent(text: str, normalised: str, signals: Signals) -> Intent:
    """The primary intent of a question (`read_intent` without its fallback flag)."""
    return read_intent(text, normalised, signals).intent


def read_intent(text: str, normalised: str, signals: Signals) -> IntentReading:
    """The primary intent of a question (the module docstring's rules, in order), flagged where the
    rules found no cue and fell back to a default (`IntentReading`). Idioms made of crisis words
    ("overdosed on coffee", "dead tired", "killing it at the gym") are read as the idioms they are, and
    filler words ("what actually is", "does it really help") are left out."""
    asked = question_after_a_story(text, normalised)
    if asked:
        # "everyone dies at the end of the show, anyway can X help me sleep": the question alone (after_a_story)
        return read_intent(asked, asked, signals)
    t = " ".join(_FILLERS.sub(" ", _without_idioms(_plain_question_words(_GREETING.sub("", normalised)))).split())
    cued = _cued_intent(t, text, normalised, signals)
    return IntentReading(cued) if cued is not None else _bare(t, signals)


def _cued_intent(t: str, text: str, normalised: str, signals: Signals) -> Intent | None:
    """The intent a rule reads from a cue in the wording `t` (fillers and idioms gone), or None where
    no rule holds and the default for what is named decides (`_bare`)."""
    kinds = signals.kinds
    # an amount written out ("5g", "2 caps") names what is asked about even when the supplement is not
    # named ("5g twice a day too much"): the subject is the one being taken
    named_anything = bool(kinds) or signals.medicine or signals.population or bool(_AMOUNT.search(t))
    if not t:
        return Intent.UNKNOWN
    if (_APP_ACTION.search(t) or _APP_ACTION.search(normalised) or (
        _APP.search(t) and not signals.substances and not named_anything
    )) and not (
        ((_STOPPING.search(t) and _IN_STEPS.search(t)) or (_IS_IT_WORKING.search(t) and signals.substances))
        and not signals.medicine
    ):
        return Intent.UNKNOWN  # the app or a trial; how to come off at its end is tapering (dosing, below)
    plainly = asked_plainly_intent(
        t, normalise(text), substances=signals.substances, options=signals.options,
        unknown=signals.unknown_names, medicine=signals.medicine, foods=signals.foods,
        condition="condition" in kinds, outcome="outcome" in kinds,
    )
    if plainly is not None:
        return Intent(plainly)  # a benefit blamed, all supplements together, two unlisted ones (asked_plainly)
    despite = asked_despite_cues(
        t, substances=signals.substances, medicine=signals.medicine, condition="condition" in kinds,
        amount=lambda: tells_an_amount(t) or _regular_use(t),
    )
    if despite is not None:
        return despite  # a shape of asking that outweighs a stray cue word (asked_despite_cues)
    whether = asked_whether_intent(
        t, normalised, substances=signals.substances, options=signals.options, unknown_names=signals.unknown_names,
        medicine=signals.medicine, population=signals.population, condition="condition" in kinds,
    )
    if whether is not None:
        return Intent(whether)  # how common, blamed, safe though unlisted, an errand (asked_whether)
    leftover = leftover_intent(
        t, normalise(text), substances=signals.substances, medicine=signals.medicine, population=signals.population,
        condition="condition" in kinds, amount=tells_an_amount(t) or _regular_use(t) or _times_its_use(t),
    )
    if leftover is not None:
        return Intent(leftover)  # a passed-on question, an allergy, organ damage (leftover_shapes)
    way = asked_way_intent(
        t, substances=signals.substances, medicine=signals.medicine, population=signals.population,
        amount=lambda: tells_an_amount(t) or _times_its_use(t),
        duration=lambda: bool(_DURATION.search(text.lower())),
    )
    if way is not None:
        return Intent(way)  # an option the base lacks, where to look up, a route, after a run, stopping (asked_ways)
    framed_by = partial(
        frame_intent, medicine=signals.medicine, substances=signals.substances,
        named=bool(signals.options or signals.unknown_names), condition=bool(kinds & {"condition", "process"}),
        whole=normalise(text),
    )
    # read before the fillers and idioms go too: "ever go away", "kill brain cells"
    framed = framed_by(t) or framed_by(normalised)
    if framed is not None:
        return Intent(framed)  # how too much of it harms (question_frames)
    how = asked_how_intent(
        t, text, normalised, substances=signals.substances, options=signals.options, medicine=signals.medicine,
        population=signals.population,
        condition="condition" in kinds, named=bool(named_anything), amount=lambda: tells_an_amount(t),
    )
    if how is not None:
        return Intent(how)  # a helpline reached, options named last, "X = ?", a capsule opened (asked_how)
    if tells_without_asking(t, question_mark=text.rstrip().endswith("?")):
        return Intent.UNKNOWN  # a diary line or a newcomer's hello (told_not_asked)
    if checks_a_safety_claim(t, normalise(text)) and (signals.substances or signals.population) and not (
        signals.medicine
    ):
        # "she told me X is fine in pregnancy, is she right": the claim checked (checked_claims)
        return Intent.DOSING if _DOSING_AMOUNT.search(t) or _regular_use(t) else Intent.SAFETY
    shape = asked_shape(t, signals)
    if shape in (Intent.SOURCES, Intent.RESOURCES):
        # "where do I get X without fish": foods, not a place to ask; "who regulates supplements", "subreddit
        # recs": a place to ask, whether or not it has a question's shape (asked_shapes)
        return Intent(shape)
    if _RESOURCES.search(t) or _HELP_FOUND.search(t):
        return Intent.RESOURCES
    if _HARM_TO_ANIMAL.search(normalised):
        # read before the idioms go: "toxic to dogs" is set aside as no self-harm, and is what is asked
        return Intent.DOSING if _AMOUNT_ASKED.search(t) else Intent.SAFETY
    unlisted = unlisted_supplement_intent(t, options=signals.options, unknown_names=signals.unknown_names)
    if unlisted in ("sources", "side_effects") and not (kinds or signals.medicine) and (
        unlisted == "sources" or not signals.foods
    ):
        # "best food sources of zinc", "any negatives to turmeric": a name the base lacks (question_frames)
        return Intent(unlisted)
    if not named_anything and not _asks(t) and not text.rstrip().endswith("?"):
        return Intent.DOSING if _BARE_DOSE.match(t) else Intent.UNKNOWN  # "pcos and inositol dose" (intentB15)
    family = family_intent(t, signals, _read_clause)
    if family is not None:
        return Intent(family)  # a question family says what is asked (suppwise.questions.families)
    if reports_own_experience(t, named=bool(signals.options or signals.medicine)) and not _asks_why(t):
        return Intent.SIDE_EFFECTS  # "is it the X doing this to me", "anyone else get them" (own_experience)
    stop_now = _STOP_NOW.search(t) and (signals.options or signals.unknown_names)
    if stop_now and not (signals.medicine or _IN_STEPS.search(t)):
        return Intent.SAFETY  # "can I stop the X now": whether to stop it (guide: safety), not how to come off it
    if _HELPS_IN_A_STATE.search(t) and signals.substances and not signals.medicine and not _asks_why(t):
        return Intent.EFFECT  # "does X help when I'm wired at night": the time is the symptom's, not the dose's
    if _MEDICINE_SIDE_EFFECT.search(t) and signals.medicine and not signals.substances and not _asks_why(t):
        return Intent.SIDE_EFFECTS  # "so dizzy on sertraline, is that a side effect": the medicine's own, nothing added
    if _BUILT_BACK.search(t) and signals.substances and not _COMBINING.search(t) and not _asks_why(t):
        return Intent.EFFECT  # "after antibiotics, will probiotics rebuild my gut bacteria" (guide rule 2: context)
    if _LIMIT_BEFORE_HARM.search(t) and (signals.substances or not named_anything) and not signals.medicine:
        return Intent.DOSING  # "upper limit of X before neuropathy becomes a risk": the limit is asked (guide: dosing)
    if _SYMPTOM_COUNT.search(t) and signals.substances and not signals.medicine and not _asks_why(t):
        return Intent.EFFECT  # "does it cut down how many migraines you get": how often the symptom comes
    if _IS_IT_WORKING.search(t) and (signals.substances or not named_anything) and not signals.medicine:
        return Intent.EFFECT  # "six weeks on it now, is it actually working": the duration is the reason (effect)
    if _ENOUGH_ALONE.search(t) and signals.substances and not signals.medicine:
        return Intent.DOSING  # "melatonin enough?": whether the amount would do (guide: dosing)
    if _MADE_STRONGER.search(t) and signals.substances and not signals.medicine and not _asks_why(t):
        return Intent.EFFECT  # "would X make her bones stronger": an effect, whoever it is for
    if _HOW_SOON_IT_WORKS.search(t) and not signals.medicine:
        return Intent.EFFECT  # "how long till it kicks in", the supplement unnamed (guide: how long until it works)
    if shape is not None:
        return Intent(shape)  # a shape of question says what is asked (suppwise.questions.asked_shapes)
    if asks_for_next_option(t, normalise(text), options=signals.options):
        return Intent.ALTERNATIVES  # given up on one option, asking for the next (suppwise.questions.next_option)
    if _WORTH_TAKING.search(t) and signals.substances and not (
        _WITH_A_MEDICINE.search(t) or _DOSING_AMOUNT.search(t) or signals.population or signals.contrasted
        or _COMPARISON_STRONG.search(t)
    ):
        return Intent.EFFECT  # whether it is worth taking is whether it does anything (guide: effect)
    stops_in_steps = bool(_STOPPING.search(t) and _IN_STEPS.search(t))
    if stops_in_steps and (signals.substances or not named_anything) and not signals.medicine:
        return Intent.DOSING  # the way of coming off it: tapering (guide: dosing)
    taking = taking_it_intent(
        t,
        substances=signals.substances,
        options=signals.options,
        medicine=signals.medicine,
        population=signals.population,
        condition="condition" in kinds,
        amount=bool(
            _AMOUNT_ASKED.search(t) or _LESS_OR_MORE.search(t) or _SCHEDULE.search(t) or _DOSING_AMOUNT.search(t)
        ),
        unwanted=bool(_UNWANTED_STATE.search(t) or _SIDE.search(_normal_amount(t))),
    )
    if taking is not None:
        return Intent(taking)  # when it is taken, one more dose, two at once, hooked or heavier (taking_it)
    if (blames_a_lack(t) or blames_a_lack(normalise(text))) and (signals.substances or "condition" in kinds) and not (
        signals.medicine
    ):
        return Intent.EFFECT  # "could low b12 cause that": too little of it, not an unwanted effect (lack_as_cause)
    if _SIDE_EXPLICIT.search(t) and signals.substances and not signals.medicine and not _asks_why(t):
        return Intent.SIDE_EFFECTS
    if _ATTRIBUTION.search(t) and (signals.substances or signals.medicine):
        return Intent.SIDE_EFFECTS
    if _DO_THE_SAME.search(t) and signals.substances and tells_a_reaction(normalise(text)):
        return Intent.SIDE_EFFECTS  # "msg makes me ill - will glutamine do the same?"
    if signals.substances >= 2 and _TOGETHER.search(t) and not signals.medicine:
        return Intent.SAFETY  # two supplements taken together (guide rule 3) outrank when to take them
    if _added_alongside(t, signals):
        return Intent.SAFETY  # one more on top of another, or of a state told (rules 3 and 7)
    if _SCHEDULE.search(normalised) and signals.substances and not signals.medicine:
        return Intent.DOSING  # read before the idioms go: "all at once" is a schedule here
    if _HALVED.search(normalised) and not signals.medicine:
        return Intent.DOSING  # read before the idioms go: "cut it in half" is half a dose (guide: splitting)
    if _administration_strong(t) and (signals.substances or not named_anything) and not signals.medicine:
        # the supplement being taken may go unnamed ("how long should I wait after eating to take it");
        # how much, asked beside when or how ("2 caps before bed enough?"), is dosing (guide precedence), and so
        # is an unwanted effect (side effects)
        if _UNWANTED_STATE.search(t):
            return Intent.SIDE_EFFECTS
        return Intent.DOSING if _AMOUNT_ASKED.search(t) else Intent.ADMINISTRATION
    if _STORAGE.search(t) and (signals.substances or signals.medicine or not named_anything):
        return Intent.ADMINISTRATION
    if signals.substances and not _PER_UNIT.search(t) and not _FEARED.search(t) and (
        _SOURCES_STRONG.search(t) or _food_relation(t, signals)
    ):
        return Intent.SOURCES
    if signals.substances and not _PER_UNIT.search(t) and _SOURCES.search(t) and (
        signals.foods or re.search(r"\b(source|sources|contain\w*|diet|food|foods|eat)\b", t)
    ):
        return Intent.SOURCES
    if (_DEFINITION_STRONG.search(t) or _DIFFERENCE.search(t)) and named_anything and _difference_not_rank(t) and not (
        _MEASURE.search(t)
    ):
        return Intent.DEFINITION
    if _POINT_OF.search(t) and signals.substances:
        return Intent.EFFECT  # "what's the point of b12 then": whether it does anything
    if (_what_is(t, signals) or _told_then_what_is(t, signals) or (_KIND_OR_KIND.search(t) and named_anything)) and (
        not _ALTERNATIVES.search(t)
    ):
        return Intent.DEFINITION
    if _SIDE_EXPLICIT.search(t) and signals.substances and not signals.medicine and not _asks_why(t):
        return Intent.SIDE_EFFECTS
    if _WHETHER_LINKED.search(t) and signals.substances and not signals.medicine:
        # "is X linked to mania" asks about an unwanted event; linked to a body process, about how it acts
        return Intent.MECHANISM if "process" in kinds else Intent.SIDE_EFFECTS
    if _ends_asking_safe(t) and not signals.medicine:
        return Intent.DOSING if _times_its_use(t) or _regular_use(t) else Intent.SAFETY
    if _WAY_OF_STOPPING.search(t) and signals.substances and not signals.medicine:
        return Intent.DOSING  # how to come off it is tapering, not how it acts (guide: dosing)
    if (_MECHANISM.search(t) or _ACTS_HOW_OR_WHERE.search(t)) and not _NOT_MECHANISM.search(t) and named_anything:
        return Intent.MECHANISM
    if _INTERACTION_WORDS.search(t) and (signals.substances or signals.medicine or _WITH_MEDICINES.search(t)):
        # interfering with a condition, no medicine named ("does glutamine interfere with epilepsy"), is whether
        # it is bad for that condition (guide: interaction is with medicines)
        return Intent.SAFETY if _condition_not_medicine(t, signals) else Intent.INTERACTION
    if asks_whether_either_helps(t, named=bool(signals.substances) or signals.contrasted) and not signals.medicine:
        return Intent.EFFECT  # "does iron or b12 help fatigue": whether either helps, no ranking (either_option)
    if re.search(r"\b(vs|versus)\b", t) and signals.options == 1 and signals.substances == 1 and not re.search(
        r"\b(which|better|best|for (my |your )?\w+)\b", t
    ):
        return Intent.DEFINITION  # two names of one thing, "glutamine versus l-glutamine" (guide rule 9)
    if (
        signals.contrasted
        or ((_COMPARISON_STRONG.search(t) or _MATCHED.search(t)) and signals.options >= 2)
        or _EITHER_MORE.search(t)
        or (_AGAINST_TREATMENT.search(t) and signals.substances and not signals.medicine)
        or (re.search(r"\b(vs|versus)\b", t) and re.search(r"\b(which|better|best)\b", t) and signals.substances)
    ):
        return Intent.COMPARISON
    if _CURE.search(t) and re.search(r"\b((any|a|which|what) (supplement|supplements|thing|natural)|anything|"
                                     r"something)\b", t):
        return Intent.CURE
    if _administration_strong(t) and signals.substances and not signals.medicine:
        return Intent.ADMINISTRATION
    if signals.medicine and _SAFE_WHILE_ON.search(t):
        return Intent.INTERACTION  # which supplements are safe with a medicine: a safety question with it (rule 2)
    if (
        _ALTERNATIVES.search(t)
        or _OTHER_WAY.search(t)
        or _WHICH_SUPPLEMENTS.search(t)
        or (_UNNAMED_OPTION.search(t) and not signals.substances)
    ):
        return Intent.ALTERNATIVES
    if (_REPAIRS_HARM.search(t) or _HARM_MENDS.search(t) or _heals_condition(t, kinds)) and signals.substances:
        return Intent.CURE  # "reverse the damage chemo did": the harm is what it would cure, a medicine its cause
    if signals.medicine and not _effect_on_outcome(t, kinds, normalise(text)):
        if _DOSING_ASK.search(t) and not _COMBINING.search(t):
            return Intent.DOSING  # a medicine as context for an amount question (guide rule 2)
        return Intent.INTERACTION
    if _stops_for_a_reason(t, text, signals) or _continuing_with_a_state(t, signals) or _keeps_or_skips(t, signals):
        return Intent.SAFETY
    if _SAFETY_ASK.search(t) and (signals.substances or signals.population or _GENERIC_SUPPLEMENTS.search(t)):
        return Intent.DOSING if _times_its_use(t) or _regular_use(t) else Intent.SAFETY
    if _GONE_FOR_GOOD.search(t) or _GONE_ENTIRELY.search(t):
        return Intent.CURE
    if _LESS_OR_MORE.search(t):
        return Intent.DOSING  # "take less X if I wake up groggy?": the symptom is the reason, the amount the ask
    worse_only = _WORSE.search(t) and not re.search(r"side ?effect|cause|trigger|since", t)
    if _SIDE.search(_normal_amount(t)) and not worse_only:
        return Intent.SIDE_EFFECTS
    if (
        _DOSING_ANY.holds(t)
        or _regular_use(t)
        or (_GO_ON.search(t) and (_DURATION.search(text.lower()) or _DOSING_AMOUNT.search(t)))
    ) and not _duration_of_benefit(t):
        return Intent.DOSING
    if _administration_strong(t):
        return Intent.ADMINISTRATION
    if _REPAIRS_HARM.search(t):
        return Intent.CURE  # "undo kidney damage": the harm is what it would cure (guide: cure)
    if (
        _EVIDENCE_ON.search(t) or (named_anything and (_EVIDENCE_THAT.search(t) or _LOWERS_RISK.search(t)))
    ) and not _SAFETY_STRONG.search(t):
        return Intent.EFFECT
    if _takes_for_a_goal(t, signals):
        return Intent.EFFECT
    if (
        _SAFETY.search(t)
        or _SAFETY_STRONG.search(t)
        or _UNNAMED_SAFETY.search(t)
        or (_WORRY.search(t) and not _EFFECT_STRONG.search(t))
    ) and (
        signals.substances + int(signals.population) + len(kinds) > 0
        or _UNNAMED_SAFETY.search(t)
        or _ends_asking_safe(t)
    ) and not _good_for(t):
        return Intent.SAFETY
    if _CURE.search(t) or (_CURE.search(normalised) and named_anything):
        return Intent.CURE  # read before the idioms go too: "make my fatigue disappear for good"
    if _ADMIN.search(t) and not _EFFECT_STRONG.search(t):
        return Intent.ADMINISTRATION
    if _EFFECT.search(t) and (
        signals.substances
        or kinds & {"condition", "outcome", "process"}
        # a supplement the base lacks, asked about alone ("is vitamin c good for a cold"): still an effect (intentB15)
        or (signals.options and not signals.medicine and not signals.foods)
    ):
        return Intent.EFFECT
    if _ADMIN.search(t):
        return Intent.ADMINISTRATION
    if _DEFINITION.search(t) and named_anything:
        return Intent.DEFINITION
    return None


def _read_clause(clause: str, signals: Signals) -> str:
    """One clause of a two-question message, read by the ordinary rules."""
    return str(detect_intent(clause, clause, signals))


_FOOD_RELATION = _re(
    r"have|has|contain|contains|containing|in|from|provide|provides|give|get|source|sources|rich|high|low|enough|"
    r"more|most|much|found|boost|content|through|naturally|eat|eating"
)
_DIET_SUPPLIES = _re(
    r"diet (\w+ ){0,2}(give|gives|provide|provides|supply|supplies|enough)|(from|through|in) (a |my |your |the |"
    r"normal |vegan |vegetarian |\w+ )?(diet|food|foods|meals)|eat (\w+ ){0,3}(to get|for) (more )?(zzsubstance|it)|"
    r"(vegan|vegetarian|my|a) diet (\w+ ){0,2}(low|high|short|lacking)"
)


# What one capsule or tablet of a product holds is a question of amount, not of foods.
_PER_UNIT = _re(
    r"(in|per) (a |one |each |every |the |my |a whole |the whole |one whole )?(" + _UNITS + r"|serving|dose|tub|tubs|"
    r"bottle|bottles|pack|packs|packet|packets|box|boxes|jar|jars|pot|pots|container|strip)\b"
)


def _food_relation(text: str, signals: Signals) -> bool:
    """A food (or diet) and the substance in one question about what the food holds or supplies
    (guide rule 8: "does bone broth contain X", "is spinach a source of X", "can my diet give me enough").
    A supplement set against one food ("is fish oil better than eating oily fish") is a comparison."""
    if signals.foods == 1 and _COMPARISON_STRONG.search(text) and not re.search(r"\bsources?\b", text):
        return False
    if re.search(r"\b(safe|risk|side effects?|interact\w*|should i take|dose|with (my )?(food|meals?|breakfast)|"
                 r"food poisoning|stopped eating|stop eating|after (meals?|eating|food))\b", text):
        return False
    if signals.foods >= 2 or re.search(r"\bfoods?\b", text):
        return True
    if signals.foods > 0:
        return bool(_FOOD_RELATION.search(text))
    return bool(_DIET_SUPPLIES.search(text))


# The idioms, each run only where its opening word stands (suppwise.regex_gate): scanning the text
# once per idiom was the largest single cost of reading a question. Indexed once a process has read
# a few hundred questions (a server, a benchmark), never for a single `suppwise ask`.
_IDIOMS = WordGated([idiom.pattern for idiom in IDIOMS], index_after=300)


def _without_idioms(text: str) -> str:
    text = _IDIOMS.run(text, lambda index, current: IDIOMS[index].set_aside(current, " "))
    return " ".join(_OTHER_INTAKE.sub(" ", _WISHES.sub(" ", text)).split())


# How much of a drink or a food the person had ("way too much coffee", "a whole pot of coffee", "a double
# espresso") is no amount of the supplement, and the drink told is no vehicle for it.
_OTHER_INTAKE = _re(
    r"(way too much|too much|too many|a lot of|lots of|loads of|a load of|tons of|a whole (\w+ )?(pot|bottle|pack|"
    r"packet|box|jar|glass|cup|mug|pint|tub|bar|pizza|cake) of|a double|a triple|double|triple|(\d+|two|three|four|"
    r"five|six) (cups|mugs|glasses|pints|cans|bottles|bars) of) (\w+ )?(?P<drink>coffee|coffees|espresso|espressos|"
    r"tea|wine|beer|alcohol|booze|vodka|gin|chocolate|sugar|caffeine|cola|coke|energy drinks?|junk food|cake|"
    r"sweets|candy)"
)


# A wish not to go on, said beside a question ("im in a dark place and want to die, any evidence saffron
# works"), is the despair the crisis resources answer; its "die" asks nothing of the question (unlike "can
# you die from it", "would i die if i took all of it").
_WISHES = _re(
    r"(i |i m |im |i am |he |she |they |just |really |honestly )?(want|wants|wanted|wanting|wanna|wish|wishes|"
    r"wished|wishing|ready|going|gonna) (to )?(die|be dead|end it( all)?|end (my|his|her|their) (own )?life|kill "
    r"(myself|himself|herself|themselves)|disappear|not (be here|wake up|exist|live)|sleep forever)"
)


# Forms one substance comes in: which form is a question of how to take it (guide rule 9).
_FORMS = r"capsules?|powder|tablets?|liquid|gummies|gummy|spray|drops|softgels?|chewables?|pills?|oil"
# What it is taken in (a drink or a food it is stirred into).
_VEHICLES = r"shake|smoothie|coffee|tea|juice|porridge|yogurt|yoghurt|oats|cereal|soup"
# The form it comes in is how to take it (guide: administration): "does fish oil come as a liquid", "is
# there a liquid vitamin d", "b12 in a spray or only shots".
_IN_A_FORM = (
    r"(come|comes|available|sold|made|get|buy) (\w+ ){0,2}(as|in) (a |an )?(" + _FORMS + r"|shots?|injections?)\b|"
    r"(is|are) there (a |an |any )?(liquid|spray|chewable|gummy|powdered|dissolvable|sublingual) (version|form|kind|"
    r"zzsubstance)|(liquid|spray|chewable|gummy|powdered|dissolvable|sublingual) (version|form|kind) of"
)
# Two times of day, or two ways of getting it down, set against each other: "mag b4 bed or in the morning",
# "saffron am or pm", "melatonin under the tongue or just swallow it", "b12 spray under the tongue or a tablet"
# (guide: administration; an amount or an unwanted effect beside it still decides, as for the other cues).
_SLOT = r"(am|pm|morning|mornings|night|nights|nite|bedtime|bed|evening|evenings|breakfast|lunch|dinner|supper)"
_ROUTE = r"(under (the|my|your) tongue|sublingual\w*|swallow\w*|chew\w*|dissolv\w*|spray|drops|" + _FORMS + r")"
_EITHER_SLOT_OR_ROUTE = (
    _SLOT + r" or (\w+ ){0,2}" + _SLOT + r"\b|\b" + _ROUTE + r" (\w+ ){0,3}(or|vs|versus) (\w+ ){0,3}" + _ROUTE + r"\b"
)
_ADMIN_STRONG = _re(
    _IN_A_FORM + r"|" + _EITHER_SLOT_OR_ROUTE + r"|"
    # the time of day set against another: "does it work better at night or in the morning"
    r"(at night|at bedtime|in the evening|before bed) or (in the )?morning|"
    r"(better|best|more easily|more readily|most easily) absorbed|absorb\w* (better|best)|(which|what) (form|forms|"
    r"type|"
    r"kind|version) (of zzsubstance )?(is|are|absorbs|works) (\w+ )?(best|better)|(what|which) (\w+ ){0,4}(mix|stir|"
    r"dissolve) (\w+ ){0,3}(with|in|into)$|"
    r"(what|which) (drink|drinks|food|foods|liquid|juice) (\w+ ){0,3}(mix|stir|dissolve|put|take)|mix (\w+ ){0,2}(into|"
    r"in)$|"
    r"(take|taking|taken|have|having) (\w+ ){0,3}(away|apart|separately|separate) from (food|meals?|eating|my \w+|the "
    r"\w+|other \w+)|space (\w+ ){0,4}(out|apart|away)|spaced out|spacing|hours apart|(gap|time) between|"
    r"how (should|do|can|is|are|must) (\w+ ){0,2}(be )?taken|"
    r"(does|do|would|will) (it|the timing|timing|the time|the time of day) (really )?matter (when|what time|for)|"
    r"timing|(what|which) time (of day )?(\w+ ){0,3}(take|have|give|is best)|with or without|"
    r"absorb\w* (\w+ ){0,2}(with|without|on an|when taken|if taken|as a|as an|in (capsule|powder|liquid|tablet))|"
    r"(wait|how soon|how long) (\w+ ){0,3}(after|before) (eating|a meal|meals|food|breakfast|lunch|dinner|a workout|"
    r"exercise|coffee)|(drink|drinking) (\w+ ){0,3}water (with|after|alongside)|"
    r"(swallow|take|taking|have|eat|chew) (the |it |them |my )?(\w+ )?(dry|neat|on its own|by itself|undiluted)$|"
    r"(bake|baking|cook|cooking|heat|heating|boil|boiling|fry|frying) (with|in|into|it|them|zzsubstance)|"
    r"(add|adding|put|putting|sprinkle|sprinkling) (\w+ ){0,3}(to|on|onto|over) (a |my |the |some |his |her )?(\w+ )?"
    r"(" + _VEHICLES + r"|food|meals?|breakfast|salad)\b|"
    r"(hide|mask|disguise|cover|improve) (the )?(taste|flavou?r|texture|smell)|"
    r"(chew|chewed|chewing|crush|crushed|crushing|suck|sucking) (\w+ ){0,3}(" + _FORMS + r"|it|them|zzsubstance)|"
    r"swallow (\w+ ){0,2}whole|open (up )?(the |a |my )?(capsules?|softgels?)|"
    r"(" + _FORMS + r"|powders|iv|injections?|drip) (\w+ ){0,2}((work|works|do) (just )?(as well|better)|(just )?as "
    r"(good|effective)|absorb\w*)|"
    r"with (a |my |some |the )?\w+ (meal|meals|snack)|(when|what time) (in|during|of) the day|what time (of day )?"
    r"(should|do|to|is best)|matter (\w+ ){0,2}(when|what time)|"
    r"with food|without food|empty stomach|with (a |my |some |your )?(\w+ )?meals?\b|time of day|best time|"
    r"without (breakfast|lunch|dinner|supper|eating|a meal|meals|having eaten|a snack)|(hot|warm) or cold|cold or "
    r"(hot|warm)|(best|right|better|ideal) (form|type|kind|version) (of|for) zzsubstance|"
    r"(take|taking|have|having|put|putting|add|adding|drink|drinking|use|using|go|goes) (\w+ ){0,3}(in|into) (a |my |"
    r"the |some |hot |cold |warm )?(\w+ )?(" + _VEHICLES + r")\b|"
    r"(work|works|do|does|absorb\w*) (\w+ )?(as well as|better than|as good as) (the )?(\w+ )?(" + _FORMS + r")\b|"
    r"(mix|stir|dissolve|put) (\w+ ){0,3}(with|in|into)$|when (should|do|can) "
    r"(i|you) take|how (should|do|can) (i|you|we) take|how to take|mix(ed)? (it )?(into|in|with water|with juice)|"
    r"stir|dissolve|dissolves|smoothie|shelf life|stored|refrigerat\w*|sprinkle|in (hot|cold|warm) (water|tea|drink|"
    r"coffee|milk)|(with|as|at the same time as) (my )?(breakfast|lunch|dinner|meal|food)\b(?! (sources?|poisoning))|"
    r"mix (\w+ ){0,3}(with|into|in) (hot |cold |warm )?(\w+ )?(tea|coffee|water|"
    r"juice|milk|smoothie|yogurt|yoghurt|drink|shake|food|porridge|oats|cereal)|go off|goes off|expire|expires|"
    r"expiry|store|storage|fridge|lose (its|their) (strength|potency)|potency|keep (it|them|the \w+) in the (bathroom|"
    r"car|kitchen|cupboard|sun)|"
    r"need to be taken|taken with (\w+ )?(juice|water|milk|food)|in (capsule|powder|tablet|liquid) form|in capsules|"
    r"as capsules|in tablets|at (breakfast|lunch|dinner|bedtime)|with (breakfast|lunch|dinner|a snack|supper|my "
    r"(breakfast|lunch|dinner|tea|evening meal))|(taken|take it|take|taking) (\w+ ){0,2}(at night|in the morning|"
    r"in the "
    r"evening|at bedtime|before sleep|before bed)|best way to take|how best to take|before or after|how long does "
    r"(\w+ ){0,3}(last|keep)|opened|unopened|as good as (the )?(powder|capsules?|tablets?)|(capsules?|tablets?) "
    r"(\w+ ){0,3}powder|powder (\w+ ){0,3}(capsules?|tablets?)|(" + _FORMS + r") (\w+ ){0,2}(or|rather than|vs|"
    r"versus|instead of|better than|over) (the )?(\w+ )?(" + _FORMS + r")|"
    r"(take|taking|have|having|drink|drinking|use|using|taken|"
    r"had) (\w+ ){0,2}(before|after) (bed|bedtime|breakfast|meals?|a "
    r"workout|the gym|exercise|eating|food)|before or after|morning or|or (at )?(night|nite)|"
    # a drink it is taken with, the question ending there or on "ok": "with my morning coffee", "X with coffee ok?"
    r"with (a |my |some |your |the |his |her )?(\w+ )?(hot |cold |warm )?(cup of |glass of |mug of )?(coffee|tea|"
    r"juice|orange juice|milk|water)( (ok|okay|fine|alright|all right))?$|"
    r"(mix|mixing|mixed|hide|hiding|bury|burying|sneak|sneaking|disguise|stir|stirring|put|putting|add|adding|"
    r"sprinkle|sprinkling|blend|"
    r"blending) (\w+ ){0,3}"
    r"(in|into|through|with|on) (\w+ ){0,3}(my |a |the |some )?(\w+ )?(yogurt|yoghurt|milk|cheese|porridge|oats|"
    r"cereal|juice|water|tea|coffee|smoothie|shake|soup|food|drink|pot)|in (milk|water|juice|tea|coffee|soup) "
    r"(ok|okay|fine|alright)|(make|made|making) (it )?up (the night before|in advance|ahead)|"
    r"(straight away|right away|immediately) after mixing|how long (does|will|can) (it|\w+) (last|keep) (once|after) "
    r"(mixed|opened)|"
    # a follow-up naming only a time of day (intentB15): "what about at night though", "what about in the morning"
    r"^(and |ok |okay |so |but )?(what|how) about (taking (it|them) |having (it|them) )?(at|in the|before|after|with|"
    r"first thing in the) " + _SLOT + r"( instead| then| though| too)?$"
)


# The two largest intent patterns are searched branch by branch behind a word gate (`Alternatives`:
# the same yes or no, a few times faster), and `_ADMIN_STRONG`'s answer is kept for the text, which
# `_cued_intent` asks up to three times.
_ADMIN_STRONG_ANY = Alternatives(_ADMIN_STRONG)
_DOSING_ANY = Alternatives(_DOSING)


@lru_cache(maxsize=64)
def _administration_strong(t: str) -> bool:
    """Whether `_ADMIN_STRONG` matches in `t` (memoised for the text being read)."""
    return _ADMIN_STRONG_ANY.holds(t)


# Keeping it: storage and shelf life, of a supplement or a medicine.
_STORAGE = _re(
    r"(heat|hot|cold|sunlight|light|moisture|humidity|freezing|boiling) (\w+ ){0,2}(kill|kills|destroy|destroys|damage|"
    r"damages|ruin|ruins|break down|breaks down|degrade|degrades)|clump\w*|gone hard|"
    r"how long (does|do|will|can) (\w+ ){0,3}(last|keep)|go off|goes off|gone off|expire|expires|expired|expiry|"
    r"go bad|goes bad|going bad|gone bad|went bad|(gone|go|goes|going|went) (sticky|mouldy|moldy|stale|soft)|"
    r"shelf life|be frozen|freeze (it|them|the)|freezer|how (should|do|can) i store|storage|(keep|kept|store|"
    r"stored) (\w+ ){0,2}in the (fridge|freezer|"
    r"bathroom|car|kitchen|cupboard|sun)|lose (its|their) (strength|potency)|"
    # what keeping it does to it (intentB15): "lose strength after a year", "go rancid", "kept cold"
    r"(lose|loses|losing|lost) (\w+ )?(strength|potency|effectiveness)|(go|goes|gone|going|turn|turns) rancid|"
    r"(be|been|being|is|are) (kept|stored) (cold|chilled|cool|refrigerated)|(get|gets|getting|go|goes) weaker "
    r"(over time|with time|with age|once (it s |its |it is )?opened|after)"
)
_FEARED = _re(r"concern\w*|worr(y|ies|ied|ying)|danger\w*|risk\w*|unsafe|safe\w*|harm\w*")
_SOURCES_STRONG = _re(
    r"get (enough )?(zzsubstance|it) (just )?from(?! (my |the |a |your )?(supplements?|multi\w*|tablets?|pills?|"
    r"capsules?|gummies|zzsubstance|doctor|gp|pharmacy|chemist|online|amazon|shops?|stores?)\b)|"
    r"(is|are) ((?!but )\w+ ){0,2}full of (zzsubstance|it)|(good|great|decent|"
    r"any good) (source )?(for|of) zzsubstance|(is there|are there|how much|"
    r"any|how many (grams|mg|g)( of)?) (\w+ ){0,2}(zzsubstance|it) (is )?in(?! (the )?(summer|winter|spring|autumn|"
    r"fall|"
    r"morning|evening|pregnancy|the long run))|(high|rich|"
    r"low|loaded|packed) in|content|"
    r"come from|comes from|naturally (found|occurring|present)|found naturally|contains?|containing|"
    r"have (a lot of|lots of|much|any|some|loads of) (\w+ )?(zzsubstance|it)|how much (\w+ ){0,2}(does|do) (\w+ ){1,3}"
    r"(have|contain|provide)|(good|better|best|natural|dietary|vegan|vegetarian|plant|food) sources?|source of|"
    r"(still )?need (\w+ )?supplements? (if|when|since|as|because) (i|you|we) (eat|have|get)|"
    r"(eat|eating|diet) (\w+ ){0,4}(still )?need (\w+ )?(supplements?|to supplement|zzsubstance)"
)
# Whether something that happened came from what the person takes, a medicine as much as a
# supplement: "is that the drug?", "is that from the amitriptyline", "could it be that?"
_ATTRIBUTION = _re(
    r"is (that|this|it) (from |because of |due to |caused by )?(the|my|his|her) (zzmedicine|zzsubstance|drug|medicine|"
    r"medication|meds|pills?|tablets?|supplement)$|(could|can|might) (it|this|that) be (that|this|it|the (\w+ )?"
    r"(zzmedicine|zzsubstance|drug|medicine|supplement|pills?|tablets?))$|is (that|this|it) a (known )?thing$|"
    r"(does|do|will|would) (it|they|zzsubstance) do (that|this) to (everyone|everybody|all|most|other|anyone)|"
    # the one taken asked about as the cause of what was just told ("could the saffron be doing it", "is that a
    # known effect", "started X two weeks ago and the sun burns me faster, related?")
    r"(could|can|might|would|is) (it|this|that|the zzsubstance|zzsubstance|the zzmedicine|zzmedicine) (be )?(doing|"
    r"causing|behind) (it|this|that)$|is (that|this|it) a (known|common|recognised|recognized|usual) (effect|side "
    r"effect|reaction|problem|issue)|(started|starting|since|began|begun|after) (\w+ )+(related|connected|linked|a "
    r"coincidence|coincidence)$|(could|might|can|would) (the two|they|these|those|both) (things )?be (connected|"
    r"related|linked)$|(if|whether) (the two|they|these|those|both) (things )?(could|might|can|would|are|were) (be )?"
    r"(connected|related|linked)$"
)
_WHETHER_LINKED = _re(
    r"^(is|are|was|were|has|have) (zzsubstance|it|the zzsubstance) (\w+ )?(been )?(linked|associated|tied|connected) "
    r"(to|with)"
)
# Whether it would bring on what the person just told of ("I break out in hives after msg, would
# glutamine do that too"); read only when a reaction was told, since after a good outcome ("my
# friend's pain went with magnesium, would glutamine do the same") it asks about an effect.
_DO_THE_SAME = _re(
    r"(would|will|could|might|does|can) (\w+ )?zzsubstance do (that|this|the same)( thing)?( to (me|him|her|us|"
    r"them))?( too| as well| also)?$"
)
_SIDE_EXPLICIT = _re(
    r"(well |poorly |badly |how )tolerated|tolerability|allerg\w*|(feel|feels|felt|feeling|get|gets|got|"
    r"getting) (\w+ )?"
    r"(sick|nauseous|queasy|dizzy|jittery|wired|anxious|bloated|drowsy|groggy|shaky|faint|itchy) (on|from|after|with) "
    r"(the |my )?zzsubstance|"
    r"(give|gives|gave|giving) (you|me|people|someone|anyone|everyone|everybody|him|her|them|u) the (runs|trots|"
    r"shits|squits|jitters|"
    r"sweats|shakes|shivers|spins|creeps)|(if|when|does|do|will|would|could|might) (\w+ )?(zzsubstance|it) (\w+ )?"
    r"(doesn t|don t|didn t|does not|did not|not|won t|wouldn t)? ?agree with (me|you|him|her|them|people|my|some)|"
    r"(is|are) (\w+ ){1,3}(common|normal|usual|typical|likely|a known (thing|side effect|effect|reaction)|a "
    r"(recognised|recognized|common) (side effect|effect|reaction)) (with|on|after|of|"
    r"from|when (taking|on|using|starting|beginning|first taking)) (the |my )?zzsubstance|"
    r"(could|can|might|would) (my |the |this |that |her |his )?(\w+ ){0,3}be (the |from |from the |because of |because "
    r"of the |due to |due to the |caused by |caused by the )?zzsubstance( or |$)|"
    r"make (your|my|her|his|their|the) (skin|hair|eyes?|mouth|breath|pee|urine|wee|poo|stools?|heart|tongue|teeth|"
    r"face|hands?|feet|legs?|stomach|tummy|head) (\w+ )?(burn|itch|itchy|sore|hurt|ache|red|dry|yellow|orange|dark|"
    r"smell|stink|tingle|numb|swell|swollen|race|pound|break out|fall out|thin|sensitive)|"
    r"(?<!\bit )(?<!\bthat )(?<!\bthis )(?<!\bwhich )(?<!\bwho )(?<!\bthere )\b(is|could|might|can) (the |my |this |"
    r"that |her |his |these |those )?(\w+ ){1,7}(be )?(?<!different )(?<!apart )(?<!made )(?<!derived )(?<!extracted )"
    r"(?<!separate )(?<!distinct )(from|because of|due to|caused by) (the |my |that |this |all the )?zzsubstance|"
    r"(reports?|cases?) of (\w+ ){1,3}(with|from|after|on|linked to) (taking )?(the )?zzsubstance|"
    r"(had|got|get|getting|experienced|experience|suffered|noticed|develop\w*) (\w+ ){1,3}(from|after|on) (taking )?"
    r"(the |my )?zzsubstance|"
    # what too much of it does to a person, not where the limit is: "signs of too much magnesium", "GTE overdose
    # symptoms" (guide: side_effects; "is 10 g too much" stays dosing)
    r"(signs?|symptoms?) (of |that )?(you ve |you have |i ve |i have )?(an? )?(taking |taken |having |had )?"
    r"(too much|overdos\w*|toxicity)|(overdose|toxicity) (signs?|symptoms?)|"
    r"side ?effects?|downsides?|drawbacks?|negatives|disadvantages|unwanted effects|bad effects|adverse (effects?|"
    r"events?|reactions?)|(has|"
    r"have) (\w+ ){0,2}(ever )?been "
    r"(linked|associated|tied|connected) (to|with)|(could|can|is|might|would) (it|this|that) be (the|from|because "
    r"of|due to) (zzsubstance|it|the zzsubstance|the supplement)|be (why|the reason|causing|behind|to blame)|is (it|"
    r"that|this) (the|from the|because of the|due to the) "
    r"(zzsubstance|supplement|powder|capsules?|tablets?)|"
    r"(raise|raises|increase|increases) (my |your )?(blood sugar|blood pressure|cholesterol|heart rate|weight)|"
    r"(affect|affects|affected|affecting) (\w+ ){0,3}(badly|negatively|adversely|in a bad way)|(get|got|getting|"
    r"have|had|feel|felt) (\w+ ){0,3}(when|after|"
    r"since|whenever) (i )?(take|took|taking|start|started|starting) (it|zzsubstance|the zzsubstance)"
)
_SAFETY_ASK = _re(
    r"should (i|he|she|we|they|you) stop (taking )?(my |his |her |the )?(zzsubstance|it) (before|if|while|during|"
    r"because|when|since|now|as)|"
    # one supplement taken beside another or beside what is told ("low in b12, should i take b6 too")
    r"(should|can|could|shall) (i|we|he|she|they|you) (also )?(take|add|have|use) zzsubstance (too|as well|also|on "
    r"top)$|"
    r"is it (bad|harmful|unsafe) (to|for)|"
    # whether someone may be given it, no goal told ("my nan is in a home, can the staff give her vitamin d")
    r"(can|could|may|should|are|is) (\w+ ){0,5}(give|giving|administer|administering) (him|her|them|my \w+|our \w+|"
    r"the \w+) (\w+ )?zzsubstance$|"
    # bad around an event or a state ("is fish oil bad before surgery"); and what would happen if it were taken
    # with a condition ("what would happen if i took st johns wort with bipolar")
    r"(is|are|would|could) (zzsubstance|it|this|that|they) (\w+ )?(be )?bad (before|after|during|while|when|if|in|"
    r"with)|what (would|will|could|might) happen if (i|you|he|she|we|they|someone|my \w+) (took|take|takes|taking|had|"
    r"have|used|use) zzsubstance (with|while|during|when|if)|"
    r"mean (for|to) (me|someone|anyone|people|patients|him|her|them|my \w+) (taking|on|using|who takes)|"
    r"is it (safe|ok|okay|alright|fine|dangerous|risky|wise|sensible)|is (\w+ ){1,3}(safe|ok|okay|dangerous|risky) "
    r"(for|with|in|if|while|during|to)|safe for (me|my|someone|people|a|children|kids)|ok for (me|my|someone|a)|"
    r"should i (worry|be worried|be concerned|avoid)|(i|we|you|he|she|they|one|people|someone|patients|anyone|those|"
    r"carers|parents) (should|need to|ought to|have to|must) (\w+ ){0,4}(know|be aware of)|should (i|we|people|someone|"
    r"patients|parents|carers) (\w+ ){0,4}(know|be aware of)|"
    r"(i|we|you|he|she|they|one|people|someone|patients|anyone|those|carers|parents) (should|need to|ought to|have to|"
    r"must) "
    r"(\w+ )?(worry|be worried|be concerned|fret|panic|know|be aware of)|(worry|worried|concerned) about (it|this|that|"
    r"zzsubstance|taking|giving)|(would|could|will|might|is|be|going to be|gonna be) (\w+ ){0,2}(a |an |any )?(real |"
    r"big |serious )?(problem|issue|concern|no no|no go)|any reason (\w+ ){0,6}(can t|cant|cannot|shouldn t|shouldnt|"
    r"couldn t|mustn t) (have|take|use|try)|(banned|allowed|legal|permitted|prohibited) (in|for|by)|"
    r"anti doping|drug test|(i|she|he|we|they|you) (could|can|should|might) (safely )?(take|have|use|try)|"
    r"something (i|she|he|we|they|you|someone|people|my \w+|your \w+|his \w+|her \w+|an? \w+) (could|can|should|"
    r"might) (safely )?(take|have|use|try|give)|(a )?bad idea|no go|off limits|"
    r"(going to|gonna|will it|would it|could it) be a problem|reasons? (i|you|why i|not to)|(harm|hurt|damage|affect|"
    r"strain|stress|bad for|hard on|toxic to|safe for|wreck|ruin|destroy|mess up|mess with|wear out|overload|tax|"
    r"rough on|tough on)( (\w+ ){0,2}(to|on|for))? (my |your |the |his |her |people s |"
    r"someone s )?(\w+ )?(liver|kidneys?|heart|organs?)|(hurt|harm) (people|someone|patients|anyone) with"
)
_DOSING_AMOUNT = _re(
    _COUNTED + r"|"
    r"indefinitely|forever|for ever|for years|for life|long term|carry on (taking )?(it|zzsubstance)|halv\w*|halves|"
    r"for (a )?(long|longer|extended) (time|period|while|stretch)|for ages|for a while|"
    r"(ate|swallowed|chewed|got into|licked|drank) (\w+ ){0,3}(zzsubstance|capsules?|scoops?|"
    r"spoonful|tablets?|sachets?|powder)|"
    + _MOST_OF_IT
    + r"|for the rest of (my|your|his|her|their|our) li(fe|ves)|"
    r"\d+(\.\d+)? ?(" + _MASS_UNITS + r"|" + _UNITS + r")|how much|how many|dose|"
    r"doses|dosage|too much|maximum|max|upper limit|stay on|long term|long-term|how long|per day|a day|spoonful|"
    r"for (\d+|a|an|a few|several|many|six|three|two|a couple of) (day|days|week|weeks|month|months|year|years)|"
    + _DOUBLED + r"|every other day|once a|twice a|times a"
)
# Regular use said of taking it is a frequency (guide section 2, rule 4: "is it safe to take X every day",
# "ok to take it daily?", "is daily magnesium bad for you", "I've taken it every night for two years"), so a
# safety question about it asks about dosing, as "is X safe long term" does. A frequency said of something
# else ("every day is a struggle", "headaches every day") is not one of taking it.
_REGULAR_USE = _re(
    r"(take|takes|taking|taken|took|use|uses|using|used|give|gives|giving|gave|giving) (\w+ ){0,4}(every|each) "
    r"(single )?(day|night|nite|morning|evening)|"
    r"(take|takes|taking|taken|took|use|uses|using|used|give|gives|giving|gave) "
    r"(\w+ ){0,4}(daily|nightly)|(daily|nightly) (zzsubstance|use|dose|doses|dosing|intake|supplement\w*)|"
    r"zzsubstance (daily|nightly|every day|every night|every nite)"  # "nite": texted (sixth try-out)
)


# How long a condition has lasted, told before the supplement is named ("ive had depression for years, should
# i still take saffron while fasting"): a time in the story, not a time the supplement has been taken.
_STORY_TIME = _re(
    r"\b(i ve|i have|ive|i d|i had|i m|i am|im|she s|he s|they ve|we ve|(my \w+|she|he|they) (has|have))( been)? "
    r"(had|suffered|struggled|lived|"
    r"dealt|depressed|ill|sick|unwell|poorly|low|anxious|in pain|sore)\b(?:(?!zzsubstance\b)[\w ]){0,40}?"
    r"\bfor (years|ages|a while|a long time|life|(a )?(long|longer|extended) (time|period|while|stretch))"
)


def _times_its_use(t: str) -> bool:
    """Whether `t` tells an amount or a length of use of what is asked about (`_DOSING_AMOUNT`), leaving
    out how long a condition told in the story before it has lasted (`_STORY_TIME`)."""
    return bool(_DOSING_AMOUNT.search(_STORY_TIME.sub(" ", t)))


def _regular_use(text: str) -> bool:
    """Whether the question speaks of taking it every day, daily or every night (a frequency)."""
    return bool(_REGULAR_USE.search(text))


# Supplements named only as such ("is it ok to take all three of my supplements together") are what a question
# asked in a safety form is about, as a named one is.
_GENERIC_SUPPLEMENTS = _re(
    r"(my|these|those|the|both|all|two|three|four|several|different) (\w+ )?(supplements|vitamins|herbs|remedies)"
)
# Going on with it or stopping it: "can i carry on with green tea extract", "do i need to stop taking it".
_GO_ON_OR_STOP = _re(
    r"(carry on|keep|continue|stay on|go on|stop|come off|quit|give up) (taking |with |using |on )?"
    r"(my |the |his |her )?(zzsubstance|it|them)"
)


def _continuing_with_a_state(text: str, signals: Signals) -> bool:
    """Whether to go on with it or stop it, asked beside a state the person is in (a condition or a
    population named: "just found out im pregnant, do i need to stop taking it", "my liver enzymes are
    high, can i carry on with green tea extract") is a safety question (guide: whether to stop it;
    "should I take X if <state>"). With a duration or an amount instead ("can i stay on it long term",
    "time to stop after 6 months") it is how long to stay on it (dosing), and with no state it is left
    to the rules after."""
    state = signals.population or "condition" in signals.kinds
    return state and bool(_GO_ON_OR_STOP.search(text)) and not _DOSING_AMOUNT.search(text) and not _regular_use(text)


# "can I take X for <goal>": the goal is what follows "for", not a time ("for 6 months") or a person ("for me").
_TAKE_FOR_GOAL = _re(
    r"^(can|could|may|should) (i|we|you|u) (\w+ )?(take|try|use|have) zzsubstance for (?!(a |an |the )?(\d+|a|an|"
    r"few|several|long|longer|while|week|weeks|month|months|year|years|day|days|life|ever|now|me|him|her|them|us|"
    r"kids|children|my (son|daughter|baby|child|kid|mum|mom|dad|husband|wife|partner))\b)\w+"
)


def _takes_for_a_goal(text: str, signals: Signals) -> bool:
    """"Can I take X for sore muscles" asks whether it serves the goal (guide rule 7 says so of "should I
    take X for <goal>"), when no state of the person is named: a population, a condition (which may be
    the reason to ask whether it is safe: "I have bipolar, can I take X for my mood") or a medicine."""
    return (
        bool(_TAKE_FOR_GOAL.search(text))
        and not signals.population
        and not signals.medicine
        and "condition" not in signals.kinds
    )


def _condition_not_medicine(text: str, signals: Signals) -> bool:
    """A combining word whose object is a condition, with no medicine named or asked about."""
    return (
        not signals.medicine
        and "condition" in signals.kinds
        and not re.search(r"\b(anything|other|others|meds|medication|medications|medicines?|drugs?|pills|tablets|"
                          r"prescriptions?|treatment)\b", text)
    )


# Worry is also a symptom ("does it lower worry"): it asks about safety only when it is about something.
_WORRY = _re(
    r"worr(y|ies|ied|ying) (about|that|if|over)|(something|anything) (\w+ ){0,3}worry|(should|need to|ought to|"
    r"have to) "
    r"(\w+ )?(worry|be worried)|concern(s|ed)? (about|with|over|for|that|if)"
)
_SAFETY_STRONG = _re(
    r"off the table|out of the question|(a )?no no|asking for trouble|playing with fire|reckless|unwise|foolish|"
    r"rule (\w+ )?out|rules (\w+ )?out|ruled out|compatible with|incompatible|red flags?|"
    r"(steer|stay|keep) (away|clear) (from|of)|gentle (enough )?(for|on)|harsh (on|for)|(be )?avoided|"
    r"(need to|should i|do i|should we|have to) (worry|be worried|be concerned|be careful)|"
    r"(should|do|must|need to) (i|we|you|people|someone|they) know (about|before)|"
    r"(what|how) about (zzsubstance|it) (if|when|while|with|during|for (someone|people|a|an|my))|"
    r"irresponsible|toxic|toxicity|poisonous|^zzsubstance (with|in|during|while on) (\w+ ){1,3}(yes or no|or not)$|"
    r"(should|must) (not|never) be (used|taken|given)|shouldn t be (used|taken|given)|"
    r"(know|be aware of|consider|check|ask) before (taking|using|starting|giving|trying)|"
    r"should (someone|somebody|anyone|people|a person|patients|those) (with|who have|who has|who are) (\w+ ){1,3}(be )?"
    r"(taking|take|using|use|having|have|trying|try|on)\b|"
    r"(recommended|advised|advisable|appropriate) (for|in) (people|someone|anyone|patients|those|a person|kids|"
    r"children|"
    r"women|men|adults|the elderly|older people|me|my \w+)|"
    r"(hurt|harm) (me|you|him|her|them|anyone|someone|people)$|do (me|you|him|her|them|anyone|someone) (any )?"
    r"(\w+ )?harm|who (should not|shouldn t|shouldnt|must not|can not|can t|cannot) (use|take|have|try)|"
    r"(that )?means? no zzsubstance|no zzsubstance for (me|him|her|us|them)|bad (combo|combination|mix)|"
    r"stay away from|(stay|keep|lay|come|get) off|(steer|stay|keep) (well |far )?"
    r"clear|keep away from|is (\w+ ){0,2}a problem|cause problems (for|in|with)|(a |any )?problem (for|in|with) "
    r"(people|someone|me|my|those|patients)"
)


_APP_ACTION = _re(
    r"donated|donate|give (it |them |\w+ )?away|given away|resell|"
    r"(how|where|when) (do|can|should) i (log|record|enter|export|delete|reset|change|edit|add|restart|see|view|"
    r"stop|end|pause|download|print|share|sign|update|close|finish|get|read|check)( \w+){0,2} (trial|"
    r"diary|log|entry|entries|account|password|day|data|report|reminder|reminders|profile|dose entry|results?)|"
    r"(done|finished) with (the|my) (\w+ )?trial (\w+ ){0,2}how (do|can) i|reminder time|where (are|is) my "
    r"(charts?|graphs?|results?|report|data)|"
    r"(write|tell|make up|compose|sing|give) (me |us )?(a|an|some|another) (\w+ )?(poem|song|story|essay|jokes?|"
    r"limerick|rap|haiku|riddle)|"
    # reminders and notifications, and buying: the app or a shop, not the evidence
    r"remind me (to|about|when)|set (up )?(a |an |my )?(reminder|alarm|notification)s?|(send|give|text|email) (me |"
    r"us )?"
    r"(a |an )?(reminder|notification|alert|nudge)s?|(stop|turn off|mute|disable|"
    r"change) (\w+ ){0,3}(reminders?|notifications?|alerts?|emails?)|(do you|where (can|do|could|should) (i|we)|where "
    r"to|how (can|do) i|cheapest (place|way) to) (buy|purchase|order|get hold of(?! (a |an |the )?(crisis|samaritans|"
    r"helpline|hotline|text line|someone|anyone)))|(do|does) (you|this app|"
    r"the app) sell|"
    r"how much (does|do|is|are) (\w+ ){1,3}(cost|costs|set you back)|(price|prices|pricing) (of|for)|(what|which) "
    r"brands? (of \w+ )?(do|would|should|is|are|can) (you|i)|"
    # the person's own trial is what is asked about: its days, outcomes, diary and results
    r"(my|our) (\w+ ){0,3}trial(?! (of|on|in|into|for) )|(day|week) \d+ of (the|my|our) (\w+ ){0,3}trial|"
    r"(outcome|reminder|entry|entries|diary|log) (\w+ ){0,3}(to|in|on|for|of) (the|my|our) (\w+ ){0,3}trial|"
    r"reset my password|my account|sign in|log in|how does (this|the) app|"
    # a book on a topic is reading matter (resources); a book recommended with nothing after it is off-topic
    r"recommend an? (\w+ ){0,3}(?!book (on|about))(mattress|pillow|bed|chair|app|shoes|car|phone|book|film|restaurant)"
)
_DOSING_ASK = _re(
    r"(what|which) (would be |is )?(a |the )?(sensible |good |safe |right |usual )?(starting |start )?(amount|dose|"
    r"dosage)|how (fast|quickly|soon) (can|should) i (increase|go up|build up)|starting (amount|dose)|how much (should|"
    r"can|do) i (start|take|begin)"
)
# Medicines named only in words as what it might clash with ("will it interfere with my pill?"): the supplement
# may go unnamed (guide rule 2, no substance needed).
_WITH_MEDICINES = _re(
    r"(interact\w*|interfere\w*|clash\w*) with (my |his |her |the |any |other |their )?(\w+ )?(meds|medication|"
    r"medications|medicines?|pills?|tablets?|prescriptions?|drugs?|anything)"
)
_COMBINING = _re(r"interact\w*|interfere\w*|together|alongside|combin\w*|mix\w*|at the same time|clash\w*")
_INTERACTION_WORDS = _re(r"interact\w*|interfere\w*|interference|drug interactions?|clash(es)? with")
_DEFINITION_STRONG = _re(
    # "the same benefit" is an effect to be had again, not two names of one thing; "the same night as" is a time
    r"same as|same thing|(?<!do )(?<!does )(?<!did )the same(?! (time|day|night|morning|evening|week|hour|meal|dose|"
    r"benefits?|effects?|results?|relief|boost|help))|"
    r"different (from|to|than)|"
    r"difference between|differ from|"
    r"what does (\w+ ){1,3}mean|"
    r"meaning of|stand for|stands for|means (\w+ ){1,8}right|(a|an) (type|kind|form|sort) of|what does (\w+ )?\w+ do$|"
    r"is zzsubstance (a|an) (kind of |type of |form of )?zzmedicine$|is (?!there )(\w+ ){1,2}(a|"
    r"an) (amino acid|steroid|protein|protein powder|drug|"
    r"medicine|hormone|stimulant|chemical|vitamin|mineral)|is (\w+ ){1,3}just (\w+ ){0,2}(collagen|"
    r"protein|glutamate|msg|a \w+)|define|definition"
)
# Treatments that are not supplements, set against a named one ("better than a low FODMAP diet", "as
# effective as therapy"): options a person might take, though the base names none of them.
_TREATMENTS = (
    r"diets?|exercise|exercising|therapy|counsell?ing|cbt|meditation|mindfulness|yoga|walking|physio\w*|"
    r"acupuncture|massage|medication|medications|meds|antidepressants?|painkillers|prescription \w+|drugs?"
)
_AGAINST_TREATMENT = _re(
    r"((better|worse|stronger|weaker|safer|gentler|more \w+|less \w+) than|as (good|effective|well|strong|useful|"
    r"helpful) as|compared? (to|with)|instead of|over) (a |an |the |my |your |doing |taking |going on |trying )?(\w+ )"
    r"{0,2}(" + _TREATMENTS + r")|zzsubstance or (a |an |the |my |your )?(\w+ ){0,2}(" + _TREATMENTS + r")\b"
)
# A named option set against another the base may not know, by which does more: "would magnesium or a
# tens machine help more".
_EITHER_MORE = _re(r"zzsubstance or (\w+ ){1,4}(help|work|do) (more|better|best|most)")
_COMPARISON_STRONG = _re(
    # the options weighed in other words: "superior to", "pick between", "switch from X to Y", "X before Y"
    r"superior to|inferior to|zzsubstance over (a |an |the |my )?zzsubstance|(do|does|work|"
    r"have) (\w+ ){0,2}the same (job|"
    r"thing|effect)|same (job|effect) as|outdo\w*|comparing|weighing up|weigh up|(pick|choose|go for|prefer|"
    r"recommend|decide) (\w+ ){0,4}(between|"
    r"out of)|"
    r"between "
    r"zzsubstance and zzsubstance (\w+ ){0,4}(pick|choose|go for|prefer|take|try)|out of (zzsubstance|these|them|"
    r"the two|those)|switch\w* (from )?zzsubstance (to|for|"
    r"with) zzsubstance|(try|take|start|use) (with )?zzsubstance (before|first|rather than) (\w+ )?zzsubstance|"
    r"(recommend|prefer|choose|pick|go for|rate) (\w+ ){1,3}over|beat|beats|outperform\w*|vs|versus|"
    r"compared? (to|with)|comparison|better than|worse than|as (good|effective|"
    r"well|much) as|which is "
    r"(better|best|the better|the best|more)|which (one|of (them|the two|these))|which (will|would|should|works)|"
    r"compare"
)


# Measures set against each other are amounts: "is a teaspoon of X the same as 5 g".
_MEASURE = _re(r"\d+(\.\d+)? ?(g|mg|grams?|mcg|iu)|teaspoons?|tablespoons?|tsp|tbsp|spoonfuls?|scoops?")


# Where the asker met the name, after it: "what is this gaba stuff people keep talking about".
_HEARD_OF = re.compile(
    r"( (stuff|thing|supplement|product))?( (that|which))? (people|everyone|everybody|you|they|my \w+|the \w+|i|we) "
    r"(\w+ ){0,2}(talking about|talk about|talks about|mention\w*|recommend\w*|suggest\w*|hearing about|hear about|"
    r"heard about|rav\w* about|going on about|on about|selling|sells)$"
)


def _what_is(text: str, signals: Signals) -> bool:
    """"What is X?" where X is all the question names (and where the asker heard of it)."""
    text = _HEARD_OF.sub("", text)
    match = _WHAT_IS.match(text)
    if match is None:
        return False
    return bool(signals.kinds) and len(text.split()) - len(match.group(0).split()) <= 4 and not (
        re.search(r"\b(dose|dosage|side|effect|best|safe|risk|evidence|difference|link|connection|maximum|max|"
                  r"limit|amount|much|many|interaction|converted|turned|become|made|broken|role|alternative|"
                  r"better|instead|mechanism|pathway|biology|science|chemistry|danger|concern|warning|precaution|"
                  r"contraindication|caution|reaction|downside|ld ?50)s?\b"
                  r"(?<!\bmade(?= (from|of|out of)\b))",
                  text)
    )


_EFFECT_STRONG = _re(
    r"help|helps|improve\w*|work for|good for|benefit\w*|ease|relieve\w*|worse|worsen\w*|should i (take|try|start) "
    r"(\w+ ){0,2}for"
)
# What the research says on a topic is an effect question, even when the topic is a risk ("any trials on
# omega-3 and suicide risk in depression").
_EVIDENCE_ON = _re(
    r"(any|the|what do|what does|is there|are there) (\w+ )?(trials?|studies|study|research|evidence|rcts?|data|"
    r"meta analys[ie]s|stats|statistics|figures) (on|about|into|of|looking at|for|linking)"
)


# Lowering the risk or rate of something is a benefit asked about ("does magnesium lower suicide risk",
# "can omega 3 reduce the chance of a relapse"); raising it is a side effect (`_SIDE`).
_LOWERS_RISK = _re(
    r"(lower|lowers|lowering|lowered|reduce|reduces|reducing|reduced|cut|cuts|cutting|decrease|decreases|"
    r"decreasing|prevent|prevents|preventing) (the |my |your |his |her |their |a )?(\w+ ){0,2}(risk|risks|rates?|"
    r"chances?|odds|likelihood)"
)
# What research shows about a medicine's own effect ("is there evidence that lithium prevents suicide").
_EVIDENCE_THAT = _re(r"(evidence|proof|research|studies|data|trials) (that|showing|suggesting|saying)")


def _effect_on_outcome(text: str, kinds: Collection[str], message: str = "") -> bool:
    """A medicine named as context for a question about an effect on a symptom ("I'm on gabapentin;
    would glutamine help my energy?") is an effect question, not an interaction one; so is a
    medicine's own effect asked about with no supplement beside it ("does lithium in tap water lower
    suicide rates", "is there evidence that lithium prevents suicide"). `message` is the whole message,
    normalised."""
    if re.search(r"\b(interact\w*|interfere\w*|together|combine\w*|mix\w*|less effective|effect of|with my|"
                 r"alongside|while on)\b", text):
        return False
    if SUBSTANCE not in text and (_LOWERS_RISK.search(text) or _EVIDENCE_THAT.search(text) or _EVIDENCE_ON.search(
        text
    )):
        return True
    helps = re.search(
        r"\b(help|helps|improve\w*|ease|relieve\w*|boost|give me|take the edge off|good for|work for|clear|lift|"
        r"sort out|fix|"
        r"bring (\w+ ){1,2}back|bring (my|the|your|his|her) \w+|"
        r"recover\w*|heal|settle)\b",
        text,
    )
    # a supplement added on top of a medicine that is not doing enough ("still foggy on gabapentin,
    # would adding X clear my head", "would fish oil help on top") asks about its effect
    added = re.search(r"\b(adding|add|on top|top up|augment\w*|boost (it|the effect))\b", text)
    # "i'm on sertraline but still low, would saffron help": the help asked of the supplement is the question
    # unless an amount of the medicine is told in the message ("took a whole packet of paracetamol. will
    # glutamine help" is about the two together)
    asked_help = bool(_HELP_ASKED.search(text)) and not _DOSING_AMOUNT.search(message or text)
    cause = _MEDICINE_AS_CAUSE.search(text)
    return bool(helps) and (
        bool(set(kinds) & {"outcome", "condition", "process"}) or bool(added) or asked_help or bool(cause)
    )


_HELP_ASKED = _re(r"(would|will|could|can|might|does|do) zzsubstance help( me| at all| too| as well)?$")


# A medicine told as the cause of what the person suffers ("numb feet from his chemotherapy"): the story
# of a harm the supplement is asked to help with, not a combination.
_MEDICINE_AS_CAUSE = _re(
    r"(from|after|since|because of|due to|caused by|thanks to) (my |his |her |their |the )?zzmedicine|zzmedicine (is|s|"
    r"has|keeps|has been|have been) (\w+ing|made|left|given|wrecked|ruined|killed|destroyed|caused|taken)"
)


_DIFFERENCE = _re(
    r"(what s|whats|what is) the (difference|diff)|(difference|differences|diff) between|how (do|does|are|is) (\w+ )"
    r"{1,4}differ"
)
_RANKS = _re(r"better|best|worse|more effective|stronger|which")


def _difference_not_rank(text: str) -> bool:
    """Two things set side by side ask what tells them apart unless the question ranks them: "glutamine
    vs glutamate, whats the difference" is a definition, "glutamine vs glutamate, which is better" a
    comparison."""
    if not _COMPARISON_STRONG.search(text):
        return True
    return bool(_DIFFERENCE.search(text)) and not _RANKS.search(text)


def _normal_amount(text: str) -> str:
    """"How many grams a day is normal" asks whether an amount is usual, not whether a symptom is: the
    words "normal"/"common" are read as a side-effect cue only when no amount is asked about."""
    if re.search(r"\b(how (much|many)|what amount|(usual|normal|typical) (dose|amount))\b", text):
        return re.sub(r"\b(normal|common|usual|typical)\b", " ", text)
    return text


def _duration_of_benefit(text: str) -> bool:
    """"How long does it take to work" asks when the effect comes; "how long do I need to take it for" asks
    how long to stay on it (a person must go on taking it)."""
    return bool(re.search(r"how long (does|do|did|will|would|until|till|before) (\w+ ){0,3}(take|start|kick|work)",
                          text)) and not re.search(r"\b(dose|how much|grams|\d+ ?g)\b|how long (do|should|will|would|"
                                                   r"must) (i|you|we|he|she|they) (need|have) to", text)


def _good_for(text: str) -> bool:
    """"good for" and "a good idea for <a goal>" ask about an effect; "bad for", "safe for", "ok for" and
    "a good idea for <someone>" about safety (guide rule 5)."""
    good_for = re.search(r"\bgood for\b|\bgood (idea|plan|choice|option|move|call) for (my |your |his |her |the )?"
                         r"(?!(me|you|him|her|them|people|someone|anyone|kids|children|a|an)\b)\w+", text)
    return bool(good_for) and not re.search(r"\b(safe|bad|ok|okay|risk\w*|harm\w*)\b", text)


def _bare(text: str, signals: Signals) -> IntentReading:
    """Bare keywords (guide rule 10) and the fallbacks: every intent here but "what is <a name>" is a
    default for what the question names, not read from a cue, so it is flagged as one."""
    kinds = signals.kinds
    if not signals.substances:
        if _WHAT_IS.match(text) and kinds:
            return IntentReading(Intent.DEFINITION)
        if kinds & {"condition", "outcome"} and _asks(text):
            return IntentReading(Intent.EFFECT, fallback=True)
        unnamed_supplement = (signals.options or signals.unknown_names) and not (signals.medicine or signals.foods)
        if unnamed_supplement and "process" in kinds and _asks(text):
            # a supplement the base lacks and a body process ("does oregano oil kill gut bacteria"): guide rule 10
            return IntentReading(Intent.EFFECT, fallback=True)
        unlisted = unlisted_supplement_intent(text, options=signals.options, unknown_names=signals.unknown_names)
        if unlisted is not None and not kinds and not (signals.medicine or signals.foods or signals.population):
            # "could glucosamine help", "what is spirulina": a name the base lacks, asked about (question_frames)
            return IntentReading(Intent(unlisted))
        return IntentReading(Intent.DEFINITION if kinds and len(text.split()) <= 3 else Intent.UNKNOWN, fallback=True)
    if signals.medicine:
        return IntentReading(Intent.INTERACTION, fallback=True)
    if (signals.population or _POPULATION_WORDS.search(text)) and not wishes_it_for_a_goal(text):
        # "would X make her bones stronger" asks what it does, whoever takes it (tryout15)
        return IntentReading(Intent.EFFECT if _DOES_WHAT.search(text) else Intent.SAFETY, fallback=True)
    if kinds & {"condition", "outcome", "process"} or signals.unknown_names:
        return IntentReading(Intent.EFFECT, fallback=True)
    if len(text.split()) <= 3 and not _AUXILIARY.match(text):
        return IntentReading(Intent.DEFINITION, fallback=True)
    return IntentReading(Intent.EFFECT, fallback=True)


# "does X ..." asks about what X does, whatever its verb (one an idiom hid: "does X kill cancer cells").
_AUXILIARY = re.compile(r"(does|do|can|could|will|would|did) zzsubstance\b")
# "does X stop old people getting dementia", "would X make her bones stronger": what X does, asked of a
# stage of life; not "can X be taken", "would X harm the baby" (safety).
_DOES_WHAT = re.compile(
    r"\b(does|do|did|will|would|could) zzsubstance "
    r"(?!(be|is|hurt|harm|affect|damage|cause|pass|get|go|cross|reach|transfer|interfere|upset)\b)\w+"
)
