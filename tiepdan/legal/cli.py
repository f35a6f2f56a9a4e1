"""`tiepdan deadline RULE_ID START_DATE [...]`: print one deadline as one JSON object.

Contract (other tools check it): the JSON object on stdout has the keys rule, start, due, unit, days,
source, explanation; every error exits with code 2 and writes ONE line on stderr, Vietnamese then English
("Lỗi: ... / Error: ...").
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from typing import NoReturn, TextIO

from tiepdan.legal.calendar import WorkingCalendar, build_calendar, calendar_from_holidays_file
from tiepdan.legal.deadline import Suspension, compute_deadline
from tiepdan.legal.errors import CalendarDataError, InvalidArgument, LegalError

EXIT_OK = 0
EXIT_ERROR = 2
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

USAGE = (
    "tiepdan deadline RULE_ID START_DATE [--variant complex|especially-complex|remote|remote-complex|"
    "multi-site|forced-dismissal] [--extensions N] [--holidays FILE.json] [--days N] "
    "[--suspension FROM:TO|FROM:]"
)

HELP = f"""usage: {USAGE}

Tính hạn xử lý theo quy tắc pháp lý và in một đối tượng JSON.
Compute a legal deadline and print one JSON object.

  RULE_ID            mã quy tắc / rule id (vd. TC-T, KN-ACCEPT)
  START_DATE         ngày sự kiện / event date, YYYY-MM-DD
  --variant V        trường hợp / variant (complex, especially-complex, remote, remote-complex, multi-site,
                     forced-dismissal)
  --extensions N     số lần gia hạn / number of extensions (0)
  --holidays FILE    tệp JSON {{"days_off": [...], "working_days": [...]}} thay lịch có sẵn /
                     JSON file that replaces the built-in calendar
  --days N           thời hạn ấn định cho quy tắc cấu hình được (PAKN-ANSWER, XLD-TIME) /
                     time limit for configurable rules
  --suspension A:B   tạm đình chỉ từ A đến quyết định tiếp tục B (B trống: đang tạm đình chỉ); lặp lại được /
                     suspension from A to the continuation decision B (empty B: still suspended); repeatable
"""


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that never prints or exits by itself: its errors become the one-line bilingual message."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise _UsageError(message or f"exit {status}")


def _parser() -> _Parser:
    parser = _Parser(prog="tiepdan deadline", usage=USAGE, add_help=False, allow_abbrev=False)
    parser.add_argument("rule_id", metavar="RULE_ID")
    parser.add_argument("start", metavar="START_DATE")
    parser.add_argument("--variant")
    parser.add_argument("--extensions", default="0")
    parser.add_argument("--holidays", metavar="FILE")
    parser.add_argument("--days")
    parser.add_argument("--suspension", action="append", default=[])
    return parser


# argparse speaks English only; its few messages that can reach a user are translated here.
_ARGPARSE_VI = (
    (re.compile(r"the following arguments are required: (.*)"), r"thiếu tham số bắt buộc: \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"tham số không được hỗ trợ: \1"),
    (re.compile(r"argument (\S+): expected one argument"), r"tham số \1 cần một giá trị"),
    (re.compile(r"ambiguous option: (.*)"), r"tùy chọn không rõ ràng: \1"),
)


def _argparse_vi(message: str) -> str:
    for pattern, vietnamese in _ARGPARSE_VI:
        if pattern.fullmatch(message):
            return pattern.sub(vietnamese, message)
    return message


def _parse_date(text: str, what_vi: str, what_en: str) -> date:
    if _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidArgument(
        f'{what_vi} "{text}" không hợp lệ (định dạng YYYY-MM-DD)',
        f'invalid {what_en} "{text}" (format YYYY-MM-DD)',
    )


def _parse_count(text: str, option: str, minimum: int) -> int:
    if re.fullmatch(r"\d+", text) and int(text) >= minimum:
        return int(text)
    raise InvalidArgument(
        f'giá trị {option} "{text}" không hợp lệ (cần số nguyên từ {minimum} trở lên)',
        f'invalid {option} value "{text}" (a whole number of at least {minimum} is needed)',
    )


def _parse_suspension(text: str) -> Suspension:
    start_text, sep, end_text = text.partition(":")
    if not sep:
        raise InvalidArgument(
            f'--suspension "{text}" không hợp lệ (dạng TỪ:ĐẾN hoặc TỪ:)',
            f'invalid --suspension "{text}" (format FROM:TO or FROM:)',
        )
    start = _parse_date(start_text, "ngày tạm đình chỉ", "suspension date")
    end = _parse_date(end_text, "ngày tiếp tục", "continuation date") if end_text else None
    return Suspension(start, end)


def _load_calendar(path: str | None) -> WorkingCalendar:
    if path is None:
        return build_calendar()
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise CalendarDataError(
            f'không đọc được tệp ngày nghỉ "{path}" ({reason})',
            f'cannot read the holidays file "{path}" ({reason})',
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CalendarDataError(
            f'tệp ngày nghỉ "{path}" không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno})',
            f'the holidays file "{path}" is not valid JSON (line {exc.lineno}, column {exc.colno})',
        ) from None
    return calendar_from_holidays_file(data)


def deadline_main(argv: list[str], stdout: TextIO, stderr: TextIO) -> int:
    """Run `tiepdan deadline` with `argv` (the arguments after "deadline"); return the exit code."""
    if "-h" in argv or "--help" in argv:
        stdout.write(HELP)
        return EXIT_OK
    try:
        try:
            args = _parser().parse_args(argv)
        except _UsageError as exc:
            message = str(exc).strip().replace("\n", " ")
            raise InvalidArgument(
                f"tham số dòng lệnh không hợp lệ: {_argparse_vi(message)} (xem --help)",
                f"invalid command-line arguments: {message} (see --help)",
            ) from None
        start = _parse_date(args.start, "ngày bắt đầu", "start date")
        extensions = _parse_count(args.extensions, "--extensions", 0)
        days = _parse_count(args.days, "--days", 1) if args.days is not None else None
        suspensions = [_parse_suspension(text) for text in args.suspension]
        calendar = _load_calendar(args.holidays)
        deadline = compute_deadline(
            args.rule_id,
            start,
            calendar=calendar,
            variant=args.variant,
            extensions=extensions,
            suspensions=suspensions,
            days_override=days,
        )
    except LegalError as exc:
        stderr.write(exc.one_line() + "\n")
        return EXIT_ERROR
    stdout.write(json.dumps(deadline.as_json(), ensure_ascii=False) + "\n")
    return EXIT_OK
