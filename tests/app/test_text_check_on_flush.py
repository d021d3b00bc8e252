"""The control-character check every flush runs (app/db.py): each new row is checked whole, a changed
row only in the fields that changed; a big batch of new rows (a chain's roster) is checked alike."""

import pytest
from sqlalchemy import select, text

from app.db import transaction
from app.errors import ValidationError
from app.models.org import Department


def test_the_last_of_many_new_rows_is_checked(db):
    with pytest.raises(ValidationError, match="control characters"):
        with transaction() as s:
            for i in range(200):
                s.add(Department(name=f"门店{i:03d}", description="ok"))
            s.add(Department(name="门店\x1b200"))
    with transaction() as s:
        assert s.execute(select(Department).where(Department.name.like("门店%"))).first() is None


def test_a_changed_row_is_checked_in_its_changed_fields_only(db):
    with transaction() as s:
        s.add(Department(name="客服部", description="x"))
    with transaction() as s:  # a value stored before the check existed: written past the session
        s.execute(text("UPDATE department SET description = 'old\x07' WHERE name = '客服部'"))
    with transaction() as s:
        s.add(Department(name="新门店"))
        s.execute(select(Department).where(Department.name == "客服部")).scalar_one().sort_order = 3
    with pytest.raises(ValidationError, match="control characters"):
        with transaction() as s:
            s.add(Department(name="另一店"))
            s.execute(select(Department).where(Department.name == "客服部")).scalar_one().name = "客服\x1b部"
