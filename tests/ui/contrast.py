"""Reading a grabbed widget as a person would: is its text visible against its background?"""

from collections import Counter

from PySide6.QtGui import QColor, QImage


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_contrast(image: QImage, rect=None) -> float:
    """The best contrast between the most common colour (the background) and any other pixel (the text)."""
    image = image.convertToFormat(QImage.Format_RGB32)
    x0, y0, w, h = (rect.x(), rect.y(), rect.width(), rect.height()) if rect is not None else (0, 0, image.width(), image.height())
    pixels = [image.pixel(x, y) for y in range(max(0, y0), min(image.height(), y0 + h))
              for x in range(max(0, x0), min(image.width(), x0 + w))]
    background = QColor.fromRgb(Counter(pixels).most_common(1)[0][0])
    return max((contrast(background, QColor.fromRgb(p)) for p in set(pixels)), default=1.0)
