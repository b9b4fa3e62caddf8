from pathlib import Path

from briefdesk.core.recent import add_recent, existing_recent


def test_recent_files_are_unique_newest_first_and_bounded(tmp_path: Path) -> None:
    recent: list[str] = []
    for index in range(12):
        recent = add_recent(recent, tmp_path / f"n{index}.briefdesk")
    recent = add_recent(recent, tmp_path / "n5.briefdesk")
    assert len(recent) == 10
    assert recent[0] == str(tmp_path / "n5.briefdesk")
    assert recent.count(str(tmp_path / "n5.briefdesk")) == 1
    assert recent[1] == str(tmp_path / "n11.briefdesk")


def test_missing_files_leave_the_list(tmp_path: Path) -> None:
    kept = tmp_path / "kept.txt"
    kept.write_text("x")
    assert existing_recent([str(kept), str(tmp_path / "gone.txt")]) == [str(kept)]
