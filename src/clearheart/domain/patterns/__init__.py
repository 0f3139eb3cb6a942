"""Texting-pattern evidence from a person's own chat: pure, fast, and honest about its data.

Start with `report.build_report` (every pattern at once) and `sentences.describe` (one plain
sentence per figure). The parts live in their own modules: conversations, latency,
unanswered, silences, effort, plans (with plan_rules and plan_scan) and loop. See
docs/patterns.md for every definition and decision.
"""
