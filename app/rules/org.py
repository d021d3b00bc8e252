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
