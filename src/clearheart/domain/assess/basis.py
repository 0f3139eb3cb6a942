"""Read what a subscale's smallest detectable change rests on from an instrument file.

Rule: `sd`, `reliability`, `reliability_kind` and `reliability_source` come together or
not at all. Together, they are published figures with their citation; absent, the
subscale gets the stated rule of thumb (detectable.rule_of_thumb). A threshold is never
typed in: `smallest_change`, which older files carry, is read and ignored, and so is a
`reliability` given alone (older files could name one with no spread and no source), so a
file loaded before still opens.

Edge cases: `reliability` must lie strictly between 0 and 1 (at 1 any rounding would
count as change); `sd` must be above 0 and at most the score's range.
"""

from __future__ import annotations

from typing import cast

from clearheart.domain.assess.detectable import rule_of_thumb
from clearheart.domain.assess.model import BasisKind, ChangeBasis
from clearheart.domain.assess.reader import Reader, Table, fmt_number, read_number

BASIS_KEYS = ("sd", "reliability", "reliability_kind", "reliability_source")
LEGACY_SMALLEST = "smallest_change"
PUBLISHED_KINDS = ("test-retest", "internal consistency")
MAX_SOURCE = 300


def read_basis(r: Reader, table: Table, where: str, low: float, high: float) -> ChangeBasis:
    given = [key for key in BASIS_KEYS if key in table]
    if not given or given == ["reliability"]:
        return rule_of_thumb(low, high)
    missing = [key for key in BASIS_KEYS if key not in table]
    if missing:
        raise r.fail(
            f"{where}: 'sd', 'reliability', 'reliability_kind' and 'reliability_source' "
            "go together (the smallest "
            "change is worked out from the published spread and reliability); missing "
            + ", ".join(repr(k) for k in missing)
        )
    span = high - low
    sd = read_number(r, table, "sd", where)
    if not 0 < sd <= span:
        raise r.fail(
            f"'sd' of {where} must be above 0 and at most the score's range "
            f"({fmt_number(span)}), not {fmt_number(sd)}"
        )
    reliability = read_number(r, table, "reliability", where)
    if not 0 < reliability < 1:
        raise r.fail(
            f"'reliability' of {where} must be above 0 and below 1, "
            f"not {fmt_number(reliability)}"
        )
    kind = r.expect(table["reliability_kind"], str, f"'reliability_kind' of {where}")
    if kind not in PUBLISHED_KINDS:
        raise r.fail(
            f"'reliability_kind' of {where} must be \"test-retest\" or "
            f"\"internal consistency\", not {kind!r}"
        )
    source = r.text(table["reliability_source"], f"'reliability_source' of {where}", MAX_SOURCE)
    return ChangeBasis(sd=sd, reliability=reliability, kind=cast(BasisKind, kind), source=source)
