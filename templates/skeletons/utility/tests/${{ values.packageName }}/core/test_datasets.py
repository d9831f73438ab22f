from pathlib import Path

from ${{ values.packageName }}.core.datasets import summarize_dataset


def test_counts_objects_and_reports_other_lines(tmp_path: Path) -> None:
    dataset = tmp_path / "mixed.jsonl"
    dataset.write_text('{"a": 1}\n\n[1, 2]\n{"b": 2}\n{oops\n', encoding="utf-8")

    summary = summarize_dataset(dataset)

    assert summary.valid == 2
    assert summary.invalid_lines == (3, 5)
    assert summary.total == 4


def test_an_empty_file_has_no_records(tmp_path: Path) -> None:
    dataset = tmp_path / "empty.jsonl"
    dataset.write_text("", encoding="utf-8")

    assert summarize_dataset(dataset).total == 0
