"""The plan regenerated from its data as a Decree 30/2020 document (domain.md §9), through the one
renderer of `tiepdan.documents` (imported here only, lazily, so coordination works without it).

Structure of a real plan: "Thực hiện …" grounds and the opening paragraph; I. MỤC ĐÍCH, YÊU CẦU;
II. NỘI DUNG KẾ HOẠCH with its numbered items; III. TỔ CHỨC THỰC HIỆN with one numbered subsection per
assignee; the closing paragraph; recipients ("Nơi nhận") and the signature.
"""

from __future__ import annotations

from tiepdan.coordination.models import Plan, PlanSection

SECTION_PURPOSES = "I. MỤC ĐÍCH, YÊU CẦU"
SECTION_CONTENT = "II. NỘI DUNG KẾ HOẠCH"
SECTION_IMPLEMENTATION = "III. TỔ CHỨC THỰC HIỆN"


def plan_document(plan: Plan):
    """The plan as an `AdminDocument` value (no I/O)."""
    from tiepdan.documents.render import AdminDocument, Heading, Signature, agency_header

    body: list = []
    body += Plan.lines(plan.grounds)
    body += Plan.lines(plan.introduction)
    body.append(Heading(SECTION_PURPOSES))
    body += Plan.lines(plan.purposes)
    body.append(Heading(SECTION_CONTENT))
    body += Plan.lines(plan.content_intro)
    tasks = list(plan.tasks.select_related("assignee").order_by("section", "assignee__order", "order"))
    for task in (t for t in tasks if t.section == PlanSection.CONTENT):
        body.append(Heading(f"{task.order}. {task.text}", level=2))
        body += Plan.lines(task.details)
    body.append(Heading(SECTION_IMPLEMENTATION))
    for assignee in plan.assignees.order_by("order"):
        body.append(Heading(f"{assignee.order}. {assignee.heading}", level=2))
        for task in (t for t in tasks if t.assignee_id == assignee.pk):
            body.append(task.text)
            body += Plan.lines(task.details)
    body += Plan.lines(plan.closing)
    header = agency_header(plan.agency)
    return AdminDocument(
        **header,
        kind_code="KH",
        kind_name="KẾ HOẠCH",
        number=plan.number,
        issued_on=plan.issued_on,
        summary=plan.title,
        body=body,
        recipients=Plan.lines(plan.recipients),
        archive=plan.archive,
        signature=Signature(title=plan.signer_title, name=plan.signer_name, authority=plan.signer_authority),
    )


def render_plan_docx(plan: Plan) -> bytes:
    from tiepdan.documents.render import render_docx

    return render_docx(plan_document(plan))
