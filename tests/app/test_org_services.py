"""Departments, positions and reporting lines: rules at their edges, permissions, audit."""

from datetime import date

import pytest
from sqlalchemy import select

from app.db import reading
from app.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.rules.org import subtree
from app.services import org


def audit_actions():
    with reading() as s:
        return [a for a in s.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars()]


def dept_id(tree, name):
    return next(d.id for d in tree.departments if d.name == name)


def position(tree, name):
    return next(p for p in tree.positions if p.name == name)


def manager_of(employee_no):
    return {p.employee_no: p.manager_no for p in org.org_tree(org_actor()).people}[employee_no]


def org_actor():
    from app.services.context import Actor

    return Actor.system("t")


def test_demo_tree_has_cards_headcount_and_lines(demo_db, admin):
    tree = org.org_tree(admin)
    assert len(tree.departments) == 7 and len(tree.people) == 15
    for p in tree.positions:
        assert p.summary and len(p.duties) >= 4 and p.supervisor and p.drawn_up
    specialists = position(tree, "运营专员")
    assert (specialists.planned_headcount, specialists.actual_headcount, specialists.staffing) == (3, 2, "under")
    assert position(tree, "美工").staffing == "full"
    assert ("E004", "E003") in tree.lines and len(tree.lines) == 14


def test_set_manager_moves_the_whole_subtree(demo_db, admin):
    org.set_manager(admin, "E003", "E007")  # 运营经理 now reports to 客服主管
    tree = org.org_tree(admin)
    by_no = {p.employee_no: p for p in tree.people}
    parent = {no: (p.manager_no or None) for no, p in by_no.items()}
    assert by_no["E003"].manager_no == "E007"
    assert by_no["E004"].manager_no == "E003"  # the team stays with its manager
    assert {"E003", "E004", "E005", "E006", "E010", "E011", "E012", "E013"} <= subtree(parent, "E007")
    assert "org.set_manager" in audit_actions()


@pytest.mark.parametrize("person, new_manager", [("E002", "E004"), ("E002", "E003"), ("E001", "E014")])
def test_a_reporting_loop_is_refused_and_nothing_changes(demo_db, admin, person, new_manager):
    before = manager_of(person)
    with pytest.raises(ConflictError) as err:
        org.set_manager(admin, person, new_manager)
    assert "reports (directly or indirectly)" in str(err.value)
    assert manager_of(person) == before
    assert "org.set_manager" not in audit_actions()


def test_own_manager_and_unknown_people_are_refused(demo_db, admin):
    with pytest.raises(ConflictError):
        org.set_manager(admin, "E004", "E004")
    with pytest.raises(NotFound):
        org.set_manager(admin, "E004", "E999")


def test_clearing_a_manager_makes_a_root(demo_db, admin):
    org.set_manager(admin, "E014", None)
    assert manager_of("E014") == ""


def test_chart_shows_vacant_seats_under_the_boss_position(demo_db, admin):
    nodes = org.org_chart(admin)
    vacant = [n for n in nodes if n.vacant]
    # 运营专员 3 planned / 2 held, 客服专员 3 / 2
    assert sorted(n.position for n in vacant) == ["客服专员", "运营专员"]
    assert {n.position: n.manager_key for n in vacant} == {"运营专员": "E003", "客服专员": "E007"}
    people = [n for n in nodes if not n.vacant]
    assert len(people) == 15 and next(n for n in people if n.key == "E002").initials == "晓雯"


def test_department_crud_with_audit(demo_db, admin):
    tree = org.org_tree(admin)
    parent = dept_id(tree, "电商运营部")
    row = org.create_department(admin, org.DepartmentInput("直播组", parent, "直播带货"))
    assert row.parent == "电商运营部"
    row = org.update_department(admin, row.id, org.DepartmentInput("直播运营组", parent, ""))
    assert row.name == "直播运营组"
    org.delete_department(admin, row.id)
    assert "直播运营组" not in [d.name for d in org.org_tree(admin).departments]
    assert audit_actions()[-3:] == ["org.department.create", "org.department.update", "org.department.delete"]


def test_department_rules(demo_db, admin):
    tree = org.org_tree(admin)
    top, ops = dept_id(tree, "电商运营部"), dept_id(tree, "运营组")
    with pytest.raises(ConflictError):
        org.create_department(admin, org.DepartmentInput("运营组"))
    with pytest.raises(ConflictError):  # placing a department inside its own sub-department
        org.update_department(admin, top, org.DepartmentInput("电商运营部", ops))
    with pytest.raises(ConflictError):
        org.update_department(admin, top, org.DepartmentInput("电商运营部", top))
    with pytest.raises(ValidationError):
        org.create_department(admin, org.DepartmentInput("  "))
    with pytest.raises(ValidationError):
        org.create_department(admin, org.DepartmentInput("部" * 101))
    org.create_department(admin, org.DepartmentInput("部" * 100))


def test_deleting_a_department_with_people_or_sub_departments_is_refused(demo_db, admin):
    tree = org.org_tree(admin)
    with pytest.raises(ConflictError) as err:
        org.delete_department(admin, dept_id(tree, "仓储物流组"))
    assert "马天宇" in str(err.value)
    with pytest.raises(ConflictError) as err:
        org.delete_department(admin, dept_id(tree, "电商运营部"))
    assert "运营组" in str(err.value)
    assert len(org.org_tree(admin).departments) == 7


def test_deleting_an_empty_department_takes_its_empty_positions(demo_db, admin):
    row = org.create_department(admin, org.DepartmentInput("直播组"))
    pos = org.create_position(admin, org.PositionInput("主播", row.id, duties=["直播带货"]))
    org.delete_department(admin, row.id)
    with pytest.raises(NotFound):
        org.get_position(admin, pos.id)


def test_position_card_create_edit_delete(demo_db, admin):
    tree = org.org_tree(admin)
    ops = dept_id(tree, "运营组")
    boss = position(tree, "运营经理").id
    card = org.PositionInput("品类经理", ops, boss, "运营经理", date(2026, 1, 1), "品类规划与定价",
                             "品类规划\n\n 商品定价 \n", 1, True)
    row = org.create_position(admin, card)
    assert row.duties == ["品类规划", "商品定价"] and row.reports_to == "运营经理" and row.staffing == "under"
    card.planned_headcount = 0
    row = org.update_position(admin, row.id, card)
    assert row.planned_headcount == 0 and row.staffing == "full"
    org.delete_position(admin, row.id)
    assert audit_actions()[-3:] == ["org.position.create", "org.position.update", "org.position.delete"]


def test_position_rules(demo_db, admin):
    tree = org.org_tree(admin)
    ops = dept_id(tree, "运营组")
    manager, specialist = position(tree, "运营经理"), position(tree, "运营专员")
    with pytest.raises(ConflictError):  # duplicate name in the department
        org.create_position(admin, org.PositionInput("运营专员", ops))
    with pytest.raises(ConflictError):  # the manager's position cannot report to its own report
        org.update_position(admin, manager.id, org.PositionInput("运营经理", ops, specialist.id))
    with pytest.raises(ConflictError):
        org.update_position(admin, manager.id, org.PositionInput("运营经理", ops, manager.id))
    for bad in (-1, 1000):
        with pytest.raises(ValidationError):
            org.create_position(admin, org.PositionInput("新岗位", ops, planned_headcount=bad))
    for good in (0, 999):
        org.create_position(admin, org.PositionInput(f"岗位{good}", ops, planned_headcount=good))
    with pytest.raises(ValidationError):
        org.create_position(admin, org.PositionInput("太多职责", ops, duties=[f"职责{i}" for i in range(31)]))
    with pytest.raises(ValidationError):
        org.create_position(admin, org.PositionInput("太长", ops, duties=["长" * 201]))
    with pytest.raises(NotFound):
        org.create_position(admin, org.PositionInput("无部门", 9999))


def test_deleting_a_position_with_people_is_refused_and_boss_deletion_detaches_reports(demo_db, admin):
    tree = org.org_tree(admin)
    with pytest.raises(ConflictError) as err:
        org.delete_position(admin, position(tree, "美工").id)
    assert "何欣然" in str(err.value) and "2" in str(err.value)
    ops = dept_id(tree, "运营组")
    boss = org.create_position(admin, org.PositionInput("组长", ops))
    worker = org.create_position(admin, org.PositionInput("组员", ops, boss.id))
    org.delete_position(admin, boss.id)
    assert org.get_position(admin, worker.id).reports_to_id is None


def test_hr_and_staff_read_but_cannot_edit(demo_db, actor_for):
    for user in ("fengyq", "zhangyt"):
        actor = actor_for(user)
        assert org.org_tree(actor).people
        with pytest.raises(PermissionDenied):
            org.set_manager(actor, "E004", "E007")
        with pytest.raises(PermissionDenied):
            org.create_department(actor, org.DepartmentInput("X"))
        with pytest.raises(PermissionDenied):
            org.delete_position(actor, 1)
    org.set_manager(actor_for("linxw"), "E004", "E007")
    assert manager_of("E004") == "E007"


def test_export_json_is_complete(demo_db, admin):
    data = org.export_json(admin)
    assert set(data) == {"departments", "positions", "people", "reporting_lines"}
    assert {"employee_no": "E004", "manager_no": "E003"} in data["reporting_lines"]
    card = next(p for p in data["positions"] if p["name"] == "运营专员")
    assert card["staffing"] == "under" and isinstance(card["drawn_up"], str)
    import json

    json.dumps(data, ensure_ascii=False)


def test_staffing_and_initials_rules():
    from app.rules.org import initials, staffing

    assert [staffing(2, 1), staffing(2, 2), staffing(2, 3), staffing(0, 0)] == ["under", "full", "over", "full"]
    assert [initials("林晓雯"), initials("郑凯"), initials("Anna Lee"), initials("")] == ["晓雯", "凯", "AL", "?"]
