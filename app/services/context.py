"""Who is acting: every service takes an Actor first and checks its role."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    username: str
    role: str  # admin | manager | hr | staff | kiosk
    user_id: int | None = None
    employee_id: int | None = None

    @classmethod
    def system(cls, name: str = "cli") -> "Actor":
        """The person at the machine's command line: trusted like an administrator."""
        return cls(username=name, role="admin")

    @classmethod
    def kiosk(cls) -> "Actor":
        """The door PC: may record punches and nothing else."""
        return cls(username="kiosk", role="kiosk")
