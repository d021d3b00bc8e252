"""Turning a PDF page into a PNG (the preview in the documents tab, the look checks in tests)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from app.errors import ShopTeamError


class PreviewUnavailable(ShopTeamError):
    exit_code = 1


def can_render() -> bool:
    return shutil.which("pdftoppm") is not None


def page_png(pdf: Path | str, png: Path | str, page: int = 1, dpi: int = 72) -> Path:
    """Render one page of ``pdf`` to ``png`` with poppler's pdftoppm."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewUnavailable("The preview needs pdftoppm (poppler-utils), which is not installed; "
                                 "write the PDF and open it instead.")
    png = Path(png)
    stem = png.with_suffix("")
    done = subprocess.run([tool, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                           str(pdf), str(stem)], capture_output=True, text=True, timeout=60)
    if done.returncode != 0 or not png.exists():
        raise PreviewUnavailable("The preview could not be drawn: {reason}",
                                 reason=(done.stderr.strip().splitlines() or ["pdftoppm"])[0])
    return png


def all_pages_png(pdf: Path | str, folder: Path | str, dpi: int = 150) -> list[Path]:
    """Every page as a PNG, in order (printing through the system dialog paints these onto the printer)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise PreviewUnavailable("The preview needs pdftoppm (poppler-utils), which is not installed; "
                                 "write the PDF and open it instead.")
    folder = Path(folder)
    done = subprocess.run([tool, "-png", "-r", str(dpi), str(pdf), str(folder / "page")], capture_output=True,
                          text=True, timeout=600)
    pages = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    if done.returncode != 0 or not pages:
        raise PreviewUnavailable("The preview could not be drawn: {reason}",
                                 reason=(done.stderr.strip().splitlines() or ["pdftoppm"])[0])
    return pages
