"""Problems of a disclosure request as a whole: its legal basis, purpose, registration,
approval, and the extract's k-anonymity against ``k_min`` (SPEC §10)."""

from __future__ import annotations

from scanners.disclosure.assessment import KAnonymity, Problem
from scanners.disclosure.request import DisclosureRequest
from scanners.model.register import RegisterEntry


def request_problems(request: DisclosureRequest, entry: RegisterEntry | None) -> list[Problem]:
    """Problems of the request itself (not of one column)."""
    problems = []
    if not request.legal_basis:
        problems.append(
            Problem(
                "NO_LEGAL_BASIS",
                True,
                "คำขอไม่ได้ระบุฐานทางกฎหมาย (legal_basis) สำหรับการเปิดเผยข้อมูล",
                "The request gives no legal basis (legal_basis) for the disclosure.",
            )
        )
    if not request.purpose:
        problems.append(
            Problem(
                "NO_PURPOSE",
                True,
                "คำขอไม่ได้ระบุวัตถุประสงค์ (purpose) จึงประเมินไม่ได้ว่าต้องใช้ข้อมูลละเอียดเพียงใด",
                "The request states no purpose, so the detail it needs cannot be judged.",
            )
        )
    if entry is None:
        problems.append(
            Problem(
                "NOT_REGISTERED",
                True,
                f"ชุดข้อมูล {request.source}/{request.dataset} ไม่อยู่ในทะเบียนการประมวลผล "
                "(retention register): ลงทะเบียนก่อนเปิดเผย",
                f"Dataset {request.source}/{request.dataset} is not in the retention register: "
                "register it before disclosing it.",
            )
        )
    if not request.extracted:
        problems.append(
            Problem(
                "NOTHING_TO_DISCLOSE",
                True,
                "ทุกคอลัมน์ที่ขอถูกตัดออก (drop) ไม่มีข้อมูลให้เปิดเผย",
                "Every requested column is dropped: there is nothing to disclose.",
            )
        )
    if not request.approved_by:
        problems.append(
            Problem(
                "NOT_APPROVED",
                False,
                "ยังไม่มีผู้อนุมัติ (approved_by): จะสร้างไฟล์ข้อมูลได้เมื่อได้รับอนุมัติแล้ว",
                "No approver yet (approved_by): the extract is made only once approved.",
            )
        )
    return problems


def k_problems(k: KAnonymity | None) -> list[Problem]:
    """K_BELOW_MIN when the extract's smallest group is below k_min."""
    if k is None or k.reached:
        return []
    qis = ", ".join(k.quasi_identifiers)
    if k.suggestion:
        change = ", ".join(f"{column} → {treatment}" for column, treatment in k.suggestion)
        hint_th = f"ปรับเป็น {change} จะได้ k = {k.suggestion_k}"
        hint_en = f"asking {change} gives k = {k.suggestion_k}"
    else:
        hint_th = "ไม่มีการลดรายละเอียดใดที่ทำให้ถึง k_min ได้ (จำนวนแถวน้อยเกินไป)"
        hint_en = "no generalisation reaches k_min (too few rows)"
    return [
        Problem(
            "K_BELOW_MIN",
            True,
            f"k-anonymity ของข้อมูลที่จะเปิดเผยบน ({qis}) คือ {k.k} ต่ำกว่า k_min = {k.k_min}: {hint_th}",
            f"The extract's k-anonymity over ({qis}) is {k.k}, below k_min = {k.k_min}: {hint_en}.",
        )
    ]
