"""Telling a badge scan from typing, at the kiosk.

A barcode or RFID reader acting as a keyboard types its whole code within a few hundred milliseconds and
ends with Enter; nobody types that fast by hand. So a code counts as a badge only when every key came
within ``MAX_GAP_MS`` of the one before and the whole code within ``MAX_TOTAL_MS``; anything typed by hand
is read as a 工号, which needs the PIN. (A person cannot punch for a colleague by typing their badge code.)
"""

from __future__ import annotations

from typing import Optional, Sequence

MAX_GAP_MS = 60
MAX_TOTAL_MS = 600
MIN_CHARS = 4


def looks_scanned(key_times_ms: Optional[Sequence[float]]) -> bool:
    """``key_times_ms``: when each character key and the final Enter arrived (None: typed on the
    on-screen pad). True only for a reader's burst."""
    if not key_times_ms or len(key_times_ms) < MIN_CHARS + 1:
        return False
    gaps = [b - a for a, b in zip(key_times_ms, key_times_ms[1:])]
    return max(gaps) <= MAX_GAP_MS and key_times_ms[-1] - key_times_ms[0] <= MAX_TOTAL_MS
