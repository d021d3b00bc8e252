"""Errors a user can cause and act on. Their text is translated when shown, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import _


class ShopTeamError(Exception):
    """Base of every error meant for a person: ``str(err)`` is a translated, actionable message."""

    exit_code = 1

    def __init__(self, msgid: str, **params):
        super().__init__(msgid)
        self.msgid = msgid
        self.params = params

    def __str__(self) -> str:
        return _(self.msgid, **self.params)


class ValidationError(ShopTeamError):
    """Input that breaks a rule; nothing was changed."""

    exit_code = 2


class NotFound(ShopTeamError):
    exit_code = 3


class PermissionDenied(ShopTeamError):
    exit_code = 4


class ConflictError(ShopTeamError):
    """The action clashes with the current state (duplicate, cycle, people still assigned)."""

    exit_code = 5


class DatabaseError(ShopTeamError):
    exit_code = 6


class SchemaTooNew(DatabaseError):
    pass


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based, as a spreadsheet shows it (the header is row 1)
    reason: str  # already translated

    def __str__(self) -> str:
        return _("Row {row}: {reason}", row=self.row, reason=self.reason)


class ImportRejected(ValidationError):
    """A file with bad rows: nothing was imported; ``rows`` says which rows and why."""

    def __init__(self, rows: list[RowError], msgid: str = "The file was not imported; fix these rows and try again:"):
        super().__init__(msgid)
        self.rows = rows

    MAX_LISTED = 200  # a huge bad file lists its first rows, not millions of lines

    def __str__(self) -> str:
        lines = [_(self.msgid, **self.params)] + [str(r) for r in self.rows[:self.MAX_LISTED]]
        if len(self.rows) > self.MAX_LISTED:
            lines.append(_("… and {n} more rows", n=len(self.rows) - self.MAX_LISTED))
        return "\n".join(lines)
