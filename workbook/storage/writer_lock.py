"""One writer at a time: planrapport's own lock file beside a workbook, held from reading it until it is replaced."""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from workbook.plan.dates import day_in_words
from workbook.plan.errors import WorkbookError, shown_name
from workbook.storage.permissions import check_writable
from workbook.storage.temporaries import WRITER_LOCK_PREFIX

WAIT_SECONDS = 10.0  # how long a second writer waits for the first before it gives up
POLL_SECONDS = 0.1
STALE_AFTER = 30 * 60  # seconds; a lock this old is left by a run that died, wherever it ran
UNREADABLE_STALE_AFTER = 60  # seconds; a lock file without its content is a run that died while making it
NAME_MAX = 255


@dataclass(frozen=True)
class Stamp:
    """What a workbook was when it was read: its size, modification time and content hash."""

    size: int
    mtime_ns: int
    sha256: str


@dataclass
class Hold:
    """A lock this process holds: the workbook, its lock file and the stamp of the workbook as it was read (the
    stamp follows each replacement made under the lock)."""

    path: Path
    lock: Path
    token: str
    stamp: Stamp | None
    thread: int = field(default_factory=threading.get_ident)
    depth: int = 1


_held: dict[str, Hold] = {}
_guard = threading.Lock()
Params = ParamSpec("Params")
Result = TypeVar("Result")


def file_stamp(path: Path) -> Stamp | None:
    """The workbook's stamp, or None when there is no file."""
    try:
        status = os.stat(path)
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError:
        return None
    return Stamp(status.st_size, status.st_mtime_ns, digest.hexdigest())


def lock_path(path: Path) -> Path:
    """The lock file beside the workbook: ".~planrapport-lock.plan.xlsx" (a fingerprint of the name when the
    whole name does not fit)."""
    name = WRITER_LOCK_PREFIX + path.name
    if len(os.fsencode(name)) > NAME_MAX:
        name = WRITER_LOCK_PREFIX + "~" + hashlib.sha256(os.fsencode(path.name)).hexdigest()[:16]
    return path.with_name(name)


def held(path: Path) -> Hold | None:
    """The lock this thread holds on the workbook, if any."""
    hold = _held.get(_key(path))
    return hold if hold is not None and hold.thread == threading.get_ident() else None


@contextlib.contextmanager
def writing(path: str | Path, wait: float | None = None) -> Iterator[Hold]:
    """Hold the workbook's lock: a second writer (another process, or another thread) waits up to `wait` seconds,
    then is refused with the holder's name. Reentrant within one thread; released always. The workbook is refused
    first when it or its folder is read-only."""
    path = Path(path)
    hold = held(path)
    if hold is not None:
        hold.depth += 1
        try:
            yield hold
        finally:
            hold.depth -= 1
        return
    check_writable(path)
    lock = lock_path(path)
    token = _acquire(path, lock, WAIT_SECONDS if wait is None else wait)
    try:
        hold = Hold(path, lock, token, file_stamp(path))
        with _guard:
            _held[_key(path)] = hold
        yield hold
    finally:
        with _guard:
            _held.pop(_key(path), None)
        _release(lock, token)


def writes_workbook(function: Callable[Params, Result]) -> Callable[Params, Result]:
    """Run a function that reads and then replaces the workbook given as its first argument under `writing`."""

    @wraps(function)
    def locked(*args: Params.args, **kwargs: Params.kwargs) -> Result:
        with writing(args[0]):  # type: ignore[arg-type]
            return function(*args, **kwargs)

    return locked


def command_writes_workbook(
    option: str | None = None,
) -> Callable[[Callable[[Any], int]], Callable[[Any], int]]:
    """Run a command's `run(args)` under the writer lock of its workbook (`args.pad`), from its first read to its
    last write: always, or only when the option named `option` (e.g. "schrijf") is given."""

    def decorate(run: Callable[[Any], int]) -> Callable[[Any], int]:
        @wraps(run)
        def locked(args: Any) -> int:
            if option is not None and not getattr(args, option):
                return run(args)
            with writing(Path(args.pad)):
                return run(args)

        return locked

    return decorate


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _acquire(path: Path, lock: Path, wait: float) -> str:
    token = uuid.uuid4().hex
    content = json.dumps(
        {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": _user(),
            "started": datetime.now().astimezone().isoformat(timespec="seconds"),
            "token": token,
        }
    )
    deadline = time.monotonic() + wait
    while True:
        try:
            handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = _read(lock)
            if _stale(lock, holder):
                _take_over(lock, holder)
                continue
            if time.monotonic() >= deadline:
                raise WorkbookError(_busy_message(path, holder)) from None
            time.sleep(POLL_SECONDS)
            continue
        except OSError as error:
            raise WorkbookError(
                f"{shown_name(path.parent)}: in deze map mag planrapport niet schrijven ({error.strerror}); "
                f"{path.name} is niet gewijzigd. Zet het werkboek in een map waarin u mag schrijven, of vraag "
                "schrijfrechten op deze map."
            ) from None
        try:
            os.write(handle, content.encode())
        finally:
            os.close(handle)
        return token


def _release(lock: Path, token: str) -> None:
    holder = _read(lock)
    if holder is not None and holder.get("token") == token:  # not a lock another run took over as stale
        with contextlib.suppress(OSError):
            os.unlink(lock)


def _read(lock: Path) -> dict | None:
    """The lock's content, None when it cannot be read (gone, or being written)."""
    try:
        data = json.loads(lock.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _stale(lock: Path, holder: dict | None) -> bool:
    """A lock of a run that is gone: on this computer with its process ended, or older than STALE_AFTER."""
    try:
        age = time.time() - os.stat(lock).st_mtime
    except FileNotFoundError:
        return False  # released a moment ago: the next try takes it
    if holder is None:
        return age > UNREADABLE_STALE_AFTER
    started = _started(holder)
    if started is not None:
        age = max(age, time.time() - started.timestamp())
    if age > STALE_AFTER:
        return True
    pid = holder.get("pid")
    return holder.get("host") == socket.gethostname() and isinstance(pid, int) and not _alive(pid)


def _take_over(lock: Path, holder: dict | None) -> None:
    """Remove a stale lock, but only that one: it is first moved aside, and put back when it turns out to be a
    fresh lock another run made meanwhile."""
    aside = lock.with_name(f"{lock.name}.{uuid.uuid4().hex[:8]}")
    try:
        os.rename(lock, aside)
    except OSError:
        return  # another run took it over first
    if _read(aside) == holder:
        aside.unlink(missing_ok=True)
        return
    with contextlib.suppress(OSError):
        os.link(aside, lock)  # never over a lock made in the meantime
    aside.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # a process of another user
    except OSError:
        return True
    return True


def _alive_on_windows(pid: int) -> bool:
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel.GetLastError() == 5  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return "een onbekende gebruiker"


def _started(holder: dict) -> datetime | None:
    try:
        return datetime.fromisoformat(str(holder.get("started")))
    except ValueError:
        return None


def _busy_message(path: Path, holder: dict | None) -> str:
    if holder is None:
        who = "een andere opdracht"
    else:
        who = f"een opdracht van {holder.get('user') or 'een onbekende gebruiker'}"
        if holder.get("host") and holder.get("host") != socket.gethostname():
            who += f" op {holder['host']}"
        started = _started(holder)
        if started is not None:
            who += f", sinds {_moment(started)}"
    return (
        f"{path.name}: planrapport schrijft al in dit werkboek ({who}). Wacht tot die opdracht klaar is en "
        "probeer dan opnieuw."
    )


def _moment(moment: datetime) -> str:
    """The moment as a message names it: "14.03 uur" today, else "3 december 2026 om 14.03 uur"."""
    local = moment.astimezone()
    clock = f"{local.hour}.{local.minute:02d} uur"
    if local.date() == datetime.now().astimezone().date():
        return clock
    return f"{day_in_words(local.date())} om {clock}"
