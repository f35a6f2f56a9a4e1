"""No Vietnamese literal reaches the user untranslated through a flash message or a validation error.

The msgids are Vietnamese; a message written as a plain literal — `messages.success(request, "Đã lưu.")`,
`raise ValidationError("Cần chọn …")` — is shown in Vietnamese to an English reader. This test parses the
Python files of the apps in APPS and names the file and line of every such literal not wrapped in a
translation call (_, gettext, gettext_lazy, pgettext, ngettext …: the names makemessages extracts; another
alias such as `_lazy` is not extracted). Formatted messages are marked as
`_("… %(name)s …") % {...}`, never as an f-string inside or outside _().

Texts that are records, not interface (stored notices, history lines, official documents), are not
passed to these calls and are not concerned. APPS lists every app.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

TIEPDAN = Path(__file__).resolve().parents[2]

# The apps whose Python files are checked (directories under tiepdan/).
APPS: tuple[str, ...] = (
    "audit",
    "cases",
    "common",
    "coordination",
    "core",
    "deadlines",
    "documents",
    "legal",
    "letters",
    "monitoring",
    "notifications",
    "org",
    "people",
    "reception",
    "reports",
    "text",
)
SKIPPED_PARTS = frozenset({"tests", "migrations"})

VIETNAMESE = re.compile(
    "[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    "ĂÂĐÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]"
)
TRANSLATION_CALLS = frozenset(
    {
        "_",
        "gettext",
        "gettext_lazy",
        "pgettext",
        "pgettext_lazy",
        "ngettext",
        "ngettext_lazy",
        "npgettext",
        "npgettext_lazy",
    }
)
MESSAGE_LEVELS = frozenset({"debug", "info", "success", "warning", "error", "add_message"})
# Exceptions whose first argument is shown to the user beside a field or at the top of a form: Django's
# ValidationError and the services' refusals (Refused, HotSpotRefused, CaseActionRefused, …).
ERROR_CLASSES = frozenset({"ValidationError"})
ERROR_SUFFIX = "Refused"
# Helpers that raise a refusal with one of their arguments: name → index of the message argument.
MESSAGE_HELPERS = {"_text": 2}  # coordination.services.common._text(value, field, message)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _bare_literals(node: ast.expr | None) -> list[ast.expr]:
    """The Vietnamese literals in `node` that no translation call wraps (an f-string counts as one)."""
    if node is None:
        return []
    if isinstance(node, ast.Constant):
        return [node] if isinstance(node.value, str) and VIETNAMESE.search(node.value) else []
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return [node] if VIETNAMESE.search(text) else []
    if isinstance(node, ast.Call):
        return []  # _("…"), gettext(…), str(…), format_html(…): not a bare literal at this level
    if isinstance(node, ast.BinOp):  # "…" + x, "… %s" % x
        return _bare_literals(node.left) + _bare_literals(node.right)
    if isinstance(node, ast.IfExp):
        return _bare_literals(node.body) + _bare_literals(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [found for element in node.elts for found in _bare_literals(element)]
    if isinstance(node, ast.Dict):
        return [found for value in node.values for found in _bare_literals(value)]
    return []


def _literal_text(node: ast.expr | None) -> str:
    """The literal parts of a string expression ("…", f"…", "…" + x)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_literal_text(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) + _literal_text(node.right)
    return ""


def _has_english_twin(call: ast.Call) -> bool:
    """Refusal(message_vi, message_en): the second argument (or message_en=) is an English text — a few
    Vietnamese letters allowed, as in a cited point "đ" of an article."""
    twin = next((k.value for k in call.keywords if k.arg == "message_en"), None)
    if twin is None and len(call.args) > 1:
        twin = call.args[1]
    text = _literal_text(twin)
    letters = sum(ch.isalpha() for ch in text)
    return letters > 0 and len(VIETNAMESE.findall(text)) <= 0.05 * letters


def _message_argument(call: ast.Call) -> ast.expr | None:
    """The argument of `call` that a user reads, when `call` is one of the watched calls."""
    name = _name(call.func)
    keywords = {k.arg: k.value for k in call.keywords}
    if name in MESSAGE_LEVELS and isinstance(call.func, ast.Attribute) and _name(call.func.value) == "messages":
        index = 2 if name == "add_message" else 1  # add_message(request, level, message)
        return call.args[index] if len(call.args) > index else keywords.get("message")
    if name in ERROR_CLASSES or name.endswith(ERROR_SUFFIX):
        if _has_english_twin(call):
            return None  # a pure module's (Vietnamese, English) pair: the view picks the reader's one
        return call.args[0] if call.args else keywords.get("message")
    if name in MESSAGE_HELPERS:
        index = MESSAGE_HELPERS[name]
        return call.args[index] if len(call.args) > index else keywords.get("message")
    if name == "add_error":  # form.add_error(field, message)
        return call.args[1] if len(call.args) > 1 else keywords.get("error")
    return None


def untranslated_in(source: str, filename: str = "<source>") -> list[str]:
    """'file:line: text' for each bare Vietnamese literal passed to a flash message or a validation error."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call) or _name(node.func) in TRANSLATION_CALLS:
            continue
        for literal in _bare_literals(_message_argument(node)):
            found.append(f"{filename}:{literal.lineno}: {ast.unparse(literal)[:80]}")
    return found


def _python_files() -> list[Path]:
    files = []
    for app in APPS:
        for path in sorted((TIEPDAN / app).rglob("*.py")):
            if not SKIPPED_PARTS.intersection(path.relative_to(TIEPDAN).parts):
                files.append(path)
    return files


def test_the_apps_exist():
    missing = [app for app in APPS if not (TIEPDAN / app).is_dir()]
    assert not missing, missing
    assert len(_python_files()) > 50


@pytest.mark.parametrize("app", APPS)
def test_no_flash_message_or_validation_error_is_a_bare_vietnamese_literal(app):
    problems = []
    for path in _python_files():
        if path.relative_to(TIEPDAN).parts[0] != app:
            continue
        problems += untranslated_in(path.read_text(encoding="utf-8"), str(path.relative_to(TIEPDAN.parent)))
    assert not problems, "Vietnamese literals not marked for translation (wrap them in _()):\n" + "\n".join(problems)


# --- the detector itself --------------------------------------------------------------------------------

CAUGHT = [
    'messages.success(request, "Đã lưu phân công.")',
    'messages.error(request, f"Đã gửi báo cáo ngày {day}.")',
    'messages.add_message(request, messages.INFO, "Đã lưu.")',
    'raise ValidationError("Cần chọn người xử lý.")',
    'raise forms.ValidationError("Cần chọn người xử lý.", code="required")',
    'raise ValidationError({"handler": "Cần chọn người xử lý."})',
    'raise ValidationError({"handler": ["Cần chọn người xử lý."]})',
    'raise ValidationError("Thiếu %s." % name)',
    'raise Refused("Số liệu không được âm.", field="visits")',
    'form.add_error("on", "Ngày không hợp lệ.")',
    'raise HotSpotRefused("Hãy ghi lý do.")',
    'title = _text(title, "title", "Cần nhập tiêu đề.")',
    'messages.warning(request, "Cảnh báo: " + text)',
]
ACCEPTED = [
    'messages.success(request, _("Đã lưu phân công."))',
    'messages.success(request, _("Đã gửi báo cáo ngày %(day)s.") % {"day": day})',
    'raise ValidationError(gettext_lazy("Cần chọn người xử lý."))',
    'raise ValidationError({"handler": _("Cần chọn người xử lý.")})',
    'raise ValidationError(pgettext("form", "Cần chọn."))',
    'raise Refused(_("Số liệu không được âm."), field="visits")',
    'messages.success(request, "Saved.")',  # no Vietnamese letter: not this test's concern
    'messages.error(request, str(exc))',
    'raise CaseActionRefused("Bạn không có vai trò xử lý vụ việc.", "You have no role on cases.")',
    'raise Refused(rule.message_vi, field="on", message_en=rule.message_en)',
    'title = _text(title, "title", _("Cần nhập tiêu đề."))',
    'raise TransitionRefused("Phải chọn tiêu chí (điểm a, đ).", "Select a criterion (point a, đ).", code="x")',
    'raise CaseActionRefused("Trước ngày 01/07/2026 chưa quy định. " + e.message_vi, "Not before 2026. " + e.en)',
    'notify(title=f"Nhiệm vụ mới, hạn {due}")',  # a stored notice: a record, not interface
]


@pytest.mark.parametrize("line", CAUGHT)
def test_the_detector_catches_a_bare_literal(line):
    assert len(untranslated_in(line)) == 1, line


@pytest.mark.parametrize("line", ACCEPTED)
def test_the_detector_accepts_a_translated_message(line):
    assert untranslated_in(line) == [], line
