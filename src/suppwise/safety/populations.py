"""Recognising special populations (pregnancy, breastfeeding, children, older adults) in a question
and in a population record, so "is it safe while pregnant?" reaches the pregnancy caution and "my 3
year old" the children's one.

Ages and life stages are read as the screen reads a profile's age: under 18 is a child, 65 or over an
older adult (`CHILD_BELOW_AGE`, `OLDER_FROM_AGE`). The population is that of the person the question
is about: a child mentioned in passing ("letters to my kids", "my kids would be better off") places
nobody, nor does a nursing mother's baby (she is the one taking it), nor an adult's childhood ("had
seizures as a child"), nor a son or daughter given an adult age ("my son is 19").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

CHILD_BELOW_AGE = 18
OLDER_FROM_AGE = 65

# "Nursing" is a job as often as a baby: a nursing student, assistant, home or essay places nobody.
_NURSING_AS_WORK = (
    r"(?! (?:students?|assistants?|associates?|auxiliar(?:y|ies)|homes?|staff|jobs?|shifts?|careers?|degrees?|"
    r"courses?|schools?|placements?|essays?|dissertations?|assignments?|exams?|practice|colleagues?|team|care)\b)"
)

# What someone "is expecting" when it is not a baby: an object or an amount ("expecting the results",
# "expecting too much", "expecting it to help", "expecting 2 parcels").
_NOTHING_EXPECTED = (
    r"(?! (?:a|an|the|to|it|that|this|these|those|them|him|her|me|us|you|my|his|their|our|your|some|something|"
    r"anything|nothing|more|less|too|much|many|results?|news|great|big|better|worse|any|lots|a lot|problems?|"
    r"trouble|side|delivery|parcels?|package|call|visitors?|guests?|company|miracles?|improvement|changes?|"
    r"\d+|one|two|three)\b)"
)
# Weeks or months "along" in a trial or a course are not a pregnancy: "3 weeks along in the trial".
_NOT_A_TRIAL = (
    r"(?! (?:in|into|on|with) (?:the|my|this|a|her|his) (?:trial|course|plan|programme|program|diary|experiment|"
    r"protocol|treatment|taper|challenge)\b)"
)

POPULATION_CUES: dict[str, re.Pattern[str]] = {
    # "expecting" alone means a baby only when a person is expecting and nothing else is named:
    # "now I'm expecting", "she's expecting again", not "I'm expecting a parcel".
    "pregnancy": re.compile(
        r"\b(pregnan\w*|preggers|preggo|preggy|expecting a baby|trying to conceive|trying for a baby|ttc|"
        r"(first|second|third|1st|2nd|3rd|last) trimester|(mum|mom|mother) to be|"
        r"expecting (our|my|her|their|a|the) (first |second |third |next )?(baby|child|little one|twins)|"
        r"expecting (our|my|her|their) (first|second|third|next|1st|2nd|3rd)\b|"
        # a person who "is expecting" with nothing expected after it: "my wife is expecting, kindly tell
        # ...", "im expecting in april", not "expecting the results", "expecting too much", "expecting it to"
        r"(i m|im|i am|she|she is|she s|shes|we re|we are|(wife|missus|partner|girlfriend|fiancee|daughter|sister|"
        r"daughter in law|niece|friend)( is| s)?) expecting" + _NOTHING_EXPECTED + r"|"
        # everyday ways of saying it: "bun in the oven", "20 weeks along", "an expectant mum", "a baby on the way"
        r"bun in the oven|up the duff|eating for two|expectant|baby on the way|(is|s|am|was|being) with child|"
        # the weeks of a pregnancy said without the word: "im 36 weeks", "shes 20 wks and ..."
        r"(i m|im|i am|she|she is|she s|shes|wife is|partner is) ([4-9]|[1-3]\d|4[0-2]) (weeks|wks)"
        r"(?! (into|in|on|of|off|since|post|postpartum|post partum|pp|after|ago|clean|sober|free|without|left|old)\b)|"
        r"(weeks?|wks?|months?) along" + _NOT_A_TRIAL + r"|"
        # months "gone" said of a person ("im 7 months gone", "shes five months gone"), never of time passed
        # ("2 months gone and no change"); a trimester cut short ("first tri", "in my 2nd tri"), never a
        # triathlon ("training for my first tri", "first tri race") nor a "try" typed short ("my first tri of
        # 5htp", "first tri at it") (lead19)
        r"(i m|im|i am|she|she is|she s|shes|wife is|wife s|partner is|partner s) ([1-9]|one|two|three|four|five|six|"
        r"seven|eight|nine) (months?|mths?) gone|"
        r"(?<!for my )(?<!for a )(?<!for her )(?<!doing my )(first|second|third|1st|2nd|3rd) tri"
        r"(?! (race|races|training|season|club|bike|suit|kit|swim|of|at|with|was)\b)|"
        # Portuguese, Italian, Spanish (normalised, accents dropped): gravida, gravidez, incinta, embarazada
        r"gravid[ae]z?|gravidanza|gestante|incinta|in attesa di un bambino|embarazad[ao]s?|embarazo|"
        # French, German, Polish (folded): enceinte, grossesse, schwanger, Schwangerschaft, w ciąży
        r"enceinte|grossesse|schwanger\w*|w ciazy|ciaza|ciazy)\b"
    ),
    "breastfeeding": re.compile(
        r"\b(breast ?feed\w*|brest ?feed\w*|breast milk|nursing" + _NURSING_AS_WORK + r"|lactating|lactation|"
        r"chest ?feed\w*|"
        r"express(ing)? (breast )?milk|pumping (breast )?milk|exclusively pumping|"
        # pumping named with what is pumped or whom for ("im pumping for my baby", "i pump milk at work"), and
        # feeding one's baby oneself ("still feeding my baby myself"); pumping at the gym is neither (lead17)
        r"pump(s|ing|ed)? (breast )?milk|pumping for (my|our|the|her) (baby|babies|little one|newborn|son|daughter|"
        r"twins|lo)|feeding (my|our|the|her) (baby|newborn|little one|son|daughter) (myself|herself)|"
        # the forums' short forms: "ebf" (exclusively breastfeeding), "bfing", and "bf" after a word that
        # makes it a doing ("while bf", "still bf my toddler"); "my bf" is a boyfriend
        r"ebf|ebfing|bfing|bf ing|(?:while|still|when|whilst) bf|(?:currently|i m|im) bf(?= my| her| our| a| the)|"
        # Portuguese, Italian, Spanish: amamentando, allattamento, lactancia
        r"amam[ae]nt\w+|allatt\w+|lactancia|dando (el|de) (pecho|mamar)|"
        # French, German, Polish: allaitement, allaite, Stillzeit, stillen, karmienie piersia
        r"allaitement|allaite|allaitant\w*|stillzeit|stillen|stille|karmi\w* piersia)\b"
    ),
    "children": re.compile(r"\b(child\w*|kids?|teen\w*|adolescen\w*|infants?|toddlers?|my (son|daughter))\b"),
    "older adults": re.compile(r"\b(elderly|older (adults?|people)|seniors?)\b"),
}

_RELATIVE = (
    r"(son|daughter|boy|girl|child|kid|grandson|granddaughter|grandchild|nephew|niece|baby|toddler|mum|mom|mother|"
    r"dad|father|husband|wife|partner|gran|grandma|grandad|grandpa|nan|nana|nanna|granny|aunt|uncle|brother|sister|"
    r"lad|lass|little one|grandmother|grandfather|he|she|eldest|youngest|sons|daughters|kids|children|"
    # grandparents and parents named in Italian, Portuguese or Spanish: "my nonna is 92", "minha avo tem 80"
    r"nonna|nonno|avo|avoa|abuela|abuelo|mamma|madre|padre|mae|pai|papa|mama|hijo|hija|"
    # ... in German and French: "mein Sohn ist 10", "meine Mutter ist 80", "ma fille a 7 ans" ("mere" is
    # left out: "a mere 70" is an amount)
    r"sohn|tochter|mutter|vater|oma|opa|fils|fille|"
    # the person a carer or nurse looks after: "my client is 88", "my patient is 84"
    r"client|patient|resident|service user)"
)
# What a number after a person is when it is not their age: "my son 2 tablets", "she 5 mg".
_NOT_AN_AGE = (
    r"(?! ?(?:g|mg|mcg|ug|kg|ml|iu|x|weeks?|days?|months?|minutes?|hours?|percent|times|%|stone|lbs?|cm|kilos|"
    r"grams|tablets?|pills?|capsules?|caps|scoops?|drops?|doses?|sachets?|gummies|spoons?|teaspoons?|a day|per|or)\b)"
)
# An age told ahead of a birthday is read by its own branch (`age14`, a year below the figure), never as the age
# now: "im 65 in june" is 64.
_NOT_YET = (
    r"(?! (?:in (?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"next (?:week|month|year|birthday)|this (?:year|month|week|spring|summer|autumn|winter|christmas))\b)"
)
# Who may be a single-digit age ahead of a birthday ("he is 5 next week", "my son turns 7 in may"): a child
# said as such; never any "is" ("my dose is 5 next week" is no age).
_CHILD_SAID = "(?:" + "|".join(
    f"(?<=\\b{said} )"
    for said in ("be", "he is", "he s", "hes", "she is", "she s", "shes", "son is", "son s", "daughter is",
                 "daughter s", "turns", "turning")
) + ")"
_AGE = (
    r"(?P<age>\d{1,3}) ?(?:-| )?(?:year|yr|years|yrs)s?(?: |-)?old|(?P<age2>\d{1,3}) ?y ?o\b|"
    r"\baged? (?P<age3>\d{1,3})\b|\((?P<age4>\d{1,3})\)|"
    r"\b(?:i am|i m|im|she is|she s|he is|he s|they are|who is|is now|turned|turning|and is) (?P<age5>\d{1,3})\b"
    + _NOT_AN_AGE
    + _NOT_YET
    # a relative who opens the message is its subject too: "mum's 82 and ..." (normalised "mum 82 and")
    + r"|\b(?:(?:^|(?:my|our|his|her|their|a|the) )"
    + _RELATIVE
    + r" |"
    + _RELATIVE
    + r" (?:is|s|are|who is|aged|is only|is just|tiene|tem|ist|hat|a) )(?P<age6>\d{1,3})\b"
    + _NOT_AN_AGE
    + _NOT_YET
    + r"|\b(?:he|she|hes|shes) (?:is |s )?(?P<age7>\d{1,3})\b"
    + _NOT_AN_AGE
    + _NOT_YET
    + r"|\bin (?:my|her|his|their) (?:late |early |mid )?(?P<decade>[5-9]0)s\b"
    # an age in Italian, Portuguese, Spanish, French or German: "di 8 anni", "tem 80 anos", "7 ans", "80 Jahren"
    + r"|\b(?P<age8>\d{1,3}) (?:anni|anos|ans|jahre|jahren)\b"
    # an age said after a person with "of": "a woman of 72", "for a lady of 81", "a boy of 9" (lead19); never
    # a dose, a score or a count ("a dose of 70 mg", "a score of 72", "out of 80")
    + r"|\ban? (?:man|woman|lady|gentleman|gent|chap|bloke|fella|fellow|guy|boy|girl|lad|lass|person|patient|"
    r"gal|kid|child|teen|teenager) of (?P<age12>\d{1,3})\b"
    + _NOT_AN_AGE
    # an age told as near: "my grandad is nearly 80", "i m almost 70", "nan s pushing 90" (lead19)
    + r"|\b(?:is|s|am|m|im) (?:nearly|almost|pushing|coming up to|getting on for|close to) (?P<age13>\d{1,3})\b"
    + _NOT_AN_AGE
    # an age told ahead of a birthday: "getting on a bit, 67 in March", "i ll be 70 next month", "she s 80 this
    # year" (lead20): the age a year below the figure; never a level, a count or a dose in a month ("was 28 in
    # march", "took 30 in may", "at 75 in june")
    + r"|(?<!\bwas )(?<!\bwere )(?<!\bat )(?<!\bof )(?<!\blevel )(?<!\blevels )(?<!\btook )(?<!\bhad )"
    r"(?<!\bbought )(?<!\bgot )(?<!\bordered )(?<!\bused )(?<!\bspent )(?<!\bpaid )(?<!\blost )(?<!\btaken )"
    r"(?<!\bmissed )(?<!\bgained )\b(?P<age14>[1-9]\d|1[01]\d|" + _CHILD_SAID + r"[2-9]) (?:in (?:january|february|"
    r"march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|"
    r"dec)|next (?:week|month|year|birthday)|"
    r"this (?:year|spring|summer|autumn|winter|christmas)|on (?:my|her|his) (?:next )?birthday)\b"
    # a child's age in brackets after a bare relative word, the brackets dropped: "daughter (13) wants ..."
    + r"|\b(?:son|daughter|grandson|granddaughter|nephew|niece|stepson|stepdaughter) (?P<age9>\d{1,2})\b"
    + _NOT_AN_AGE
)
# An older age said with "at", read apart (and only in a text with "at " in it, as few are), only where it
# is a person's: opening the message ("at 77 is it safe"), after a person or a life ("my mum at 85", "worth
# it at 82", "living on borrowed time at 90") or after starting or taking something ("could take it at 85",
# "started melatonin at 90"). A level, a pulse or a setting ("came back at 75", "heart rate sits at 85", "the
# heating at 70") is not one.
_AT_AGE = (
    r"(?:^|\b(?:it|him|her|them|me|myself|herself|himself|time|life|still|still \w+ing|now|working|living|"
    r"retired|retiring|"
    r"diagnosed|" + _RELATIVE + r"|(?:take|taking|took|start|starting|started|begin|began|try|trying|tried|use|"
    r"using|have|having|stay|stayed|staying)(?: \w+){0,2}) )at (?P<age10>6[5-9]|[7-9]\d)\b"
    + _NOT_AN_AGE
    # nor an amount whose thousands comma or decimal point normalising turned into a space ("at 70,000 iu",
    # "at 65.5 mg" read "at 70 000 iu", "at 65 5 mg")
    + r"(?! ?\d)"
    + r"(?! ?(?:over|out of|degrees|deg|bpm|nmol|ng|pg|ug|units?|mmol|f|c)\b)"
    # ... or opening a clause about the person, wherever it stands ("I've had my innings. At 84 I don't
    # see why"), unless a level was read just before it ("it came back at 75 i think")
    + r"|(?<!back )(?<!\bis )(?<!was )(?<!are )(?<!sits )(?<!level )(?<!levels )(?<!reading )(?<!stays )"
    r"\bat (?P<age11>6[5-9]|[7-9]\d) (?=(?:i|i m|im|i ve|ive|i d|she|he|shes|hes)\b)"
)
_UNITS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_DECADES = {"fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90}
_NUMBER_WORDS = re.compile(
    r"\b(?:(?P<tens>" + "|".join(_TENS) + r")(?: (?P<unit>one|" + "|".join(list(_UNITS)[:8]) + r"))?|"
    r"(?P<small>" + "|".join(_UNITS) + r")|(?P<one>one)(?= year old| yr old)|(?P<decade>" + "|".join(_DECADES) + r"))\b"
)


def _digits(text: str) -> str:
    """Numbers written in words as digits, so that "my three year old", "she is eighty two" and "in
    her nineties" read as the ages they are. "one" counts only as an age in "one year old", never in
    "one kidney" or "one of those"."""

    def number(match: re.Match[str]) -> str:
        if match.group("decade"):
            return f"{_DECADES[match.group('decade')]}s"
        if match.group("one"):
            return "1"
        if match.group("small"):
            return str(_UNITS[match.group("small")])
        unit = match.group("unit")
        return str(_TENS[match.group("tens")] + (1 if unit == "one" else _UNITS.get(unit or "", 0)))

    return _NUMBER_WORDS.sub(number, text)
_AGE_RE = re.compile(_AGE)
_AT_AGE_RE = re.compile(_AT_AGE)
# A baby's age in months or weeks, the unit cut short too ("6 mth old", "my 6mo", "our 10 wk old": lead19)
_MONTHS_OLD = re.compile(
    r"\b\d{1,2} ?(?:month|months|week|weeks|mth|mths|mnth|mnths|mo|mos|wk|wks) old\b|"
    r"\b(?:my|our|her|his|a|the) \d{1,2} ?(?:mo|mos|mth|mths|wk|wks)\b(?! (?:ago|later|on|of|supply|course)\b)"
)
_CHILD_WORDS = re.compile(
    r"\b(toddlers?|babies|baby|babys|infants?|newborns?|teenagers?|teenage|teens?|adolescents?|kids?|kiddos?|"
    r"children|child|youngsters?|pre ?teens?|schoolchildren|little one|bambin[oiae]|"
    # Scots and northern words for a small child: "the wee one", "our bairn"; a son or daughter told by
    # rank, "my youngest", "my eldest" (no age given: guide §4), not an older sibling or a friend (lead19)
    r"wee ones?|bairns?|my (youngest|eldest)(?! (brother|sister|cousin|friend|aunt|uncle|niece|nephew)s?\b)|"
    # an age group of sport or school: "under 14s", "an under 16 football side", "under-18s", "a u15 swimmer",
    # "anyone under 16" (lead17); never an amount ("under 10 g", "under 25 degrees")
    r"under ([2-9]|1[0-8]) ?s|under ([2-9]|1[0-8]) (football|rugby|netball|hockey|cricket|basketball|swimming|"
    r"team|teams|side|sides|squad|players?|league|girls|boys|lads)|u ?(1[0-8]|[6-9]) ?s|u(1[0-8]|[6-9])|"
    r"(anyone|anybody|someone|people|those|players|athletes|pupils|students) (aged )?under (the age of )?"
    r"([2-9]|1[0-8])|crianc[ao]s?|ninos?|ninas?|figli[oa]?|"
    r"adolescente?s?|(year|yr|grade) \d{1,2} (son|daughter|boy|girl|kid|child|pupil|student)s?|"
    r"my (?!adult |grown )(\w+ )?(son|daughter|boy|girl|"
    r"grandson|granddaughter)s?|(my|our) grand ?(kids|children)|"
    # German, French, Spanish: "für Kinder", "mein Sohn", "ma fille", "mi hijo" ("kinder" alone is English)
    r"(fur|fuer|meine?[nrs]?|unsere?[nrs]?|bei) kinder|meine?n? (sohn|tochter)|enfants?|(mon|ma) (fils|fille)|"
    r"mi hij[oa]|mis hijos)\b"
)
# The baby of a pregnant or nursing mother is not the one who would take the supplement: she is.
_HER_BABY = re.compile(r"\b(babies|baby|babys|infants?|newborns?|little one|with child)\b")
# "Baby" as a word of size or of a product, not a child: "baby aspirin" (a low-dose aspirin), "baby oil",
# "baby steps", "baby wipes", "baby spinach", "baby boomers", losing "the baby weight" (lead19). Read only in a
# text with "baby" in it.
_BABY_AS_SIZE = re.compile(
    r"\bbaby (aspirins?|asprin|oil|steps?|wipes?|powder|shampoo|lotion|wash|cream|teeth|spinach|carrots?|corn|"
    r"tomatoes|plum tomatoes|leaves|kale|potatoes|beetroot|leeks|boomers?|weight)\b"
)
# A mother who has just given birth asks for herself: "baby is 3 weeks old ... pp depression", "since giving
# birth". Her baby's age in weeks or months, and the baby, place nobody (as a nursing mother's baby does).
_NEW_MOTHER = re.compile(
    r"\b(post ?partum|post ?natal|pp (depression|anxiety|psychosis)|pnd|ppd|baby blues|"
    r"(after|since) (the birth|giving birth|i gave birth|having (the|my|our) baby))\b|"
    # "since the baby came / arrived / was born" (lead19)
    r"\b(after|since) (the|my|our) (baby|little one) (came|arrived|was born|came along)\b"
)
# Misspellings of the two life stages that are read whatever the spelling: "pregant", "brestfeeding".
# A baby "breastfed" by someone else is the child the question is about, so only the -ing form counts.
_STAGE_WORDS = {"pregnant": "pregnancy", "pregnancy": "pregnancy", "breastfeeding": "breastfeeding"}
_OLDER_WORDS = re.compile(
    r"\b(elderly|older (adults?|people|person|patients?|women|men)|seniors?|senior citizens?|pensioners?|oaps?|"
    r"(septua|octo|nona)genarians?|"
    r"over (65|70|75|80|sixty five|seventy|eighty)s?|geriatric|in old age|old age|aged parent|"
    # Portuguese, Italian, Spanish: idosos, anziani, terza eta, ancianos
    r"idos[oa]s?|anzian[oiae]|terza eta|terceira idade|tercera edad|ancian[oa]s?)\b"
)
# "old people", "old folk" (docs/question-corpus.md §11: older adults), never an age's "year old people".
# Said of people in general, they place the question's subject among older adults but tell nothing of
# the asker's own state, so the intent rules do not read them as a stage of life (`old_people_named`).
_OLD_PEOPLE = re.compile(r"\b(?<!year )(?<!years )(?<!yr )old (people|folks?|persons?|ladies|gents)\b")


def old_people_named(text: str) -> bool:
    """Whether the (normalised) text speaks of old people in general ("is melatonin ok for old folk")."""
    return _OLD_PEOPLE.search(text) is not None


# A child after a word of safety is the one who would take it: "is it ok for my kids", "safe to give to my
# children", "bad for my daughter". Written as the bare word, so the passing-mention rule below leaves it.
_FOR_THE_CHILD = re.compile(
    r"\b(safe|safer|ok|okay|alright|all right|fine|suitable|bad|harmful|dangerous|risky|appropriate|good) "
    r"(for|to give to|to give) (my|our|the) (kids|children|sons?|daughters?|grandkids|grandchildren)\b"
)
# A child named only in passing: the subject of the question is someone else. The parents, carers or
# teachers "of kids with epilepsy" are who is asked about; a son or daughter who "wants me on" or "keeps
# telling me to try" something has the speaker take it; "the kids will be fine" is the same bystander.
_PASSING = re.compile(
    r"\b(to|for|from|about|with|without|of|around|like|than|and) (my|our|the) (kids|children|sons?|daughters?|"
    r"grandkids|grandchildren)\b(?! (take|have|use|try|drink|eat|on|who|with|if|safely|glutamine))|"
    # children who will be fine with someone else are bystanders: "the kids will be fine with their dad"
    r"\b(my|our|the) (kids|children|son|daughter) (will|would|are|re|is|ll) (be )?(ok|okay|fine|alright|all right|"
    r"better off) (with (their|his|her|your|my|our) (dad|father|mum|mom|mother|grand\w*|gran|nan\w*|aunt\w*|"
    r"uncle\w*|family|sister|brother|partner|husband|wife|ex|friends?|cousins?)|without (me|us|him|her|them))\b|"
    # a son or daughter who says or thinks something of the speaker; one who says it of himself or herself
    # ("my daughter says she cant sleep") is the one asked about
    # (what a son or daughter is or has, "my daughter is epileptic", "my kids keep getting colds", is said of
    # the child, who is then the one asked about: lead17)
    r"\b(my|our|the) (kids|children|son|daughter|grandson|granddaughter|grandkids|grandchildren) (would|will|could|"
    r"might|deserve|say|says|said|think|thinks|thought|mean|love|need|mentioned|mentions|recommended|recommends|"
    r"suggested|suggests|swears by|read|reads|heard|found|saw|sent|keeps? (going on|banging on|on|talking|telling|"
    r"asking|nagging|saying|mentioning|sending|recommending|suggesting|reading))\b"
    r"(?! (take|have|use|try|ok|safe|allowed|be (ok|fine|safe)|he|she|hes|shes)\b)|"
    # children told as part of the speaker's story, not as the one asked about: "the kids are with their dad",
    # "my kids are driving me up the wall", "my daughter is allergic to our dog" (lead17)
    r"\b(my|our|the) (kids|children|son|daughter) (is|are|re|was|were) (with (their|his|her|my|our) (dad|father|mum|"
    r"mom|mother|gran\w*|nan\w*|ex|family)|driving me)\b|"
    r"\b(my|our|the) (kids|children|son|daughter) (is|are|re|was|were|turned out to be|turns out to be) allergic to "
    r"(our|the|my|his|her|their) (dogs?|puppy|cats?|kittens?|rabbits?|pets?|horses?|hamsters?|guinea pigs?)\b|"
    # an inverted question about the speaker's children's feelings: "would my kids even notice if i was gone"
    r"\b(would|will|do|does|did) (my|our|the) (kids|children|son|daughter)( even| really| ever)? (care|notice|miss|"
    r"mind|cope|understand|forgive|know)\b|"
    # the same speech report in Spanish, French and German: "mi hijo dice", "ma fille dit", "mein Sohn sagt";
    # "mi hija dice que quiere morirse" says it of herself
    r"\b(mi hij[oa]|mon fils|ma fille|meine?n? (sohn|tochter)) (dice|dit|sagt)\b"
    r"(?! (que |qu )?(quiere|esta|tiene|no|le|se|il|elle|er|sie|dass)\b)|"
    # what the speaker told or asked a son or daughter: "I have told my daughter I am ready"
    r"\b(told|tell|telling|asked|ask|asking|texted|rang|called|phoned|showed|reminded|promised) (my|our|the) "
    r"(kids|children|son|daughter|grandkids|grandchildren)\b"
    r"(?! (to (take|try|have|use|give|start|stop|drink|eat)|not|that he|that she|he|she)\b)|"
    r"\b(my|our|the) (kids|children|son|daughter|grandkids|grandchildren) (wants?|wanted|keeps? (telling|asking|"
    r"nagging|on at)|got|bought|gave|put) (me|us)\b|"
    r"\b(parents|mums|moms|mothers|dads|fathers|carers|caregivers|teachers|families|siblings) of (\w+ )?"
    r"(kids|children|child|teens|teenagers|toddlers|babies|a child|a kid)\b|"
    r"\bas a (child|kid|teenager|teen|baby)\b|\bwhen i was (a )?(child|kid|teenager|teen|little|young)\b|"
    # the asker's own childhood, or another adult's, told as the past: "kept us healthy as kids", "when we were
    # little", "back when he was a kid" (lead20); not the children asked about ("is it safe for kids")
    r"\bas (kids|children|youngsters|teenagers|teens|nippers|little ones|bairns)\b|"
    r"\bwhen (we|i|he|she|they|you) (were|was) (all )?(a |an )?(kids?|child|children|little|little ones|young|"
    r"younger|small|teenagers?|teens?|youngsters?|growing up|at school|in school)\b|"
    r"\b(we|i) (grew up|were raised|was raised|were brought up|was brought up) (on|with)\b|"
    # A child who set the app up or showed it to the asker: "my grandson put this on my phone".
    r"\b(my|our|the) (son|daughter|grandson|granddaughter|kids|children|grandkids|grandchildren|boy|girl|lad) "
    r"(set (this|it|the app|the site|me) up|set up|installed|downloaded|showed me|put (this|it|the app)|"
    r"found (this|it)|sent me)\b|"
    # Children of one's work ("i work with children", "i teach teenagers", "a nanny for three kids"), and
    # grown children who have left or never ring: the speaker is the one asking about taking it.
    r"\b(work|works|working|worked) with (\w+ )?(children|kids|teens|teenagers|toddlers|babies)\b|"
    r"\bteach(es|ing)? (\w+ )?(children|kids|teens|teenagers|toddlers)\b|"
    r"\b(nanny|childminder|babysitter|au pair|teacher) (for|to|of) (\w+ ){0,2}(kids|children|toddlers|teens)\b|"
    r"\b(kids|children) (are|have|re|ve) (all )?(grown|left home|moved out|flown the nest)|"
    r"\b(kids|children|son|daughter|grandkids|grandchildren) (never|don t|dont|do not|rarely|hardly ever|won t|"
    r"wont|no longer) (call|ring|phone|visit|text|speak|talk|come)\b|"
    r"\b(nursing|breastfeeding|feeding|breast feeding|bf|ebf|bfing) (my|a|the|her) (\d+ ?(month|week|months|weeks) old|"
    r"toddler|baby|"
    r"newborn|infant|son|daughter|little one)\b|"
    r"\b(while|when) (nursing|breastfeeding|pregnant|breast feeding)\b|"
    # A child's pet is the subject, not the child: "my son's dog ate a tablet", "the kids' rabbit".
    r"\b(my|our|the|his|her) (kids|children|son|daughter|grandkids|grandchildren|child|boy|girl|grandson|"
    r"granddaughter) (hamsters?|dogs?|puppy|puppies|cats?|kittens?|rabbits?|bunny|guinea pigs?|pets?|goldfish|"
    r"parrots?|budgies?|horses?|pony|ponies|tortoises?|lizards?|geckos?|snakes?|ferrets?|gerbils?|mice|rats?)\b"
)


# A carer asking for himself or herself: "I look after my son full time and I'm shattered, would b12 help
# me". When the message goes on to speak of the child ("can he have it", "for her") the child is asked about.
_CARER = re.compile(
    r"\b((look|looks|looking|looked) after|(care|cares|caring|cared) for|carer (for|to|of)) (my|our) (\w+ ){0,2}"
    r"(sons?|daughters?|kids|children|child|boys?|girls?|grandsons?|granddaughters?|grandkids|grandchildren)\b"
    r"(?!.*\b(he|she|him|her|hes|shes|they|them)\b)"
)


# "Explain it like I'm five" (ELI5) asks for plain words; it places nobody among the children.
_LIKE_AN_AGE = re.compile(
    r"\beli ?5\b|\b(explain|tell|say|put|describe|break)\w*( it| this| that| them)?( down)?( to me| to us)?,? "
    r"(like|as if|as though|as) (i m|im|i am|i was|i were|we re|we are|you re talking to|to) "
    r"(an? )?(\d{1,2}|" + "|".join(_UNITS) + r"|child|kid|toddler|baby|little kid|small child)"
    r"( ?(-| )?(year|yr)s?(-| )?old)?\b"
)


# Every age `_AGE_RE` reads is written in digits (`_digits` writes number words so): a text with none
# holds no age, and most questions hold none, so the large pattern is not searched over them.
_ANY_DIGIT = re.compile(r"\d")


def _ages(text: str) -> list[int]:
    ages: list[int] = []
    written = _digits(text)
    if not _ANY_DIGIT.search(written):
        return ages
    told = _LIKE_AN_AGE.sub(" ", written)
    for match in _AGE_RE.finditer(told):
        decade = match.group("decade")
        if decade:
            ages.append(int(decade))
            continue
        near = match.group("age13") or match.group("age14")
        if near:  # "nearly 18" is 17: the age just below the figure
            ages.append(int(near) - 1)
            continue
        groups = ("age", "age2", "age3", "age4", "age5", "age6", "age7", "age8", "age9", "age12")
        value = next((match.group(g) for g in groups if match.group(g)), None)
        if value is not None and 0 < int(value) < 120:
            ages.append(int(value))
    if "at " in told:
        ages += [int(match.group("age10") or match.group("age11")) for match in _AT_AGE_RE.finditer(told)]
    return ages


def _misspelt_stages(text: str) -> set[str]:
    """Pregnancy and breastfeeding written with a slip: one edit away (two for the long word), a
    swapped pair of letters counting as one, same first letters."""
    found: set[str] = set()
    for word in text.split():
        if len(word) < 7 or not word.startswith(("pr", "br")):
            continue
        for stage, population in _STAGE_WORDS.items():
            allowed = 2 if len(stage) >= 10 else 1
            if OSA.distance(word, stage, score_cutoff=allowed) <= allowed:
                found.add(population)
    return found


def populations_in(text: str) -> set[str]:
    """The special populations a piece of (normalised, lower-case) text places its subject in."""
    found = {name for name in ("pregnancy", "breastfeeding") if POPULATION_CUES[name].search(text)}
    found |= _misspelt_stages(text)
    ages = _ages(text)
    if any(age < CHILD_BELOW_AGE for age in ages) or _MONTHS_OLD.search(text):
        found.add("children")
    if any(age >= OLDER_FROM_AGE for age in ages):
        found.add("older adults")
    if _OLDER_WORDS.search(text):
        found.add("older adults")
    adult_relative = any(CHILD_BELOW_AGE <= age < OLDER_FROM_AGE for age in ages)
    passing = _LIKE_AN_AGE.sub(" ", text)
    if "after " in passing or "car" in passing:  # a carer's words ("look after", "caring for"), read only then
        passing = _CARER.sub(" ", passing)
    passing = _PASSING.sub(" ", _FOR_THE_CHILD.sub(r"\1 \2 child", passing))
    if "baby " in passing:
        passing = _BABY_AS_SIZE.sub(" ", passing)
    if "breastfeeding" in found or _NEW_MOTHER.search(text):
        passing = _MONTHS_OLD.sub(" ", passing)
        if not any(age < CHILD_BELOW_AGE for age in ages if age > 1):
            found.discard("children")
    if found & {"pregnancy", "breastfeeding"} or _NEW_MOTHER.search(text):
        passing = _HER_BABY.sub(" ", passing)
    if _CHILD_WORDS.search(passing) and not adult_relative:
        found.add("children")
    return found


def population_matches(record_text: str, question: str) -> bool:
    """True when a population record and a question speak of the same population."""
    return bool(record_populations(record_text) & populations_in(question))


_FROM_AGE = re.compile(r"\b(?:aged |over |from )?(\d{2}) ?(?:and over|and older|\+|or over|or older)|\bover (\d{2})\b")


def record_populations(record_text: str) -> set[str]:
    """The populations a record's name speaks of ("Children and adolescents" → children; "Adults aged
    55 and over" → older adults, since everyone 65 or over is in it)."""
    return set(_record_populations(record_text))


@lru_cache(maxsize=4096)
def _record_populations(record_text: str) -> frozenset[str]:
    """`record_populations`, read once per record name: every answer about a substance reads the
    names of all its population records."""
    text = record_text.lower()
    found = {name for name, pattern in POPULATION_CUES.items() if pattern.search(text)}
    for match in _FROM_AGE.finditer(text):
        if int(match.group(1) or match.group(2)) <= OLDER_FROM_AGE:
            found.add("older adults")
    return frozenset(found)
