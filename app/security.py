"""Password and PIN hashing (argon2). PINs use lighter parameters: a 4-6 digit PIN is guarded
by the kiosk's lockout, and a punch must answer in milliseconds."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _password_hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


@lru_cache(maxsize=1)
def _pin_hasher():
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=4096, parallelism=1)


def hash_password(password: str) -> str:
    return _password_hasher().hash(password)


def hash_pin(pin: str) -> str:
    return _pin_hasher().hash(pin)


def _verify(hasher, stored: str | None, given: str) -> bool:
    if not stored or not given:
        return False
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return hasher.verify(stored, given)
    except (VerificationError, InvalidHashError):
        return False


def verify_password(stored: str | None, given: str) -> bool:
    return _verify(_password_hasher(), stored, given)


def verify_pin(stored: str | None, given: str) -> bool:
    return _verify(_pin_hasher(), stored, given)
