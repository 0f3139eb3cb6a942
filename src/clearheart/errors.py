"""Every error a person can cause or meet, with its wording in one place.

Each error carries data (what, where, why); `message` turns it into one calm,
plain sentence. The CLI and the web layer each map ClearheartError to output
in exactly one place, so no user mistake ever ends in a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


class ClearheartError(Exception):
    """Base of every error Clearheart raises on purpose."""

    exit_code = 1

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else "Something went wrong."

    def __str__(self) -> str:
        return self.message


@dataclass(eq=False)
class VaultMissing(ClearheartError):
    home: Path

    @property
    def message(self) -> str:
        return f"No vault in {self.home} yet. Run `clearheart init` to create one."


@dataclass(eq=False)
class VaultExists(ClearheartError):
    home: Path

    @property
    def message(self) -> str:
        return f"A vault already exists in {self.home}; nothing was changed."


@dataclass(eq=False)
class WrongPassphrase(ClearheartError):
    # 2 is click's usage-error code; 3 lets scripts tell the two apart.
    exit_code = 3

    @property
    def message(self) -> str:
        return "That passphrase does not open this vault."


@dataclass(eq=False)
class VaultDamaged(ClearheartError):
    """The key file opened, yet the database does not: the file itself is damaged."""

    home: Path

    @property
    def message(self) -> str:
        return (
            f"Your passphrase is right, but this vault looks damaged: part of its database in "
            f"{self.home} cannot be read. "
            "Nothing was changed. You could save everything that can still be read with "
            "`clearheart salvage --out FILE`; verified backups, if any, are in "
            f"{self.home / 'backups'}."
        )


@dataclass(eq=False)
class VaultDatabaseMissing(ClearheartError):
    """The key file is there but the database beside it is missing or empty.

    Opening anyway would start a new, empty vault and hide the loss, so it is refused.
    """

    home: Path

    @property
    def message(self) -> str:
        return (
            f"The vault's key file is in {self.home}, but its database (vault.db) is missing or "
            "empty, so nothing was opened and nothing was changed. If you moved the vault, "
            "put vault.db back beside vault.key. Verified backups, if any, are in "
            f"{self.home / 'backups'} (they open with this key file, so keep it). If making "
            "the vault was interrupted, move vault.key aside and run `clearheart init` again."
        )


@dataclass(eq=False)
class NothingToSalvage(ClearheartError):
    """Not even the database's first page opens, so no row can be read."""

    home: Path

    @property
    def message(self) -> str:
        return (
            f"Nothing in the vault's database in {self.home} can be read any more, so there is "
            f"nothing to save. Verified backups, if any, are in {self.home / 'backups'}."
        )


@dataclass(eq=False)
class ChatDamaged(ClearheartError):
    """One stored block of a chat's messages cannot be read back."""

    chat_id: int
    reason: str

    @property
    def message(self) -> str:
        return (f"Part of chat {self.chat_id} cannot be read ({self.reason}). The rest of your "
                "vault is not affected; deleting this chat and importing it again repairs it.")


@dataclass(eq=False)
class FileProblem(ClearheartError):
    """The operating system refused a file operation (permissions, a full disk, …)."""

    path: str
    reason: str

    @property
    def message(self) -> str:
        return f"{self.path}: {self.reason}."


@dataclass(eq=False)
class VaultLocked(ClearheartError):
    @property
    def message(self) -> str:
        return "The vault is locked. Unlock it with your passphrase first."


@dataclass(eq=False)
class PassphraseRejected(ClearheartError):
    reason: str

    @property
    def message(self) -> str:
        return self.reason


@dataclass(eq=False)
class TooManyAttempts(ClearheartError):
    """Passphrase tries arrive faster than they are checked: this one was not tried."""

    @property
    def message(self) -> str:
        return "Many tries are arriving at once. Please wait a moment, then try again."


@dataclass(eq=False)
class KeyFileCorrupt(ClearheartError):
    path: Path
    reason: str

    @property
    def message(self) -> str:
        return f"The key file {self.path} cannot be read: {self.reason}."


@dataclass(eq=False)
class ArchiveInvalid(ClearheartError):
    path: Path
    reason: str

    @property
    def message(self) -> str:
        return f"{self.path} is not a Clearheart archive that can be restored: {self.reason}."


@dataclass(eq=False)
class VaultNotEmpty(ClearheartError):
    home: Path

    @property
    def message(self) -> str:
        return (
            f"The vault in {self.home} already holds entries. Restore only goes into an "
            "empty vault, so nothing was changed."
        )


@dataclass(eq=False)
class InvalidInput(ClearheartError):
    """A value a person typed that we cannot accept; `field` names which one."""

    field: str
    reason: str

    @property
    def message(self) -> str:
        return f"{self.field}: {self.reason}"


@dataclass(eq=False)
class OptionRefused(InvalidInput):
    """An option that cannot be used as given (a folder that cannot be written to, a day
    still to come), found before any work is done: exit code 2, as click's usage errors."""

    exit_code = 2


@dataclass(eq=False)
class PdfUnavailable(ClearheartError):
    """WeasyPrint could not load the system libraries it prints with (Pango)."""

    reason: str

    @property
    def message(self) -> str:
        return (f"A PDF cannot be made on this computer yet ({self.reason}). Installing Pango "
                "fixes it (scripts/setup-system); --format html works without it.")


@dataclass(eq=False)
class NotFound(ClearheartError):
    what: str
    key: str

    @property
    def message(self) -> str:
        return f"No {self.what} with id {self.key}."


@dataclass(eq=False)
class ContentInvalid(ClearheartError):
    """A shipped or loaded content file breaks its schema."""

    source: str
    reason: str

    @property
    def message(self) -> str:
        return f"Content file {self.source} is not valid: {self.reason}"


@dataclass(eq=False)
class MigrationFailed(ClearheartError):
    backup: Path | None
    reason: str

    @property
    def message(self) -> str:
        where = f" Your data is safe in the backup {self.backup}." if self.backup else ""
        return f"Updating the vault's format failed: {self.reason}.{where}"


@dataclass(eq=False)
class BackupFailed(ClearheartError):
    reason: str

    @property
    def message(self) -> str:
        return f"The safety backup could not be verified ({self.reason}); nothing was changed."


@dataclass(eq=False)
class UnusableSplit(ClearheartError):
    """A before-and-after date the chat cannot be compared at: outside it, or too near an end."""

    # click's usage-error code: the date given is the problem, as with a bad option.
    exit_code = 2

    split: date
    reason: str

    @property
    def message(self) -> str:
        return f"Cannot compare before and after {self.split.isoformat()}: {self.reason}"
