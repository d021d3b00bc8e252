"""The shared database's password lives in the keyring or a user-only file, never in the settings (item 6)."""

import os
import stat

from app import db_credentials, secrets_store

URL = "postgresql+psycopg://shopteam:s3cret%21@192.168.1.10:5432/shopteam"


def test_the_settings_keep_no_password_and_it_comes_back_from_the_store(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPTEAM_NO_KEYRING", "1")  # a Linux box without a keyring daemon
    monkeypatch.setenv("SHOPTEAM_CONFIG", str(tmp_path / "config"))
    kept = db_credentials.remember(URL)
    assert "s3cret" not in kept and kept.startswith("postgresql+psycopg://shopteam@192.168.1.10")
    assert db_credentials.with_password(kept) == URL
    mode = stat.S_IMODE(os.stat(secrets_store.secrets_file()).st_mode)
    assert mode == 0o600


def test_an_old_plain_text_entry_is_recognised_for_moving(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPTEAM_NO_KEYRING", "1")
    monkeypatch.setenv("SHOPTEAM_CONFIG", str(tmp_path / "config"))
    assert db_credentials.needs_moving(URL)
    kept = db_credentials.remember(URL)
    assert not db_credentials.needs_moving(kept)
    assert not db_credentials.needs_moving("/home/shop/shopteam.db")
    assert db_credentials.with_password("/home/shop/shopteam.db") == "/home/shop/shopteam.db"


def test_the_secrets_file_is_written_atomically_and_never_readable_by_others(tmp_path, monkeypatch):
    """Through app.io.atomic: the temp file is user-only from its creation, and a failed write leaves
    the previous secrets as they were."""
    import pytest

    from app.errors import ValidationError
    from app.io import atomic

    monkeypatch.setenv("SHOPTEAM_NO_KEYRING", "1")
    monkeypatch.setenv("SHOPTEAM_CONFIG", str(tmp_path / "config"))
    secrets_store.set_secret("a", "1")
    modes, disk_full = [], []
    real_replace = os.replace

    def replace(src, dst):
        modes.append(stat.S_IMODE(os.stat(src).st_mode))
        if disk_full:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    old_umask = os.umask(0)  # a permissive umask must not widen the file
    try:
        secrets_store.set_secret("b", "2")
        disk_full.append(True)
        with pytest.raises(ValidationError, match="disk is full"):
            secrets_store.set_secret("c", "3")
    finally:
        os.umask(old_umask)
    assert modes == [0o600, 0o600]
    assert stat.S_IMODE(os.stat(secrets_store.secrets_file()).st_mode) == 0o600
    assert [secrets_store.get_secret(k) for k in "abc"] == ["1", "2", None]
    assert [p.name for p in secrets_store.secrets_file().parent.iterdir()] == ["secrets.json"]
