"""The workbook templates and example workbooks officers start from."""

from pathlib import Path

HERE = Path(__file__).parent
TEMPLATE = HERE / "planrapport.xlsx"
MACRO_TEMPLATE = HERE / "planrapport.xlsm"
EXAMPLES_DIR = HERE / "voorbeelden"
EXAMPLES = ("waregem-2011-2013", "denderleeuw-2023")


def example_path(name: str) -> Path:
    return EXAMPLES_DIR / f"{name}.xlsx"
