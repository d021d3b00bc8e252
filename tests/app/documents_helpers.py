"""Reading printed PDFs back: text, fonts, page sizes and a rendered first page."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_pages(path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_text(path) -> str:
    return "\n".join(pdf_pages(path))


def embedded_fonts(path) -> set[str]:
    """Base names of the fonts whose program is embedded in the file (FontFile/FontFile2/FontFile3)."""
    from pypdf import PdfReader

    found = set()
    for page in PdfReader(str(path)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for d in descendants:
                desc = d.get("/FontDescriptor")
                if desc is not None and any(k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    found.add(str(font.get("/BaseFont")))
    return found


def all_fonts(path) -> set[str]:
    from pypdf import PdfReader

    return {str(ref.get_object().get("/BaseFont")) for page in PdfReader(str(path)).pages
            for ref in page["/Resources"].get_object().get("/Font", {}).values()}


def page_size(path, index: int = 0) -> tuple[float, float]:
    from pypdf import PdfReader

    box = PdfReader(str(path)).pages[index].mediabox
    return float(box.width), float(box.height)


def ink_fraction(pdf: Path, tmp: Path) -> float:
    """Share of non-white pixels on page 1 rendered by pdftoppm (0 = blank page)."""
    from PIL import Image

    stem = tmp / "page1"
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True)
    image = Image.open(f"{stem}.png").convert("L")
    pixels = image.tobytes()
    return sum(1 for p in pixels if p < 200) / len(pixels)
