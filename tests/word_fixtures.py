"""Word plans as municipalities write them, for the import tests: python tests/word_fixtures.py rebuilds them.

The Waregem plan follows the layout of its council document (bold heading lines, three-column tables with
underlined timing lines and bullets, a row split over a page with its header repeated); the Denderleeuw
follow-up follows its BBC report (codes as headings, label lines, a table of yearly values); the labelled
documents follow the older layout of "SD. 2" / "OD 2.1" / "Resultaten:" / "Wijze en tijdstip evaluatie:".
"""

from __future__ import annotations

import json
import re
from itertools import groupby
from pathlib import Path

import docx
from docx.shared import Pt

HERE = Path(__file__).parent / "fixtures" / "word"
EXAMPLES = Path(__file__).parent.parent / "workbook" / "examples"
HEADER = ("Resultaten", "Acties", "Wijze & tijdstip evaluatie / indicatoren")


def example(name: str) -> dict:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def _runs(paragraph, text: str, bold: bool = False, italic: bool = False, underline: bool = False) -> None:
    for index, part in enumerate(re.split(r"\*\*(.+?)\*\*", text)):
        if part:
            run = paragraph.add_run(part)
            run.bold = bold or index % 2 == 1 or None
            run.italic = italic or None
            run.underline = underline or None


def para(container, text: str = "", style: str | None = None, **flags):
    paragraph = container.add_paragraph(style=style)
    _runs(paragraph, text, **flags)
    return paragraph


def _document():
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.author = "Dienst integratie"
    return document


# ------------------------------------------------------------------ Waregem: tables


def waregem(path: Path) -> Path:
    data = example("waregem-2011-2013")
    document = _document()
    para(document, "Stad Waregem", bold=True)
    para(document, "Integratiebeleidsplan 2011-2013", "Title")
    document.add_heading("Inleiding", 1)
    para(document, "Dit plan beschrijft het lokale integratiebeleid van stad Waregem voor de periode 2011-2013.")
    para(document, "Het plan werd opgemaakt in overleg met de stedelijke diensten, het OCMW en de zelforganisaties.")
    document.add_heading("Omgevingsanalyse", 1)
    para(document, "Waregem telt een groeiende groep inwoners van diverse herkomst. Aandachtspunten:")
    para(document, "werk en opleiding", "List Bullet")
    para(document, "toegankelijke dienstverlening", "List Bullet")
    document.add_heading("Overzicht strategische en operationele doelstellingen beleidsplan Integratie 2011 - 2013", 1)
    results = _by_parent(data["Resultaten"])
    actions = _by_parent(data["Acties"])
    indicators = {}
    for row in data["Indicatoren"]:
        indicators.setdefault(row["Code"].rsplit("-I", 1)[0], []).append(row)
    for objective in data["Doelstellingen"]:
        code = objective["Code"]
        if "." not in code:
            _strategic(document, objective)
            continue
        _operational(document, objective, code)
        _results_table(document, results.get(code, []), actions, indicators, split=code == "1.3")
    document.add_heading("Opvolging en evaluatie van het plan", 1)
    para(document, "De dienst integratie rapporteert jaarlijks aan het college over de voortgang van het plan.")
    document.save(path)
    return path


def _by_parent(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["Code"].rsplit(".", 1)[0], []).append(row)
    return grouped


def _strategic(document, objective: dict) -> None:
    if objective["Code"] == "5":  # as in the council document: heading and title in one table row
        table = document.add_table(rows=1, cols=3)
        para(table.cell(0, 0), f"Strategische doelstelling {objective['Code']} :", bold=True)
        para(table.cell(0, 2), objective["Titel"], bold=True)
    else:
        para(document, f"Strategische doelstelling {objective['Code']} :", bold=True)
        para(document, objective["Titel"], bold=True)
    if objective["Motivering"]:
        para(document, "Motivering - duiding", bold=True)
        for text in objective["Motivering"].split("\n\n"):
            para(document, text)


def _operational(document, objective: dict, code: str) -> None:
    domain, title = objective["Domein"], objective["Titel"]
    variant = int(code.split(".")[1]) % 3
    if domain and variant == 0:
        para(document, f"Domein: {domain}  Operationele doelstelling {code}.  {title}", bold=True)
        return
    if domain:
        para(document, f"Domein: {domain}", italic=True)
    if variant == 1:
        para(document, f"Operationele doelstelling {code}.", bold=True)
        para(document, title, bold=True)
    else:
        paragraph = para(document, f"Operationele doelstelling {code}. ", bold=True)
        _runs(paragraph, title, bold=True)


def _results_table(document, results, actions, indicators, split: bool) -> None:
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        para(cell, text, bold=True)
    for number, result in enumerate(results):
        own_actions = actions.get(result["Code"], [])
        own_indicators = indicators.get(result["Code"], [])
        if split and number == 1 and len(own_actions) > 1:
            # The row runs over a page: Word repeats the header and goes on in a row with an empty first cell.
            row = table.add_row().cells
            para(row[0], f"{result['Code']}. {result['Resultaat']}")
            _grouped(row[1], own_actions[:1], "Actie", "\u25aa ")
            _grouped(row[2], own_indicators, "Indicator", None)
            header = table.add_row().cells
            for cell, text in zip(header, HEADER, strict=True):
                para(cell, text, bold=True)
            row = table.add_row().cells
            _grouped(row[1], own_actions[1:], "Actie", "\u25aa ")
            continue
        row = table.add_row().cells
        para(row[0], f"{result['Code']}. {result['Resultaat']}")
        colon = ":" if not result["Code"].startswith("2.") else ""  # as in the council document, some without
        _grouped(row[1], own_actions, "Actie", "\u25aa ", colon)
        _grouped(row[2], own_indicators, "Indicator", None, colon)


def _grouped(cell, rows: list[dict], field: str, sign: str | None, colon: str = ":") -> None:
    """Timing lines underlined, the items under them as "▪" lines or Word bullets."""
    for timing, items in groupby(rows, key=lambda r: r["Tijdstip"]):
        para(cell, f"{timing}{colon}", underline=True)
        for item in items:
            if sign:
                para(cell, sign + item[field])
            else:
                para(cell, item[field], "List Bullet")


# ------------------------------------------------------------------ Denderleeuw: BBC follow-up


def denderleeuw(path: Path) -> Path:
    data = example("denderleeuw-2023")
    document = _document()
    para(document, "Gemeente Denderleeuw", bold=True)
    para(document, data["Instellingen"]["Titel van het plan"], "Title")
    para(document, "Opvolging 2023")
    para(document, "Opgesteld door Dienst Samenleven")
    follow = {row["Actie"]: row for row in data["Opvolging"]}
    measured = {}
    for row in data["Metingen"]:
        measured.setdefault(row["Indicator"].rsplit("-I", 1)[0], []).append(row)
    for objective in data["Doelstellingen"]:
        code = objective["Code"]
        if code.startswith("BD"):
            document.add_heading(f"{code} - {objective['Titel']}", 1)
            continue
        para(document, "Actieplannen", bold=True)
        document.add_heading(f"{code} - {objective['Titel']}", 2)
        para(document, "Acties", bold=True)
        for action in data["Acties"]:
            if action["Code"].startswith("A" + code[2:]) and len(action["Code"]) == len(code):
                _bbc_action(document, action, follow.get(action["Code"], {}), data, measured)
    document.save(path)
    return path


def _bbc_action(document, action: dict, follow: dict, data: dict, measured: dict) -> None:
    para(document, f"{action['Code']} {action['Actie']}", bold=True)
    for text in action["Omschrijving"].split("\n\n"):
        para(document, text)
    fields = [("Status", follow.get("Status", ""))]
    if action["Code"] == "A10920":  # this action's fields stand in a small table
        table = document.add_table(rows=0, cols=2)
        for name, key in (
            ("Status", "Status"),
            ("Stand van zaken (toelichting)", "Stand van zaken"),
            ("Tijd", "Tijd"),
            ("Geld", "Geld"),
        ):
            cells = table.add_row().cells
            para(cells[0], name, bold=True)
            for text in (follow.get(key) or "").split("\n\n"):
                if text:
                    para(cells[1], text)
        if action["Zie ook"]:
            para(document, f"Zie ook {action['Zie ook']}")
        return
    for name, value in fields:
        para(document, name, bold=True)
        para(document, value)
    para(document, "Stand van zaken (toelichting)", bold=True)
    for block in (follow.get("Stand van zaken") or "").split("\n\n"):
        lines = block.split("\n")
        if all(line.startswith("- ") for line in lines):
            for line in lines:
                para(document, line[2:], "List Bullet")
        else:
            para(document, block)
    if action["Zie ook"]:
        para(document, f"Zie ook {action['Zie ook']}")
    if action["Code"] in measured:
        _year_table(document, action["Code"], data, measured[action["Code"]])
    for name in ("Stand van zaken (indicator)", "Tijd", "Tijd (indicator)", "Geld", "Geld (indicator)"):
        key = name
        para(document, name, bold=True)
        if follow.get(key):
            para(document, follow[key])


def _year_table(document, code: str, data: dict, rows: list[dict]) -> None:
    periods = ["2021 (juni-december)", "2022", "2023", "2024", "2025"]
    own = [i for i in data["Indicatoren"] if i["Code"].startswith(code + "-I")]
    table = document.add_table(rows=1, cols=len(periods) + 1)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells[1:], periods, strict=False):
        para(cell, text, bold=True)
    footnote = ""
    for indicator in own:
        cells = table.add_row().cells
        para(cells[0], indicator["Indicator"])
        for cell, period in zip(cells[1:], periods, strict=False):
            found = next((r for r in rows if r["Indicator"] == indicator["Code"] and r["Periode"] == period), None)
            if found is None:
                continue
            value, share = found.get("Waarde"), found.get("Aandeel")
            text = (
                f"{value} ({share}%)"
                if value is not None and share is not None
                else (f"{share}%" if value is None else f"{value}")
            )
            if found.get("Opmerking"):
                text += "*"
                footnote = found["Opmerking"]
            para(cell, text)
    notes = [i["Toelichting"] for i in own if i.get("Toelichting")]
    for note in notes:
        para(document, note, italic=True)
    if footnote:
        para(document, f"* {footnote}", italic=True)


# ------------------------------------------------------------------ labelled paragraphs


def labelled(path: Path, variant: int) -> Path:
    document = _document()
    para(document, "Gemeente Zonnegem", bold=True)
    para(document, "Beleidsplan samenleven 2020-2025", "Title")
    document.add_heading("Missie en visie", 1)
    para(document, "Zonnegem wil een gemeente zijn waar iedereen mee kan.")
    sd = ("SD. 1 SAMENLEVEN IN DIVERSITEIT", "SD 1", "Strategische doelstelling 1")[variant]
    para(document, sd, bold=True)
    if variant:
        para(document, "Samenleven in diversiteit", bold=True)
    if variant == 1:
        para(document, "Motivering: De gemeente groeit en wordt diverser.")
    else:
        para(document, "Visie", bold=True)
        para(document, "De gemeente groeit en wordt diverser.")
    od = (
        "OD 1.1 Nieuwkomers vinden hun weg",
        "OD. 1.1: Nieuwkomers vinden hun weg",
        "Operationele doelstelling 1.1 Nieuwkomers vinden hun weg",
    )[variant]
    para(document, od, bold=True)
    para(document, ("Resultaten:", "Resultaat:", "Verwachte resultaten")[variant], bold=True)
    style = "List Number" if variant == 2 else None
    sign = "" if variant == 2 else ("\u2022 ", "- ", "")[variant]
    para(document, sign + "Elke nieuwkomer krijgt een onthaalgesprek", style)
    if variant == 1:
        para(document, "Wijze en tijdstip van evaluatie: Jaarlijks: aantal onthaalgesprekken")
    else:
        para(document, "Wijze en tijdstip evaluatie:", italic=True)
        para(document, "Jaarlijks: aantal onthaalgesprekken")
        para(document, "2025: tevredenheidsbevraging nieuwkomers")
    para(document, sign + "Er is een onthaalbrochure in vijf talen", style)
    para(document, "- o met een luik over de vrijetijdsaanbod" if variant != 2 else "o met een luik over vrije tijd")
    para(
        document, "Wijze en tijdstip evaluatie:" + (" brochure verspreid in 2021" if variant == 0 else ""), italic=True
    )
    if variant:
        para(document, "brochure verspreid in 2021")
    para(document, ("SD. 2 ONTMOETING", "SD 2", "Strategische doelstelling 2")[variant], bold=True)
    if variant:
        para(document, "Ontmoeting", bold=True)
    para(
        document,
        ("OD 2.1 Buurten leven", "OD. 2.1: Buurten leven", "Operationele doelstelling 2.1 Buurten leven")[variant],
        bold=True,
    )
    para(document, ("Resultaten:", "Resultaat:", "Verwachte resultaten")[variant], bold=True)
    para(document, sign + "Elke wijk heeft een buurtfeest", style)
    para(document, "Wijze en tijdstip evaluatie:", italic=True)
    para(document, "Trend: aantal buurtfeesten per jaar")
    document.add_heading("Begroting en opvolging", 1)
    para(document, "De begroting staat in het meerjarenplan.")
    document.save(path)
    return path


def no_objectives(path: Path) -> Path:
    document = _document()
    document.add_heading("Verslag van de adviesraad", 1)
    para(document, "De adviesraad kwam vier keer samen en besprak het jaarprogramma.")
    document.save(path)
    return path


def build_all() -> list[Path]:
    HERE.mkdir(parents=True, exist_ok=True)
    paths = [
        waregem(HERE / "waregem-plan.docx"),
        denderleeuw(HERE / "denderleeuw-opvolging.docx"),
        no_objectives(HERE / "geen-doelstellingen.docx"),
    ]
    paths += [labelled(HERE / f"gelabeld-{n + 1}.docx", n) for n in range(3)]
    (HERE / "plan.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (HERE / "plan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    return paths


if __name__ == "__main__":
    for built in build_all():
        print(built)
