"""Reporting-line rules over plain mappings (id -> manager id)."""

from __future__ import annotations

from typing import Hashable, Mapping, Optional


def creates_cycle(manager_of: Mapping[Hashable, Optional[Hashable]], person: Hashable, new_manager: Optional[Hashable]) -> bool:
    """True when making ``new_manager`` the manager of ``person`` closes a loop in the tree."""
    seen = set()
    current = new_manager
    while current is not None:
        if current == person:
            return True
        if current in seen:  # an existing loop elsewhere; do not spin
            return True
        seen.add(current)
        current = manager_of.get(current)
    return False


def find_cycle(manager_of: Mapping[Hashable, Optional[Hashable]]) -> list | None:
    """A reporting loop in the mapping, as the list of people in it, or None."""
    state: dict = {}
    for start in manager_of:
        path: list = []
        node = start
        while node is not None and node not in state:
            state[node] = start
            path.append(node)
            node = manager_of.get(node)
        if node is not None and state.get(node) == start and node in path:
            return path[path.index(node):]
    return None


def subtree(manager_of: Mapping[Hashable, Optional[Hashable]], root: Hashable) -> set:
    """Everyone who reports to ``root`` directly or indirectly."""
    children: dict = {}
    for person, manager in manager_of.items():
        children.setdefault(manager, []).append(person)
    result, stack = set(), [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in result:
                result.add(child)
                stack.append(child)
    return result


def staffing(planned: int, actual: int) -> str:
    """Headcount plan (人员配置): "under" (缺编), "over" (超编) or "full" (满编)."""
    if actual < planned:
        return "under"
    if actual > planned:
        return "over"
    return "full"


def initials(name: str) -> str:
    """What the avatar circle shows: the given name of a Chinese name (晓雯 of 林晓雯), else initials."""
    name = name.strip()
    if not name:
        return "?"
    if any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return name[-2:] if len(name) >= 3 else name[-1]
    parts = [p for p in name.replace("-", " ").split() if p]
    return "".join(p[0] for p in parts[:2]).upper()


def vacancies(planned: Mapping[Hashable, int], holders: Mapping[Hashable, list],
              reports_to: Mapping[Hashable, Optional[Hashable]]) -> list[tuple[Hashable, int, Optional[Hashable]]]:
    """Planned but vacant seats as (position, seat number, manager): the manager is the first
    holder of the position the vacant one reports to, or None when nobody holds it."""
    seats = []
    for position, plan in planned.items():
        missing = plan - len(holders.get(position, []))
        boss_position = reports_to.get(position)
        bosses = holders.get(boss_position, []) if boss_position is not None else []
        for seat in range(1, missing + 1):
            seats.append((position, seat, bosses[0] if bosses else None))
    return seats
