"""Starting the kiosk on its own: `python -m app kiosk`."""

from __future__ import annotations


def run_kiosk(db_location: str | None = None, language: str | None = None) -> int:
    """Open the database and show the kiosk full screen until a leader's password closes it."""
    from ui import i18n
    from ui.app import _open, make_application
    from ui.kiosk.window import KioskWindow

    app = make_application()
    i18n.install(i18n.choose_language(language))
    if not _open(db_location):
        return 1
    import threading

    from app.services.punches import prepare_kiosk

    threading.Thread(target=prepare_kiosk, name="kiosk-prepare", daemon=True).start()  # not on the first punch
    from ui.kiosk.lock import announce_kiosk_started

    window = KioskWindow()
    window.left.connect(app.quit)
    window.show_full_screen()
    announce_kiosk_started()  # an office window on this PC locks back to its login
    return app.exec()
