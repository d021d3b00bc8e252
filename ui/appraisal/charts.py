"""Grade distribution and a person's trend, drawn with matplotlib (imported when first shown)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui import theme
from ui.widgets.mpl import canvas_and_figure as _matplotlib


class ChartsPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("appraisalCharts")
        canvas_cls, figure_cls = _matplotlib()
        self.dist_figure = figure_cls(figsize=(5, 2.6), dpi=90, layout="constrained")
        self.trend_figure = figure_cls(figsize=(5, 2.6), dpi=90, layout="constrained")
        self.dist_canvas = canvas_cls(self.dist_figure)
        self.dist_canvas.setObjectName("appraisalDistributionChart")
        self.trend_canvas = canvas_cls(self.trend_figure)
        self.trend_canvas.setObjectName("appraisalTrendChart")
        self.quota_label = QLabel(objectName="appraisalQuotaLabel")
        self.quota_label.setWordWrap(True)
        self.quota_label.setProperty("role", "error")
        layout = QVBoxLayout(self)
        layout.addWidget(self.dist_canvas, 1)
        layout.addWidget(self.quota_label)
        layout.addWidget(self.trend_canvas, 1)

    def show_distribution(self, period: str, check: dict) -> None:
        """Bars per grade with the count on each; the quota line when a forced distribution is on."""
        counts = check["distribution"]
        fig = self.dist_figure
        fig.clear()
        ax = fig.add_subplot(111)
        grades = list(counts)
        total = sum(counts.values())
        if not total:  # an empty 0–1 axis says nothing; say why there is no chart
            ax.axis("off")
            ax.text(0.5, 0.5, self.tr("No scores in this period yet"), ha="center", va="center",
                    transform=ax.transAxes, color=theme.text_muted, fontsize=12)
            ax.set_title(self.tr("Grade distribution, %1").replace("%1", period))
            self.dist_canvas.draw_idle()
            self.quota_label.setVisible(False)
            return
        bars = ax.bar(grades, [counts[g] for g in grades], color=theme.grade_colours(len(grades)), width=0.6)
        ax.bar_label(bars, padding=2)
        if check.get("forced") and total:
            quota = [total * float(check["quota"].get(g, 0)) / 100 for g in grades]
            ax.plot(grades, quota, marker="_", markersize=28, linestyle="none", color=theme.danger,
                    label=self.tr("Quota"))
            ax.legend(frameon=False, loc="upper right")
        ax.set_title(self.tr("Grade distribution, %1 (%2 people)").replace("%1", period).replace("%2", str(total)))
        ax.set_ylabel(self.tr("People"))
        ax.set_ylim(0, max([1, *counts.values()]) * 1.25)
        ax.spines[["top", "right"]].set_visible(False)
        ax.yaxis.get_major_locator().set_params(integer=True)
        self.dist_canvas.draw_idle()
        problems = [self.tr("Grade %1: %2 people, the quota allows %3.").replace("%1", v["grade"])
                    .replace("%2", str(v["count"])).replace("%3", str(v["allowed"])) for v in check.get("violations", [])]
        self.quota_label.setText("\n".join(problems))
        self.quota_label.setVisible(bool(problems))

    def show_trend(self, name: str, points: list[dict]) -> None:
        """The person's monthly scores, each point labelled."""
        fig = self.trend_figure
        fig.clear()
        ax = fig.add_subplot(111)
        if points:
            xs = [p["period"] for p in points]
            ys = [p["score"] for p in points]
            ax.plot(xs, ys, marker="o", color=theme.accent)
            for x, y, p in zip(xs, ys, points):
                ax.annotate(f"{y:.2f} {p['grade']}", (x, y), textcoords="offset points", xytext=(0, 7),
                            ha="center", fontsize=8)
            ax.set_ylim(max(0, min(ys) - 15), min(105, max(ys) + 10))
        else:
            ax.text(0.5, 0.5, self.tr("No scores yet"), ha="center", va="center", transform=ax.transAxes,
                    color=theme.text_muted)
        ax.set_title(self.tr("Monthly scores of %1").replace("%1", name or "—"))
        ax.set_ylabel(self.tr("Score"))
        ax.spines[["top", "right"]].set_visible(False)
        self.trend_canvas.draw_idle()
