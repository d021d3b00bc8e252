"""Turning PDF pages into images in-process with PDFium (pypdfium2): the preview in the documents tab,
the pages sent to the printer, and the look checks in tests. Nothing else needs to be installed
(poppler's pdftoppm is not used), so the one-folder build previews and prints on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from app.errors import ShopTeamError


class PreviewUnavailable(ShopTeamError):
    exit_code = 1


@dataclass(frozen=True)
class PageImage:
    """One rendered page: packed RGB rows (``stride`` bytes each), ready for QImage or PIL."""

    number: int  # 1-based
    width: int
    height: int
    stride: int
    rgb: bytes


def can_render() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def _open(pdf: Path | str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(pdf))
    except (pdfium.PdfiumError, OSError) as exc:
        raise PreviewUnavailable("The preview could not be drawn: {reason}", reason=str(exc)) from exc


def page_count(pdf: Path | str) -> int:
    document = _open(pdf)
    try:
        return len(document)
    finally:
        document.close()


def render_pages(pdf: Path | str, dpi: int = 150, first: int = 1, last: int | None = None) -> Iterator[PageImage]:
    """The pages ``first``..``last`` (1-based, inclusive; all by default) one at a time, so a long
    document never holds more than one page image in memory."""
    document = _open(pdf)
    try:
        last = len(document) if last is None else min(last, len(document))
        for number in range(first, last + 1):
            page = document[number - 1]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True, draw_annots=True)
            try:
                yield PageImage(number, bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            finally:
                bitmap.close()
                page.close()
    finally:
        document.close()


def _save_png(image: PageImage, png: Path) -> Path:
    """Through app.io.atomic: a preview being drawn never leaves a half-written PNG in its place."""
    from PIL import Image

    from app.io import atomic

    with atomic.atomic_path(png) as tmp:
        Image.frombuffer("RGB", (image.width, image.height), image.rgb, "raw", "RGB", image.stride, 1).save(tmp, "PNG")
    return png


def page_png(pdf: Path | str, png: Path | str, page: int = 1, dpi: int = 72) -> Path:
    """Render one page of ``pdf`` to ``png``."""
    for image in render_pages(pdf, dpi, page, page):
        return _save_png(image, Path(png))
    raise PreviewUnavailable("The preview could not be drawn: {reason}", reason=f"no page {page}")


def all_pages_png(pdf: Path | str, folder: Path | str, dpi: int = 150) -> list[Path]:
    """Every page as ``page-N.png`` in ``folder``, in order (tests look at pages this way)."""
    folder = Path(folder)
    return [_save_png(image, folder / f"page-{image.number}.png") for image in render_pages(pdf, dpi)]
