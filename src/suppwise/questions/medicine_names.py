"""Medicines known by name or by the ending of a generic name, whether or not the base holds them.

Two readers need them: `parse` reports such a word, when the base does not name it exactly, as a
medicine the base lacks ("I don't recognise 'insulin'"), and `vocabulary` never corrects one as a
typo of a name the base holds, since a real medicine one letter away from a supplement is not a slip
for it ("insulin" is not "inulin"). The names are regular-expression fragments (a few carry an
optional plural, "statins?").
"""

from __future__ import annotations

import re

MEDICINE_ENDINGS: tuple[str, ...] = (
    "mab", "pril", "sartan", "olol", "azole", "prazole", "oxetine", "triptyline", "tidine", "floxacin", "cycline",
    "statin", "dronate", "pam", "lam", "done", "codone", "morphone", "setron", "gliptin", "formin", "azepam",
    "zolam", "apine", "idone", "ipramine", "afaxine", "talopram", "traline", "xetine", "zepine", "sulfan", "mide",
    "lukast", "tropin", "barbital", "phylline", "semide", "thiazide", "dipine", "parin", "farin", "amycin",
    "micin", "cillin", "vir", "navir", "pride", "gabalin", "pentin",
)
MEDICINE_NAMES: tuple[str, ...] = (
    "antidepressants?", "painkillers?", "ssris?", "snris?", "statins?", "steroids?", "prednisolone",
    "antibiotics?", "antipsychotics?", "opioids?", "benzos?", "benzodiazepines?", "insulin", "lithium",
    "paracetamol", "acetaminophen", "ibuprofen", "aspirin", "codeine", "tramadol", "naproxen", "omeprazole",
    "methotrexate", "metformin", "levothyroxine", "thyroxine", "warfarin", "sertraline", "citalopram",
    "fluoxetine", "duloxetine", "amitriptyline", "nortriptyline", "venlafaxine", "mirtazapine", "quetiapine",
    "olanzapine", "zopiclone", "diazepam", "melatonin", "cyclobenzaprine", "tizanidine", "baclofen", "naltrexone",
    "propranolol", "contraceptive", "contraceptives", "hrt", "chemo", "diuretics?", "laxatives?",
    "antihistamines?", "adderall", "ritalin", "cymbalta", "prozac", "zoloft", "xanax", "valium", "tylenol",
    "panadol", "nurofen", "advil", "savella", "milnacipran", "trazodone", "clonazepam", "hydroxyurea",
    "hydroxycarbamide",
)
_NAMED = re.compile(r"^(?:" + "|".join(MEDICINE_NAMES) + r")$")


def is_named_medicine(word: str) -> bool:
    """Whether `word` (normalised, lower case) is a medicine named in `MEDICINE_NAMES`."""
    return bool(_NAMED.match(word))
