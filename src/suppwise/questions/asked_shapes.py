"""Shapes of question that ask how it acts, which of two, whether it cures, what else, what it is, or
which foods hold it (issue 12, nineteenth round).

Why shapes: the word-by-word rules in `intent` read cue words ("help", "safe", "take") in a fixed order,
so a question people build in a set way for one of these six intents fell to the cue word inside it, or
to the default for what it names (effect). Each shape below is a way people ask, whatever they name:

- mechanism: "what does X (actually) do in your gut / in the body", "explain how X makes you sleepy",
  "does it work like an antidepressant in the brain", "does it act on the nerve cells", "is it stored in
  fat", "wie wirkt X";
- comparison: "between X and Y, which ...", "how do X and Y stack up against each other", "would X do a
  better job than it" (a medicine told before the question is one of the options);
- cure: "does X fix it or just mask it" (fix for good, or hide the symptoms), "will I ever be free of
  fibro", "get him shot of it", "wyleczy", "curar", "anything that makes it go away", "reset my body
  clock for good", "sorted permanently", "has anyone beaten chronic fatigue";
- alternatives: "what (else) can I take for sleep besides X" in Spanish, Portuguese and Italian
  ("ademas del", "alem da", "oltre alla"), "natural stuff for lupus fatigue", "supplements that
  (actually) work" with nothing named, "any cheaper options that do the same job", "a more natural way
  to sleep", "what do other people with fibro take for brain fog";
- definition: "what is X made from", "co to jest X", "qué es X", "X, what is it", "what's the deal
  with X";
- sources: "does <food> have X in it", "where do I get X without fish / from food".

The twenty-second round (intentA15, `_round_22_shape`, read first) adds the shapes the fresh sets showed
missing: heal with what it heals as its object ("can glutamine heal leaky gut") is a cure; a second
option the base does not know, ranked or bare with a goal ("magnesium or feverfew for migraine"), and
"which does more" after two options are comparisons, and two salts of one mineral are forms
(administration, guide rule 9); "how does X tie in with Y" and "how X is working" ask the mechanism;
"what is X, saw it at the pharmacy", "is X a food or a supplement" and "what is <a name nobody
knows>" ask what it is; a kind of product asked for a goal ("which vitamin is good for fibro") asks for
options; who regulates supplements, how to tell a brand is legit, subreddit or forum recommendations
and whether to report something to someone are resources; a medicine said to act on one supplement or
another ("does omeprazole mess with my magnesium or b12") is an interaction, not a ranking.

The text read is the predicate `intent.detect_intent` reads: lower case, fillers gone ("actually",
"like"), Spanish, Portuguese and Italian "puedo/posso tomar" read "can i take", named substances written
``zzsubstance``, medicines ``zzmedicine``, foods ``zzfood``. Each shape is narrow on purpose: where none
fits, the ordinary rules decide. A medicine named in the question leaves the question to the
interaction rules, except where the medicine is only what the substance is likened to.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from suppwise.questions.common_words import COMMON_WORDS
from suppwise.questions.intents import Intent
from suppwise.questions.word_pattern import whole_words as _re

if TYPE_CHECKING:
    from suppwise.questions.intent import Signals

__all__ = ["asked_shape"]


_ORGAN = r"(body|brain|gut|stomach|cells?|liver|kidneys?|muscles?|nerves?|nervous system|system|organs?|blood)"
_OWNER = r"(the|your|ur|my|our|his|her|their|a|an|each)"
# What it does, said of the body or of an organ, or asked bare: how it acts (guide: mechanism).
_DOES_IN_BODY = _re(
    r"(what|wat|wot) (does|do|did|will|would|is|are|s) (zzsubstance|it|they) (do|doing|does) (in|to|inside|"
    r"for) " + _OWNER
    + r" (\w+ )?" + _ORGAN + r"|(what|wat|wot) zzsubstance (does|do) (in|to|inside) " + _OWNER + r" (\w+ )?" + _ORGAN
)
# Where it acts or is kept in the body: "does it act on the nerve cells themselves", "is vitamin d stored in
# fat or does it wash out", "what is it doing to them" (of muscles just named).
_ACTS_ON_BODY = _re(
    r"(act|acts|acting) (directly )?on (the |my |your |our |his |her )?(\w+ )?" + _ORGAN + r"|"
    r"(stored|kept) (in|as) (the |your |my |body |fat )?"
    r"(fat|fatty tissue|fat cells|liver|tissues?|bones?|body)|(wash|washes|flush|flushes|wee|pee) (it |them )?out|"
    r"(what|wat) (is|s|are) (it|they|zzsubstance) (\w+ )?doing (to|in|inside) (them|those|there)$|"
    r"absorbed (in|into|through|from|by|via) (the |your |my )?(\w+ )?" + _ORGAN + r"|"
    # what kind of actor it is in the body, and what it feeds there
    r"(work|works|act|acts|function|functions|behave|behaves) (more )?(as |like )?(a|an) (hormone|antioxidant|"
    r"neurotransmitter|precursor|building block|messenger|cofactor|co factor|fuel)|"
    r"(feed|feeds|fuel|fuels|nourish|nourishes) (the |your |my )?(\w+ ){0,3}(cells|lining|neurons|bacteria|microbes)|"
    r"(feed|feeds|fuel|fuels) (that|this)$|is it (the |a )?\w+ (that|which) (makes|lets|helps) zzsubstance"
)
# How it is the kind of thing it is said to be, and two things asked to be explained together: "how exactly is
# st johns wort an antidepressant", "explain omega 3 and inflammation to me".
_HOW_IT_IS_A = _re(r"how (is|are) (zzsubstance|it|they) (an?|the) \w+|^explain (zzsubstance|it) (and|with) \w+")
# "How does it work" in the languages the corpus's other-language items use (German, Polish, Spanish,
# Portuguese, Italian).
_HOW_IT_WORKS_ELSEWHERE = _re(
    r"wie (wirkt|wirken|funktioniert)|jak (dziala|działa|dzialaja|działają)|(como|cómo) (funciona|actua|actúa|age)|"
    r"come (funziona|agisce)"
)
# Asked to explain how it does something: "explain to me how X makes you sleepy".
_EXPLAIN_HOW = _re(r"explain\b.*\bhow (zzsubstance|it) (?!compar)\w+")
# Likened to a medicine in how it acts: "does it work like an antidepressant in the brain" ("like" is a
# filler the predicate drops, so "works an zzmedicine").
_WORKS_LIKE = _re(r"(work|works|working|worked|act|acts|acting) (as )?(an? )?zzmedicine")
_COMBINED_WITH = _re(r"(with|alongside|and|while on|on|plus) (my |his |her |their |the )?zzmedicine|zzmedicine and")

_BETWEEN = _re(r"between zz\w+ and zz\w+\b.*\b(which|better|best|worse|stronger|more|less)")
# Set against each other: "how do X and Y stack up against each other", "X and Y head to head".
_AGAINST_EACH_OTHER = _re(
    r"(stack|stacks|stacking|measure|measures|shape|shapes) up (against|to|next to|with)|against each other|"
    r"compared (to|with) each other|head to head|side by side"
)

# A difference in how well they work, asked between two options: "the difference in results between X and Y".
_RESULTS_DIFFER = _re(r"difference (in|of) (results?|effect|effects|effectiveness|outcomes?|how well) between")
# Set against what the person takes, named before the question ("i already take sertraline for anxiety,
# would saffron do a better job than it"): the medicine is one of the options (guide rule 2).
_BETTER_THAN_IT = _re(
    r"(do|does|did|doing) (a |an )?(any |much |far )?(better|worse) job than|(better|worse|gentler|stronger|weaker|"
    r"milder|more effective|less effective) than (it|them|that|those|(my|the|his|her|their) zzmedicine)$"
)
# A second option asked about alone after the first was told of ("melatonin did nothing for me, would magnesium
# be better"): better than the one told.
_BETTER_ALONE = _re(r"(would|will|is|could|might) zzsubstance (be )?(any |much |a lot )?(better|stronger|gentler|more "
                    r"effective)$")
# Fix for good, or only hide the symptoms: whether it makes the condition go away (guide: cure).
_FIX_OR_MASK = _re(
    r"(fix|fixes|cure|cures|heal|heals|treat|treats|solve|solves|sort|sorts|resolve|resolves)\b.*\bor (just |only |"
    r"simply |merely )?(mask|masks|hide|hides|cover|covers|numb|numbs|paper over|papers over|band ?aid|plaster)"
)
# Free of the condition for good: "will I ever be free of fibro", "get him shot of it".
_FREE_OF = _re(r"(be|get|am|being|become|live|living) (\w+ )?free (of|from)|(get|got|getting|be) (me |him |her |them |"
               r"us |you )?(shot|shut|shed) of|finally (get|be) (\w+ )?rid of")
# Made to go away, or set right for good: "is there anything that makes it go away", "will it reset my body
# clock permanently".
_MADE_TO_GO = _re(
    r"(make|makes|made|making) (it |them |this |that |(the|my|his|her|your) (\w+ ){1,2})(go away|disappear|vanish|"
    r"clear up)"
)
_SET_RIGHT_FOR_GOOD = _re(
    r"(reset|resets|retrain|retrains|rebalance|rebalances|restore|restores|repair|repairs|sorted|fixed|resolved|"
    r"healed|cleared) (\w+ ){0,4}(permanently|for good|forever|for ever|once and for all)"
)
# A condition beaten or overcome: "has anyone beaten chronic fatigue with supplements".
_BEATEN = _re(r"(has|have|had|anyone|to|can|could|will|would|you|i|ever|finally) (actually |really )?(beat|beaten|"
              r"overcome|overcame|conquer|conquered|kicked) (my |his |her |their |the |your )?\w+")
# "Cure" in the languages the corpus's other-language items use (Polish, Spanish, Portuguese, Italian).
_CURE_ELSEWHERE = _re(r"wyleczy\w*|uleczy\w*|curar|curara|curará|curaria|curaría|curaré|guarire|guarisce|guariscono")

# "What can I take for sleep besides X" in Spanish, Portuguese and Italian ("puedo/posso tomar" and
# "posso prendere" are read "can i take"): options not named (guide: alternatives).
_BESIDES_ELSEWHERE = _re(
    r"(que|qué|cosa|what)( mas| más| else| altro)? can i take\b.*\b(ademas|además|aparte|alem|além|oltre|fuera)"
)
_WHICH_BEST_ELSEWHERE = _re(r"(cual|cuál|qual|quale) (es|é|e|è) (el |la |o |a |il )?(mejor|melhor|migliore)")
# Options asked for with nothing named: "natural stuff for lupus fatigue", "pcos supplements that work".
# Something cheaper or more natural to do the same, or what other people take: options not named.
_OTHER_OPTIONS = _re(
    r"(cheaper|cheap|budget|affordable|less expensive) (options?|alternatives?|things?|supplements?|versions?|stuff|"
    r"brands?)|(something|anything|options?|things?) that (does|do) the same (job|thing)|"
    r"(is there|are there|any) (a |an |some )?(more )?(natural|gentler|drug free|non drug) (way|ways|route|approach|"
    r"option|options|alternative|alternatives) (to|for)(?! take)|"
    r"what (do|did|does|would) (other |most |some )?(people|folks|others|you guys|yall|everyone|anyone|other \w+)"
    r"( \w+){0,4} (take|use|try|swear by) (for|to)"
)
_UNNAMED_OPTIONS = _re(
    r"natural (stuff|things|remedies|options|ways|treatments?|alternatives|products|supplements)|"
    r"(supplements|vitamins|remedies|pills|things|stuff) that (work|help|helps|do anything)"
)

_MADE_FROM = _re(
    r"(what|wat|whats|what s)( is| are| s)? (zzsubstance|it|they) (made|derived|extracted|produced|taken) "
    r"(from|of|out of)|"
    r"how (is|are) (zzsubstance|it|they) (made|produced|manufactured|extracted)(?! (in|by|inside))"
)
_WHAT_IS_ELSEWHERE = re.compile(
    r"^(co to jest|co to|czym jest|czym sa|czym są|que es|qué es|que son|qué son|o que e|o que é|o que sao|o que são|"
    r"che cos e|che cos è|che cosa e|che cosa è|cos e|cos è|cosa e|cosa è|was ist)\b"
)
_THE_DEAL_WITH = _re(r"(what|wat|whats|what s) (is |s )?the (deal|story|lowdown|craic|score) (with|on) zzsubstance$")
_NAME_THEN_WHAT = re.compile(r"^(zz\w+|[a-z0-9-]+( [a-z0-9-]+)?),? (what|wat) (is|s|are) (it|that|this|they)$")

_FOOD_HOLDS = _re(r"(have|has|got) (any |much |some |enough |a lot of |lots of |loads of )?zzsubstance in (it|them)")
_WHERE_GET = _re(
    r"where (else )?(do|can|could|would|should|will|does|might) (i|you|he|she|we|they|someone|people|one|vegans?|"
    r"vegetarians?) get (enough |my |his |her |their |your )?zzsubstance"
)
_FOOD_WORD = _re(
    r"food|foods|diet|eat|eating|eats|vegan|vegetarian|plant|plants|fish|meat|dairy|zzfood|without (zz\w+|\w+)"
)


# ---------------------------------------------------------------------------------------------------
# Twenty-second round (intentA15): shapes read from the fresh sets' misses.

# Heal with what it heals as its object, said of the supplement or opening the message: "can glutamine
# heal leaky gut", "heal hashimotos with selenium" (guide: cure, "heal (a condition, leaky gut)").
# Helping something heal, or healing faster, is an effect on healing; how or why it heals is mechanism.
_HEALS_IT = _re(
    r"(^|(can|could|will|would|does|do|did|might|may|should|zzsubstance) (zzsubstance )?(\w+ )?)(heal|heals)"
    r" (?!(faster|quicker|up|over|better|properly|itself|themselves|naturally|quickly|well)\b)\w+"
)
_HOW_OR_WHY = re.compile(r"^(how|why)\b")
# Two salts of one mineral set against each other are two forms of one supplement (guide rule 9: forms
# are administration): "is magnesium threonate or glycinate better for brain fog", "mag glycinate vs citrate".
_SALTS = (
    r"glycinate|bisglycinate|citrate|threonate|oxide|malate|taurate|chloride|sulphate|sulfate|carbonate|"
    r"gluconate|picolinate|orotate|lactate"
)
# A second option the base may not know, set against a named one by a ranking or bare with a goal:
# "is magnesium or riboflavin better for prevention", "magnesium or feverfew for migraine prevention".
_NOT_OPTIONS = (
    r"it|them|that|this|not|nothing|something|anything|else|another|other|placebo|taking|skipping|stopping|morning|night|bedtime|evening|food|powder|"
    r"capsules?|tablets?|gummies|liquid|drops|spray|pills?|just|both|either|neither|is|are|do|does|can|should|"
    r"would|will|a whole|half|" + _SALTS
)
_OR_OTHER_RANKED = _re(
    r"zzsubstance or (an? |the )?(?!(" + _NOT_OPTIONS + r")\b)\w+( \w+)? (better|best|stronger|gentler|more "
    r"effective|the better|the best)\b"
)
_OR_OTHER_FOR = re.compile(r"^(zzsubstance) or (an? )?(?!(" + _NOT_OPTIONS + r")\b)[a-z]\w+ for \w+")
# Which of the options just named does more: "probiotic yogurt or a capsule - which does more for your gut"
_WHICH_DOES_MORE = _re(r"^which (one )?(does|do|works?|helps?|is) (more|better|best|most|the most|the best)")
# Which of two named options the reader would pick: "between saffron and st john's wort, what would you go
# with", "what should i get, magnesium or melatonin".
_WHICH_PICKED = _re(
    r"(what|which)( one)? (would|should|do|could) (you|i|u|we) (go with|go for|pick|choose|take|use|try|recommend|get|"
    r"start with)"
)
# Rid of a condition, asked of the person's future: "will i ever be rid of ibs" ("ever" is a filler the
# predicate drops), "will she finally be rid of it".
_EVER_RID_OF = _re(r"(will|would|could|can|shall) (i|we|he|she|they|you|u) (\w+ )?(be|get) (\w+ )?rid of")
_SALT_AGAINST_SALT = _re(
    r"zzsubstance (or|vs|versus|v|compared to|compared with|against|(better|worse|gentler|stronger) than) (the )?("
    + _SALTS + r")\b"
)
# One named option said to outdo another in strength or mildness: "is 5-htp stronger than st john's wort"
# ("better than" is read by the comparison rules; "safer than" weighs safety, left to them).
_STRONGER_THAN = _re(
    r"zzsubstance (\w+ )?(stronger|weaker|gentler|milder|more effective|less effective|more powerful|more potent) "
    r"than (an? |the )?zzsubstance"
)

# How two named things are linked, or how it works asked without the helping verb: "how does leaky gut
# connect to depression", "how SAMe is working".
_HOW_CONNECTED = _re(
    r"how (does|do|did|can|could|would|might|is|are) (\w+ ){1,5}(connect|connects|tie|ties|tie in|ties in|link|"
    r"links|feed|feeds) (in )?(to|into|with)"
)
_HOW_IT_IS_WORKING = re.compile(r"^how (zzsubstance|it|they) (is |are |s )?(work|works|working|act|acts|acting)\b")

# What it is, asked before the asker tells where they met it: "what is SAMe, saw it at the pharmacy".
_WHAT_IS_THEN_TOLD = re.compile(
    r"^(what|whats|what s) (is |are |s )?(an? |the )?zzsubstance,? (i |we |just |only )?(saw|seen|see|heard|read|"
    r"noticed|spotted|found|came across|come across|got|was given|were given|bought|keep seeing)\b"
)
# What a name the base does not know is, asked bare: "what even is coq10", "whats pqq". The name is one
# word no everyday-word list holds and no cue of another intent ("whats the max", "what is ld50").
_WHAT_IS_UNKNOWN = re.compile(r"^(what|whats|what s) (is |are |s )?(?P<name>[a-z][a-z0-9-]*)$")
_CUE_NOT_NAME = _re(
    r"max|maximum|min|minimum|limit|ld50|ld 50|od|overdose|lethal|fatal|toxic|dosage|dosing|risk|risks|side|effects?|"
    r"interactions?|safe|ok|okay|normal|up|wrong|happening|next|new|it|this|that|these|those|they|them|there"
)


def _names_an_unknown_thing(t: str) -> bool:
    """Whether `t` is "what is <name>" for a single word that is neither an everyday word nor a cue."""
    match = _WHAT_IS_UNKNOWN.match(t)
    if match is None:
        return False
    name = match.group("name")
    return name not in COMMON_WORDS and not _CUE_NOT_NAME.search(name)


# Who oversees supplements, how to tell a brand can be trusted, and where people meet online: organisations
# and places to ask (guide: resources).
_WHO_OVERSEES = _re(
    r"who (regulates|regulate|licenses|licences|approves|approve|checks|tests|inspects|monitors|oversees|controls) "
    r"(the )?(supplements?|suplements?|vitamins?|herbal (remedies|products|medicines)|herbs|brands?|products?)"
)
_BRAND_TRUSTED = _re(
    r"how (do|can|could|would|should) (i|you|we|one|people) (check|tell|know|find out|verify|be sure|make sure) "
    r"(if |whether |that )?(a |the |this |that |my |your )?(\w+ )?(brand|product|company|supplier|seller|shop|website|"
    r"manufacturer|make)s? (is |are )?(legit|genuine|trustworthy|reputable|real|any good|good quality|high "
    r"quality|third party tested|tested|trusted)"
)
_PLACES_TO_ASK = _re(
    r"(subreddits?|reddits?|discords?|facebook groups?|online (groups?|communit(y|ies)|forums?)|communit(y|ies)|"
    r"forums?|support groups?|groups?) (recs|recommendations?|suggestions?|to join)|(recs|recommendations?|"
    r"suggestions?) (for )?(a |any |some )?(subreddits?|reddits?|discords?|facebook groups?|forums?|communit(y|ies)|"
    r"groups?)|any (good )?(subreddits?|discords?|facebook groups?)"
)
# Whether anything at all helps a goal, nothing named: "just wondering if anything helps the fatigue"
# (guide: alternatives, "what helps a goal when no substance is named").
_ANYTHING_HELPS = _re(
    r"(if|whether|wonder|wondering|know) (there is |there s )?anything (at all )?(that )?(helps?|works?|would help|"
    r"could help|can help|might help|will help|eases?)"
)
# Where to follow, meet or track: channels, accounts, apps and online communities asked for (guide:
# resources), "any youtube channels about fibro that aren't quackery", "is there an app for tracking ibs".
_MEDIA = (
    r"youtube (channels?|videos?)|youtubers?|channels|instagram( accounts?| pages?)?|tiktok( accounts?)?|tiktokers|"
    r"accounts|podcasts?|apps?|online (groups?|communit(y|ies)|forums?|support)|communit(y|ies)|influencers|"
    r"newsletters?"
)
_MEDIA_ASKED = _re(
    r"(any|some|good|decent|recommend\w*|suggest\w*|know (of )?(any|a|some)|is there (a|an|any)|are there( any)?) "
    r"(\w+ ){0,2}(" + _MEDIA + r") (for|about|on|that|which|to|run by|by|with)"
)
# Whom to see and how to get there: "what kind of doctor treats fibromyalgia", "where to find a fibro
# specialist", "how do i get referred to a rheumatologist".
_WHOM_TO_SEE = _re(
    r"(what|which) (kind of |sort of |type of )?(doctor|specialist|consultant|clinic|professional|practitioner|"
    r"therapist|service) (treats?|deals? with|looks? after|handles|specialises in|specializes in|is best for)|"
    r"(how (do|can|could|would|should) (i|we|you)|where (can|do|could|would|should) (i|we|you)|where to|how to) "
    r"(find|see|get to see|get referred to|get a referral to|be referred to|get an appointment with) (a |an |the )?"
    r"(\w+ )?(specialist|rheumatologist|gastroenterologist|neurologist|psychiatrist|dietitian|dietician|"
    r"nutritionist|endocrinologist|therapist|counsellor|counselor|consultant|doctor|gp)"
)
# Someone to talk to or trust, and help for those who care for someone: "i need to talk to someone about my
# depression", "can i talk to a pharmacist about this", "who can help me with my son's anxiety", "any
# support for parents of kids with epilepsy".
_SOMEONE_TO_ASK = _re(
    r"(need|want|like|have) to (talk|speak) to (someone|somebody|a (professional|pharmacist|doctor|nurse|counsellor|"
    r"counselor|therapist))|can (i|we) (talk|speak) to (a |an |the |my )?(pharmacist|doctor|gp|nurse|someone|"
    r"somebody|therapist|counsellor|counselor)|who (can|could|should) (i|we) trust (for|about|on|with)|who (can|could)"
    r" help (me|us|him|her|them) (with|about)|(any|is there|are there) (\w+ )?(support|help|advice) (for|available "
    r"for) (parents|carers|caregivers|families|partners|kids|children|teens|mums|moms|dads|those who|people who|people "
    r"caring|people looking)"
)
# Whether a product is approved, and where to check: "where can i check if a supplement is approved".
_CHECK_APPROVED = _re(
    r"(where|how) (can|do|could|would|should) (i|we|you) (check|find out|see|look up|verify|tell) (if|whether) (a |"
    r"the |this |my )?(\w+ )?(supplement|product|brand|medicine|herb|remedy)s? (is |are )?(approved|licensed|"
    r"licenced|registered|regulated|legal|banned|recalled)"
)
# A kind of product asked for a goal, none named: "which vitamin is good for fibromyalgia", "what gummies help
# anxiety", "any vitamins for scars", "any calming supplement for me" (guide: alternatives). A weighing word
# asks whether one is safe ("a supplement for my fatigue, is it safe").
_KIND_FOR_A_GOAL = _re(
    r"(which|what|any|some) (\w+ )?(vitamins?|supplements?|gummies|pills|tablets|herbs?|remed(y|ies)|minerals?|"
    r"capsules)( (is|are|can|could|would|will|might|do|does|that|to))?( \w+)? (good for|help|helps|give|work|works|"
    r"for)\b"
)
# Anything asked for a goal or to give, none named: "need something for my nerves", "anything for grief and
# sleep", "is there anything I can give him" (guide: alternatives). "Would do anything for a good night's
# sleep" wishes; it asks for nothing.
_ANYTHING_FOR = _re(
    r"(?<!do )(?<!try )(?<!doing )(something|anything) (natural |else |at all )?(for|to help)|(anything|something) "
    r"(else )?(at all )?(left )?((i|we|you) (can|could|should|might) (give|take|try|use|offer)|to try)"
)
_WEIGHS_SAFETY = _re(
    r"safe|safely|ok|okay|avoid|dangerous|danger|risk|risky|harm|harmful|interact\w*|allowed|bad for|side effects?|"
    r"toxic|overdose|too much|how much|dose|dosage"
)
# What kind of thing it is, of two kinds: "is fish oil a medicine or a food" (guide: definition).
_WHICH_KIND = _re(
    r"(is|are) zzsubstance (an? |classed as an? |considered an? |counted as an? )?(medicine|drug|supplement|food|"
    r"vitamin|mineral|herb|hormone|nutrient|amino acid|probiotic|chemical) or (an? |just an? )?(medicine|drug|"
    r"supplement|food|vitamin|mineral|herb|hormone|nutrient|amino acid|probiotic|chemical)$"
)
# Whether to tell someone what was seen: "should I report that to someone" (guide: resources, whom to tell).
_REPORT_TO_SOMEONE = _re(
    r"(should|do|must|can|could|would) (i|we) (report|flag|raise|escalate|pass on|mention) (this |that |it |him |her "
    r"|them )?(to )?(someone|anyone|somebody|anybody|the (doctor|gp|nurse|pharmacist|team|manager|safeguarding "
    r"lead|police|authorities))"
)
# A medicine said to act on one named supplement or another, nothing ranked: "been on omeprazole for years,
# does that mess with my magnesium or b12" asks what the medicine does to each (guide: interaction), though
# "or" sets the two side by side.
_MEDICINE_ON_EITHER = _re(
    r"(mess|messes|interfere|interferes|affect|affects|lower|lowers|deplete|depletes|block|blocks|reduce|reduces|"
    r"interact|interacts|drain|drains|rob|robs|use up|uses up|eat up|eats up) (up )?(me |you )?(with |of )?(my |the |"
    r"your |his |her )?zzsubstance (levels? )?or (my |the |your )?zzsubstance"
)
_RANKING = _re(r"better|best|worse|more|most|less|which|vs|versus|compare\w*|than|stronger|weaker|prefer\w*")


def _round_22_shape(t: str, signals: Signals) -> str | None:
    """The shapes of the twenty-second round (above), or None. A medicine named leaves the question to
    the interaction rules, as for the other shapes."""
    kinds = signals.kinds
    named = signals.substances > 0
    if (
        _WHO_OVERSEES.search(t) or _BRAND_TRUSTED.search(t) or _PLACES_TO_ASK.search(t) or _MEDIA_ASKED.search(t)
        or _WHOM_TO_SEE.search(t) or _SOMEONE_TO_ASK.search(t) or _CHECK_APPROVED.search(t)
    ):
        return Intent.RESOURCES
    if _REPORT_TO_SOMEONE.search(t):
        return Intent.RESOURCES
    if signals.medicine:
        return Intent.INTERACTION if _MEDICINE_ON_EITHER.search(t) and not _RANKING.search(t) else None
    if not named and not _WEIGHS_SAFETY.search(t) and (
        _KIND_FOR_A_GOAL.search(t) or ("thing" in t and kinds & {"condition", "outcome"} and _ANYTHING_FOR.search(t))
    ):
        return Intent.ALTERNATIVES
    if named and _WHICH_KIND.search(t):
        return Intent.DEFINITION
    if named and _SALT_AGAINST_SALT.search(t):
        return Intent.ADMINISTRATION
    if "heal" in t and (named or "condition" in kinds) and kinds & {"condition", "process", "outcome"} and (
        _HEALS_IT.search(t) and not _HOW_OR_WHY.match(t)
    ):
        return Intent.CURE
    if named and (
        _OR_OTHER_RANKED.search(t) or (_OR_OTHER_FOR.match(t) and kinds & {"condition", "outcome", "process"})
    ):
        return Intent.COMPARISON
    if "condition" in kinds and _EVER_RID_OF.search(t):
        return Intent.CURE
    if signals.options >= 2 and signals.substances >= 1 and _WHICH_PICKED.search(t):
        return Intent.COMPARISON
    if signals.options >= 2 and (_STRONGER_THAN.search(t) or (signals.contrasted and _WHICH_DOES_MORE.search(t))):
        return Intent.COMPARISON
    if (kinds and _HOW_CONNECTED.search(t)) or (named and _HOW_IT_IS_WORKING.match(t)):
        return Intent.MECHANISM
    if not named and not signals.options and kinds & {"condition", "outcome"} and _ANYTHING_HELPS.search(t):
        return Intent.ALTERNATIVES
    if named and _WHAT_IS_THEN_TOLD.match(t):
        return Intent.DEFINITION
    if not kinds and not signals.options and _names_an_unknown_thing(t):
        return Intent.DEFINITION
    return None


def asked_shape(t: str, signals: Signals) -> str | None:
    """The intent a shape of question in `t` asks, or None where no shape fits."""
    named = signals.substances > 0
    latest = _round_22_shape(t, signals)
    if latest is not None:
        return latest
    if not signals.medicine:
        if named and (
            _DOES_IN_BODY.search(t) or _EXPLAIN_HOW.search(t) or _ACTS_ON_BODY.search(t)
            or _HOW_IT_WORKS_ELSEWHERE.search(t) or _HOW_IT_IS_A.search(t)
        ):
            return Intent.MECHANISM
        if signals.options >= 2 and (
            _BETWEEN.search(t) or _AGAINST_EACH_OTHER.search(t) or _BETTER_THAN_IT.search(t) or _BETTER_ALONE.search(t)
            or _RESULTS_DIFFER.search(t)
        ):
            return Intent.COMPARISON
        if (named or "condition" in signals.kinds) and (
            _FIX_OR_MASK.search(t) or _CURE_ELSEWHERE.search(t) or _SET_RIGHT_FOR_GOOD.search(t)
        ):
            return Intent.CURE
        if "condition" in signals.kinds and (_MADE_TO_GO.search(t) or _BEATEN.search(t)):
            return Intent.CURE  # a condition made to go away; a symptom eased is an effect
        if "condition" in signals.kinds and _FREE_OF.search(t):
            return Intent.CURE
        if _BESIDES_ELSEWHERE.search(t) or (_WHICH_BEST_ELSEWHERE.search(t) and signals.options <= 1):
            return Intent.ALTERNATIVES
        if _OTHER_OPTIONS.search(t):
            return Intent.ALTERNATIVES
        if not named and _UNNAMED_OPTIONS.search(t) and signals.kinds & {"condition", "outcome"}:
            return Intent.ALTERNATIVES
        if named and (_MADE_FROM.search(t) or _WHAT_IS_ELSEWHERE.search(t) or _THE_DEAL_WITH.search(t)):
            return Intent.DEFINITION
        if _NAME_THEN_WHAT.search(t):
            return Intent.DEFINITION
        if named and (_FOOD_HOLDS.search(t) or (_WHERE_GET.search(t) and _FOOD_WORD.search(t))):
            return Intent.SOURCES
    elif named and (_WORKS_LIKE.search(t) or _HOW_IT_IS_A.search(t)) and not _COMBINED_WITH.search(t):
        return Intent.MECHANISM
    elif named and (
        _BETTER_THAN_IT.search(t)
        or (signals.options >= 2 and (_BETWEEN.search(t) or _AGAINST_EACH_OTHER.search(t) or _RESULTS_DIFFER.search(t)))
    ):
        return Intent.COMPARISON
    return None
