"""Questionnaires: instruments as data, scoring, change between takes, and safety signs.

Pure: no I/O and no clock. See docs/questionnaires.md for the file format.
"""

from clearheart.domain.assess.change import changes_between, latest_changes
from clearheart.domain.assess.model import (
    GROUPS,
    MIN_ANSWERED,
    OWN_MET,
    OWN_NOT_MET,
    Change,
    Group,
    Instrument,
    Item,
    Kind,
    Norm,
    Result,
    Rule,
    Scale,
    Score,
    Subscale,
)
from clearheart.domain.assess.parse import parse_instrument
from clearheart.domain.assess.scoring import (
    clean_sheet,
    danger_signs,
    describe,
    fmt,
    ground,
    not_well_met,
    reading,
    score,
    score_values,
)

__all__ = [
    "GROUPS",
    "MIN_ANSWERED",
    "OWN_MET",
    "OWN_NOT_MET",
    "Change",
    "Group",
    "Instrument",
    "Item",
    "Kind",
    "Norm",
    "Result",
    "Rule",
    "Scale",
    "Score",
    "Subscale",
    "changes_between",
    "clean_sheet",
    "danger_signs",
    "describe",
    "fmt",
    "ground",
    "latest_changes",
    "not_well_met",
    "parse_instrument",
    "reading",
    "score",
    "score_values",
]
