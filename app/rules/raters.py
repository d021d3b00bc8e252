"""Who rates whom (评分人) and with what weight, from the reporting tree and the departments' heads.

The scheme (domain.md §5): staff are scored by the general manager (``gm``, 总经理) 10 %, the
supervising leader (``leader``, 分管领导) 20 % and their department head (``head``, 部门负责人) 70 %;
middle managers (department heads) by the gm 30 % and the leader 70 %. A template may add 360°
kinds, ``peer`` (同级) and ``subordinate`` (下级), each with its own weight: every person of the
kind scores, and the kind's weight applies to their mean.

A department's head, in this order:
  1. the person set on the department (the org tab, ``org department set-head``);
  2. else the current holder of the department's manager position (a position marked as manager);
  3. else the one member whose own manager is outside the department and who has direct reports in it.
A nested group with none of these takes its parent's head.

For an employee: ``head`` is the head of their own department, ``leader`` the person that head
reports to, ``gm`` the top of the reporting tree. For a department head (a middle manager):
``leader`` is their own manager and ``gm`` the top. Roles that fall on one person merge their
weights; a role that would fall on the person themselves passes to the gm (回避原则).

The demo department (data/demo/department.json) reads:
  总经办 → 陈志远 (总经理 position); 电商运营部 → 林晓雯 (运营总监); 运营组 → 王浩然 (运营经理);
  客服组 → 孙佳怡 (客服主管); 推广组 and 美工组 → 王浩然 (set on the department: their people report
  to him); 仓储物流组 has no manager position and 马天宇 has no reports → its parent's head, 林晓雯.
  - 张雨桐 (运营专员, 运营组): head 王浩然 70 %, leader 林晓雯 20 %, gm 陈志远 10 %.
  - 马天宇 (物流发货, 仓储物流组) and 冯雅琴 (人事文员, 电商运营部): head 林晓雯 70 %; leader and gm are
    both 陈志远 (林晓雯 reports to him), so he carries 20 + 10 = 30 %.
  - 王浩然 (head of 运营组): leader 林晓雯 70 %, gm 陈志远 30 %.
  - 林晓雯 (head of 电商运营部): leader and gm are both 陈志远: 100 %.
  - 陈志远 is the top: nobody above him rates him, so he is not appraised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Mapping, Optional

from app.rules.appraisal import HUNDRED, dec, round2

ROLES = ("gm", "leader", "head")  # the scheme's chain, in display order
GROUP_ROLES = ("peer", "subordinate")  # 360° kinds: several people share one weight
ALL_ROLES = ROLES + GROUP_ROLES
SELF = "self"  # the self-assessment: recorded, never counted


@dataclass
class Rater:
    employee_id: int
    roles: list[str]  # the rating roles this person holds for the ratee (weights merged)
    weight: Decimal  # percent; for a group role, the whole group's weight
    group: str = ""  # "peer" / "subordinate": the weight applies to the group's mean


@dataclass
class OrgFacts:
    """The plain facts rater resolution needs, for the people appraised (current people only)."""

    manager_of: Mapping[int, Optional[int]]  # person -> their manager
    department_of: Mapping[int, Optional[int]]  # person -> their position's department
    parent_of: Mapping[int, Optional[int]]  # department -> parent department
    explicit_head: Mapping[int, Optional[int]] = field(default_factory=dict)  # department -> head set on it
    manager_seats: Mapping[int, list[int]] = field(default_factory=dict)  # department -> holders of its manager positions
    managers: frozenset = frozenset()  # people appraised as middle managers


def department_heads(facts: OrgFacts, why: Optional[dict] = None) -> dict[int, Optional[int]]:
    """Every department's head (部门负责人), by the three rules above and the parent fallback.
    ``why``, when given, receives per department how the head was found: set, position, lead, parent."""
    members: dict[int, list[int]] = {}
    for person, dept in facts.department_of.items():
        if dept is not None:
            members.setdefault(dept, []).append(person)
    reports_in: dict[int, set[int]] = {}  # person -> departments where they have a direct report
    for person, manager in facts.manager_of.items():
        if manager is not None:
            reports_in.setdefault(manager, set()).add(facts.department_of.get(person))

    def outside(person: int, dept: int) -> bool:
        manager = facts.manager_of.get(person)
        return manager is None or facts.department_of.get(manager) != dept

    own: dict[int, Optional[int]] = {}
    reason: dict[int, str] = {}
    for dept in facts.parent_of:
        head = facts.explicit_head.get(dept)
        if head not in facts.manager_of:  # unset, or someone who left
            head = None
        reason[dept] = "set"
        if head is None:
            reason[dept] = "position"
            seats = sorted(p for p in facts.manager_seats.get(dept, []) if p in facts.manager_of)
            seats.sort(key=lambda p: not outside(p, dept))  # the seat holder who reports out of the department first
            head = seats[0] if seats else None
        if head is None:
            reason[dept] = "lead"
            leads = [p for p in members.get(dept, []) if outside(p, dept) and dept in reports_in.get(p, ())]
            head = leads[0] if len(leads) == 1 else None
        own[dept] = head

    heads: dict[int, Optional[int]] = {}
    for dept in facts.parent_of:
        current, seen = dept, set()
        while current is not None and current not in seen and own.get(current) is None:
            seen.add(current)
            current = facts.parent_of.get(current)
        heads[dept] = own.get(current) if current is not None else None
        if why is not None:
            why[dept] = "" if heads[dept] is None else (reason[dept] if current == dept else "parent")
    return heads


def top_of(person: int, manager_of: Mapping[int, Optional[int]]) -> int:
    """The top of the person's reporting chain (a loop ends where it closes)."""
    current, seen = person, {person}
    while manager_of.get(current) is not None and manager_of[current] not in seen:
        current = manager_of[current]
        seen.add(current)
    return current


def chain_roles(person: int, facts: OrgFacts, heads: Mapping[int, Optional[int]]) -> dict[str, Optional[int]]:
    """gm, leader and head of ``person`` (None each when the person is the top of the tree)."""
    manager = facts.manager_of.get(person)
    if manager is None:
        return {"gm": None, "leader": None, "head": None}
    gm = top_of(person, facts.manager_of)
    dept_head = heads.get(facts.department_of.get(person)) if facts.department_of.get(person) is not None else None
    if person in facts.managers or dept_head == person:
        head = dept_head if dept_head not in (None, person) else manager
        leader = manager
    else:
        head = dept_head if dept_head is not None else manager
        leader = facts.manager_of.get(head) or head
    roles = {"gm": gm, "leader": leader, "head": head}
    return {role: (gm if who == person else who) for role, who in roles.items()}


def group_members(person: int, role: str, facts: OrgFacts) -> list[int]:
    """peer: the others under the same manager and of the same kind (managers with managers);
    subordinate: the person's direct reports."""
    if role == "subordinate":
        return sorted(p for p, m in facts.manager_of.items() if m == person)
    manager = facts.manager_of.get(person)
    if manager is None:
        return []
    kind = person in facts.managers
    return sorted(p for p, m in facts.manager_of.items()
                  if m == manager and p != person and (p in facts.managers) == kind)


def resolve_raters(person: int, facts: OrgFacts, heads: Mapping[int, Optional[int]],
                   weights: Mapping[str, object], delegate_gm: bool = False) -> list[Rater]:
    """The raters of ``person`` with their weights (percent, summing to 100).

    ``weights`` maps roles (gm, leader, head, peer, subordinate) to percent; a role of weight 0 gets
    no rater. ``delegate_gm`` (总经理授权分管领导) moves the gm's part to the leader. A group role
    with nobody in it passes its weight to the leader. The top of the tree has no raters.
    """
    chain = chain_roles(person, facts, heads)
    if chain["gm"] is None:
        return []
    w = {role: dec(weights.get(role, 0) or 0) for role in ALL_ROLES}
    if delegate_gm:
        w["leader"] += w["gm"]
        w["gm"] = Decimal(0)
    groups = {}
    for role in GROUP_ROLES:
        if w[role] > 0:
            members = [p for p in group_members(person, role, facts) if p not in chain.values()]
            if members:
                groups[role] = members
            else:
                w["leader"] += w[role]
    merged: dict[int, Rater] = {}
    for role in ROLES:
        who = chain[role]
        if w[role] <= 0:
            continue
        if who in merged:
            merged[who].roles.append(role)
            merged[who].weight += w[role]
        else:
            merged[who] = Rater(who, [role], w[role])
    ordered = sorted(merged.values(), key=lambda r: min(ROLES.index(x) for x in r.roles))
    for role, members in groups.items():
        ordered.extend(Rater(p, [role], w[role], role) for p in members if p not in merged)
    return ordered


def weights_problem(weights: Mapping[str, object]) -> Optional[str]:
    """What is wrong with a role → weight map (None when it is fine)."""
    from app.i18n import _

    unknown = [r for r in weights if r not in ALL_ROLES]
    if unknown:
        return _("Unknown rater role {role}; the roles are {roles}.", role=unknown[0], roles=", ".join(ALL_ROLES))
    try:
        values = [dec(v) for v in weights.values()]
    except ValueError:
        return _("Rater weights must be numbers.")
    if any(v < 0 for v in values):
        return _("A rater weight cannot be negative.")
    if sum(values, Decimal(0)) != HUNDRED:
        return _("Rater weights add up to {total}, not 100.", total=str(sum(values, Decimal(0))))
    return None


def final_score(items: Iterable[tuple[object, str, object]]) -> Decimal:
    """Σ weight% × score over (weight, group, score); a group's members share its weight, so the
    group counts with the mean of their scores. Rounded half up to two decimals."""
    pairs, groups = [], {}
    for weight, group, score in items:
        if group:
            groups.setdefault(group, (dec(weight), []))[1].append(dec(score))
        else:
            pairs.append((dec(weight), dec(score)))
    for weight, scores in groups.values():
        pairs.append((weight, sum(scores, Decimal(0)) / len(scores)))
    return round2(sum((w * s for w, s in pairs), Decimal(0)) / HUNDRED)
