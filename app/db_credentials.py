"""The shared database's password kept out of the settings: in the OS keyring (or a user-only file).

The settings (QSettings on the desktop) keep only the server, port, database and user; the password
is stored under that address with ``app.secrets_store`` and put back when the database is opened.
"""

from __future__ import annotations

from app import secrets_store


def _parts(url: str):
    from sqlalchemy.engine import make_url

    return make_url(url)


def _name(url_without_password: str) -> str:
    return f"db-password:{url_without_password}"


def without_password(url: str) -> str:
    """The address as the settings keep it (no password)."""
    if not url.startswith("postgresql"):
        return url
    return _parts(url)._replace(password=None).render_as_string(hide_password=False)  # set(password=None) keeps it


def remember(location: str) -> str:
    """Store the password of a PostgreSQL ``location`` in the keyring; returns what the settings keep."""
    if not location.startswith("postgresql"):
        return location
    password = _parts(location).password
    stripped = without_password(location)
    if password:
        secrets_store.set_secret(_name(stripped), str(password))
    return stripped


def with_password(location: str | None) -> str | None:
    """A stored address with its password put back from the keyring (unchanged if it has one or none is stored)."""
    if not location or not location.startswith("postgresql") or _parts(location).password:
        return location
    password = secrets_store.get_secret(_name(location))
    return _parts(location).set(password=password).render_as_string(hide_password=False) if password else location


def needs_moving(stored: str | None) -> bool:
    """An old settings entry that still holds the password in plain text."""
    return bool(stored and stored.startswith("postgresql") and _parts(stored).password)
