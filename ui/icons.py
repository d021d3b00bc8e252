"""Material Design icons (mdi6.*) drawn from the font file qtawesome ships, without importing qtawesome.

Importing qtawesome costs ~0.3 s at start-up (qtpy star-imports all of Qt, and the first icon
loads and hashes ten icon fonts); we need one font. So we read qtawesome's mdi6 font and charmap
straight from its package folder and paint the glyphs with a small QIconEngine.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPixmap

_FONT_PREFIX = "materialdesignicons6-webfont"


def _fonts_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller: build.spec copies qtawesome's data files
    if bundle and (Path(bundle) / "qtawesome" / "fonts").is_dir():
        return Path(bundle) / "qtawesome" / "fonts"
    spec = importlib.util.find_spec("qtawesome")
    if spec and spec.origin:
        return Path(spec.origin).parent / "fonts"
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


@lru_cache(maxsize=1)
def _font() -> tuple[str, dict[str, str]]:
    folder = _fonts_dir()
    ttf = next(folder.glob(f"{_FONT_PREFIX}-[0-9]*.ttf"))
    charmap = next(folder.glob(f"{_FONT_PREFIX}-charmap-*.json"))
    font_id = QFontDatabase.addApplicationFont(str(ttf))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    codes = json.loads(charmap.read_text(encoding="utf-8"))
    return family, {name: chr(int(code, 16)) for name, code in codes.items()}


class GlyphIconEngine(QIconEngine):
    def __init__(self, glyph: str, color: str, disabled: str):
        super().__init__()
        self.glyph, self.color, self.disabled = glyph, color, disabled

    def paint(self, painter: QPainter, rect: QRect, mode, state) -> None:
        family, _codes = _font()
        font = QFont(family)
        font.setPixelSize(max(1, round(min(rect.width(), rect.height()) * 0.9)))
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor(self.disabled if mode == QIcon.Disabled else self.color))
        painter.drawText(rect, int(Qt.AlignCenter), self.glyph)
        painter.restore()

    def pixmap(self, size, mode, state) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> "GlyphIconEngine":
        return GlyphIconEngine(self.glyph, self.color, self.disabled)


def mdi_icon(name: str, color: str, disabled: str) -> QIcon:
    """``name`` like "mdi6.plus"; an unknown name gives an empty icon rather than failing."""
    _family, codes = _font()
    glyph = codes.get(name.split(".", 1)[-1])
    if glyph is None:
        return QIcon()
    return QIcon(GlyphIconEngine(glyph, color, disabled))
