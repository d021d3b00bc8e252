"""Secrets kept outside the database: the OS keyring (``keyring``), else a user-only file.

On a Linux box without a keyring daemon ``keyring`` raises or has only its "fail" backend; then
the secret goes to ``secrets.json`` in the user's config folder, created with mode 0600.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

SERVICE = "ShopTeam"


def _config_dir() -> Path:
    override = os.environ.get("SHOPTEAM_CONFIG")
    if override:
        return Path(override)
    home = os.environ.get("SHOPTEAM_HOME")
    if home:
        return Path(home) / "config"
    from platformdirs import user_config_dir

    return Path(user_config_dir("ShopTeam", "ShopTeam"))


def secrets_file() -> Path:
    return _config_dir() / "secrets.json"


def _keyring():
    if os.environ.get("SHOPTEAM_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or type(backend).__name__ in ("Keyring",) and "fail" in type(backend).__module__:
            return None
        return keyring
    except Exception:  # no backend, no D-Bus, a locked store …
        return None


def _read_file() -> dict:
    return read_private_json(secrets_file())


def _write_file(data: dict) -> None:
    write_private_json(secrets_file(), data)


def private_file(name: str) -> Path:
    """A file of this user's in the config folder (the command line's login token)."""
    return _config_dir() / name


def read_private_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_private_json(path: Path, data: dict) -> None:
    """Written atomically (app.io.atomic: temp file beside it, fsync'd, renamed), readable by this
    user only (0600) from the temp file's creation on."""
    from app.io import atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_bytes(path, json.dumps(data).encode("utf-8"), mode=0o600)


def get_secret(name: str) -> Optional[str]:
    ring = _keyring()
    if ring is not None:
        try:
            value = ring.get_password(SERVICE, name)
            if value is not None:
                return value
        except Exception:
            pass
    return _read_file().get(name)


def set_secret(name: str, value: str) -> str:
    """Store ``value``; returns where it went ("keyring" or the file's path)."""
    ring = _keyring()
    if ring is not None:
        try:
            ring.set_password(SERVICE, name, value)
            delete_from_file(name)
            return "keyring"
        except Exception:
            pass
    data = _read_file()
    data[name] = value
    _write_file(data)
    return str(secrets_file())


def delete_from_file(name: str) -> None:
    data = _read_file()
    if name in data:
        del data[name]
        _write_file(data)


def delete_secret(name: str) -> None:
    ring = _keyring()
    if ring is not None:
        try:
            ring.delete_password(SERVICE, name)
        except Exception:
            pass
    delete_from_file(name)
