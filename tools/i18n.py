"""Qt translations of the desktop face: one .ts per area in resources/i18n/.

  python tools/i18n.py update AREA      # lupdate ui/AREA (or the shell for AREA=shell) -> AREA_zh_CN.ts
  python tools/i18n.py fill AREA FILE   # fill translations from a JSON {"source text": "中文"}
  python tools/i18n.py unfinished [AREA] # list untranslated messages (exit 1 if any)
  python tools/i18n.py build            # lrelease every .ts to .qm (the set-up runs this)

English is the source language, so English needs no catalogue; zh_CN must be complete.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGS = ("zh_CN",)


def _tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def sources(area: str) -> list[Path]:
    if area == "shell":
        files = list((ROOT / "ui").glob("*.py")) + list((ROOT / "ui" / "widgets").rglob("*.py")) + list((ROOT / "ui" / "models").rglob("*.py"))
    else:
        files = list((ROOT / "ui" / area).rglob("*.py"))
    return sorted(f for f in files if f.name != "__init__.py" or f.stat().st_size > 0)


def ts_path(area: str, lang: str = "zh_CN") -> Path:
    return I18N / f"{area}_{lang}.ts"


def update(area: str) -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    files = [str(f) for f in sources(area)]
    for lang in LANGS:
        subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files,
                        "-ts", str(ts_path(area, lang))], check=True, stdout=subprocess.DEVNULL)


def _messages(ts: Path):
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            yield tree, context, message


def fill(area: str, mapping_file: str) -> None:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    ts = ts_path(area)
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in mapping and translation is not None:
            forms = translation.findall("numerusform")
            if forms:  # %n messages: Chinese has one plural form
                for form in forms:
                    form.text = mapping[source]
            else:
                translation.text = mapping[source]
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def unfinished(area: str | None = None) -> list[tuple[str, str, str]]:
    missing = []
    files = [ts_path(area)] if area else sorted(I18N.glob("*_zh_CN.ts"))
    for ts in files:
        for _tree, context, message in _messages(ts):
            translation = message.find("translation")
            text = (translation.text or "").strip() if translation is not None else ""
            if translation is not None and translation.findall("numerusform"):
                text = "".join((f.text or "") for f in translation.findall("numerusform")).strip()
            if translation is None or translation.get("type") in ("unfinished",) or not text:
                if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                    continue
                missing.append((ts.name, context.findtext("name"), message.findtext("source")))
    return missing


def build() -> None:
    for ts in sorted(I18N.glob("*.ts")):
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "update":
        update(rest[0])
    elif cmd == "fill":
        fill(rest[0], rest[1])
    elif cmd == "unfinished":
        missing = unfinished(rest[0] if rest else None)
        for name, ctx, src in missing:
            print(f"{name}\t{ctx}\t{src}")
        return 1 if missing else 0
    elif cmd == "build":
        build()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
