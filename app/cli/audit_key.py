"""audit-key: the keyed (HMAC) mode of the audit trail."""

from __future__ import annotations

import sys

from app.cli import print_json
from app.cli._common import cli_actor
from app.i18n import _


def register(commands) -> None:
    p = commands.add_parser("audit-key", help=_("keyed audit trail: status, enable, export or import the HMAC key"))
    p.add_argument("action", choices=["status", "enable", "export", "import"])
    p.set_defaults(handler=_audit_key)


def _audit_key(args) -> int:
    from app.services import audit_key

    actor = cli_actor()
    if args.action == "status":
        state = audit_key.status(actor)
        if state["keyed"]:
            print(_("The audit trail is keyed from row {since} on.", since=state["since"]))
        else:
            print(_("The audit trail is in plain mode (SHA-256 chain, no key)."))
        return 0
    if args.action == "enable":
        result = audit_key.enable(actor)
        print(_("The audit trail is keyed from row {since} on; the key is stored in {where}.",
                since=result["since"], where=result["stored"]))
        print(_("Install the same key on every office PC of a shared database: audit-key export, then audit-key import."))
        return 0
    if args.action == "export":
        print(audit_key.export_key(actor))
        return 0
    result = audit_key.import_key(actor, sys.stdin.read().strip())
    print_json(result)
    return 0
