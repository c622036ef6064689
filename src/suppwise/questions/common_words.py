"""Words that never name an entity and are never reported as an unknown one.

A question's leftover words fall into two groups: grammar and everyday words ("year", "old", "time",
"started", "worried"), which name nothing, and names the evidence base lacks ("magnesium",
"sertraline"), which deserve "I don't recognise 'X'". This list is the first group. It is also the
list of words a typo match is never tried on, so "worried" is never taken for "worries".
"""

from __future__ import annotations

COMMON_WORDS = frozenset(
    """
    a about above absolutely accident accidentally according across actually add added adding advice advise
    advised after afternoon again against ago agree ah ahead aid all allowed almost alone along alongside already
    also although always am amount amounts an and another answer any anybody anymore anyone anything anyway
    anywhere app apparently are aren around as aside ask asked asking at ate away awful back bad badly bag be
    because become been before began begin being believe best better between big bit both bought bout box boxes
    bring bringing brings brother brutal bullet but buy buying by call called came can cannot cant care carer
    carry carrying case cause caused causes causing certain change changed check chopping class clear close
    come comes coming common completely concern concerned consider considering could couldn course covers
    currently cut cuts cutting dad daily date daughter day days dead deal decent decided deeper definitely did
    didn different do does doesn doing don done double down drink drinking drives driving due during each early
    easier easiest easy effective eg either else end ended ending enough entire especially etc even ever every
    everyone everything exactly except expect experience explain extra fact fad fairly family far fast faster
    fed feel feeling feels felt few fight fighting find fine first fix fixed following for forever forward found
    four free friend friendly friends from front full further gave general get gets getting give given gives
    giving go goes going gone good got gp great group groups guess guy had half happen happened happens happier
    happy hard has hasn have haven having he hear heard hello help helped helpful helping helps her here hers
    herself hey hi him himself his honestly hope hopefully hoping hot hour hours house how however huge hubby
    husband i idea if ill im important in include included instead interested into is isn it its itself job
    just keen keep keeping keeps kept kind knew know known lady large last lately later least leave left less
    let lets life like likely little live living lo lol long longer look looked looking looks lost lot lots love
    made main make makes making man manage managing many matter may maybe me mean means meant mentioned might
    mild mind mine miss missed mom month months more morning mornings most mostly mother ms much mum must my myself
    name natural naturally near nearly need needed needs never new news next nice night no nobody none nor normal
    not note nothing notice now nurse of off often oh ok okay old on once one only onto or other others our ours
    out over own paid parent parents part partner particular past pay people per perhaps person personal
    personally place plan planning please plenty plus point possible possibly pretty probably problem problems
    properly put q question questions quick quickly quite rather re read reading ready real really reason
    recently recommend recommended regular regularly related relatively right said same saw say saying says
    scared see seeing seem seemed seems seen self sensible serious several shall she should shouldn show since
    sister slightly slowly so some somebody someone something sometimes somewhat son soon sort sorts sound sounds
    speak specific specifically spend start started starting stay still stop stopped stopping straight such
    suggest suggested suitable suit supposed sure take taken takes taking talk talking tell telling tend than
    thank thanks that the their them themselves then there these they thing things think thinking this those
    though thought three through till time times tip to today together told tomorrow tonight too took total
    totally tried try trying turn twice two type under understand unless until up upon us use used useful using
    usual usually very via wait want wanted wanting wants was wasn watch way ways we week weeks well went were
    weren what whatever when where whether which while who whole why wife will wish with within without woman
    won wonder wondering word work worked working world worried worry worrying worse worst worth would wouldn
    write wrong store stored storing storage diary diaries year years yes yesterday yet you your yours yourself
    u ur ive dont cant wont isnt whats im youre thats theres didnt doesnt wouldnt couldnt shouldnt wasnt arent
    ngl idk tbh imo btw rn pls plz cos coz cuz wanna gonna gotta kinda sorta ya yeah yep nope hmm um
    supplement supplements supplementing supplementation pill pills tablet tablets capsule capsules med meds
    medication medications medicine medicines drug drugs dose doses dosage dosing dosed prescription
    prescriptions prescribed powder scoop scoops sachet sachets tub tubs bottle bottles packet pack product
    products brand brands formula version form forms kind
    doctor doctors gp nurse nurses pharmacist pharmacists consultant specialist rheumy rheumatologist
    dietitian dietician physio naturopath nutritionist therapist psychiatrist neurologist hepatologist
    body brain mind muscles muscle legs arms knees feet hands head blood system cells cell organ organs
    food foods diet diets dietary meal meals breakfast lunch dinner snack snacks eating eat eats water juice
    drink drinks glass
    trial trials study studies research evidence rct rcts data paper papers review reviews science
    scientific proof proven trial result results effect effects benefit benefits risk risks side adverse
    symptom symptoms condition conditions disease diseases disorder disorders illness illnesses issue issues
    trouble troubles flare flares flareup flareups
    g mg mcg gram grams kg kilo kilos ml iu unit units daily day week month year am pm
    gym run runs running walk walking workout exercise exercising training holiday weekend work job
    man men woman women boy girl adult adults person patient patients people child children kid kids
    baby babies teen teens teenager teenagers toddler toddlers infant infants elderly senior seniors
    pregnant pregnancy breastfeeding nursing expecting conceive pensioner
    mum mom dad son daughter husband wife partner boyfriend girlfriend bf gf friend friends brother sister
    grandmother grandfather grandma grandad nan gran aunt uncle cousin family kids
    yo yr yrs aged age ages old older young younger
    interact interacts interacting interaction interactions interfere interferes interfering combine combines
    combining worsen worsens worsened worsening improve improves improved improving reduce reduces reduced
    reducing cause causes triggered trigger triggers contain contains containing recommend recommends mix
    mixes mixed replace replaces replacing swap swapping stir dissolve increase increases increased decrease
    decreases raise raises raised lower lowers lowered boost boosts boosted affect affects affected affecting
    heal heals healing cure cures cured treat treats treated treating relieve relieves relieved ease eases calm
    calms soothe soothes settle settles protect protects support supports feed feeds kill kills killing stops
    happen matters safe safer safest unsafe dangerous risky harmful good great fine bad decent awful terrible
    terrible effective helpful useful pointless worthless hype overhyped myth true false real fake legit
    anything everything something nothing evidence proof studies trial trials research
    tried trying works worked make makes made go went gone come came become becomes turned turn turns
    convert converts converted metabolised metabolized absorbed absorb absorbs
    specifically general generally documented known common rare usual typical normal standard
    recommended advised approved licensed prescribed allowed suitable sensible wise
    quick quickly slow slowly soon long longer short shorter forever permanently completely totally
    morning mornings evening evenings night nights nite today tonight tomorrow weekend
    exam exams revision revising uni university college school lecture lectures assignment assignments
    shift shifts nightshift nightshifts worker workers
    also just only even still already again anyway though although however
    gummy gummies
    """.split()
)

# Parts of the body name where a symptom is felt ("good for my joints", "my knees ache"), never a
# supplement, medicine or condition: a leftover one is not "I don't recognise 'joints'". A part that
# is also a lay name of a condition in the data ("kidneys", "liver", "tummy") is claimed as that
# entity before leftover words are looked at, so listing it here changes nothing for it.
BODY_PARTS = frozenset(
    """
    joint joints knee knees hip hips ankle ankles wrist wrists elbow elbows shoulder shoulders neck back spine
    foot feet toe toes hand hands finger fingers thumb thumbs arm arms leg legs thigh thighs calf calves
    head skull face jaw eye eyes ear ears nose mouth lip lips tongue tooth teeth gum gums throat chest breast
    breasts belly abdomen skin hair scalp nail nails bone bones muscle muscles tendon tendons ligament
    ligaments cartilage heart lung lungs blood vessels vein veins artery arteries nerve nerves brain mind
    body bladder bowel bowels colon womb uterus ovaries prostate pelvis hormones
    """.split()
)
