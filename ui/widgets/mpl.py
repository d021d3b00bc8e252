"""matplotlib inside the window: imported when a chart is first shown, with the bundled Chinese font."""

from __future__ import annotations

from app.paths import FONT_PATH

_font_ready = False


def canvas_and_figure():
    """Register the bundled Chinese font once and return the Qt canvas and Figure classes."""
    global _font_ready
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    if not _font_ready:
        font_manager.fontManager.addfont(str(FONT_PATH))
        family = font_manager.FontProperties(fname=str(FONT_PATH)).get_name()
        matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
        matplotlib.rcParams["font.family"] = "sans-serif"
        matplotlib.rcParams["axes.unicode_minus"] = False
        _font_ready = True
    return FigureCanvasQTAgg, Figure
