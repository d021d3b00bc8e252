"""Page images are written atomically (app.io.atomic): a failed render leaves the previous PNG whole."""

import pytest
from PIL import Image
from reportlab.pdfgen import canvas

from app.documents.render import page_png


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "one.pdf"
    c = canvas.Canvas(str(path), pagesize=(200, 100))
    c.drawString(20, 50, "ShopTeam")
    c.save()
    return path


def test_a_page_png_is_written_and_a_failed_one_leaves_the_previous_file(pdf, tmp_path, monkeypatch):
    out = tmp_path / "preview.png"
    assert page_png(pdf, out, dpi=72) == out
    with Image.open(out) as image:
        assert image.size == (200, 100)
    before = out.read_bytes()

    def half_written(self, fp, *args, **kwargs):
        with open(fp, "wb") as fh:
            fh.write(b"\x89PNG half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Image.Image, "save", half_written)
    with pytest.raises(Exception, match="disk is full"):
        page_png(pdf, out, dpi=144)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.pdf", "preview.png"]  # no temp file left
