"""`tiepdan deadline`: the JSON contract on stdout, and one bilingual line on stderr with exit code 2."""

import io
import json

import pytest

from tiepdan.legal.cli import deadline_main


def run(*argv):
    stdout, stderr = io.StringIO(), io.StringIO()
    code = deadline_main(list(argv), stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def test_tc_t_example_prints_the_exact_contract():
    """Law 25/2018 Art 30: the brief's example, complex case with one extension."""
    code, out, err = run("TC-T", "2026-03-02", "--variant", "complex", "--extensions", "1")
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    data = json.loads(out)
    assert list(data) == ["rule", "start", "due", "unit", "days", "source", "explanation"]
    assert {k: data[k] for k in ("rule", "start", "due", "unit", "days", "source")} == {
        "rule": "TC-T",
        "start": "2026-03-02",
        "due": "2026-05-04",
        "unit": "calendar_days",
        "days": 60,
        "source": "Luật Tố cáo 2018, Điều 30",
    }
    assert [s["step"] for s in data["explanation"]] == [
        "rule",
        "start",
        "count",
        "extension",
        "roll_over",
        "due",
    ]
    assert all(set(s) == {"step", "date", "text", "text_en"} for s in data["explanation"])
    assert "Tố cáo" in out  # ensure_ascii=False: diacritics are printed as they are


def test_tc_t_example_also_works_without_a_variant():
    code, out, _ = run("TC-T", "2026-03-02", "--extensions", "1")
    data = json.loads(out)
    assert (code, data["due"], data["days"]) == (0, "2026-05-04", 60)


def test_a_base_id_echoes_the_resolved_rule():
    assert json.loads(run("KN-ACCEPT", "2026-07-01")[1])["rule"] == "KN-ACCEPT-B"
    assert json.loads(run("KN-ACCEPT", "2026-06-30")[1])["rule"] == "KN-ACCEPT-A"


def test_unknown_rule_message_is_exact():
    code, out, err = run("XX-1", "2026-03-02")
    assert (code, out) == (2, "")
    assert err == 'Lỗi: không có quy tắc "XX-1" / Error: unknown rule "XX-1"\n'


@pytest.fixture
def holidays_files(tmp_path):
    files = {
        "bad_json": tmp_path / "bad.json",
        "bad_content": tmp_path / "content.json",
        "missing": tmp_path / "missing.json",
    }
    files["bad_json"].write_text("{days_off: [", encoding="utf-8")
    files["bad_content"].write_text('{"days_off": ["2026-02-30"]}', encoding="utf-8")
    return files


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["XX-1", "2026-03-02"], id="unknown rule"),
        pytest.param(["TC-T", "02/03/2026"], id="malformed date"),
        pytest.param(["TC-T", "2026-02-30"], id="impossible date"),
        pytest.param(["TC-T", "2026-03-02", "--variant", "remote"], id="variant the rule lacks"),
        pytest.param(
            ["TC-T", "2026-03-02", "--variant", "complex", "--extensions", "2"], id="too many extensions"
        ),
        pytest.param(["TC-T", "2026-03-02", "--extensions", "3"], id="too many extensions no variant"),
        pytest.param(["TC-T", "2026-03-02", "--extensions", "-1"], id="negative extensions"),
        pytest.param(["TC-T", "2026-03-02", "--extensions", "one"], id="non-numeric extensions"),
        pytest.param(["TC-WITHDRAW", "2026-03-02"], id="no time limit"),
        pytest.param(["TC-T", "2035-03-02"], id="outside the calendar"),
        pytest.param(["KN-ACCEPT-B", "2026-06-30"], id="rule not in force"),
        pytest.param(["TC-T"], id="missing start date"),
        pytest.param([], id="no arguments"),
        pytest.param(["TC-T", "2026-03-02", "--bogus"], id="unknown option"),
        pytest.param(["TC-T", "2026-03-02", "--days", "45"], id="override of a statutory limit"),
        pytest.param(["TC-T", "2026-03-02", "--suspension", "2026-03-10"], id="malformed suspension"),
        pytest.param(["TC-T", "2026-03-02", "--holidays", "missing"], id="unreadable holidays file"),
        pytest.param(["TC-T", "2026-03-02", "--holidays", "bad_json"], id="holidays file not JSON"),
        pytest.param(["TC-T", "2026-03-02", "--holidays", "bad_content"], id="invalid holidays file"),
    ],
)
def test_every_error_exits_2_with_one_bilingual_line(argv, holidays_files):
    argv = [str(holidays_files.get(a, a)) for a in argv]
    code, out, err = run(*argv)
    assert code == 2
    assert out == ""
    assert err.endswith("\n")
    assert err.count("\n") == 1
    assert err.startswith("Lỗi: ")
    vietnamese, english = err.split(" / Error: ", 1)
    assert vietnamese
    assert english.strip()


def test_argparse_errors_are_translated_in_the_vietnamese_half():
    code, _, err = run("TC-T")
    assert code == 2
    assert err.startswith("Lỗi: tham số dòng lệnh không hợp lệ: thiếu tham số bắt buộc: START_DATE")
    assert "Error: invalid command-line arguments: the following arguments are required: START_DATE" in err


def test_holidays_file_replaces_the_built_in_calendar(tmp_path):
    """With a file listing only 20/02/2026 off, Tết 16–19/02 become working days (Law 25/2018 Art 24(1))."""
    path = tmp_path / "holidays.json"
    path.write_text(json.dumps({"days_off": ["2026-02-20"], "working_days": []}), encoding="utf-8")
    built_in = json.loads(run("TC-INIT", "2026-02-11")[1])
    replaced = json.loads(run("TC-INIT", "2026-02-11", "--holidays", str(path))[1])
    assert built_in["due"] == "2026-02-27"
    # Thu 12, Fri 13, Mon 16, Tue 17, Wed 18, Thu 19, (Fri 20 off) Mon 23
    assert replaced["due"] == "2026-02-23"


def test_suspension_and_configured_days_options():
    code, out, _ = run("TC-T", "2026-03-02", "--suspension", "2026-03-10:2026-03-20")
    assert (code, json.loads(out)["due"]) == (0, "2026-04-13")
    code, out, _ = run("TC-T", "2026-03-02", "--suspension", "2026-03-10:")
    assert (code, json.loads(out)["due"]) == (0, None)
    code, out, _ = run("PAKN-ANSWER", "2026-01-05", "--days", "20")
    assert (code, json.loads(out)["due"], json.loads(out)["days"]) == (0, "2026-02-02", 20)


def test_help_goes_to_stdout_with_exit_0():
    code, out, err = run("--help")
    assert (code, err) == (0, "")
    assert "tiepdan deadline RULE_ID START_DATE" in out
