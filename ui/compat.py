"""Work-arounds for bugs in the Qt binding we ship with.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a C++ method
that returns void (``painter.setPen``, ``item.setPos``, ``obj.setObjectName`` ...). Python 3.12+
makes ``None`` immortal, so the bug is invisible there; on 3.11 the count of ``None`` reaches zero
after some tens of thousands of calls and the process aborts with "none_dealloc: deallocating
None". Painting a 500-person org chart makes about 7,000 such calls. Until the binding is fixed,
``guard_none_refcount()`` gives ``None`` the near-immortal count Python 3.12 gives it.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40
_guarded = False


def binding_drops_none_references() -> bool:
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _i in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def guard_none_refcount() -> bool:
    """Make ``None`` effectively immortal when the binding is affected; returns True if it did."""
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not binding_drops_none_references():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
    _guarded = True
    return True
