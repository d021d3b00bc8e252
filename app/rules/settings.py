"""Typed policy values: parse what a person typed, or check a stored value, against its spec."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.errors import ValidationError

TYPES = ("int", "float", "bool", "str", "time", "date", "int_list", "float_list", "choice", "weekday_list", "str_list")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_TRUE = {"1", "true", "yes", "on", "是", "开"}
_FALSE = {"0", "false", "no", "off", "否", "关"}


@dataclass(frozen=True)
class SettingSpec:
    key: str
    type: str
    default: Any
    group: str = "general"
    label: str = ""
    unit: str = ""
    min: float | None = None
    max: float | None = None
    choices: tuple = field(default_factory=tuple)
    nullable: bool = False
    help: str = ""  # one line of English that says what the setting does (translated when shown)
    choice_labels: dict = field(default_factory=dict, hash=False, compare=False)  # choice -> its English name (translated when shown)

    @classmethod
    def from_dict(cls, raw: dict) -> "SettingSpec":
        raw = dict(raw)
        raw["choices"] = tuple(raw.get("choices", ()))
        raw["choice_labels"] = {str(k): v for k, v in raw.get("choice_labels", {}).items()}
        if raw.get("type") == "str_list" and raw["choices"] and isinstance(raw.get("default"), list):
            raw["default"] = [c for c in raw["choices"] if c in raw["default"]]  # the order parse_value keeps
        return cls(**raw)

    def choice_label(self, choice) -> str:
        """The English name of a choice ("five" -> "Five grades (A–E)"); the value itself when it has none."""
        return self.choice_labels.get(str(choice), str(choice))

    def describe_range(self) -> str:
        if self.type == "choice":
            return " | ".join(str(c) for c in self.choices)
        if self.type == "str_list":
            return "comma separated: " + " | ".join(str(c) for c in self.choices)
        if self.type == "bool":
            return "true | false"
        if self.type == "time":
            return "HH:MM"
        if self.type == "date":
            return "YYYY-MM-DD" + (" | none" if self.nullable else "")
        if self.type == "weekday_list":
            return "1-7 (Monday=1), comma separated"
        lo = "" if self.min is None else _num(self.min)
        hi = "" if self.max is None else _num(self.max)
        rng = f"{lo}..{hi}" if (lo or hi) else ""
        if self.type in ("int_list", "float_list"):
            return ("comma-separated numbers " + rng).strip()
        return rng or self.type


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _bad(spec: SettingSpec, value: Any) -> ValidationError:
    return ValidationError(
        "{value!r} is not a valid value for {key}; allowed: {allowed}.",
        value=value, key=spec.key, allowed=spec.describe_range(),
    )


def _check_range(spec: SettingSpec, number: float, raw: Any) -> None:
    if (spec.min is not None and number < spec.min) or (spec.max is not None and number > spec.max):
        raise _bad(spec, raw)


def parse_value(spec: SettingSpec, raw: Any) -> Any:
    """Turn text (from the CLI or a form) or a JSON value into the setting's typed value."""
    if isinstance(raw, str):
        text = raw.strip()
        if spec.nullable and text.lower() in ("", "none", "null"):
            return None
    else:
        text = raw
        if raw is None and spec.nullable:
            return None
    t = spec.type
    try:
        if t == "int":
            if isinstance(text, bool):
                raise ValueError
            value = int(text) if not isinstance(text, float) or float(text).is_integer() else None
            if value is None:
                raise ValueError
            _check_range(spec, value, raw)
            return value
        if t == "float":
            value = float(text)
            if value != value:  # NaN
                raise ValueError
            _check_range(spec, value, raw)
            return value
        if t == "bool":
            if isinstance(text, bool):
                return text
            low = str(text).lower()
            if low in _TRUE:
                return True
            if low in _FALSE:
                return False
            raise ValueError
        if t == "str":
            value = str(text)
            if spec.max is not None and len(value) > spec.max:
                raise ValueError
            return value
        if t == "time":
            m = _TIME.match(str(text))
            if not m:
                raise ValueError
            return f"{int(m.group(1)):02d}:{m.group(2)}"
        if t == "date":
            return date.fromisoformat(str(text)).isoformat()
        if t == "choice":
            if text not in spec.choices and str(text) not in [str(c) for c in spec.choices]:
                raise ValueError
            return next(c for c in spec.choices if str(c) == str(text))
        if t == "str_list":  # a list of codes out of ``choices``; may be empty
            items = [str(x).strip() for x in _as_list(text) if str(x).strip()]
            if spec.choices and any(x not in spec.choices for x in items):
                raise ValueError
            if spec.choices:  # a set out of the choices: kept in their order, so a reordering is no edit
                return [c for c in spec.choices if c in items]
            return list(dict.fromkeys(items))
        if t in ("int_list", "float_list", "weekday_list"):
            items = _as_list(text)
            conv = float if t == "float_list" else int
            values = [conv(x) for x in items]
            if not values:
                raise ValueError
            for v in values:
                if t == "weekday_list":
                    if not 1 <= v <= 7:
                        raise ValueError
                else:
                    _check_range(spec, v, raw)
            return sorted(set(values)) if t == "weekday_list" else values
    except ValidationError:
        raise
    except (ValueError, TypeError, StopIteration):
        raise _bad(spec, raw) from None
    raise _bad(spec, raw)


def _as_list(value: Any) -> list:
    if isinstance(value, (list, tuple)):
        return list(value)
    text = str(value).strip()
    if text.startswith("["):
        parsed = json.loads(text)
        if not isinstance(parsed, list):
            raise ValueError
        return parsed
    return [p for p in re.split(r"[,，\s]+", text) if p]
