"""Give positions a scheme from the library (考核方案库): pick a scheme, tick the positions, compare the
template in force with the one the scheme writes, side by side, and apply. Applying writes a new
template version per position (app.services.appraisal_schemes.apply_scheme); periods already open
keep the version they were opened with.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget)

from app.errors import ShopTeamError
from app.i18n import language
from app.rules.appraisal_template import indicators
from app.services import appraisal_schemes as ssvc


class SchemeDialog(QDialog):
    def __init__(self, ctx, parent=None, position: tuple[str, str] | None = None):
        super().__init__(parent)
        self.setObjectName("appraisalSchemeDialog")
        self.setWindowTitle(self.tr("Appraisal scheme library"))
        self.ctx = ctx
        self.applied: list[dict] = []
        self.lang = language()
        self.schemes = ssvc.list_schemes(ctx.actor)
        self.scheme_list = QListWidget(objectName="schemeList")
        self.scheme_list.setWordWrap(True)
        self.scheme_list.setSpacing(3)
        for scheme in self.schemes:
            item = QListWidgetItem(f"{self._name(scheme)}\n{self._period(scheme['period'])}")
            item.setData(Qt.UserRole, scheme["key"])
            self.scheme_list.addItem(item)
        self.description = QLabel(objectName="schemeDescription")
        self.description.setWordWrap(True)
        self.description.setProperty("role", "muted")
        self.position_list = QListWidget(objectName="schemePositionList")
        for row in ssvc.scheme_positions(ctx.actor):
            item = QListWidgetItem(f"{row['department']} · {row['position']}")
            item.setData(Qt.UserRole, f"{row['department']}/{row['position']}")
            item.setData(Qt.UserRole + 1, row["is_manager"])
            item.setToolTip(row["template"])
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if position == (row["department"], row["position"]) else Qt.Unchecked)
            self.position_list.addItem(item)
        self.current_view = QTextBrowser(objectName="schemeCurrentTemplate")
        self.proposed_view = QTextBrowser(objectName="schemeProposedTemplate")
        self.current_title = QLabel(objectName="schemeCurrentTitle")
        self.proposed_title = QLabel(objectName="schemeProposedTitle")
        for title in (self.current_title, self.proposed_title):
            title.setProperty("role", "title")
        self.tick_staff = QPushButton(self.tr("Tick staff positions"), objectName="schemeTickStaff")
        self.tick_managers = QPushButton(self.tr("Tick manager positions"), objectName="schemeTickManagers")
        self.tick_none = QPushButton(self.tr("Clear"), objectName="schemeTickNone")
        self.tick_staff.clicked.connect(lambda: self.tick(False))
        self.tick_managers.clicked.connect(lambda: self.tick(True))
        self.tick_none.clicked.connect(lambda: self.tick(None))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Close, objectName="schemeButtons")
        self.apply_button = self.buttons.button(QDialogButtonBox.Ok)
        self.apply_button.setObjectName("schemeApplyButton")
        self.apply_button.setText(self.tr("Apply to ticked positions"))
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self.scheme_list.currentRowChanged.connect(lambda _r: self.refresh())
        self.position_list.currentRowChanged.connect(lambda _r: self.refresh())
        self.position_list.itemChanged.connect(lambda _i: self._enable())
        self.scheme_list.setCurrentRow(0)
        ticked = [i for i in range(self.position_list.count())
                  if self.position_list.item(i).checkState() == Qt.Checked]
        self.position_list.setCurrentRow(ticked[0] if ticked else 0)
        self.resize(1280, 700)

    def _layout(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Scheme")))
        column.addWidget(self.scheme_list, 3)
        column.addWidget(QLabel(self.tr("Positions (tick those that get the scheme)")))
        column.addWidget(self.position_list, 4)
        ticks = QHBoxLayout()
        for button in (self.tick_staff, self.tick_managers, self.tick_none):
            ticks.addWidget(button)
        column.addLayout(ticks)
        panes = QHBoxLayout()
        for title, view in ((self.current_title, self.current_view), (self.proposed_title, self.proposed_view)):
            box = QVBoxLayout()
            box.addWidget(title)
            box.addWidget(view, 1)
            panes.addLayout(box, 1)
        right = QWidget()
        body = QVBoxLayout(right)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.description)
        body.addLayout(panes, 1)
        note = QLabel(self.tr("Applying writes a new template version for each ticked position. "
                              "Periods already open keep the template they were opened with."))
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        body.addWidget(note)
        splitter = QSplitter(objectName="schemeSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    # -- reading ----------------------------------------------------------------------------------------
    def _name(self, scheme: dict) -> str:
        return scheme["name"].get(self.lang) or scheme["name"]["zh_CN"]

    def _period(self, kind: str) -> str:
        return {"month": self.tr("Monthly"), "quarter": self.tr("Quarterly"),
                "half": self.tr("Half-yearly (June and December)"), "year": self.tr("Annual")}.get(kind, kind)

    def _role(self, role: str) -> str:
        return {"gm": self.tr("General manager"), "leader": self.tr("Supervising leader"),
                "head": self.tr("Department head"), "peer": self.tr("Peers"), "subordinate": self.tr("Subordinates"),
                "self": self.tr("Self-assessment")}.get(role, role)

    def scheme_key(self) -> str:
        item = self.scheme_list.currentItem()
        return item.data(Qt.UserRole) if item else ""

    def ticked(self) -> list[str]:
        return [self.position_list.item(i).data(Qt.UserRole) for i in range(self.position_list.count())
                if self.position_list.item(i).checkState() == Qt.Checked]

    def tick(self, managers: bool | None) -> None:
        """Tick every staff position (False) or every manager position (True) alone; None clears the ticks."""
        for i in range(self.position_list.count()):
            item = self.position_list.item(i)
            wanted = managers is not None and bool(item.data(Qt.UserRole + 1)) == managers
            item.setCheckState(Qt.Checked if wanted else Qt.Unchecked)

    def _enable(self) -> None:
        n = len(self.ticked())
        self.apply_button.setEnabled(n > 0 and bool(self.scheme_key()))
        self.apply_button.setToolTip("" if n else self.tr("Tick at least one position."))

    def refresh(self) -> None:
        key = self.scheme_key()
        scheme = next((s for s in self.schemes if s["key"] == key), None)
        item = self.position_list.currentItem()
        self._enable()
        if scheme is None or item is None:
            return
        self.description.setText(scheme["description"].get(self.lang) or scheme["description"]["zh_CN"])
        try:
            preview = ssvc.preview_scheme(self.ctx.actor, key, [item.data(Qt.UserRole)])[0]
        except ShopTeamError as exc:
            self.current_view.setPlainText(str(exc))
            return
        version = preview["current_version"]
        self.current_title.setText(self.tr("Now: %1").replace("%1", item.text()) +
                                   (self.tr(" (version %1)").replace("%1", str(version)) if version else ""))
        self.proposed_title.setText(self.tr("With the scheme (version %1)").replace("%1",
                                                                                 str(preview["proposed"]["version"])))
        self.current_view.setHtml(self.template_html(preview["current"]))
        note = ssvc.grades_note(preview["proposed"].get("grades", ""), preview["grades_in_force"])
        self.proposed_view.setHtml(self.template_html(preview["proposed"]) +
                                   (f"<p><i>{escape(note)}</i></p>" if note else ""))

    def template_html(self, template: dict) -> str:
        """Sections, indicators with their rules, raters and period of a template, as a small HTML page."""
        out = [f"<h3>{escape(template.get('name', ''))}</h3>"]
        facts = [self.tr("Period: %1").replace("%1", self._period(template["period"])) if template.get("period") else
                 self.tr("Period: any (the period opened)")]
        raters = template.get("raters")
        if raters:
            comma = "、" if self.lang == "zh_CN" else ", "
            facts.append(self.tr("Raters: %1").replace("%1", comma.join(
                [f"{self._role(role)} {weight:g}%" for role, weight in dict(raters).items()]
                + [self._role("self") + " " + self.tr("(recorded, not counted)")])))
        else:
            facts.append(self.tr("Raters: as the appraisal settings say (staff and managers)"))
        if template.get("grades"):
            facts.append(self.tr("Grades: four (A–D)") if template["grades"] == "four" else self.tr("Grades: five (A–E)"))
        out.append("<p>" + "<br>".join(escape(f) for f in facts) + "</p>")
        out.append('<table cellspacing="0" cellpadding="3" border="1" width="100%">')
        heads = [escape(self.tr("Indicator")), escape(self.tr("Weight")), escape(self.tr("How it is scored"))]
        out.append(f"<tr><th align='left'>{heads[0]}</th><th>{heads[1]}</th><th align='left'>{heads[2]}</th></tr>")
        section = None
        for ind in indicators(template):
            if ind["section"] != section:
                section = ind["section"]
                out.append(f"<tr><td colspan='3' bgcolor='#eef2f7'><b>{escape(section)} "
                           f"{ind['section_weight']:g}%</b></td></tr>")
            out.append(f"<tr><td>{escape(ind['name'])}</td><td align='right'>{ind.get('weight', 0):g}%</td>"
                       f"<td>{escape(self._rule_text(ind))}</td></tr>")
        out.append("</table>")
        return "".join(out)

    def _rule_text(self, ind: dict) -> str:
        if ind.get("kind") == "qualitative":
            return self.tr("Rubric A–D")
        rule = ind.get("rule") or {}
        unit = ind.get("unit") or ""
        if rule.get("type") == "growth":
            base = {"previous": self.tr("the period before"), "last_year": self.tr("the same period last year"),
                    "typed": self.tr("typed base figures")}.get(rule.get("base"), "?")
            return self.tr("Growth against %1, by bands").replace("%1", base)
        target = ind.get("target")
        target_text = f"{target:g}{unit}" if isinstance(target, (int, float)) else ""
        if rule.get("type") == "bands":
            return self.tr("Bands from target %1").replace("%1", target_text) + (" ↓" if ind.get("lower_is_better") else "")
        return self.tr("Actual ÷ target %1 × 100").replace("%1", target_text)

    # -- applying ---------------------------------------------------------------------------------------
    def apply(self) -> None:
        positions, key = self.ticked(), self.scheme_key()
        if not positions or not key:
            return
        scheme = next(s for s in self.schemes if s["key"] == key)
        question = (self.tr("Give %1 position(s) the scheme %2? Each gets a new template version; periods already "
                            "open keep theirs.").replace("%1", str(len(positions))).replace("%2", self._name(scheme)))
        if QMessageBox.question(self, self.windowTitle(), question) != QMessageBox.Yes:
            return
        actor, name = self.ctx.actor, self._name(scheme)

        def applied(result) -> None:  # the operation's change set tells the appraisal tab
            self.applied = result
            self.ctx.show_status(self.tr("Scheme %1 applied to %2 position(s).").replace("%1", name)
                                 .replace("%2", str(len(result))))
            self.accept()

        self.ctx.write(self, lambda: ssvc.apply_scheme(actor, key, positions), applied,
                       failed=lambda message: QMessageBox.warning(self, self.windowTitle(), message))
