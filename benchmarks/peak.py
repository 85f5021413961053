"""Run a module as a command and say its peak memory at exit: python -m benchmarks.peak MODULE [ARGS...] (Linux).

The peak is the kernel's high-water mark of this process's resident memory (VmHWM in /proc/self/status), which
starts afresh when the interpreter is started; the maximum resident set size of getrusage does not: the kernel
carries over the size of the process that started this one (at its fork), so a big parent shows in every child."""

from __future__ import annotations

import atexit
import resource
import runpy
import sys

MARK = "benchmarks.peak:"


def resident_peak_kib() -> int:
    """VmHWM of this process, in KiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise LookupError("VmHWM")


def _say_peak() -> None:
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"{MARK} {resident_peak_kib()} {children}", file=sys.stderr, flush=True)


def parse(stderr: str) -> tuple[float | None, float | None, list[str]]:
    """(this process's peak in MB, the largest child's in MB, the other lines of stderr) of a run under this module."""
    lines, own, children = [], None, None
    for line in stderr.splitlines():
        if line.startswith(MARK):
            own_kib, children_kib = line[len(MARK) :].split()
            own, children = int(own_kib) / 1024, int(children_kib) / 1024
        else:
            lines.append(line)
    return own, children, lines


def main() -> None:
    module, sys.argv = sys.argv[1], sys.argv[1:]
    atexit.register(_say_peak)
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
