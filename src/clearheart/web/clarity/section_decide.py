"""The weighing-up section: where the person has got to in the decision aid, in their own
choices and words, as of the day the notes are made.

Their values with the weight they gave each, their own ratings of the questions people
often weigh, their answers to the four questions on how sure they feel (with dates and the
number of times), the latest plan with its review date, and the questions they wrote to
bring (which then stand in for the general ones, section_safety.py). Nothing here is added
up or read as an answer. The aid rests while the safety gate is closed, so the section is
coaching and is left out then. None before the aid is started.
"""

from __future__ import annotations

from clearheart.content.decide_copy import progress_sentence
from clearheart.domain.decide import Option
from clearheart.domain.patterns.wording import day
from clearheart.web.clarity.model import Section
from clearheart.web.clarity.sources import Sources


def weighing_up(sources: Sources) -> Section | None:
    service = sources.workspace.decide
    aid = service.aid()
    if aid.started_at is None:
        return None
    copy = service.copy()
    values = [
        f"{v.words or copy.values.get(v.id, v.id)} ({copy.weights[v.weight].lower()})"
        for v in sorted(aid.values, key=lambda v: -v.weight)
        if v.weight
    ]
    ratings = tuple(
        f"{rating.text} You said: {copy.scale[aid.ratings[rating.key]].lower()}."
        for rating in copy.ratings
        if rating.key in aid.ratings
    )
    paragraphs = [f"What matters to you: {'; '.join(values)}."] if values else []
    paragraphs.append(progress_sentence(service.progress()))
    latest = service.plan()
    if latest is not None:
        plan = latest.plan
        title = copy.options[Option(plan.option)].title
        paragraphs.append(
            f"The path you are trying, set down on {day(latest.made_at.date())}: {title}, "
            f"with a review on {day(plan.review_on)}. You can change it at any time; "
            "every earlier version is kept."
        )
    if aid.questions:
        paragraphs.append(f"Questions you want to bring: {' '.join(aid.questions)}")
    return Section(
        id="weighing-up",
        heading="Weighing things up",
        basis=f"Your own choices and words in the weighing-up pages, begun on "
        f"{day(aid.started_at.date())}: {len(values)} values weighed, "
        f"{len(ratings)} of {len(copy.ratings)} questions rated. They are not added up "
        "into an answer; the choice stays yours.",
        paragraphs=tuple(paragraphs),
        items=ratings,
        coaching=True,
    )
