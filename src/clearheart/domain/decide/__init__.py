"""The decision aid, pure: options, values, the person's ratings, the SURE scale, the plan.

Non-directive by construction: nothing here ranks the options, sums ratings into a
verdict, or predicts an outcome. services/decide.py joins it to the store.
"""

from clearheart.domain.decide.aid import STEPS, Aid, Stage, clean_questions, read_stage
from clearheart.domain.decide.conflict import (
    ITEMS,
    TOP,
    ConflictTake,
    Progress,
    clean_answers,
    progress,
    sure_score,
)
from clearheart.domain.decide.options import (
    Option,
    clean_order,
    option_order,
    read_option,
    seeded_order,
)
from clearheart.domain.decide.plan import PARTS, Plan, PlanVersion, clean_plan, plan_from_parts
from clearheart.domain.decide.ratings import CONDITIONS, KEYS, SIGNALS, Rating, clean_ratings
from clearheart.domain.decide.values import MAX_WEIGHT, OFFERED, Value, clean_values, is_own

__all__ = [
    "CONDITIONS",
    "ITEMS",
    "KEYS",
    "MAX_WEIGHT",
    "OFFERED",
    "PARTS",
    "SIGNALS",
    "STEPS",
    "TOP",
    "Aid",
    "ConflictTake",
    "Option",
    "Plan",
    "PlanVersion",
    "Progress",
    "Rating",
    "Stage",
    "Value",
    "clean_answers",
    "clean_order",
    "clean_plan",
    "clean_questions",
    "clean_ratings",
    "clean_values",
    "is_own",
    "option_order",
    "plan_from_parts",
    "progress",
    "read_option",
    "read_stage",
    "seeded_order",
    "sure_score",
]
