"""The one catalogue of grade names and monthly labels that every face reads (window, sheets, charts,
handbook, CLI and JSON exports).

Grades (考核等级), five-grade scheme: A 优秀, B 良好, C 好, D 合格, E 较差; four-grade scheme: A 超出目标,
B 达到目标, C 接近目标, D 远低于目标. The monthly label (月度优秀 / 合格 / 一般 / 需激励) is a separate
word from the grade and is never glued to it. A shop may set its own grade names
(``appraisal.grade_names_five`` / ``appraisal.grade_names_four``, comma separated); empty means the
standard names in the interface language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from app.i18n import N_, _

FIVE = ("A", "B", "C", "D", "E")
FOUR = ("A", "B", "C", "D")
FIVE_NAMES = (N_("Excellent"), N_("Good"), N_("Fair"), N_("Pass"), N_("Poor"))
FOUR_NAMES = (N_("Exceeds target"), N_("Meets target"), N_("Near target"), N_("Far below target"))
LABEL_NAMES = {"excellent": N_("Excellent of the month"), "qualified": N_("Qualified"), "ordinary": N_("Ordinary"),
               "needs_improvement": N_("Needs improvement")}
DEFAULT_FLOORS = {"five": (90, 80, 70, 60), "four": (90, 80, 60)}


def split_names(text: Any) -> list[str]:
    """'优秀，良好、好,合格,较差' -> ['优秀', '良好', '好', '合格', '较差'] (commas of either width or 、)."""
    if isinstance(text, (list, tuple)):
        return [str(x).strip() for x in text if str(x).strip()]
    return [part.strip() for part in re.split(r"[,，、;；]", str(text or "")) if part.strip()]


@dataclass(frozen=True)
class GradeCatalogue:
    scheme: str  # five | four
    letters: tuple
    floors: tuple  # the lowest score of every grade but the last, best first
    custom: tuple = ()  # the shop's own names, when set (one per letter)

    def name(self, letter: str) -> str:
        """The grade's name in the interface language (or the shop's own word)."""
        if letter not in self.letters:
            return ""
        i = self.letters.index(letter)
        if len(self.custom) == len(self.letters):
            return self.custom[i]
        return _((FOUR_NAMES if self.scheme == "four" else FIVE_NAMES)[i])

    def text(self, letter: str) -> str:
        """"B 良好" — the letter and its name, as every face shows a grade."""
        return f"{letter} {self.name(letter)}" if letter else ""

    @staticmethod
    def label(code: str) -> str:
        """The monthly label's own word (月度优秀 / 合格 / 一般 / 需激励)."""
        return _(LABEL_NAMES[code]) if code in LABEL_NAMES else ""

    def bands_text(self) -> str:
        """'A ≥ 90 (优秀), B 80–89 (良好), …, E < 60 (较差)' for the handbook."""
        def num(v) -> str:
            return f"{float(v):g}"

        parts = []
        for i, letter in enumerate(self.letters):
            if i == 0:
                span = f"≥ {num(self.floors[0])}"
            elif i < len(self.floors):
                upper = float(self.floors[i - 1])
                span = f"{num(self.floors[i])}–{num(upper - 1 if upper.is_integer() else upper - 0.01)}"
            else:
                span = f"< {num(self.floors[-1])}"
            parts.append(f"{letter} {span} ({self.name(letter)})")
        return _(", ").join(parts)


def catalogue(values: Mapping[str, Any], scheme: str | None = None) -> GradeCatalogue:
    """The catalogue in force from policy values (missing keys take the shipped defaults); ``scheme`` names
    another scheme than the setting's (a template of the scheme library that grades with its own)."""
    scheme = scheme or values.get("appraisal.grade_scheme") or "five"
    letters = FOUR if scheme == "four" else FIVE
    floors = values.get(f"appraisal.grade_bands_{scheme}") or DEFAULT_FLOORS[scheme]
    custom = split_names(values.get(f"appraisal.grade_names_{scheme}", ""))
    return GradeCatalogue(scheme, letters, tuple(floors), tuple(custom) if len(custom) == len(letters) else ())
