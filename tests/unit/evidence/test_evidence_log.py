"""Evidence from the behaviour log: counts, their dates, months, thin data, the D4 answers."""

from __future__ import annotations

from datetime import date

from evidence_vault import at  # type: ignore[import-not-found]

from clearheart.domain.evidence import EvidenceItem
from clearheart.domain.patterns.share import MIN_SHARE_COUNT
from clearheart.services.workspace import Workspace


def _log(workspace: Workspace, *rows: tuple[str, str]) -> None:
    for day, kind in rows:
        workspace.log.add(kind, at=at(day))


def _item(workspace: Workspace, key: str, since: date | None = None) -> EvidenceItem:
    found = {i.key: i for i in workspace.evidence.digest(since).items}
    return found[key]


def test_bids_are_counted_with_their_dates_months_and_link(workspace: Workspace) -> None:
    _log(
        workspace,
        ("2026-03-02", "bid_toward"),
        ("2026-03-20", "bid_away"),
        ("2026-04-05", "bid_toward"),
        ("2026-04-06", "bid_against"),
        ("2026-04-07", "quality_time"),
    )
    item = _item(workspace, "log-bids")
    assert (item.n, item.unit, item.since, item.until) == (
        4,
        "log entries",
        date(2026, 3, 2),
        date(2026, 4, 6),
    )
    assert item.text.startswith(
        "Of the 4 bids you logged between 2 March 2026 and 6 April 2026, "
        "they turned toward 2, away from 1 and against 1."
    )
    assert [(p.start, p.shown, p.n) for p in item.months] == [
        (date(2026, 3, 1), "1 of 2", 2),
        (date(2026, 4, 1), "1 of 2", 2),
    ]
    assert item.link == "/log?kind=bid_toward&kind=bid_away&kind=bid_against"
    assert set(item.bears_on) == {"attempts_ignored", "both_willing"}
    assert not item.claims_change


def test_thin_data_says_so_and_how_many_more_would_help(workspace: Workspace) -> None:
    _log(
        workspace,
        ("2026-05-01", "need_met"),
        ("2026-05-02", "need_unmet"),
        ("2026-05-03", "need_unmet"),
    )
    item = _item(workspace, "log-needs")
    assert "1 was met and 2 went unmet" in item.text
    assert "%" not in item.text
    assert f"too few to read a steady share from yet; about {MIN_SHARE_COUNT - 3} more" in item.text


def test_a_share_comes_only_with_its_interval_once_there_are_enough(
    workspace: Workspace,
) -> None:
    days = [date(2026, 1, 5) + (date(2026, 1, 2) - date(2026, 1, 1)) * i for i in range(50)]
    _log(
        workspace,
        *((d.isoformat(), "bid_toward" if i % 2 else "bid_away") for i, d in enumerate(days)),
    )
    text = _item(workspace, "log-bids").text
    assert (
        "they turned toward 25, away from 25 and against 0. That is 50%; with this many, "
        "the share could be anywhere from" in text
    )


def test_how_they_answered_a_named_need_is_d4_evidence(workspace: Workspace) -> None:
    _log(
        workspace,
        ("2026-04-01", "i_said_need"),
        ("2026-04-01", "named_took_on"),
        ("2026-04-10", "i_said_need"),
        ("2026-04-10", "named_brushed_off"),
        ("2026-05-02", "named_turned_back"),
        ("2026-05-03", "named_took_on"),
    )
    item = _item(workspace, "log-answers")
    assert item.concept == "D4" and item.n == 4
    assert "they took it on twice, brushed it off once and turned it back on you once" in item.text
    assert "In the same dates you noted naming a need twice." in item.text
    assert [p.shown for p in item.months] == ["1 of 2", "1 of 2"]


def test_repairs_are_told_by_side_plans_by_outcome_and_pulling_back_by_count(
    workspace: Workspace,
) -> None:
    _log(
        workspace,
        ("2026-02-01", "repair_mine_accepted"),
        ("2026-02-03", "repair_mine_missed"),
        ("2026-02-04", "repair_theirs_accepted"),
        ("2026-02-05", "plan_made"),
        ("2026-02-06", "plan_kept"),
        ("2026-02-07", "plan_cancelled"),
        ("2026-02-08", "plan_cancelled"),
        ("2026-02-09", "they_withdrew"),
        ("2026-03-09", "they_withdrew"),
        ("2026-03-10", "i_gave_space"),
    )
    repairs = _item(workspace, "log-repairs")
    assert (
        "3 repair attempts" in repairs.text and "2 by you, of which they accepted 1" in repairs.text
    )
    assert "1 by them, of which you accepted 1" in repairs.text
    assert [p.shown for p in repairs.months] == ["2 of 3 accepted"]
    plans = _item(workspace, "log-plans")
    assert plans.n == 3 and "1 was kept and 2 called off" in plans.text
    assert "You also noted 1 plan being made." in plans.text
    pulling = _item(workspace, "log-pulling-back")
    assert pulling.text == (
        "You noted them pulling back twice between 9 February 2026 and 9 March 2026."
    )
    own = _item(workspace, "log-own-side")
    assert own.bears_on == ("own_work",) and "I gave space (1)" in own.text


def test_since_leaves_out_what_came_before(workspace: Workspace) -> None:
    _log(workspace, ("2026-01-10", "bid_toward"), ("2026-05-10", "bid_away"))
    item = _item(workspace, "log-bids", since=date(2026, 3, 1))
    assert (item.n, item.since) == (1, date(2026, 5, 10))


def test_an_empty_vault_gives_no_items_and_says_what_could_add_some(
    workspace: Workspace,
) -> None:
    digest = workspace.evidence.digest()
    assert digest.items == ()
    assert len(digest.sections) == 8
    assert all(s.adds and not s.items for s in digest.sections)
