"""The documents screen: choose a document, its period and people, preview page 1, write, open, print."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QFormLayout, QLabel,
                               QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QScrollArea, QSplitter,
                               QToolBar, QVBoxLayout, QWidget)

from app.errors import ShopTeamError
from app.services import documents as svc, forms as form_svc
from ui import theme
from ui.widgets.file_dialogs import existing_folder, save_file
from ui.widgets.date_entry import DateEntry

KINDS = ("appraisal", "handbook", "attendance") + form_svc.FORM_KINDS


class DocumentsView(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.last_files: list[str] = []
        self._tmp = tempfile.TemporaryDirectory(prefix="shopteam-docs-")
        self.destroyed.connect(lambda *_a, tmp=self._tmp: tmp.cleanup())  # previews of confidential sheets go too
        self._build()
        self._connect()
        self._on_kind_changed()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        toolbar = QToolBar(objectName="documentsToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.act_write = self._action(toolbar, self.tr("Write PDF…"), "mdi6.file-pdf-box", "actionWritePdf")
        self.act_preview = self._action(toolbar, self.tr("Preview"), "mdi6.eye-outline", "actionPreview")
        self.act_open = self._action(toolbar, self.tr("Open"), "mdi6.open-in-new", "actionOpenPdf")
        self.act_print = self._action(toolbar, self.tr("Print…"), "mdi6.printer", "actionPrintPdf")
        toolbar.addSeparator()
        self.act_texts = self._action(toolbar, self.tr("Handbook texts…"), "mdi6.text-box-edit-outline",
                                      "actionHandbookTexts")
        self.act_texts.setVisible(self.ctx.can("documents.handbook_edit"))
        self.kind = QComboBox(objectName="documentChoice")
        self.kind.addItem(self.tr("Appraisal sheets"), "appraisal")
        self.kind.addItem(self.tr("Department handbook"), "handbook")
        self.kind.addItem(self.tr("Monthly attendance report"), "attendance")
        for label, kind in ((self.tr("Leave request form"), "leave"), (self.tr("Duty roster"), "roster"),
                            (self.tr("Employee receipt form"), "handbook_receipt"),
                            (self.tr("Job description"), "job_card"),
                            (self.tr("Blank appraisal form"), "appraisal_form"),
                            (self.tr("Handover form"), "handover")):
            self.kind.addItem(label, kind)
        self.subject = QComboBox(objectName="documentSubject")
        today = QDate.currentDate()
        self.period = QDateEdit(today.addMonths(-1), objectName="documentPeriod", displayFormat="yyyy-MM")
        self.appraisal_period = QComboBox(objectName="documentAppraisalPeriod")  # months, quarters, halves, years
        self.people = QListWidget(objectName="documentPeople")
        self.all_people = QCheckBox(self.tr("Everybody"), objectName="documentAllPeople", checked=True)
        self.per_person = QCheckBox(self.tr("One file per person"), objectName="documentPerPerson")
        self.version = QLineEdit(objectName="documentVersion")
        self.effective = DateEntry(today, "documentEffective")
        self.notice = QLabel(objectName="documentNotice")
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "error")
        self.result = QLabel(objectName="documentResult")
        self.result.setWordWrap(True)
        self.result.setProperty("role", "muted")
        form_box = QWidget(objectName="documentForm")
        self.form = QFormLayout(form_box)
        self.form.addRow(self.tr("Document"), self.kind)
        self.form.addRow(self.tr("Month"), self.period)
        self.form.addRow(self.tr("Period"), self.appraisal_period)
        self.form.addRow(self.tr("For"), self.subject)
        self.form.addRow(self.tr("People"), self.all_people)
        self.form.addRow("", self.people)
        self.form.addRow("", self.per_person)
        self.form.addRow(self.tr("Version"), self.version)
        self.form.addRow(self.tr("Effective date"), self.effective)
        self.form.addRow(self.notice)
        self.form.addRow(self.result)
        self.preview = QLabel(self.tr("Choose a document and press Preview to see its first page."),
                              objectName="documentPreview", alignment=Qt.AlignCenter)
        self.preview.setProperty("role", "empty")
        self.preview.setWordWrap(True)
        self.scroll = scroll = QScrollArea(objectName="documentPreviewArea")
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignCenter)
        self.splitter = QSplitter(objectName="documentsSplitter")
        self.splitter.addWidget(form_box)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.splitter, 1)

    def _action(self, toolbar: QToolBar, text: str, icon: str, name: str) -> QAction:
        action = QAction(theme.icon(icon), text, self, objectName=name)
        toolbar.addAction(action)
        return action

    def _connect(self) -> None:
        self.act_write.triggered.connect(self.write_pdf)
        self.act_preview.triggered.connect(self.show_preview)
        self.act_open.triggered.connect(self.open_result)
        self.act_print.triggered.connect(self.print_current)
        self.act_texts.triggered.connect(self.edit_texts)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.period.dateChanged.connect(lambda _d: self._load_people())
        self.appraisal_period.currentIndexChanged.connect(lambda _i: self._load_people())
        self.all_people.toggled.connect(self._on_all_people)

    # -- state ----------------------------------------------------------------------------
    def current_kind(self) -> str:
        return self.kind.currentData()

    def period_key(self) -> str:
        if self.current_kind() == "appraisal" and self.appraisal_period.currentData():
            return self.appraisal_period.currentData()
        return self.period.date().toString("yyyy-MM")

    def _load_appraisal_periods(self) -> None:
        keep = self.appraisal_period.currentData()
        self.appraisal_period.blockSignals(True)
        self.appraisal_period.clear()
        try:
            periods = svc.appraisal_periods(self.ctx.actor)
        except ShopTeamError:
            periods = []
        for p in periods:
            self.appraisal_period.addItem(p["label"], p["key"])
        wanted = self.appraisal_period.findData(keep) if keep else -1
        if wanted < 0:  # default: last month, as before
            wanted = self.appraisal_period.findData(self.period.date().toString("yyyy-MM"))
        self.appraisal_period.setCurrentIndex(max(0, wanted))
        self.appraisal_period.blockSignals(False)

    def selected_people(self) -> list[str] | None:
        if self.all_people.isChecked():
            return None
        return [self.people.item(i).data(Qt.UserRole) for i in range(self.people.count())
                if self.people.item(i).checkState() == Qt.Checked]

    def _set_row_visible(self, widget: QWidget, visible: bool) -> None:
        self.form.setRowVisible(widget, visible)

    def _on_all_people(self, everybody: bool) -> None:
        """Everybody ticks the whole list; unticking it clears the list so one can pick the few."""
        state = Qt.Checked if everybody else Qt.Unchecked
        for i in range(self.people.count()):
            self.people.item(i).setCheckState(state)
        self.people.setEnabled(not everybody)

    def _on_kind_changed(self, *_args) -> None:
        kind = self.current_kind()
        self.last_files = []  # the file written for the previous choice is not this document's
        self.result.clear()
        for w in (self.all_people, self.people, self.per_person):
            self._set_row_visible(w, kind == "appraisal")
        self._set_row_visible(self.period, kind in ("attendance", "roster"))
        self._set_row_visible(self.appraisal_period, kind == "appraisal")
        if kind == "appraisal":
            self._load_appraisal_periods()
        self._set_row_visible(self.version, kind in ("handbook", "handbook_receipt"))
        self._set_row_visible(self.effective, kind == "handbook")
        self._fill_subjects(kind)
        if kind in ("handbook", "handbook_receipt"):
            self.version.setText(svc.next_handbook_version(self.ctx.actor))
        if kind == "appraisal":
            self.per_person.setChecked(bool(self._setting("documents.appraisal_one_file_per_person")))
        self.notice.setVisible(False)
        self._update_result_actions()
        self._clear_preview()
        self._load_people()

    def _reload_data(self) -> None:
        """After a change elsewhere: new version number and people; the preview and the result stay."""
        if self.current_kind() in ("handbook", "handbook_receipt"):
            self.version.setText(svc.next_handbook_version(self.ctx.actor))
        self._load_people()

    def _fill_subjects(self, kind: str) -> None:
        """The leave request or position a form is printed for (see app.services.forms)."""
        self.subject.clear()
        choices = form_svc.form_subjects(self.ctx.actor, kind) if kind in form_svc.FORM_KINDS else []
        for label, value in choices:
            self.subject.addItem(label, value)
        self._set_row_visible(self.subject, kind in ("leave", "job_card", "appraisal_form", "handover"))

    def _form_params(self) -> dict:
        return dict(subject=self.subject.currentData() or "", period=self.period_key(), version=self.version.text())

    def _clear_preview(self) -> None:
        self.preview.clear()
        self.preview.setMinimumSize(0, 0)
        self.preview.setText(self.tr("Choose a document and press Preview to see its first page."))
        self.preview.setProperty("role", "empty")
        self.preview.style().unpolish(self.preview)
        self.preview.style().polish(self.preview)

    def _setting(self, key: str):
        from app.services import policy

        return policy.get(key)

    def _load_people(self) -> None:
        self.people.clear()
        if self.current_kind() != "appraisal":
            return
        try:
            rows = svc.appraisal_employees(self.ctx.actor, self.period_key())
        except ShopTeamError as exc:
            self.notice.setText(str(exc))
            self.notice.setVisible(True)
            return
        for r in rows:
            item = QListWidgetItem(f"{r['employee_no']}  {r.get('name', '')}")
            item.setData(Qt.UserRole, r["employee_no"])
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if self.all_people.isChecked() else Qt.Unchecked)
            self.people.addItem(item)
        self.people.setEnabled(not self.all_people.isChecked())

    def _update_result_actions(self) -> None:
        has = bool(self.last_files)
        self.act_open.setEnabled(has)
        self.act_print.setEnabled(has and len(self.last_files) == 1)
        # a greyed button says why, and what to do instead
        self.act_open.setToolTip(self.tr("Open the PDF just written") if has
                                 else self.tr("Write a PDF first; then open it here."))
        if not has:
            self.act_print.setToolTip(self.tr("Write a PDF first; then print it here."))
        elif len(self.last_files) > 1:
            self.act_print.setToolTip(self.tr("This run wrote %1 PDF files, one per person; open their folder "
                                              "and print them from there.").replace("%1", str(len(self.last_files))))
        else:
            self.act_print.setToolTip(self.tr("Print the PDF just written"))

    def refresh(self, areas) -> None:
        if {"*", "appraisal", "attendance", "employees", "org", "policy", "documents"} & set(areas):
            self._reload_data()

    # -- actions --------------------------------------------------------------------------
    def show_preview(self) -> None:
        kind, png = self.current_kind(), Path(self._tmp.name) / f"preview-{self.current_kind()}.png"
        params = dict(period_key=self.period_key(), employee_nos=self.selected_people(), version=self.version.text(),
                      effective_date=self.effective.date().toPython())

        forms, actor = self._form_params(), self.ctx.actor

        def job(progress):
            progress(0, 1)
            if kind in form_svc.FORM_KINDS:
                return form_svc.preview_form(actor, kind, png, dpi=80, **forms)
            return svc.preview_first_page(actor, kind, png, dpi=80, **params)

        return self.ctx.query(self, job, self._show_png, failed=self._failed, progress=self.tr("Drawing the preview…"))

    def _show_png(self, path) -> None:
        pixmap = QPixmap(str(path))
        self.preview.setProperty("role", "page")  # drop the empty-state padding
        self.preview.style().unpolish(self.preview)
        self.preview.style().polish(self.preview)
        self.preview.setPixmap(pixmap)
        self.preview.setMinimumSize(pixmap.size())
        self.scroll.verticalScrollBar().setValue(0)

    def write_pdf(self) -> None:
        kind = self.current_kind()
        per_person = kind == "appraisal" and self.per_person.isChecked()
        if per_person:
            target = existing_folder(self, f"documents/{kind}", self.tr("Folder for the appraisal sheets"))
        else:
            names = {"appraisal": f"appraisal_{self.period_key()}.pdf", "attendance": f"attendance_{self.period_key()}.pdf",
                     "handbook": f"handbook_{self.version.text() or 'new'}.pdf",
                     "leave": f"leave_{self.subject.currentData() or ''}.pdf", "roster": f"roster_{self.period_key()}.pdf",
                     "handbook_receipt": "handbook_receipt.pdf", "handover": f"handover_{self.subject.currentData() or ''}.pdf",
                     "job_card": f"job_{(self.subject.currentData() or '').replace('/', '_')}.pdf",
                     "appraisal_form": f"appraisal_form_{(self.subject.currentData() or '').replace('/', '_')}.pdf"}
            target = save_file(self, f"documents/{kind}", self.tr("Write PDF"), names[kind], self.tr("PDF (*.pdf)"))
        if target:
            self.start_write(target, per_person)

    def start_write(self, target: str, per_person: bool = False):
        kind, actor = self.current_kind(), self.ctx.actor
        period, people = self.period_key(), self.selected_people()
        version, effective = self.version.text(), self.effective.date().toPython()
        forms = self._form_params()

        def job(progress):
            if kind in form_svc.FORM_KINDS:
                progress(0, 1)
                return [form_svc.write_form(actor, kind, target, **forms)["path"]]
            if kind == "appraisal":
                return svc.write_appraisal_sheets(actor, period, target, per_person=per_person, employee_nos=people,
                                                  progress=progress)["files"]
            progress(0, 1)
            if kind == "attendance":
                year, month = svc.parse_period(period)
                return [svc.write_attendance_report(actor, year, month, target)["path"]]
            return [svc.print_handbook(actor, target, version=version or None, effective_date=effective)["path"]]

        return self.ctx.write(self, job, self._written, failed=self._failed, progress=self.tr("Writing the PDF…"))

    def _written(self, files) -> None:
        self.last_files = list(files)
        shown = files[0] if len(files) == 1 else self.tr("%1 files in %2").replace("%1", str(len(files))).replace("%2", str(Path(files[0]).parent))
        self.result.setText(self.tr("Written: %1").replace("%1", shown))
        self.ctx.show_status(self.tr("PDF written: %1").replace("%1", shown))
        self._update_result_actions()

    def _failed(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Warning, self.tr("Documents"), message, parent=self)
        box.setObjectName("documentsErrorBox")
        box.exec()

    def open_result(self) -> None:
        if self.last_files:
            target = self.last_files[0] if len(self.last_files) == 1 else str(Path(self.last_files[0]).parent)
            QDesktopServices.openUrl(QUrl.fromLocalFile(target))

    def print_current(self) -> None:
        """Ctrl+P: print the last written PDF through the system print dialog."""
        if len(self.last_files) != 1:
            self.ctx.show_status(self.tr("Write a PDF first; then it can be printed."))
            return
        from ui.documents.printing import print_pdf

        print_pdf(self, self.last_files[0])

    def edit_texts(self) -> None:
        from ui.documents.sections_dialog import HandbookSectionsDialog

        HandbookSectionsDialog(self.ctx, self).exec()
