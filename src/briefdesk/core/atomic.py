"""Write files so that a failure never leaves a half-written file or loses the old one."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

TYPE_CHECKING = False  # not typing's: importing typing costs 3 ms of every command's start

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import BinaryIO

__all__ = ["atomic_write"]


def atomic_write(path: str | os.PathLike[str], write: Callable[[BinaryIO], object]) -> None:
    """Call *write* on a temporary file beside *path*, then move it into place.

    The data is flushed and fsynced before ``os.replace``, so after a crash *path* holds either
    the old content or the new, never a mix. An existing file's permissions are kept. If
    *write* raises, the temporary file is removed, *path* is untouched and the error propagates.
    OSError is raised as is: callers turn it into a message naming the file.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path()
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp_name, 0o666 & ~umask)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; some file systems cannot fsync a directory, which is harmless."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
