import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DatasetSummary:
    """How many lines of a JSON Lines file hold a JSON object, and which do not."""

    valid: int
    invalid_lines: tuple[int, ...]

    @property
    def total(self) -> int:
        return self.valid + len(self.invalid_lines)


def summarize_dataset(path: Path) -> DatasetSummary:
    """Count the records of a JSON Lines dataset; blank lines are ignored."""
    valid = 0
    invalid: list[int] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                invalid.append(number)
                continue
            if isinstance(record, dict):
                valid += 1
            else:
                invalid.append(number)
    return DatasetSummary(valid=valid, invalid_lines=tuple(invalid))
