"""The plan rules: transparent English patterns for proposals, confirmations, cancellations
and reschedules.

Every rule has an id, a category and a short description, so a person can see exactly why a
message counted. The rules prefer precision to recall: a plan missed is better than a plan
invented, because people read these counts as evidence about someone they love.

Patterns ignore case and accept straight or curly apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class PlanKind(StrEnum):
    PROPOSAL = "proposal"
    CONFIRMATION = "confirmation"
    CANCELLATION = "cancellation"
    RESCHEDULE = "reschedule"
    DECLINE = "decline"
    """A "no" or "I can't" as the first answer to an offer."""


@dataclass(frozen=True, slots=True)
class PlanRule:
    id: str
    kind: PlanKind
    description: str
    pattern: re.Pattern[str]
    reply_only: bool = False
    """Only counts in the first reply to an offer ("yes", "can't"): alone these words say little."""


_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|weds|thurs)"
_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|ish)?"
_WHEN = (
    r"(?:today|tonight|tomorrow|tmrw|tmr|this (?:evening|afternoon|morning|weekend|week)"
    rf"|next (?:week|weekend|{_DAY})|the weekend|on {_DAY}|{_DAY}|at {_CLOCK}|at noon"
    r"|after work|for (?:lunch|dinner|breakfast|brunch|coffee|drinks))(?!')"
)
_BARE_CLOCK = r"(?:\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)|\d{1,2}[:.]\d{2})\b"
"""A time of day without "at": "7pm", "7:30" (a bare "7" is too often a count)."""
_TALK_WHEN = rf"(?:{_WHEN}|later|in a bit|in an hour|when you'?re free|after)"
_MEAL = r"(?:dinner|lunch|breakfast|brunch|coffee|drinks?|food|a bite|a drink|pizza|sushi)"
_OUTING = r"(?:dinner|lunch|breakfast|brunch|coffee|drinks|movie|cinema|date night|a walk)"
_ACT = (
    r"(?:meet(?: up)?|get together|get (?:some )?" + _MEAL + r"|grab (?:some |a quick )?" + _MEAL
    + r"|have (?:some )?" + _MEAL + r"|go (?:out|for (?:a walk|a drive|a run|" + _MEAL + r"))"
    r"|see (?:a|the) (?:movie|film|show|gig|play)|see each other|hang ?out|catch up"
    r"|come (?:over|round|around|by)|do something|watch (?:a|the) (?:movie|film|show))\b"
)
_YOU = r"(?:you|u|ya)"


def _rule(
    rule_id: str, kind: PlanKind, description: str, pattern: str, *, reply_only: bool = False
) -> PlanRule:
    # Patterns are written with straight apostrophes; messages may use curly ones.
    pattern = pattern.replace("'", "['\u2019]")
    return PlanRule(rule_id, kind, description, re.compile(pattern, re.IGNORECASE), reply_only)


P, K, C, R = (
    PlanKind.PROPOSAL,
    PlanKind.CONFIRMATION,
    PlanKind.CANCELLATION,
    PlanKind.RESCHEDULE,
)

RULES: tuple[PlanRule, ...] = (
    # --- reschedules: a plan moved to another time
    _rule("reschedule.move", R, '"move / push it to" a day or time',
          rf"\b(?:move|push|shift|switch|bump|change) (?:it|this|that|things|dinner|lunch"
          rf"|drinks|tonight|tomorrow|our \w+|the \w+)(?: back)? to (?:{_WHEN}|{_BARE_CLOCK}|\d)"),
    _rule("reschedule.instead", R, 'a day or time with "instead"',
          rf"\b{_WHEN}\b[^\x00]{{0,40}}?\binstead\b|\binstead\b[^\x00]{{0,40}}?\b{_WHEN}"),
    _rule("reschedule.word", R, '"reschedule" or "postpone"',
          r"\b(?:reschedul\w*|postpon\w*)\b"),
    # --- cancellations: a plan called off
    _rule("cancel.cant_make_it", C, '"can\'t make it"',
          r"\b(?:can'?t|cannot|can not|won'?t|not going to|not gonna|unable to) make it\b"
          r"(?! (?:work|up|through|better|easier|stop|right|happen|last|worse))"),
    _rule("cancel.rain_check", C, '"rain check"', r"\brain ?check\b"),
    _rule("cancel.cancel", C, '"cancel" a plan (not a subscription or an order)',
          r"\b(?:cancel(?:l?ing|l?ed)?|call(?:ing)? off|bail(?:ing)?) (?:on (?:you|us)\b"
          r"|(?:our|the) (?:plans?|date|dinner|lunch|drinks|evening|night|trip|weekend|movie)\b"
          r"|tonight\b|tomorrow\b|(?:the )?plans?\b|dinner\b|lunch\b|drinks\b)"),
    _rule("cancel.call_off", C, '"call it off"',
          r"\bcall(?:ing)? (?:it|this|tonight|tomorrow|the (?:date|plan|dinner|trip)) off\b"),
    _rule("cancel.came_up", C, '"something came up"',
          r"\bsomething (?:came|has come|'s come|just came) up\b"),
    _rule("cancel.another_time", C, '"maybe another time" or "some other day"',
          r"(?:^\W*|\b(?:maybe|perhaps|let's (?:do it|make it)|can we (?:do it|make it)"
          r"|we(?:'ll| will) (?:do it|go)) )(?:another|some other|a different) "
          r"(?:time|day|night|evening)\b"),
    # --- proposals: an invitation to do something together at a time
    _rule("proposal.lets", P, '"let\'s" and something to do together',
          rf"\blet'?s (?!not\b|never\b)(?:\w+ ){{0,2}}?{_ACT}"),
    _rule("proposal.want", P, '"do you want to / fancy" and something to do together',
          rf"(?:\b(?:do |would )?{_YOU} (?:want|wanna|fancy|feel like)|\bwould {_YOU} like"
          rf"|\bfancy|^\W*(?:want|wanna)) (?:to )?(?:\w+ )??"
          rf"(?:{_ACT}|(?:a |some )?{_MEAL}\b|(?:a |the )?(?:movie|walk|film)\b)"),
    _rule("proposal.free", P, '"are you free" or "I\'m free to…"',
          rf"\b(?:are {_YOU} free\b"
          rf"|{_YOU} free (?:to|tonight|tomorrow|later|this|on|after|at|for)\b"
          rf"|(?:i'?m|i am) free (?:to (?:talk|call|meet|chat|hang)|tonight|tomorrow|later"
          rf"|this (?:evening|afternoon|weekend)|on {_DAY}|{_DAY}|after|at \d|all (?:day|evening"
          rf"|weekend)|for (?:lunch|dinner|coffee|drinks|a call))\b)"),
    _rule("proposal.how_about", P, '"how / what about" a day or time',
          rf"\b(?:how|what) about (?:\w+ ){{0,3}}?(?:{_WHEN}|{_BARE_CLOCK})"),
    _rule("proposal.shall_we", P, '"shall / can we" and something to do together',
          rf"\b(?:shall|should|can|could) we (?:\w+ )??{_ACT}"),
    _rule("proposal.talk", P, "a call or talk at a time",
          rf"\b(?:let'?s|can we|could we|shall we|we could|want to|wanna) (?:talk|call|facetime"
          rf"|chat|video ?call)\b[^\x00.!?]{{0,30}}?\b{_TALK_WHEN}\b"),
    _rule("proposal.when_question", P, "an outing and a day or time, asked as a question",
          rf"\b{_OUTING}\b[^\x00.!?]{{0,20}}?\b{_WHEN}\b"
          r"[^\x00.!?]{0,25}\?"),
    # --- confirmations that stand on their own
    _rule("confirm.date", K, '"it\'s a date"', r"\bit'?s a date\b"),
    _rule("confirm.see_you", K, '"see you" at a day, time or place',
          rf"\bsee {_YOU} (?:at \d|at (?:the|yours|mine|my|your|home)\b|on {_DAY}|{_DAY}"
          r"|tomorrow|tmrw|tonight|then|there|this (?:evening|weekend))\b"),
    _rule("confirm.looking_forward", K, '"looking forward to" the plan',
          rf"\blooking forward to (?:it|tonight|tomorrow|dinner|lunch|drinks|the weekend|{_DAY}"
          r"|seeing you (?:tonight|tomorrow|then|there|on))\b"),
    _rule("confirm.booked", K, "a table or tickets booked",
          r"\b(?:booked|reserved|got) (?:us )?(?:a |the )?(?:table|tickets|reservation)\b"),
    # --- words that only mean something as the first answer to an offer
    _rule("reply.decline", PlanKind.DECLINE, '"no", "can\'t" or "busy" as the first answer',
          r"^\W*(?:no|nope|nah|sorry,? (?:i )?can'?t)\b"
          rf"|\b(?:can'?t (?:do )?(?:it |that )?(?:{_WHEN}|then)"
          r"|not (?:tonight|today|tomorrow)|i'?m busy|i'?ll pass)\b", reply_only=True),
    _rule("reply.yes", K, '"yes", "sure" or "sounds good" as the first answer',
          r"^\W*(?:yes+|yeah|yea|yep|yup|sure|ok|okay|sounds (?:good|great|perfect|lovely|fun)"
          r"|perfect|great|deal|definitely|absolutely|of course|love to|i'?d love (?:to|that)"
          r"|i'?m in|count me in|works for me|that works|why not|can'?t wait)\b", reply_only=True),
)

COMBINED = PlanRule(
    "reschedule.cancel_and_propose",
    R,
    "a cancellation and a new proposal in the same message",
    re.compile(r"(?!x)x"),
)
"""Named when one message matches a cancellation rule and a proposal rule."""

BY_ID = {rule.id: rule for rule in (*RULES, COMBINED)}
STANDALONE = tuple(rule for rule in RULES if not rule.reply_only)
REPLY = tuple(rule for rule in RULES if rule.reply_only)

PRIORITY = (PlanKind.RESCHEDULE, PlanKind.CANCELLATION, PlanKind.PROPOSAL, PlanKind.CONFIRMATION)
"""When a message matches rules of several kinds, the first kind here names it."""
