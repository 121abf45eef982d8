"""Console roles (SPEC §12) and what each may see and decide: pure rules, no I/O.

- ``dpo``: everything, every decision;
- ``security``: reads everything; decides on the access review (``ACCESS_*``
  findings) and sees the breach register;
- ``owner``: only the datasets whose register ``owner`` is their e-mail (and
  their findings), and triage on those;
- ``viewer``: reads everything, decides nothing.

Anything a role may not see is answered as if it did not exist (404).
"""

from __future__ import annotations

DPO = "dpo"
SECURITY = "security"
OWNER = "owner"
VIEWER = "viewer"
ROLES = (DPO, SECURITY, OWNER, VIEWER)

#: Pages of registers only some roles see: the disclosure log and the breach register.
DISCLOSURE_READERS = (DPO, SECURITY, VIEWER)
BREACH_READERS = (DPO, SECURITY, VIEWER)


def sees_everything(role: str) -> bool:
    """Whether ``role`` reads every dataset and finding (all but an owner)."""
    return role in (DPO, SECURITY, VIEWER)


def owns(email: str | None, owner: str | None) -> bool:
    """Whether a register ``owner`` is this account's e-mail (case-blind, spaces ignored)."""
    if not email or not owner:
        return False
    return email.strip().lower() == owner.strip().lower()


def may_see_finding(role: str, email: str | None, owner: str | None) -> bool:
    """Whether an account may see a finding (or dataset) whose register owner is ``owner``."""
    return sees_everything(role) or (role == OWNER and owns(email, owner))


def may_triage(role: str, email: str | None, finding_type: str, owner: str | None) -> bool:
    """Whether an account may record a triage decision on a finding."""
    if role == DPO:
        return True
    if role == SECURITY:
        return finding_type.startswith("ACCESS_")
    if role == OWNER:
        return owns(email, owner)
    return False
