"""Safety before coaching: the gate, danger signs in a person's words, crisis words.

Pure: no I/O and no clock. The one service that asks these is services/safety.py.
"""

from clearheart.domain.safety.crisis import CRISIS_KINDS, Crisis, CrisisKind, read_crisis
from clearheart.domain.safety.gate import OPEN, Gate, Reason, SafetyEvent, Source, decide
from clearheart.domain.safety.signals import KINDS, Kind, danger_kinds

__all__ = [
    "CRISIS_KINDS",
    "KINDS",
    "OPEN",
    "Crisis",
    "CrisisKind",
    "Gate",
    "Kind",
    "Reason",
    "SafetyEvent",
    "Source",
    "danger_kinds",
    "decide",
    "read_crisis",
]
