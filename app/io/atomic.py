"""Writing every file atomically: a temp file in the same folder, flushed, fsync'd, then renamed.

A full disk or a kill leaves the previous file as it was. Each temp file is noted in a small
register in the user data folder while it exists, so the next start removes the temp files of a
run that was killed (wherever the user chose to write), without touching those of a live process.
"""

from __future__ import annotations

import io
import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from app.errors import ValidationError

TEMP_SUFFIX = ".shopteam-tmp"
_REGISTER = "pending-writes"


def _register_dir() -> Path:
    from app.paths import user_data_dir

    return user_data_dir() / _REGISTER


def temp_path_for(target: Path) -> Path:
    """A hidden temp file beside ``target``, noted in the register until it is renamed or removed."""
    target = Path(target)
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    tmp = target.parent / f".{target.name}.{token}{TEMP_SUFFIX}"
    try:
        folder = _register_dir()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / token).write_text(str(tmp), encoding="utf-8")
    except OSError:
        pass  # the register only helps tidy up after a kill; writing the file matters more
    return tmp


def forget_temp(tmp: Path) -> None:
    token = Path(tmp).name[:-len(TEMP_SUFFIX)].rsplit(".", 1)[-1] if str(tmp).endswith(TEMP_SUFFIX) else ""
    if token:
        try:
            (_register_dir() / token).unlink(missing_ok=True)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps() -> list[Path]:
    """At start-up: remove the temp files of runs that were killed; returns what was removed."""
    removed: list[Path] = []
    folder = _register_dir()
    if not folder.is_dir():
        return removed
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        try:
            pid = int(entry.name.split("-", 1)[0])
        except ValueError:
            continue
        if _alive(pid):
            continue
        try:
            tmp = Path(entry.read_text(encoding="utf-8").strip())
            for suffix in ("", "-journal", "-wal", "-shm"):
                candidate = Path(str(tmp) + suffix)
                if candidate.name.startswith(".") and TEMP_SUFFIX in candidate.name and candidate.exists():
                    candidate.unlink()
                    removed.append(candidate)
            entry.unlink()
        except OSError:
            continue
    return removed


def write_error(exc: OSError, target: Path) -> ValidationError:
    """One clear line for a failed write."""
    if isinstance(exc, PermissionError):
        return ValidationError("Cannot write {path}: permission denied. Choose another folder.", path=str(target))
    if getattr(exc, "errno", None) == 28:
        return ValidationError("The disk is full: {path} was not written; an earlier file of that name is unchanged. Free some space or choose another drive.",
                               path=str(target))
    return ValidationError("Cannot write {path}: {reason}", path=str(target), reason=exc.strerror or str(exc))


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(str(folder), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temp path to write ``target`` through (for libraries that write by file name);
    on success it is fsync'd and renamed over ``target``, on any failure removed."""
    target = Path(target)
    if not target.parent.is_dir():
        raise ValidationError("The folder {folder} does not exist.", folder=str(target.parent))
    tmp = temp_path_for(target)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        _remove(tmp)
        raise write_error(exc, target) from None
    except BaseException:
        _remove(tmp)
        raise
    finally:
        forget_temp(tmp)


def _remove(tmp: Path) -> None:
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        pass


def write_bytes(target: str | Path, data: bytes, mode: int | None = None) -> Path:
    """Write ``data`` to ``target`` atomically. ``mode`` (e.g. 0o600 for a secret): the permissions the
    file has from its creation on, so the data is never readable by others, not even as the temp file."""
    target = Path(target)
    with atomic_path(target) as tmp:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(str(tmp), flags, 0o666 if mode is None else mode), "wb") as fh:
            fh.write(data)
            fh.flush()
        if mode is not None:
            os.chmod(tmp, mode)  # exactly ``mode``, whatever the umask
    return target


def write_text(target: str | Path, text: str, encoding: str = "utf-8") -> Path:
    return write_bytes(target, text.encode(encoding))


@contextmanager
def atomic_text(target: str | Path, encoding: str = "utf-8", newline: str | None = None) -> Iterator[io.TextIOBase]:
    """A text file object whose content replaces ``target`` only when the block succeeds."""
    with atomic_path(target) as tmp:
        with open(tmp, "w", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
