"""Letting go (concepts D5, F5): the no-contact tracker, urges, unsent letters."""

from clearheart.domain.letting_go.contacts import (
    STARTERS,
    WAYS,
    Contact,
    ContactDraft,
    clean_contact,
    read_starter,
    read_way,
)
from clearheart.domain.letting_go.count import Count, Stretch, Window, count
from clearheart.domain.letting_go.letters import DEFAULT_HEADING, Letter, clean_letter
from clearheart.domain.letting_go.rules import (
    MODES,
    Mode,
    Rules,
    RulesVersion,
    clean_lines,
    clean_rules,
    read_mode,
)
from clearheart.domain.letting_go.since_start import SinceStart, since_start
from clearheart.domain.letting_go.urge_weeks import UrgeWeeks, Week, urge_weeks
from clearheart.domain.letting_go.urges import (
    DID,
    MAX_STRENGTH,
    TRIGGERS,
    Urge,
    UrgeDraft,
    clean_urge,
    read_did,
)

__all__ = [
    "DEFAULT_HEADING",
    "DID",
    "MAX_STRENGTH",
    "MODES",
    "STARTERS",
    "TRIGGERS",
    "WAYS",
    "Contact",
    "ContactDraft",
    "Count",
    "Letter",
    "Mode",
    "Rules",
    "RulesVersion",
    "SinceStart",
    "Stretch",
    "Urge",
    "UrgeDraft",
    "UrgeWeeks",
    "Week",
    "Window",
    "clean_contact",
    "clean_letter",
    "clean_lines",
    "clean_rules",
    "clean_urge",
    "count",
    "read_did",
    "read_mode",
    "read_starter",
    "read_way",
    "since_start",
    "urge_weeks",
]
