"""The demo's "after" chapter, letting-go part: Alex moved to no contact five weeks ago.

Rules in Alex's own words, one contact noted (Sam wrote about a box of books; Alex
answered), one under an exception, urges over the weeks that followed, and two unsent
letters. Everything goes through the ordinary services, dated by days before `today`;
anything later than `until` is left out. The same `today` always gives the same data.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from clearheart.domain.chat import Kind, Message
from clearheart.domain.letting_go import ContactDraft, UrgeDraft
from clearheart.services.workspace import Workspace

STARTED_DAYS_AGO = 35
RULES = (
    ("texting or calling Sam", "replying when Sam writes", "looking at Sam's profile"),
    ("returning Sam's things, arranged once by email",),
)
CONTACTS = (
    (29, time(19, 40), "email", "them", RULES[1][0], "Agreed a day for the box of books."),
    (18, time(22, 5), "message", "them", None, "Sam wrote first; I answered twice."),
)
URGES = (
    # days ago, hour, strength, triggers, own words, minutes, what Alex did
    (33, 23, 9, ("night", "lonely"), None, 50, "called-a-friend"),
    (31, 22, 8, ("memory",), "our Sunday walk", 40, "rode-it-out"),
    (27, 21, 7, ("news",), None, 35, "wrote-a-letter"),
    (24, 23, 8, ("night",), None, 30, "used-the-pause"),
    (18, 21, 9, ("their-message",), None, 25, "reached-out"),
    (15, 19, 6, ("bad-day",), None, 20, "rode-it-out"),
    (11, 22, 5, ("night", "lonely"), None, 15, "rode-it-out"),
    (6, 20, 4, ("memory",), "a song in a shop", 10, "called-a-friend"),
    (2, 23, 3, ("night",), None, None, "rode-it-out"),
)
SAM_WROTE = (
    # minutes after the evening contact above, who wrote, what
    (0, "them", "Hi. Your blue scarf turned up in my car. Shall I leave it with Maya?"),
    (14, "me", "Thank you, yes. Maya is home on Saturday."),
    (16, "me", "Take care."),
)
"""The one exchange after the start that the chat shows (the contact 18 days ago)."""
LETTERS = (
    (
        26,
        "What I wanted to say",
        "Sam,\n\nI kept hoping the next weekend would be the one "
        "where you stayed. I know now that hoping was doing most of the work.\n\nI am letting "
        "that go.",
    ),
    (
        9,
        "The walk I keep thinking of",
        "The river path in April. I was happy that day, and "
        "that was real. So were the months after it.",
    ),
)


def _at(today: date, days_ago: int, clock: time) -> datetime:
    return datetime.combine(today - timedelta(days=days_ago), clock).astimezone()


def quiet_from(today: date) -> datetime:
    """When the chat's everyday messages stop: the start, naive local as a chat keeps it."""
    return _at(today, STARTED_DAYS_AGO, time(9, 0)).replace(tzinfo=None)


def chat_after(today: date, me: str, partner: str) -> list[Message]:
    """The chat's messages after the start, matching the contact noted 18 days ago."""
    days, clock = CONTACTS[1][0], CONTACTS[1][1]
    first = _at(today, days, clock).replace(tzinfo=None)
    return [
        Message(first + timedelta(minutes=m), partner if who == "them" else me, Kind.TEXT, text)
        for m, who, text in SAM_WROTE
    ]


def store_demo_after_contact(
    workspace: Workspace, today: date, until: datetime | None = None
) -> None:
    """Write the chapter; the tracker starts STARTED_DAYS_AGO days before `today`."""
    started = _at(today, STARTED_DAYS_AGO, time(9, 0))
    if until is not None and started > until:
        return
    workspace.nocontact.start("no-contact", started.date(), RULES[0], RULES[1], at=started)
    for days, clock, way, by, exception, note in CONTACTS:
        at = _at(today, days, clock)
        if until is None or at <= until:
            workspace.nocontact.log_contact(ContactDraft(at, way, by, exception, note))
    for days, hour, strength, triggers, own, minutes, did in URGES:
        at = _at(today, days, time(hour, 0))
        if until is None or at <= until:
            workspace.urges.log(UrgeDraft(at, strength, triggers, own, minutes, did))
    for _, heading, body in LETTERS:
        workspace.letters.write(heading, body)
