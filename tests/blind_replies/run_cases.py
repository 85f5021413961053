"""Check the cases' apply functions: build the base, ask, apply each case to a copy, show what changed."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import openpyxl

try:
    from . import base
    from .cases import CASES, Case, runnable
except ImportError:  # run as a script from this folder
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import base  # type: ignore[no-redef]
    from cases import CASES, Case, runnable  # type: ignore[no-redef]

Cells = dict[tuple[str, str], object]


def _cells(path: Path) -> Cells | str:
    """Every non-empty cell of a workbook by (sheet, cell), or why it cannot be opened."""
    try:
        wb = openpyxl.load_workbook(path)
    except Exception as exc:  # noqa: BLE001 - any reason a file does not open is worth showing
        return f"not readable by openpyxl ({type(exc).__name__})"
    out: Cells = {}
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            out[(ws.title, "(state)")] = ws.sheet_state
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    shown = cell.value
                    if cell.number_format != "General":
                        shown = f"{cell.value!r} ({cell.number_format})"
                    out[(ws.title, cell.coordinate)] = shown
    return out


def _diff(before: Cells | str, after: Cells | str) -> list[str]:
    if isinstance(after, str) or isinstance(before, str):
        return [f"    {after if isinstance(after, str) else 'readable now'}"]
    lines = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old != new:
            sheet, ref = key
            lines.append(f"    {sheet}!{ref}: {str(old)[:60]!r} -> {str(new)[:80]!r}")
    return lines


def _officer_rows(plan: Path) -> Cells:
    wb = openpyxl.load_workbook(plan)
    out: Cells = {}
    for name in ("Opvolging", "Metingen"):
        ws = wb[name]
        for row in ws.iter_rows(min_row=4):
            for cell in row:
                if cell.value is not None:
                    out[(name, cell.coordinate)] = cell.value
    return out


def run_case(item: Case, source: Path, work: Path) -> None:
    """Apply one case to a fresh copy of the base and print the files and cells it wrote."""
    target = work / item.name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    plan = target / "plan" / base.PLAN_NAME
    folder = target / "antwoorden"
    files = {trekker: folder / path.name for trekker, path in SENT.items()}
    before_plan = _officer_rows(plan)
    item.apply(folder, files, plan, base.YEAR)

    print(f"== {item.name}: {item.description}")
    sent_names = {path.name for path in SENT.values()}
    present = {path.name for path in folder.iterdir()}
    for name in sorted(sent_names - present):
        print(f"  removed: {name}")
    for name in sorted(present):
        path = folder / name
        if name in sent_names:
            lines = _diff(PRISTINE[name], _cells(path))
            if lines:
                print(f"  changed: {name}")
                print("\n".join(lines))
        else:
            print(f"  new: {name} ({path.stat().st_size} bytes)")
            after = _cells(path)
            if isinstance(after, str):
                print(f"    {after}")
            else:
                print("\n".join(_diff(_closest(after), after)) or "    same cells as sent")
    officer = _diff(before_plan, _officer_rows(plan))
    if officer:
        print(f"  officer's workbook: {base.PLAN_NAME}")
        print("\n".join(officer))
    for expectation in item.expect:
        print(f"  expect {expectation}"[:160])


def _closest(cells: Cells | str) -> Cells:
    """The cells of the sent file a new file most likely comes from (the most cells in common)."""
    if isinstance(cells, str):
        return {}
    best: Cells = {}
    best_score = -1
    for sent in PRISTINE.values():
        if isinstance(sent, str):
            continue
        score = sum(1 for key, val in sent.items() if cells.get(key) == val)
        if score > best_score:
            best, best_score = sent, score
    return best


SENT: dict[str, Path] = {}
PRISTINE: dict[str, Cells | str] = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="cases to run (default: all)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/blind-replies-run"))
    args = parser.parse_args()

    source = args.work / "_base"
    if source.exists():
        shutil.rmtree(source)
    plan, year = base.make_base(source)
    sent = base.ask(plan, year, source / "antwoorden")
    SENT.update(sent)
    for path in sent.values():
        PRISTINE[path.name] = _cells(path)
    print(f"base: {plan} ({year}), {len(sent)} files:")
    for trekker, path in sent.items():
        print(f"  {trekker or '(zonder trekker)':22} {path.name}")

    chosen = [c for c in CASES if not args.names or c.name in args.names]
    for item in chosen:
        if not runnable(item):
            print(f"== {item.name}: skipped (needs LibreOffice or msoffcrypto)")
            continue
        run_case(item, source, args.work)
    print(f"{len(chosen)} of {len(CASES)} cases applied")


if __name__ == "__main__":
    main()
