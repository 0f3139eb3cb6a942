"""The two sections that depend on the safety gate: help first while it is closed, and the
questions to bring while it is open (coaching, so they rest with the gate)."""

from __future__ import annotations

from clearheart.domain.safety.resources import Service
from clearheart.web.clarity.model import Section
from clearheart.web.clarity.sources import Sources

QUESTIONS = (
    "Which of these figures surprised you, and which matched what you already sensed?",
    "What would you like the person supporting you to understand about these months?",
    "What do you need more of in your own life, whatever happens between the two of you?",
    "Working on your own side can help your wellbeing whatever the relationship does: "
    "what would that look like for you?",
)
"""Open questions for a conversation with a therapist or coach; none of them has a right
answer, and none leans toward staying or leaving."""


def _line(service: Service) -> str:
    ways = [f"call {service.phone}" if service.phone else "", service.sms, service.web]
    hours = f" ({service.hours})" if service.hours else ""
    return f"{service.name}: {', '.join(w for w in ways if w)}{hours}"


def safety_first(sources: Sources) -> Section | None:
    """While the gate is closed: who can help and where the person's own plan is, before
    anything else. None while the gate is open."""
    if sources.coaching:
        return None
    help_ = sources.workspace.help
    country = help_.country()
    if country is None:
        numbers = ", ".join(
            f"{c.name} {c.emergency}" for c in help_.directory().countries if c.emergency
        )
        items = [
            f"In danger right now: call your local emergency number ({numbers}).",
            "Choosing your country on the Help page shows who else can help there.",
        ]
    else:
        items = [
            f"In danger right now: call {country.emergency} ({country.name})."
            if country.emergency
            else "In danger right now: call your local emergency number.",
            *(_line(s) for s in country.services),
        ]
    plan = (
        "Your own safety plan is saved in the app, on the Help page, where it prints on its own."
        if not help_.plan().empty
        else "The Help page in the app can hold a safety plan of your own, and prints it."
    )
    return Section(
        id="safety",
        heading="Your safety comes first",
        basis="",
        lead="You may not be safe right now. Your safety matters more than anything on "
        "these pages.",
        items=tuple(items),
        paragraphs=(
            plan,
            "While this is so, these notes keep to what you recorded and "
            "leave out every suggestion. Attachment can explain why someone pulls "
            "away; it never excuses being frightened, controlled or hurt.",
        ),
    )


def questions(sources: Sources) -> Section | None:
    """Open questions to take into a session, beside some evidence; coaching, so never while
    the gate is closed."""
    if not sources.has_evidence or sources.workspace.decide.aid().questions:
        return None  # the person's own questions print in the weighing-up section
    return Section(
        id="questions",
        heading="Questions you might bring",
        basis="",
        lead="If it helps, some open questions to start from. Take any, or none.",
        items=QUESTIONS,
        coaching=True,
    )
