"""English words one slip away from a name, which a typo match must leave alone.

A typo match reads a word close to a name as that name: right for "magnesum" or "keprra", wrong for
a correctly spelt word that means itself. "I'm lactose intolerant" was read as lactulose and
answered with the avoid for hepatic encephalopathy; "confusion" was a convulsion, "overnight" being
overweight, "program" the transplant medicine Prograf. Such a word is in an English dictionary and is
not a form of the name it is near, so the list below holds every word of Debian's `wamerican-large`
that the parser's or the profile recogniser's typo matchers reach, less the forms of the same name
(`same_stem`: "depressing" and "depression", "cognitive" and "cognition"). A misspelling that
happens to be an English word is then read as that word, which is the honest reading: the answer
says it does not recognise a name rather than warn about a medicine nobody named.

The list is derived, never edited by hand: `tools/derive_near_names.py` rewrites it from the
bundled base, and tests/test_near_names.py checks it is current whenever the word list is installed.
"""

from __future__ import annotations

# Endings that make another form of the same word: "depress|ing" and "depress|ion" are one stem.
# Not "ism" or "ist" ("hypnotism" is not a hypnotic) and nothing that changes the stem's letters.
_SUFFIXES = frozenset(
    """
    a ac al ally ant ants ate ated ates ating ation ations d e ed er ers es ia iac iacs ic ical ics ing ings
    ion ions ity ive ively ly ment ness ous ously s y
    """.split()
)
_SUFFIXES_AND_NONE = _SUFFIXES | {""}
MIN_STEM = 4


def same_stem(word: str, name: str) -> bool:
    """True when `word` and `name` are one stem of at least four letters with everyday endings."""
    name = name.replace(" ", "")
    for size in range(MIN_STEM, min(len(word), len(name)) + 1):
        if word[:size] != name[:size]:
            return False
        if word[size:] in _SUFFIXES_AND_NONE and name[size:] in _SUFFIXES_AND_NONE:
            return True
    return False


def is_near_name(phrase: str, name: str) -> bool:
    """True when `phrase` reaches `name` only by way of an English word that looks like it: "lactose"
    is not "lactulose", nor "lactose intolerance". A phrase sharing a word with a name of several
    words has that word as context and stays a slip: "react baldy to msg" is "react badly to msg",
    "liver relaetd confusion" is "liver related confusion"."""
    words, own = phrase.split(), set(name.split())
    return not own.intersection(words) and any(word in NEAR_NAMES for word in words)


# --- derived list: begin ---
NEAR_NAMES = frozenset(
    """
    ablated ablating acclivity acetal acetone acing acmes acres acting activists adjective adores aedes aerial
    afflictive affront affronts agamete airting alcoholism alcoholize alexia alexias allegro allegros allergenic
    allergist aloha alter altos alumina ambience ambient aments amerce amigo amine amnio amperage antagonism
    antagonisms antagonist antagonists antagonize antagonizes antibiosis antidepressive antirejection apparatus
    apter arches arching argal arsonists arteritis arthritic arthritics asepsis ashes ashing asleep aspiring aster
    asthenopia attach austral baches baching backs backspin bacterin bacteriol bacteroid baddy baker baldly baldy
    baler banged banging bangs barer bargained barmier barns barrister baser batching bating bayed beaching beads
    beaks beams beano beanos bears beast beats beaus beefier belated belay benching benders benzoins benzol benzols
    berth bidders bijection billy binderies binged binging biomedicine biomedicines bipolarity birch birders
    blackens blacker blackheads blain blank blasted blasting blatted blatting bleaching bleated bleating bleeping
    blenching blinders bling block blockader blockaders blocker blockers blockier blond bloom bloop blotted
    blotting boasted boasting boated boating bogle bonged bonging bongs booth botel boule bourns bowed bower bowers
    bowls braid braided brailed brained braised brawn brayer breaching breeching breed brigs brinks broch bromating
    brood bruin budged budging bugged bugging bulged bulging bully bumps bunged bungled bungling bunked bunking
    bunks bunted bunting bunts burdening burger burgers burier burins burnet burnt burping burrier burring burying
    buyer cache caches caching calamine calces calls calxes camping camps cancel caner canker canner canter
    capsulize capsulizes capuchins carbamate carbolated carbonades carbonado carbonize carronade carting carves
    cased catabolism catabolite catatonic catching catchings catechises catechisms catechists catechizes catting
    catty caves celeriac celibacy celli cello cellos cental centurial champ champing champs chance chances chancing
    changeling chanting charge charges charging charity charm charr chart chattered cheat cheesier chert chess
    ching chlorine chlorite choked chord chromic chronicle circadian cirrate clamp clamping clamps clams clanging
    clans claps clarify clash clasp clasps claustral claws clays clinician coaching coagulases coalition coalitions
    coalmine coaming cocked codes coding codon cognation cognations cogon coition coked cokes coking coles collage
    collages collusion color colpitis coltish comas combing combs comer comers comet comets comping complex
    complexes comps compulsion compulsions concentering concentrator concerting conclusion conclusions concussion
    concussions conditionals conduction cones confession confusion confusions coning conked conniption conniptions
    constituted constitution consultants contraceptive contraceptives contractive contrition contusion contusions
    conversion conversions conviction convictions cooed cooing cooled cooped copes coping cores coring corked cotes
    coumarin coves cowing coxes coxing cramming crampons crams crapping craps crass creaming credentials creese
    crest crimp crimping crimps criticalness crocks crooked crump crumping crumpling crumps crymotherapy culls
    cymbal cymes cytokinesis cytologic daisy dares darting dding dearth deary decayed decompressed decompression
    decreased deficiencies deficiency deficient definiens degression depletion depressor depth detrained detrusion
    dialectic diameters diametric dianoetic diaphysis diastases dietetics digestible digressed digression
    digressive dilating dilation dipolar direction directive direst discorded diseuse dispenses disperses displease
    displeases distastes distorter doers doges doggy doles dolphin domes donor dooms dopes dories dorks dormer
    dormice dormie dorms dotes doubler douceur doves dozes drags drank dregs dressed drips droops dross drubs drums
    drunk drying dyeing dyking dyspeptic dysphasia dysplasia earring easiness edile elicitation eliminator
    enchanter enclose endpoints enervated engraft entails epileptoid epithelia epithelial epithelioma equestrian
    erosional erring examination excels exhalation exorcise exorcised exorcises expertise expressed expression
    expressions expressive extension extractor extractors failing fairing fakes fallowing faring farming farthing
    farthings fasting fating fatless fatling fatly fattish fearing feeding feelingly fells fiats fibber fibrosis
    ficus fifer filer filling finer firer fishbowls fishily fishtails fists fiver fixer flames flaring flatulencies
    flatulent flavor flits floated floating floods flukes fogey folds folia foliate foliated foliates folie folio
    fools foots forcefulness fords foresting forfeiting formatting fretful fretfulness froggy frolic fucus fueling
    fuels fugato fuggy fulling gaited gaits gamba gamins gemma gemmy genera generalist generalists generousness
    gibes gibing gites givens giver givers glade glassy glauconite glias gloated gloating glutei glycerinate gnash
    grace graces gradin grail grails grained grand grans grape grapes grassy grate grates gratin gratins gravel
    gravels graven gravest gravies graze grazes greaves greenhead greenness greets gride grins groin groins groves
    gummiest gummites gussy gyves gyving hales hangs hanks hards hatching headcases headpin headpins headrace
    headraces headteachers hearing hears heartache heartaches heartbreak heartfelt hearthrug hearthrugs heartiest
    heath hellish hematic hematites hematoid hemodialyses hemolysis hemotherapy hepaticas herding hinds hipping
    hokes holds homes hones hopes hoses huaraches hydrochloric hydroxyl hydroxyls hypertensive hypertensives
    hyperthyroidism hypnotism hypnotist hypnotists hypnotize hypnotizes hypotonic ignitable immensity immigrant
    immure impalement impulses impunity incentive inception inceptions inclining inclosing inclusion incursion
    indention indiction indictions indignation indirection inducted induction inductions indued induline infection
    infesting inflated inflation inflection ingesting ingestion inhabiter inheritor inheritors inhibited inhibiter
    inhibition inhibitions inhibitors injection injections injectors injunction injunctions insertion insertions
    inspection inspections insulin integrality intensify intension intensities intention intentional intentions
    intercity interferon interline interlines interstice interstices intertidal intertwine intertwines intestate
    intolerable intolerance intolerant intones intruding intrusion intrusive inunction inunctions invention
    inventions inventive investing irrigable joist juvenilize kafir keels keens killdeers kilning kilns kilter
    kilts kneepan kneepans laches lacing lactase lactobacilli lactone lactose laical laminal larking lasing
    latching laver lavers leaching leagues lefts levee levees liber licking lifer lifers lifts ligans liger ligers
    liker liking liminal liming limning liner liners linin linking linting liter liters lithoid lived liven livens
    lives livre loathed loathing located locating locking lofts logwood loosen loosing loping lorica losel loser
    loses louse lousing lover lovers loving lowing luaus lucking lulus lumenal maces mafia mages magic magistrate
    magistrates magnesia magnesite magnet magnetism magnum maker makers makos maleate males manes manga manila
    manioc manna manor manta mantic marching mares maria marline marron mascle matching mates mavis maxed maxes
    maxis mayor mazes meatus mediacies mediation medicates meditation meditations meets megatheres melanin meltdown
    melts menial mensal merge metabolic metabolism metabolite metabolize metal methane metrication microbrew
    microbus microcode microsome microtome migrant migrating miked mikes mimed mincing minded minted mired mixer
    moats mokes moldiness moldy moline mollified monocline monody monuments mooed moony morphing morrow mortar
    mortified mossiness motto mousiness mucosas muddiness multiplex multiplied multiplier multiplies murine
    muscleman musicales mutation myall myasthenia narcotism narcotize nasal naturopathy nauseam naval navel
    nephropathy neral nerviest neural neutron neutrons notch noxious noxiousness numerousness obstipation ocher
    omega omegas onerous onerousness operation operations origan orpine osteoporotic otter overachieve overflight
    overnight oversight overweigh oxidate oxime oxytetracycline oxytetracyclines pails painfuller paint paints
    pairs paling palls pantalets parching parget paries parting patching patin patting pawns peaceable peags peaks
    peals peans pears pebas pension pentobarbital pentobarbitals perfidious perforate perforated perforates
    perforator peripteral permeable permeance perviousness petting phenazine phosphatase phosphatize phosphene
    phosphide phosphine phosphorate photon pieing pigling piing piking piles pilling pilose pining pinones pints
    piping pirates pitting plain plains pleas plower pluses poaching poker polder poler poling polls polyphonous
    ponder ponds porer poser postnasal potting precessed precesses precognition predication predigestion pressed
    pressurize primacy primarily primine prints proceeded processor producers produces professed professes program
    progressed pronate proscribe proscribed proscribes protested proton protonic protons pules puling pulls punting
    purses pusses puttering puttying pyridine pyrimidine qualify quatrefoil queasiest queasily quinol quinone quits
    raided railed rained rains rally ramping ramps ranching raping rased reach reaching readmitting realty rebated
    rebutting recapping recaption receiptor receivers recognition recognitions reconvert rectorial redact redaction
    redacts redness reductions reelection refection refitting reflated reflection reflex refloated refraction
    refractions regal regally regnal regulated reins relations relax relaxed relayed releasing relegated relied
    relies relisting relocated remapping remelting reminding remittent remotions renin rental repaid replanted
    repressed repression repressions repressive repulses rerelease rerunning resection resetting resigns resisting
    resits resitting restoring retention retitling retraction retractions retrievers reviewers rheumatic rinds
    rings ringtones rinks roaching robotic robotics rosins rotary rubdown ruining ruins ruminal runty sachems sales
    salon saloon saltus salver sandiness sanious sardiuses scanter scanty scare scattered scatterer schemer scherzi
    scherzo schmear schmeer scleritis sclerosed sclerotic scones scope score scoreless scores scorn scraping scuff
    scutter seafront sears seductive seedlessness seeks seels seeping seeps seers seizes selfish sends
    sensibilities sensibility sensitive sensitives sensitivities sensitivity sensitize sensitized sensitizes
    severalty sewed sexed shame shatter shears sheatfish sheds sheep shellfire sheltered shewed shies shimming
    shimmying shims shins ships shirt shirts shivs shlepping shoat shoats shock shoed shoes shone shooed shoos
    shoot shoots shops shore shored shoreless shorn shortcut shortcuts shortness shouldering shout shouts shoved
    shows shuttered sickie sicklebill siderosis sightly sigma sigmas signaling signalizing silts silvern silverweed
    singe sings skimming skint skits skittered slamming slathered slats slaying sleds sleek sleeking sleekness
    sleepiest sleepily sleepiness sleeting sleety sleeveless slenderness slice slings slits sliver slots slowed
    sluff slumming smatter smattered smears smock smoulder smoulders sneak snits snore snort snots snowed snuff
    soberness sociol solemness solver sombreness sones sorceress sordines sorer sorriness sourness sowed space
    spareness sparoid spars spatter spattered spaying speaks speed speeds spick spike spile spilt spine spire spite
    spits splat splattered splay splice splint splitters spools spore sport spots sprag sprat spree sprightly sprit
    spruce sputtered squamation squashed squashiness squats squeakiness squibs squids squints squirts squish stack
    staff staging staking staling stane stanza staring starlight stating staving stead steadying steal steam steed
    steeds steep steeping steepness stick stickle stiff stings stint stoke stokes stole stoles stomaching stonewort
    stook stoops stope stores stork stove stoves stowed straighten stray straying streak strengthen strews stuck
    stuttered sublingual subtext suckle suint suits sulcate sulfatize sulfite sulfonate sulphonate sulphurate
    sundown sureness swatter swattered swaying swears sweep sweeping sweepings swellfish swept swimming swims
    swines swish swore swots symbiotic systematic systemize table tabled tables tabletops tabret tache taches tammy
    tangling tared tarots tarting taxon teaching teats tedder temporary tenderest tenderloins tenner tenseness
    tenser tenter tents ternion testas testis texts thanking thees thermotherapy theroid thesis thiazine thiazines
    thick thicken thine thinker thinkers thinness thongs thorough threats threonine threw throe throes thunk tided
    tiered tiled timed timidness tinder tined tingeing tinging tings tinkling tinkly tinner tinning tinseling
    tissues titans tolerable tolerance tonicity toots torts trained tramping tranquiler tranquiller tranquillize
    tranquillizer tranquillizers tranquillizes translation treads trees troat troats trons troth trough trows troys
    tryout tuned tuning turfed turfing turnkey turnkeys twelve twingeing twink twinning ultra ultraism ultras
    uncreative uneasiness unnerves unrepressed unset vegetates vibrators vigor vinous vitalized vitamin vitamins
    wader wading wafer wager waging waiter waling waning wanking waring waster watching waterfall waterlily
    watermill watermills waver waving waxing wayfaring weakeners weariness weigh weighs weightless welching welling
    whale whiles whine whines whiten whitens whitest whiteys whore whose whsle wight wiled wined wingspread wiped
    wirer wised wived woodiness workouts wracked wreaked wright writes yachting yeggs yoghourt yoghourts zoned
    """.split()
)
# --- derived list: end ---
