"""Where a document goes and how it gets there: next to the workbook or in a chosen folder, written atomically,
never over an existing file unless asked (else under the next free numbered name)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbook.plan.errors import WorkbookError
from workbook.storage.files import free_name, write_atomically


@dataclass(frozen=True)
class Written:
    path: Path
    wanted: Path  # the name asked for; differs from `path` when that file already existed

    @property
    def renamed(self) -> bool:
        return self.path != self.wanted

    def notice(self) -> str:
        """The sentence that tells the officer the file got another name, or ""."""
        if not self.renamed:
            return ""
        return (
            f"{self.wanted.name} bestond al en bleef ongewijzigd; het nieuwe document heet {self.path.name}. "
            "Gebruik --overschrijf om het bestaande bestand te vervangen."
        )


def target(workbook: Path, name: str, folder: str | Path | None = None) -> Path:
    """`name` in `folder` (created when missing), else next to the workbook."""
    if folder is None:
        return workbook.resolve().parent / name
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise WorkbookError(f"{folder}: dit is een bestand, geen map. Geef bij --uit een map op.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkbookError(f"{folder}: de map kan niet gemaakt worden ({error.strerror}).") from None
    return folder / name


def write_document(path: Path, data: bytes, overwrite: bool = False) -> Written:
    """Write `data` atomically to `path`; an existing file is replaced only with `overwrite`, else the
    document goes to "name (2).docx", "name (3).docx", ..."""
    chosen = path if overwrite else free_name(path)
    write_atomically(chosen, lambda temporary: temporary.write_bytes(data), overwrite=overwrite)
    return Written(chosen, path)
