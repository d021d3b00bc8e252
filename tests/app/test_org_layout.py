"""The reporting-tree layout: no box overlaps another, no line runs through a box, 5 to 500 people."""

import random

import pytest

from app.rules.org_layout import BOX_H, BOX_W, layout_tree, overlaps, segment_crosses_box


def generated_department(n: int, seed: int = 7) -> dict:
    """A plausible department of n people: a head, a few directors, managers and their teams."""
    rng = random.Random(seed)
    parent = {0: None}
    managers = [0]
    for person in range(1, n):
        if person < 6:
            boss = 0
        elif person < 30:
            boss = rng.randint(1, 5)
        else:
            boss = rng.choice(managers[:30])
        parent[person] = boss
        if person < 30:
            managers.append(person)
    return parent


def assert_readable(layout):
    boxes = list(layout.boxes.items())
    ordered = sorted(boxes, key=lambda kv: kv[1].x)
    for i, (a, box_a) in enumerate(ordered):  # sweep on x: only neighbours in x can overlap
        for b, box_b in ordered[i + 1:]:
            if box_b.x >= box_a.right:
                break
            assert not overlaps(box_a, box_b), (a, b)
    for manager, report, points in layout.edges:
        for p, q in zip(points, points[1:]):
            assert p[0] == q[0] or p[1] == q[1], "lines are horizontal or vertical"
            for node, box in boxes:
                if node in (manager, report):
                    continue
                assert not segment_crosses_box(p, q, box), (manager, report, node)


@pytest.mark.parametrize("n", [5, 15, 60, 500])
def test_generated_departments_have_no_overlaps_and_no_line_through_a_box(n):
    parent = generated_department(n)
    layout = layout_tree(parent, list(parent))
    assert set(layout.boxes) == set(parent)
    assert len(layout.edges) == n - 1
    assert_readable(layout)


def test_500_people_stay_readable_in_size():
    parent = generated_department(500)
    layout = layout_tree(parent, list(parent))
    # teams of staff are stacked in two columns: the chart is not one endless row
    assert layout.width < 500 * (BOX_W + 28) / 4
    assert layout.height < 40 * BOX_H


def test_manager_is_centred_over_reports_and_reports_below():
    parent = {"m": None, "a": "m", "b": "m", "c": "m"}
    layout = layout_tree(parent, list(parent))
    m, a, c = layout.boxes["m"], layout.boxes["a"], layout.boxes["c"]
    assert m.cx == pytest.approx((a.cx + c.cx) / 2)
    assert a.y > m.bottom and a.y == layout.boxes["b"].y == c.y
    assert a.right < layout.boxes["b"].x


def test_a_team_of_four_staff_is_stacked_in_two_columns():
    parent = {"m": None, "a": "m", "b": "m", "c": "m", "d": "m"}
    layout = layout_tree(parent, list(parent))
    a, b, c, d = (layout.boxes[k] for k in "abcd")
    assert a.x == b.x and c.x == d.x and a.x < c.x
    assert b.y > a.y and a.y == c.y
    assert_readable(layout)


def test_collapsed_subtree_is_hidden_and_counted():
    parent = {"m": None, "x": "m", "a": "x", "b": "x", "c": "a", "y": "m"}
    layout = layout_tree(parent, list(parent), collapsed={"x"})
    assert set(layout.boxes) == {"m", "x", "y"}
    assert layout.hidden == {"x": 3}
    assert "x" in layout.has_children


def test_siblings_keep_the_given_order_and_forests_sit_side_by_side():
    parent = {"r1": None, "r2": None, "a": "r1", "b": "r1"}
    layout = layout_tree(parent, ["r1", "b", "a", "r2"])
    assert layout.boxes["b"].x < layout.boxes["a"].x
    assert layout.boxes["r1"].right < layout.boxes["r2"].x


def test_a_loop_in_the_data_does_not_hang_the_layout():
    parent = {"a": "b", "b": "a", "c": None}
    layout = layout_tree(parent, ["a", "b", "c"])
    assert set(layout.boxes) == {"a", "b", "c"}
    assert_readable(layout)


def test_a_deep_chain_of_500_is_laid_out():
    parent = {i: (i - 1 if i else None) for i in range(500)}
    layout = layout_tree(parent, list(parent))
    assert len(layout.boxes) == 500
    assert layout.boxes[499].y > layout.boxes[0].y
