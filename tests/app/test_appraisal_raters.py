"""Raters as the schemes name them: department heads, head / leader / gm, merging, 360° kinds and
delegation, on small trees, on the demo department and on a generated 500-person company."""

import random
from decimal import Decimal

import pytest

from app.rules import raters as r

STAFF = {"gm": 10, "leader": 20, "head": 70}
MANAGER = {"gm": 30, "leader": 70, "head": 0}


def _weights(found):
    return {x.employee_id: (x.roles, x.weight) for x in found}


def _facts(manager_of, department_of, parent_of, seats=None, explicit=None, managers=()):
    return r.OrgFacts(manager_of=manager_of, department_of=department_of, parent_of=parent_of,
                      manager_seats=seats or {}, explicit_head=explicit or {}, managers=frozenset(managers))


# A small company: 1 gm in dept 10 (top); dept 20 (head 2 by the manager seat) with groups 21 (head 3 by
# seat) and 22 (no seat; 5 reports to 3, not a lead) ; 4 works in 21 under 3; 6 sits in 20 under 2.
TREE = {1: None, 2: 1, 3: 2, 4: 3, 5: 3, 6: 2}
DEPT = {1: 10, 2: 20, 3: 21, 4: 21, 5: 22, 6: 20}
PARENT = {10: None, 20: None, 21: 20, 22: 20}
SEATS = {10: [1], 20: [2], 21: [3]}


def test_heads_by_seat_and_parent_fallback():
    why = {}
    heads = r.department_heads(_facts(TREE, DEPT, PARENT, SEATS), why)
    assert heads == {10: 1, 20: 2, 21: 3, 22: 2}
    assert why == {10: "position", 20: "position", 21: "position", 22: "parent"}


def test_explicit_head_wins_and_the_lead_rule_finds_a_group_without_a_seat():
    facts = _facts(TREE, DEPT, PARENT, SEATS, explicit={22: 3})
    assert r.department_heads(facts)[22] == 3
    # no seats at all: 3 is the one member of 21 whose manager (2) is outside and who has reports in 21
    heads = r.department_heads(_facts(TREE, DEPT, PARENT))
    assert heads[21] == 3
    # 20: 2 reports to 1 (outside) and has 6 in 20 -> the lead; 10: 1 has no reports inside 10 -> none
    assert heads[20] == 2 and heads[10] is None


def test_two_leads_make_the_rule_undecided_so_the_parent_decides():
    tree = {1: None, 2: 1, 3: 1, 4: 2, 5: 3}
    dept = {1: 10, 2: 20, 3: 20, 4: 20, 5: 20}
    heads = r.department_heads(_facts(tree, dept, {10: None, 20: 10}, {10: [1]}))
    assert heads[20] == 1


def test_staff_head_is_their_department_head_and_leader_is_whom_the_head_reports_to():
    facts = _facts(TREE, DEPT, PARENT, SEATS, managers={1, 2, 3})
    heads = r.department_heads(facts)
    assert _weights(r.resolve_raters(4, facts, heads, STAFF)) == {
        1: (["gm"], 10), 2: (["leader"], 20), 3: (["head"], 70)}
    # 6 sits in 20, headed by 2 who reports to the top: gm and leader merge on 1
    assert _weights(r.resolve_raters(6, facts, heads, STAFF)) == {1: (["gm", "leader"], 30), 2: (["head"], 70)}
    # 5 reports to 3, but 22 has no head of its own: 20's head 2 carries 70 %
    assert _weights(r.resolve_raters(5, facts, heads, STAFF)) == {1: (["gm", "leader"], 30), 2: (["head"], 70)}


def test_a_department_head_is_rated_by_their_own_manager_and_the_top():
    facts = _facts(TREE, DEPT, PARENT, SEATS, managers={1, 2, 3})
    heads = r.department_heads(facts)
    assert _weights(r.resolve_raters(3, facts, heads, MANAGER)) == {1: (["gm"], 30), 2: (["leader"], 70)}
    assert _weights(r.resolve_raters(2, facts, heads, MANAGER)) == {1: (["gm", "leader"], 100)}
    assert r.resolve_raters(1, facts, heads, MANAGER) == []


def test_deep_tree_gm_is_the_top_of_the_chain():
    tree = {i: (i - 1 if i > 1 else None) for i in range(1, 9)}  # a chain of eight
    dept = {i: 100 + i for i in tree}
    facts = _facts(tree, dept, {100 + i: None for i in tree}, {100 + i: [i] for i in range(1, 8)},
                   managers=set(range(1, 8)))
    heads = r.department_heads(facts)
    found = _weights(r.resolve_raters(8, facts, heads, STAFF))  # 8's department has no seat: the lead rule fails
    assert found == {1: (["gm"], 10), 6: (["leader"], 20), 7: (["head"], 70)}
    assert _weights(r.resolve_raters(5, facts, heads, MANAGER)) == {1: (["gm"], 30), 4: (["leader"], 70)}


def test_flat_tree_everyone_under_the_top():
    tree = {1: None, **{i: 1 for i in range(2, 30)}}
    facts = _facts(tree, {i: 1 for i in tree}, {1: None}, {1: [1]}, managers={1})
    heads = r.department_heads(facts)
    for person in range(2, 30):
        assert _weights(r.resolve_raters(person, facts, heads, STAFF)) == {1: (["gm", "leader", "head"], 100)}


def test_a_head_set_below_the_person_never_makes_them_rate_themselves():
    tree = {1: None, 2: 1, 3: 2}
    facts = _facts(tree, {1: 10, 2: 20, 3: 20}, {10: None, 20: None}, explicit={20: 3})
    heads = r.department_heads(facts)
    found = r.resolve_raters(2, facts, heads, STAFF)
    assert all(x.employee_id != 2 for x in found)
    assert sum(x.weight for x in found) == 100


def test_delegation_moves_the_gm_part_to_the_leader():
    facts = _facts(TREE, DEPT, PARENT, SEATS, managers={1, 2, 3})
    heads = r.department_heads(facts)
    assert _weights(r.resolve_raters(4, facts, heads, STAFF, delegate_gm=True)) == {
        2: (["leader"], 30), 3: (["head"], 70)}


def test_peers_and_subordinates_share_their_weight_and_count_with_their_mean():
    tree = {1: None, 2: 1, 3: 1, 4: 1, 5: 2, 6: 2}
    facts = _facts(tree, {i: 10 for i in tree}, {10: None}, {10: [1]}, managers={1, 2, 3, 4})
    heads = r.department_heads(facts)
    weights = {"gm": 30, "leader": 40, "peer": 20, "subordinate": 10}
    found = r.resolve_raters(2, facts, heads, weights)
    assert _weights(found) == {1: (["gm", "leader"], 70), 3: (["peer"], 20), 4: (["peer"], 20),
                               5: (["subordinate"], 10), 6: (["subordinate"], 10)}
    # gm+leader 80, peers 90 and 70 (mean 80), subordinates 60 and 61 (mean 60.5): 56 + 16 + 6.05
    totals = {1: 80, 3: 90, 4: 70, 5: 60, 6: 61}
    assert r.final_score([(x.weight, x.group, totals[x.employee_id]) for x in found]) == Decimal("78.05")
    # nobody of a kind: its weight goes to the leader
    lone = r.resolve_raters(5, facts, heads, {"gm": 30, "leader": 60, "subordinate": 10})
    assert _weights(lone)[1][1] == 100 and len(lone) == 1


def test_weights_problem_names_unknown_roles_and_bad_totals():
    assert r.weights_problem(STAFF) is None
    assert "boss" in r.weights_problem({"boss": 100})
    assert "99" in r.weights_problem({"gm": 9, "leader": 20, "head": 70})


# -- the demo department -----------------------------------------------------------------------------
DEMO = {  # employee no. -> {rater no.: (roles, weight)}
    "E002": {"E001": (["gm", "leader"], 100)},
    "E003": {"E001": (["gm"], 30), "E002": (["leader"], 70)},
    "E004": {"E001": (["gm"], 10), "E002": (["leader"], 20), "E003": (["head"], 70)},
    "E007": {"E001": (["gm"], 30), "E002": (["leader"], 70)},
    "E008": {"E001": (["gm"], 10), "E002": (["leader"], 20), "E007": (["head"], 70)},
    "E010": {"E001": (["gm"], 10), "E002": (["leader"], 20), "E003": (["head"], 70)},
    "E014": {"E001": (["gm", "leader"], 30), "E002": (["head"], 70)},
    "E015": {"E001": (["gm", "leader"], 30), "E002": (["head"], 70)},
}


def _demo_raters(period_key):
    from sqlalchemy import select

    from app.db import reading
    from app.models.appraisal import AppraisalPeriod, AppraisalSubject
    from app.models.people import Employee

    with reading() as s:
        no = dict(s.execute(select(Employee.id, Employee.employee_no)).all())
        period = s.execute(select(AppraisalPeriod).where(AppraisalPeriod.key == period_key)).scalar_one()
        return {no[x.employee_id]: {no[q["employee_id"]]: (q["roles"], q["weight"]) for q in x.raters}
                for x in s.execute(select(AppraisalSubject).where(AppraisalSubject.period_id == period.id)).scalars()}


def test_demo_weights_land_on_the_people_the_scheme_names(demo_db, admin):
    from app.services.appraisal import open_period

    open_period(admin, "2030-01")
    found = _demo_raters("2030-01")
    for person, expected in DEMO.items():
        assert found[person] == expected, person
    assert "E001" not in found  # the general manager is the top: nobody rates him


def test_demo_heads_shown_in_the_org_tab_and_set_from_the_cli(demo_db, admin, cli_admin):
    from app.cli import main as cli
    from app.services.org import org_tree

    def main(args):
        return cli(["--db", str(demo_db.path) if demo_db.is_sqlite else demo_db.url, *args])

    heads = {d.name: (d.head, d.head_source) for d in org_tree(admin).departments}
    assert heads["仓储物流组"] == ("林晓雯 (E002)", "parent")
    assert heads["推广组"] == ("王浩然 (E003)", "set")
    assert main(["org", "department", "set-head", "仓储物流组", "E014"]) == 0
    assert main(["org", "department", "set-head", "仓储物流组", "E999"]) != 0
    assert main(["org", "department", "set-head", "仓储物流组"]) != 0  # neither a person nor --clear
    from app.services.appraisal import open_period

    open_period(admin, "2030-02")
    # 马天宇 heads his own group now: a middle manager, rated by his manager 林晓雯 and the top
    assert _demo_raters("2030-02")["E014"] == {"E001": (["gm"], 30), "E002": (["leader"], 70)}
    assert main(["org", "department", "set-head", "仓储物流组", "--clear"]) == 0
    assert {d.name: d.head_source for d in org_tree(admin).departments}["仓储物流组"] == "parent"


# -- a generated 500-person company -------------------------------------------------------------------
def _company(seed=7, size=500):
    """A gm; 8 departments each with a head (seat holder) reporting to the gm or to a deputy; 1–3 groups
    per department, half with a seat, some without; staff report to their group lead or the head."""
    rng = random.Random(seed)
    manager_of, dept_of, parent_of, seats = {1: None}, {1: 0}, {0: None}, {0: [1]}
    deputies = [2, 3]
    for d in deputies:
        manager_of[d], dept_of[d] = 1, 0
    next_id, group_heads = 4, []
    for d in range(1, 9):
        head = next_id
        next_id += 1
        manager_of[head], dept_of[head], parent_of[d], seats[d] = rng.choice([1] + deputies), d, None, [head]
        for g in range(rng.randint(1, 3)):
            gid = d * 10 + g
            parent_of[gid] = d
            lead = next_id
            next_id += 1
            manager_of[lead], dept_of[lead] = head, gid
            if g % 2 == 0:
                seats[gid] = [lead]
            group_heads.append((gid, lead, g % 2 == 0))
    while next_id <= size:
        gid, lead, _seat = rng.choice(group_heads)
        manager_of[next_id], dept_of[next_id] = (lead if rng.random() < 0.8 else manager_of[lead]), gid
        next_id += 1
    return manager_of, dept_of, parent_of, seats, group_heads


def test_generated_500_people_weights_sum_to_100_and_land_on_the_scheme_roles():
    manager_of, dept_of, parent_of, seats, group_heads = _company()
    has_reports = {m for m in manager_of.values() if m}
    facts = _facts(manager_of, dept_of, parent_of, seats)
    heads = r.department_heads(facts)
    facts.managers = frozenset(has_reports | {p for ps in seats.values() for p in ps} | set(heads.values()))
    leads = {gid: lead for gid, lead, _seat in group_heads}
    seated = {gid for gid, _lead, seat in group_heads if seat}
    led = {dept_of[p] for p, m in manager_of.items() if m in leads.values() and dept_of[p] == dept_of[m]}
    checked = 0
    for person in manager_of:
        as_manager = person in facts.managers
        found = r.resolve_raters(person, facts, heads, MANAGER if as_manager else STAFF)
        if person == 1:
            assert found == []
            continue
        assert sum(x.weight for x in found) == 100
        assert person not in {x.employee_id for x in found}
        assert len({x.employee_id for x in found}) == len(found)
        roles = {role: x.employee_id for x in found for role in x.roles}
        assert roles["gm"] == 1
        if not as_manager:
            group = dept_of[person]
            # a seat, or the one lead with reports in the group, else the department's head
            expected_head = leads[group] if group in seated or group in led else seats[parent_of[group]][0]
            assert roles["head"] == expected_head
            assert roles["leader"] == (manager_of[expected_head] or expected_head)
            checked += 1
        else:
            assert roles["leader"] == manager_of[person]
    assert checked > 400


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_trees_never_loop_or_lose_weight(seed):
    manager_of, dept_of, parent_of, seats, _g = _company(seed, 200)
    parent_of[11] = 12 if 12 in parent_of else parent_of.get(11)  # a nested group under a sibling
    facts = _facts(manager_of, dept_of, parent_of, {})
    heads = r.department_heads(facts)
    for person in manager_of:
        found = r.resolve_raters(person, facts, heads, STAFF)
        assert person == 1 or sum(x.weight for x in found) == 100
