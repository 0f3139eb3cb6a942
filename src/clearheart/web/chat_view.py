"""A chat as the pages show it: "You and Sam", the app, the months it spans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from starlette.requests import Request

from clearheart.store.chat_repo import ChatInfo
from clearheart.web.numbers import path_id
from clearheart.web.render import state_of

FORMAT_NAMES = {
    "whatsapp": "WhatsApp", "telegram": "Telegram", "messenger": "Messenger",
    "instagram": "Instagram", "signal": "Signal", "imessage": "iMessage", "csv": "CSV",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def month_year(moment: datetime) -> str:
    return f"{MONTHS[moment.month - 1]} {moment.year}"


def day_month_year(moment: datetime) -> str:
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


@dataclass(frozen=True, slots=True)
class ChatView:
    """A chat as pages show it: who is who, by the names the person chose."""

    info: ChatInfo

    @property
    def id(self) -> int:
        return self.info.id

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(name for name in self.info.participants if name != self.info.me)

    @property
    def partner(self) -> str | None:
        """The one other person in a two-person chat, as the export names them."""
        others = self.others
        return others[0] if self.info.me is not None and len(others) == 1 else None

    def shown(self, name: str) -> str:
        """How a participant is named on screen: "You", the chosen name, or the export's."""
        if name == self.info.me:
            return "You"
        if name == self.partner and self.info.partner_alias:
            return self.info.partner_alias
        return name

    @property
    def label(self) -> str:
        """"You and Sam"; before the person has said who they are, the chat's own name."""
        if self.info.me is not None and self.others:
            names = [self.shown(n) for n in self.others]
            if len(names) > 3:
                names = [*names[:2], f"{len(names) - 2} others"]
            return "You and " + (", ".join(names[:-1]) + " and " + names[-1]
                                 if len(names) > 1 else names[0])
        return self.info.title or self.info.source_name or f"Chat {self.info.id}"

    @property
    def app(self) -> str:
        return FORMAT_NAMES.get(self.info.format, self.info.format)

    @property
    def span(self) -> str:
        first, last = self.info.first, self.info.last
        if first is None or last is None:
            return "no messages yet"
        if (first.year, first.month) == (last.year, last.month):
            return month_year(first)
        return f"{month_year(first)} to {month_year(last)}"

    @property
    def people(self) -> str:
        """Everyone in the chat by the export's names: "Sam and Alex"."""
        names = self.info.participants
        if not names:
            return "no one yet"
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    @property
    def first_day(self) -> str:
        return day_month_year(self.info.first) if self.info.first else "no messages yet"

    @property
    def last_day(self) -> str:
        return day_month_year(self.info.last) if self.info.last else "no messages yet"

    @property
    def imported(self) -> str:
        """The day the chat was first imported: "7 December 2026"."""
        return day_month_year(datetime.fromisoformat(self.info.imported_at))

    @property
    def summary(self) -> str:
        """"WhatsApp · 1,204 messages · March 2024 to June 2025"."""
        count = self.info.messages
        noun = "message" if count == 1 else "messages"
        return f"{self.app} · {count:,} {noun} · {self.span}"


def view_of(request: Request) -> ChatView:
    """The chat named by the path's `chat_id`; NotFound (a calm 404) if there is none."""
    chat_id = path_id(request, "chat_id")
    return ChatView(state_of(request).require().chats.get(chat_id))
