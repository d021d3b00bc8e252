"""Every importer checks its file the same way (one check_input_file), and says what to choose instead."""

import pytest

from app.errors import ValidationError
from app.io.punches import read_clock_file
from app.io.tables import read_table


def _read_table(path):
    return read_table(path, {"employee_no": ["工号"]}, ["employee_no"])


@pytest.mark.parametrize("read, choose", [
    (_read_table, "choose a CSV or XLSX file"),
    (read_clock_file, "choose the file exported from the time clock (.dat, .txt, .csv, .xls or .xlsx)"),
])
def test_each_importer_refuses_a_folder_an_empty_file_and_a_missing_one(tmp_path, read, choose):
    with pytest.raises(ValidationError) as folder:
        read(tmp_path)
    assert str(folder.value) == f"{tmp_path} is a folder; {choose}."
    empty = tmp_path / "1_attlog.dat"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match="is empty"):
        read(empty)
    with pytest.raises(ValidationError, match="does not exist"):
        read(tmp_path / "missing.csv")


def test_the_clock_message_is_in_chinese():
    from app import i18n

    i18n.set_language("zh_CN")
    try:
        with pytest.raises(ValidationError) as folder:
            read_clock_file("/")
        assert str(folder.value) == "/ 是文件夹，请选择考勤机导出的文件（.dat、.txt、.csv、.xls 或 .xlsx）。"
    finally:
        i18n.set_language("en")
