"""Screenshots of the main window's tabs on a demo database (offscreen), for looking at the UI.

Usage: python tools/screenshot.py [--lang zh_CN|en] [--size 1366x768] [--out shots] [TAB_OBJECT_NAME ...]
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", default="shots")
    parser.add_argument("--role", default="admin")
    parser.add_argument("tabs", nargs="*")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SHOPTEAM_HOME"] = tmp
        from PySide6.QtCore import QSettings

        from ui.app import make_application

        app = make_application()
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)
        QSettings.setDefaultFormat(QSettings.IniFormat)
        from app.services.context import Actor
        from app.services.system import init_database
        from ui import i18n
        from ui.main_window import MainWindow
        from ui.shell import ChangeBus, ShellContext

        i18n.install(args.lang)
        db = init_database(os.path.join(tmp, "shot.db"), demo=True)
        ctx = ShellContext(actor=Actor(username="admin", role=args.role), bus=ChangeBus(), show_status=lambda m: None,
                           database_name=db["database"])
        window = MainWindow(ctx, args.lang)
        window.resize(width, height)
        window.show()
        names = args.tabs or [window.tabs.widget(i).objectName() for i in range(window.tabs.count())]
        for name in names:
            window.select_tab(name)
            for _ in range(5):
                app.processEvents()
            path = out / f"{name}_{args.lang}_{args.size}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
