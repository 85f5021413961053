"""How a plan heads its objectives and actions: "Strategische doelstelling 1", "OD 1.1", "BD109", "Doel 1",
"SD1-OD2", "... (SD 2)", "Als eerste strategische doelstelling kiezen we: ...", "Actie 1.1.1"."""

from __future__ import annotations

import re

# A mark in brackets after an objective's number, not part of its title: "Beleidsdoelstelling 1 (prioritair):".
MARK = r"(?:\s*\((?i:prioritair|niet[- ]prioritair|nieuw|gewijzigd)\))?"
_SEP = rf"{MARK}\s*(?:[:\-\u2013.|]\s*)?"
STRATEGIC = re.compile(
    rf"^(?:strategische\s+doelstelling|S\.?D)\.?\s*(\d{{1,2}})(?!\s*[-/.]\s*O\.?D\s?\d){MARK}\s*(?:[:\-\u2013|]|\.(?!\d))?"
    r"\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
OPERATIONAL = re.compile(
    rf"^(?:operationele\s+doelstelling|O\.?D)\.?\s*(\d{{1,2}}\.\d{{1,2}})\.?{_SEP}(.*)$", re.IGNORECASE | re.DOTALL
)
# An operational objective numbered through the whole plan ("OD 5" under strategic objective 2), not "OD 2.2".
RUNNING_OPERATIONAL = re.compile(
    rf"^(?:operationele\s+doelstelling|O\.?D)\.?\s*(\d{{1,2}})(?!\.?\d){_SEP}(.*)$", re.IGNORECASE | re.DOTALL
)
BBC_OBJECTIVE = re.compile(rf"^(?:(?i:beleidsdoelstelling)\s+)?(BD\s?\d{{1,}})\b{_SEP}(.*)$", re.DOTALL)
BBC_PLAN = re.compile(rf"^(?:(?i:actieplan)\s+)?(AP\s?\d{{1,}}(?:\.\d{{1,2}})?)\b{_SEP}(.*)$", re.DOTALL)
# "A10900", "A1.2.3", also typed "A 1.2.3." (the code without the space and the last dot).
BBC_ACTION = re.compile(
    rf"^(?:(?i:actie)\s+)?(A\s?\d{{3,}}|A\s?\d{{1,2}}\.\d{{1,2}}\.\d{{1,2}})\b\.?{_SEP}(.*)$", re.DOTALL
)
# Written out without SD/OD: "Beleidsdoelstelling 1:", "Doelstelling 1.1:", "Actieplan 1.1:", "Lokale doelstelling
# 1.1"; only on a heading or a bold line, where running text does not start with them.
WORDED_STRATEGIC = re.compile(
    r"^(?:(?:prioritaire|lokale|gemeentelijke|algemene)\s+)?(?:(?:beleids|strategische\s+)?doelstelling|(?:hoofd)?doel"
    r"|ambitie|speerpunt|(?:beleids)?prioriteit)"
    rf"\s+(\d{{1,2}}){MARK}(?:\s*[:\-\u2013|]|\.(?!\d)|\s|$)"
    r"\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
WORDED_OPERATIONAL = re.compile(
    r"^(?:(?:lokale|operationele)\s+doelstelling|doelstelling|actieplan|(?:sub|deel)?doel|beleidsdoel|project"
    r"|werkpunt)\s+"
    rf"(\d{{1,2}}\.\d{{1,2}})\.?{MARK}(?:\s*[:\-\u2013|]\s*|\s+|$)(.*)$",
    re.IGNORECASE | re.DOTALL,
)
# An objective written in a sentence: "3.1 Als eerste strategische doelstelling kiezen we: title. Motivation.",
# "3.1.1 Binnen deze doelstelling werken we aan operationele doelstelling 1.1: title. ...".
PROSE_OBJECTIVE = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:[A-Z][^:]{0,60}?\s)?(?:(eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste)"
    r"\s+)?(strategische|operationele)\s+doelstelling(?:\s+(\d{1,2}(?:\.\d{1,2})?))?(?:\s+(?:kiezen|nemen|stellen)\s+we)?"
    r"\s*:\s*(\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "zevende": 7, "achtste": 8}
# "Iedereen spreekt mee (SD 2)", "We bouwen het overleg uit (OD 2.1)": the code after the title.
CODE_AFTER_TITLE = re.compile(
    r"^(.*\S)\s*\(\s*(?:SD|OD|strategische\s+doelstelling|operationele\s+doelstelling)\s*"
    r"(\d{1,2}(?:\.\d{1,2})?)\s*\)\s*$",
    re.IGNORECASE | re.DOTALL,
)
# "SD1-OD2 – title": an operational objective coded with its strategic one.
JOINED_OPERATIONAL = re.compile(
    rf"^S\.?D\s?(\d{{1,2}})\s*[-/.]\s*O\.?D\s?(\d{{1,2}})\b(?!\s*[-/.]\s*A){_SEP}(.*)$", re.IGNORECASE | re.DOTALL
)
# The headings of objectives with a label or code, strategic and operational.
OBJECTIVE_HEADINGS = (STRATEGIC, OPERATIONAL, BBC_OBJECTIVE, BBC_PLAN, WORDED_STRATEGIC, WORDED_OPERATIONAL)
NUMBERED_ACTION = re.compile(
    r"^(?:actie|maatregel|initiatief)\s+(\d{1,2}\.\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s*[:\-\u2013]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
