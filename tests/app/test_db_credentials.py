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
