"""The schema, in SQLAlchemy Core, shared by SQLCipher and PostgreSQL.

Timestamps are stored as sortable UTC text with the writer's UTC offset beside
them, so the local time a person saw is kept exactly on both backends.
Alembic migrations under `migrations/` are the source of truth for changes;
`tests/store` checks this module and the migrations agree.
"""

from __future__ import annotations

import sqlalchemy as sa

HEAD = "0011"
"""The newest migration; opening a vault below it runs the upgrade."""

metadata = sa.MetaData()

journal_entries = sa.Table(
    "journal_entries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("prompt_id", sa.String(80)),
    sa.Column("practice", sa.String(32)),
    sa.Column("practice_day", sa.String(10)),
    sa.Column("mood", sa.Integer),
    sa.Column("emotions", sa.JSON, nullable=False),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Index("ix_journal_created", "created_at"),
    sa.Index("ix_journal_practice", "practice", "practice_day"),
)

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.JSON, nullable=False),
)

chats = sa.Table(
    "chats",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("format", sa.String(20), nullable=False),
    sa.Column("title", sa.String(200)),
    sa.Column("source_name", sa.String(255), nullable=False),
    sa.Column("me", sa.String(200)),
    sa.Column("partner_alias", sa.String(200)),
    sa.Column("imported_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)

chat_participants = sa.Table(
    "chat_participants",
    metadata,
    sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("idx", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
)

chat_blocks = sa.Table(
    "chat_blocks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("first_ts", sa.BigInteger, nullable=False),
    sa.Column("last_ts", sa.BigInteger, nullable=False),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("payload", sa.LargeBinary, nullable=False),
    sa.Index("ix_chat_blocks_chat_ts", "chat_id", "first_ts"),
)
"""Messages in blocks of up to store.chat_repo.BLOCK, in file order, packed
field by field (store/chat_codec.py): times as the export's local wall-clock
seconds since 1970-01-01T00:00:00 of that same clock (no zone), senders as the
participant's `idx`, kinds as codes from store.chat_repo.KIND_CODES, then the
texts. A million messages are a few thousand rows: quick to write, encrypt
and read back. (Schema 0002 held the same fields as JSON in a `data` column.)"""

pattern_reports = sa.Table(
    "pattern_reports",
    metadata,
    sa.Column("chat_id", sa.Integer, sa.ForeignKey("chats.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("made_at", sa.String(32), nullable=False),
    sa.Column("payload", sa.LargeBinary, nullable=False),
)
"""Pattern reports already worked out (derived data, never exported): `key` is a
digest of everything a report depends on, `payload` the report as compressed
JSON (store/dataclass_json.py). Deleting the chat deletes them."""

instruments = sa.Table(
    "instruments",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("version", sa.String(20), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("loaded_at", sa.String(32), nullable=False),
)
"""Questionnaires a clinician or the person loaded themselves (`assess load`):
the TOML text as given, so it is kept in the vault and never shipped."""

assessment_results = sa.Table(
    "assessment_results",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("instrument_id", sa.String(64), nullable=False),
    sa.Column("instrument_version", sa.String(20), nullable=False),
    sa.Column("taken_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("subject", sa.String(200)),
    sa.Column("answers", sa.JSON, nullable=False),
    sa.Column("scores", sa.JSON, nullable=False),
    sa.Index("ix_results_instrument_taken", "instrument_id", "taken_at"),
)
"""One completed questionnaire: the answers as given and the scores they gave
under that instrument version. `subject` names who it is about where an
instrument is kept per person (the dating-again checklist)."""

cycle_maps = sa.Table(
    "cycle_maps",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("steps", sa.JSON, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)
"""The person's own map of their loop: `steps` is a JSON list of
{"id", "role", "text"} in the order the loop goes round."""

behaviour_log = sa.Table(
    "behaviour_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("cycle_map_id", sa.Integer, sa.ForeignKey("cycle_maps.id", ondelete="SET NULL")),
    sa.Column("cycle_step", sa.String(40)),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Index("ix_behaviour_log_at", "at"),
)
"""What happened, logged as it happened: `at` is when it happened (UTC text,
with the offset beside it), `kind` a behaviour kind id, and optionally the
step of a cycle map it belongs to."""

held_drafts = sa.Table(
    "held_drafts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("hold_until", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("decided_at", sa.String(32)),
    sa.Column("rewrite", sa.Text),
    sa.Index("ix_held_drafts_created", "created_at"),
)
"""The holding pen: a message kept before deciding to send it, let it go or journal
it. `hold_until` is UTC text; `status` is holding, sent, let-go or journaled."""

safety_events = sa.Table(
    "safety_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("unsafe", sa.Boolean, nullable=False),
    sa.Column("source", sa.String(20), nullable=False),
    sa.Column("signs", sa.JSON, nullable=False),
)
"""The history of the safety gate (domain/safety/gate.py), in the order recorded:
`unsafe` true for a sign of danger or "I don't feel safe", false for "I am safe
now"; `source` is questionnaire, switch, journal or draft; `signs` what was
noticed (kinds of danger words, or questionnaire items), never the words."""

decision_aid = sa.Table(
    "decision_aid",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("stage", sa.String(20), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("option_order", sa.JSON, nullable=False),
    sa.Column("chosen_values", sa.JSON, nullable=False),
    sa.Column("ratings", sa.JSON, nullable=False),
    sa.Column("questions", sa.JSON, nullable=False),
)
"""The decision aid as it stands (domain/decide/aid.py): one row (id 1) once started.
`option_order` is the person's own order of the options ([] for the seeded one),
`chosen_values` a list of {"id", "weight", "words"}, `ratings` {key: answer},
`questions` the list they want to bring to a therapist or coach."""

decision_sure = sa.Table(
    "decision_sure",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("taken_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("answers", sa.JSON, nullable=False),
)
"""Each take of the four SURE questions (domain/decide/conflict.py): {item: true/false}."""

decision_plans = sa.Table(
    "decision_plans",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("option", sa.String(16), nullable=False),
    sa.Column("review_on", sa.String(10), nullable=False),
    sa.Column("parts", sa.JSON, nullable=False),
)
"""Every version of the choice and its plan, never overwritten (domain/decide/plan.py):
`review_on` is an ISO date, `parts` the plan's filled parts by name."""

# --- SUPPORT (issue 14 §2): the support network ------------------------------------

support_people = sa.Table(
    "support_people",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("good_for", sa.JSON, nullable=False),
    sa.Column("words", sa.String(500), nullable=False),
    sa.Column("how", sa.String(200), nullable=False),
    sa.Column("every_days", sa.Integer),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
)
"""The people and places that help (domain/support.py): `good_for` a list of kind ids,
`every_days` how often the person would like to be in touch (NULL: never nudge)."""

support_contacts = sa.Table(
    "support_contacts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("person_id", sa.Integer, sa.ForeignKey("support_people.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("on_day", sa.String(10), nullable=False),
    sa.Column("note", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Index("ix_support_contacts_person_day", "person_id", "on_day"),
)
"""Each time the person reached out or spent time with a supporter: `on_day` an ISO date."""
# --- issue 14, CONTACT part (letting go): no-contact rules and contacts, urges, letters ---

nocontact_rules = sa.Table(
    "nocontact_rules",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("mode", sa.String(16), nullable=False),
    sa.Column("started_on", sa.String(10), nullable=False),
    sa.Column("counts", sa.JSON, nullable=False),
    sa.Column("exceptions", sa.JSON, nullable=False),
)
"""Every version of the no-contact rules, never overwritten (domain/letting_go/rules.py):
`mode` no-contact or low-contact, `started_on` an ISO date, `counts` and `exceptions`
lists of the person's own lines. The newest version is the one in force."""

nocontact_contacts = sa.Table(
    "nocontact_contacts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("way", sa.String(20), nullable=False),
    sa.Column("started_by", sa.String(8), nullable=False),
    sa.Column("exception", sa.String(200)),
    sa.Column("note", sa.Text),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Index("ix_nocontact_contacts_at", "at"),
)
"""Each contact logged (domain/letting_go/contacts.py): `exception` the exception it fell
under, in the rules' words, or null when it counts."""

urges = sa.Table(
    "urges",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("strength", sa.Integer, nullable=False),
    sa.Column("triggers", sa.JSON, nullable=False),
    sa.Column("own_trigger", sa.String(200)),
    sa.Column("minutes", sa.Integer),
    sa.Column("did", sa.String(20), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Index("ix_urges_at", "at"),
)
"""Each urge to reach out (domain/letting_go/urges.py): `triggers` a list of trigger ids,
`minutes` how long it lasted (null when not noted), `did` what the person did."""

unsent_letters = sa.Table(
    "unsent_letters",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("heading", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)
"""Letters written and never sent (domain/letting_go/letters.py); never printed or shared."""
# --- DATING (issue 14, dating again: migration 0009) ---------------------------------

dating_checklists = sa.Table(
    "dating_checklists",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("items", sa.JSON, nullable=False),
)
"""Every version of the person's dating-again checklist (domain/dating/checklist.py), never
overwritten; the newest is the list. `items` is a list of {"id", "text", "kind", "source"}."""

dating_commitments = sa.Table(
    "dating_commitments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("texts", sa.JSON, nullable=False),
)
"""Every version of the three commitments (domain/dating/commitments.py): a list of 3 texts."""

dating_people = sa.Table(
    "dating_people",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
)
"""Someone new the person keeps a notebook about; `name` is also the dating-again
questionnaire's `subject` for them."""

dating_notes = sa.Table(
    "dating_notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("person_id", sa.Integer, sa.ForeignKey("dating_people.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("on_day", sa.String(10), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("situation", sa.String(20), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("answer", sa.String(20)),
    sa.Column("words_actions", sa.String(20)),
    sa.Column("mood", sa.Integer),
    sa.Column("mood_word", sa.String(40), nullable=False),
    sa.Index("ix_dating_notes_person_day", "person_id", "on_day"),
)
"""One dated observation in a person's notebook (domain/dating/notebook.py): `on_day` an
ISO date, `tags` {item id: "seen" | "worry" | "not-yet"}. Deleting the person deletes them."""

# --- issue 14, PROMISE: the promise and what happened, pins, reflection nudges set aside ---

promise_versions = sa.Table(
    "promise_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
    sa.Column("parts", sa.JSON, nullable=False),
)
"""Every saved version of the promise (domain/promise.py), never overwritten: `parts` a
list of {"key", "heading", "text", "looks_at"}."""

promise_pins = sa.Table(
    "promise_pins",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("part_key", sa.String(40), nullable=False),
    sa.Column("entry_id", sa.Integer,
              sa.ForeignKey("journal_entries.id", ondelete="CASCADE"), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
)
"""A journal entry the person pinned beside one part of the promise (gone with the entry)."""

nudge_dismissals = sa.Table(
    "nudge_dismissals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entry_id", sa.Integer,
              sa.ForeignKey("journal_entries.id", ondelete="CASCADE"), nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
)
"""A reflection nudge (domain/reflection_cues.py) the person set aside for one entry."""

# --- issue 15, READS: which lessons the person has read ---

lesson_reads = sa.Table(
    "lesson_reads",
    metadata,
    sa.Column("lesson_id", sa.String(80), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False),
    sa.Column("utc_offset", sa.Integer, nullable=False),
)
"""One row per lesson opened (domain/lesson_reads.py): `created_at` the first opening,
`updated_at` the last, `version` the lesson's version at the last; `utc_offset` is the
last opening's. A lesson id no longer in the content is kept, never shown."""

TABLES = (journal_entries, settings, chats, chat_participants, chat_blocks,
          instruments, assessment_results, cycle_maps, behaviour_log, held_drafts,
          safety_events, decision_aid, decision_sure, decision_plans,
          nocontact_rules, nocontact_contacts, urges, unsent_letters,
          support_people, support_contacts,
          dating_checklists, dating_commitments, dating_people, dating_notes,
          promise_versions, promise_pins, nudge_dismissals, lesson_reads)
"""Every table holding the person's data, in dependency order (for export)."""

DERIVED = (pattern_reports,)
"""Tables of results worked out from the person's data: kept in the vault like
everything else, but left out of archives, since they can always be made again."""
