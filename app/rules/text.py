"""What text may hold: no control characters (escape sequences, NULs, bells …) anywhere, and no line
breaks or tabs in one-line fields such as titles and names."""

from __future__ import annotations

import re

# C0 controls except tab/line feed/carriage return, DEL, and the C1 controls (ANSI CSI is \x9b)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]")
ONE_LINE_FIELDS = frozenset({"title", "name", "employee_no", "username", "badge_code", "phone", "clock_no",
                             "display_name", "key"})


def control_problem(text: str, one_line: bool = False) -> bool:
    """True when ``text`` holds a character a person cannot have meant to type there."""
    if not isinstance(text, str):
        return False
    return bool(_CONTROL.search(text) or (one_line and _LINE_BREAKS.search(text)))
