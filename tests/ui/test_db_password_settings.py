"""An old settings entry with the PostgreSQL password in plain text is moved to the store and erased."""

from PySide6.QtCore import QSettings


def test_the_plain_text_password_is_moved_out_of_the_settings(qapp, tmp_path, monkeypatch):
    from ui.backup_prompt import configured_location

    monkeypatch.setenv("SHOPTEAM_NO_KEYRING", "1")
    monkeypatch.setenv("SHOPTEAM_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("SHOPTEAM_DB", raising=False)
    url = "postgresql+psycopg://shopteam:s3cret@10.0.0.5:5432/shopteam"
    QSettings().setValue("db/location", url)
    assert configured_location() == url  # still connects with the password
    stored = str(QSettings().value("db/location"))
    assert "s3cret" not in stored and stored == "postgresql+psycopg://shopteam@10.0.0.5:5432/shopteam"
    QSettings().sync()
    files = [p for p in (tmp_path / "settings").rglob("*") if p.is_file()]
    assert files
    assert not any("s3cret" in p.read_text(errors="replace") for p in (tmp_path / "settings").rglob("*") if p.is_file())
