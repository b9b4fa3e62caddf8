"""The wheel carries everything the app needs: installed into a fresh venv and run from
another folder, it reads an article, exports DOCX and PDF, and opens its window."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _build_wheel(folder: Path) -> Path:
    """Build the wheel from this checkout (no build isolation: no network needed)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(folder),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [built] = folder.glob("briefdesk-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_wheel(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with only the built wheel in it; the dependencies come from the test venv,
    added by path, so the test needs no network."""
    folder = tmp_path_factory.mktemp("wheel")
    env_dir = folder / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The test venv's packages, but not its editable BriefDesk (a plain path, so the .pth
    # files there, the editable finder among them, are not run).
    Path(purelib, "test-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(purelib)
    return python


def run(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(python), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=180
    )


def test_wheel_holds_the_resources(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "briefdesk/resources/samples/maritime-mou.txt",
        "briefdesk/resources/fonts/NotoSansHebrew-Regular.ttf",
        "briefdesk/resources/fonts/LICENSE-OFL-1.1.txt",
        "briefdesk/resources/fonts/DroidSansFallbackFull.ttf",
        "briefdesk/py.typed",
    ):
        assert needed in names


def test_installed_wheel_works_from_another_folder(installed: Path, tmp_path: Path) -> None:
    where = run(
        installed,
        "-c",
        "import briefdesk, importlib.resources as r; "
        "print(briefdesk.__file__); "
        "print(r.files('briefdesk.resources').joinpath('fonts').is_dir())",
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    location, fonts = where.stdout.split()
    assert str(ROOT) not in location and "site-packages" in location and fonts == "True"
    article = tmp_path / "a.md"
    article.write_text(
        "# Израиль и Индия\n\nישראל והודו חתמו על מזכר. India and Israel "
        "signed an MoU in Tel Aviv on 5 November 2025.\n",
        encoding="utf-8",
    )
    cli = [installed, "-m", "briefdesk"]
    assert run(*cli, "new", "a.md", "-o", "n.briefdesk", "--suggest", cwd=tmp_path).returncode == 0
    result = run(*cli, "draft", "n.briefdesk", "--from-facts", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    result = run(*cli, "export", "n.briefdesk", "-o", "n.docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # Every script, with the installed package's own fonts.
    title = "title=India–Israel MoU · מזכר הבנות · مذكرة تفاهم · समझौता ज्ञापन · 谅解备忘录 · 覚書"
    run(*cli, "draft", "n.briefdesk", "--set", title, cwd=tmp_path)
    for out in ("n.pdf", "m.docx"):
        result = run(*cli, "export", "n.briefdesk", "-o", out, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    from pypdf import PdfReader

    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in PdfReader(tmp_path / "n.pdf").pages
        for font in page["/Resources"]["/Font"].values()
    }
    for family in ("NotoSans-", "Hebrew", "Arabic", "Devanagari", "DroidSansFallback"):
        assert any(family in font for font in fonts), (family, fonts)
    import docx

    exported = docx.Document(str(tmp_path / "m.docx"))
    assert exported.paragraphs[0].text == title.removeprefix("title=")
    gui = run(
        installed,
        "-c",
        "from PySide6.QtWidgets import QApplication; "
        "app = QApplication([]); from briefdesk.ui.app import create_window; "
        "w = create_window(); w.show(); app.processEvents(); "
        "print(w.windowTitle()); w.note.history.mark_clean(); w.close()",
        cwd=tmp_path,
    )
    assert gui.returncode == 0, gui.stderr
    assert "BriefDesk" in gui.stdout
