"""The statistical forms of the reporting regime (domain.md §7.3), as pure functions.

Each form takes plain rows (dataclasses built by `selectors`, or by hand in tests), the data period and
the units, and returns a `FormTable`: numbered columns under their group headings, one row per unit
and a total row, the identities its columns obey, and notes. No ORM, no clock, no settings.

Every figure is computed from dated events as of the cut-off (`end`), so a form computed again later
for the same period gives the same numbers (letters received, or handled, after the cut-off do not
count):

- a letter is *carried over* (kỳ trước chuyển sang) when it was received before the period and was not
  handled before the period started; *received* when received inside the period; *handled* when its
  disposition date falls inside the period; otherwise it is *not yet handled* and carries to the next
  period;
- a case is *to settle* from the date it was accepted (thụ lý), *settled* on the date of its decision,
  conclusion or answer, or of its termination after a withdrawal.

Column layouts follow domain.md §7.3 (public implementations of TT 02/2021 and TT 01/2024; the exact
official appendix is an open question there): the layout is data (`Column`), easy to correct.
"""

from tiepdan.reports.forms.letters import (
    LetterRow,
    form_01_xld,
    form_02_xld,
    form_03_xld,
    form_04_xld,
)
from tiepdan.reports.forms.reception import (
    AUTHORIZED,
    HEAD,
    REGULAR,
    SittingRow,
    VisitRow,
    form_01_tcd,
)
from tiepdan.reports.forms.settlements import (
    AMOUNT_COLUMNS,
    COMPLAINT_TRACKS,
    DENUNCIATION_TRACKS,
    NOT_RECORDED_NOTE,
    CaseRow,
    form_complaint_settlement,
    form_denunciation_settlement,
    form_enforcement,
    missing_results_note,
)
from tiepdan.reports.forms.table import (
    ACCEPT,
    COMPLAINT,
    DENUNCIATION,
    FEEDBACK,
    FIELD_LABELS,
    FILE,
    FORM_CODES,
    GUIDE,
    PETITION,
    TOTAL_LABEL,
    TRANSFER,
    URGE,
    Column,
    FormRow,
    FormTable,
    HeaderCell,
    Identity,
    IdentityFailure,
    header_rows,
    number_row,
    slug,
    unslug,
)

__all__ = [
    "ACCEPT",
    "AMOUNT_COLUMNS",
    "AUTHORIZED",
    "COMPLAINT",
    "COMPLAINT_TRACKS",
    "DENUNCIATION",
    "DENUNCIATION_TRACKS",
    "FEEDBACK",
    "FIELD_LABELS",
    "FILE",
    "FORM_CODES",
    "GUIDE",
    "HEAD",
    "NOT_RECORDED_NOTE",
    "PETITION",
    "REGULAR",
    "TOTAL_LABEL",
    "TRANSFER",
    "URGE",
    "CaseRow",
    "Column",
    "FormRow",
    "FormTable",
    "HeaderCell",
    "Identity",
    "IdentityFailure",
    "LetterRow",
    "SittingRow",
    "VisitRow",
    "form_01_tcd",
    "form_01_xld",
    "form_02_xld",
    "form_03_xld",
    "form_04_xld",
    "form_complaint_settlement",
    "form_denunciation_settlement",
    "form_enforcement",
    "header_rows",
    "missing_results_note",
    "number_row",
    "slug",
    "unslug",
]
