"""The printed chart: names in the PDF text, the Chinese font embedded, A4/A3 landscape, tiling."""

import random

import pytest
from pypdf import PdfReader

from app.documents import org_chart
from app.services import org
from app.services.org import ChartNode


def embedded_fonts(reader):
    found = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                found.add(str(font["/BaseFont"]))
    return found


def test_demo_chart_pdf_has_names_and_embedded_font(demo_db, admin, tmp_path):
    drawing = org_chart.prepare(org.org_chart(admin), title="电商运营部组织架构图")
    path = tmp_path / "chart.pdf"
    assert org_chart.write_pdf(drawing, path) == 1
    reader = PdfReader(str(path))
    text = reader.pages[0].extract_text()
    for name in ("陈志远", "林晓雯", "王浩然", "冯雅琴", "电商运营部组织架构图", "客服专员"):
        assert name in text
    assert any("WenQuanYi" in f for f in embedded_fonts(reader))
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert width > height and round(width) == 842  # A4 landscape


def test_a3_is_bigger_and_collapsed_people_are_left_out(demo_db, admin, tmp_path):
    drawing = org_chart.prepare(org.org_chart(admin), collapsed={"E003"})
    path = tmp_path / "a3.pdf"
    org_chart.write_pdf(drawing, path, paper="A3")
    reader = PdfReader(str(path))
    assert round(float(reader.pages[0].mediabox[2])) == 1191
    text = reader.pages[0].extract_text()
    assert "王浩然" in text and "张雨桐" not in text and "+8" in text


def generated_nodes(n: int):
    rng = random.Random(3)
    nodes = [ChartNode("P0", None, "总经理甲", "总经理", "总经办", 0, initials="理甲")]
    for i in range(1, n):
        boss = 0 if i < 6 else rng.randint(1, 5) if i < 30 else rng.randint(6, 29)
        nodes.append(ChartNode(f"P{i}", f"P{boss}", f"员工{i:03d}", "运营专员", f"组{boss % 7}", boss % 7, initials="工"))
    return nodes


def test_a_500_person_chart_tiles_over_pages_and_every_name_is_printed(tmp_path):
    drawing = org_chart.prepare(generated_nodes(500))
    path = tmp_path / "big.pdf"
    pages = org_chart.write_pdf(drawing, path, paper="A3", tiled=True)
    reader = PdfReader(str(path))
    assert pages == len(reader.pages) > 1
    text = "".join(p.extract_text() for p in reader.pages)
    assert all(f"员工{i:03d}" in text for i in (1, 250, 499))
    assert "第" in text or "Page" in text


def test_scaled_500_person_chart_fits_one_page(tmp_path):
    drawing = org_chart.prepare(generated_nodes(500))
    assert org_chart.write_pdf(drawing, tmp_path / "fit.pdf") == 1


def test_png_is_written_without_qt(demo_db, admin, tmp_path):
    drawing = org_chart.prepare(org.org_chart(admin))
    w, h = org_chart.write_png(drawing, tmp_path / "chart.png")
    assert w > h > 300 and (tmp_path / "chart.png").stat().st_size > 10_000


def test_unknown_paper_is_refused(tmp_path):
    from app.errors import ValidationError

    with pytest.raises(ValidationError):
        org_chart.write_pdf(org_chart.prepare(generated_nodes(5)), tmp_path / "x.pdf", paper="Letter")
    assert not (tmp_path / "x.pdf").exists()
