"""Which role may do what. The one place permissions are decided; the UI only mirrors them."""

from __future__ import annotations

from app.errors import PermissionDenied
from app.i18n import N_, _
from app.services.context import Actor

ADMIN, MANAGER, HR, STAFF, KIOSK, GM = "admin", "manager", "hr", "staff", "kiosk", "gm"
OFFICE = frozenset({ADMIN, MANAGER, HR, STAFF, GM})
LEADERS = frozenset({ADMIN, MANAGER})
PEOPLE_ADMIN = frozenset({ADMIN, MANAGER, HR})

ROLE_LABELS = {ADMIN: N_("Administrator"), MANAGER: N_("Manager"), HR: N_("HR"), STAFF: N_("Staff"),
               GM: N_("General manager")}

# permission -> roles that hold it
PERMISSIONS: dict[str, frozenset[str]] = {
    # foundation
    "employees.view": OFFICE,
    "employees.view_private": PEOPLE_ADMIN,  # phone, badge, PIN status
    "employees.edit": PEOPLE_ADMIN,
    "users.manage": frozenset({ADMIN}),
    "policy.view": OFFICE,
    "policy.edit": LEADERS,
    "policy.edit_security": frozenset({ADMIN}),  # security.* settings: a manager cannot weaken them
    "audit.view": PEOPLE_ADMIN,
    "system.check": PEOPLE_ADMIN,
    "system.backup": frozenset({ADMIN}),
    # org chart
    "org.view": OFFICE,
    "org.edit": LEADERS,
    # tasks
    "tasks.view": OFFICE,
    "tasks.edit_own": OFFICE,
    "tasks.edit_any": LEADERS,
    "tasks.review": LEADERS,
    "tasks.templates": LEADERS,
    "tasks.view_all": LEADERS | {HR},  # staff see only the cards assigned to them
    "tasks.import": LEADERS,
    "tasks.stats": LEADERS | {HR},
    "tasks.plans_view": LEADERS | {HR},  # who has (not) submitted the weekly / monthly plan
    "tasks.plans_review": OFFICE,  # mark a plan read, comment on it: the reporting line decides whose (rules.plan_access)
    "tasks.recurring": LEADERS,
    "tasks.archive": LEADERS,  # put finished cards away (off the board, kept in history and statistics)
    # attendance
    "attendance.punch": OFFICE | {KIOSK},
    "attendance.view_own": OFFICE,
    "attendance.view_all": PEOPLE_ADMIN,
    "attendance.manual_punch": PEOPLE_ADMIN,
    "attendance.correct": PEOPLE_ADMIN,
    "attendance.approve": frozenset({ADMIN, MANAGER, HR, STAFF}),  # routing decides who exactly
    "attendance.roster": LEADERS | {HR},
    "attendance.import": PEOPLE_ADMIN,
    "attendance.calendar": LEADERS | {HR},  # the holiday calendar (节假日)
    "attendance.close": frozenset({ADMIN, HR}),  # close a month (考勤封帐) once its corrections are in
    "attendance.reopen": frozenset({ADMIN}),  # reopen a closed month, with a reason
    "leave.request": OFFICE,
    # appraisal
    "appraisal.templates": LEADERS | {HR},
    "appraisal.manage_period": LEADERS | {HR},  # open, scope, delegation, raters, start scoring
    "appraisal.rate": OFFICE,  # only where the actor is a rater of that person
    "appraisal.submit": LEADERS,  # scoring -> review: a department head or a manager
    "appraisal.consolidate": frozenset({HR}),  # review -> consolidated (HR 汇总)
    "appraisal.approve": frozenset({GM}),  # consolidated -> approved, never in a period one is a subject of
    "appraisal.lock": frozenset({ADMIN, HR}),  # approved -> locked (归档)
    "appraisal.reopen": frozenset({ADMIN}),
    "appraisal.view_all": frozenset({ADMIN, HR, GM}),  # confidentiality: HR, admin and the GM see every result
    "appraisal.enter_for": frozenset({ADMIN, HR}),  # type in paper sheets on a rater's behalf, import scores
    "appraisal.appeal_decide": frozenset({ADMIN, HR}),
    "appraisal.mutual_rate": OFFICE,  # the anonymous all-staff mutual rating (互评): everyone rates colleagues
    "appraisal.mutual_results": LEADERS | {HR, GM},  # its means per person, a reference for choosing 先进
    "appraisal.decide_use": frozenset({HR, GM}),  # record what was decided on a result's flag (reward, step, contract)
    "appraisal.calibrate": LEADERS | {GM},  # move a person to another grade in review, with a reason (校准)
    # documents
    "documents.print": PEOPLE_ADMIN,
    "documents.handbook_edit": LEADERS | {HR},
}


def can(actor: Actor, permission: str) -> bool:
    return actor.role in PERMISSIONS.get(permission, frozenset())


def require(actor: Actor, permission: str) -> None:
    if not can(actor, permission):
        raise PermissionDenied(
            "{user} ({role}) may not do this: {permission}.",
            user=actor.username,
            role=_(ROLE_LABELS.get(actor.role, actor.role)),
            permission=permission,
        )
