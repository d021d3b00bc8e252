"""A list out of fixed choices is a set: stored in the choices' order, so choosing the same set in another
order is no edit and writes no audit row."""

from sqlalchemy import func, select

from app.db import reading, transaction
from app.models.audit import AuditEntry
from app.models.policy import PolicySetting
from app.rules.settings import parse_value
from app.services import policy

KEY = "leave.plan_day_blocked_types"


def _audit_rows() -> int:
    with reading() as s:
        return s.execute(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "policy.set")).scalar()


def test_a_chosen_list_keeps_the_order_of_its_choices():
    sp = policy.spec(KEY)
    assert parse_value(sp, "comp, personal, annual") == ["personal", "annual", "comp"]
    assert parse_value(sp, ["annual", "personal", "annual"]) == ["personal", "annual"]
    assert sp.default == ["personal", "marriage", "annual", "comp"]  # the data file's order is not the rule's


def test_saving_the_same_set_in_another_order_writes_nothing(db, admin):
    policy.set_values(admin, {KEY: ["annual", "personal"]})
    before = _audit_rows()
    policy.set_values(admin, {KEY: "personal,annual", "attendance.unpaid_leave_types": ["sick", "personal"]})
    assert _audit_rows() == before  # neither changed: the second is the default, chosen in another order
    policy.set_values(admin, {KEY: ["personal"]})
    assert _audit_rows() == before + 1 and policy.get(KEY) == ["personal"]


def test_a_list_stored_in_another_order_reads_in_the_choices_order_and_is_no_edit(db, admin):
    with transaction() as s:  # as an older version stored it
        s.add(PolicySetting(key=KEY, value=["comp", "personal"]))
    row = next(r for r in policy.list_settings(admin) if r["key"] == KEY)
    assert row["value"] == ["personal", "comp"]
    before = _audit_rows()
    policy.set_values(admin, {KEY: ["personal", "comp"]})
    assert _audit_rows() == before
