"""Labels in two languages, as a bilingual plan writes them: the Dutch half is the label the import reads."""

from __future__ import annotations

import re

# A label in two languages, "Goal / Doelstelling 1:", "Result / Resultaat 1.1.1:", "(Lead / Trekker: X)": the
# English word before the slash is dropped, the Dutch label after it is read as usual.
_ENGLISH = (
    r"(?:strategic\s+)?goals?|(?:operational\s+)?objectives?|results?|outcomes?|actions?|activities|why|"
    r"motivation|rationale|lead|owner|partners|timing|planning|budget|indicators?|evaluation|status|"
    r"description"
)
BILINGUAL = re.compile(
    rf"(^|\(|\*\*)\s*(?:{_ENGLISH})(?:\s+[\dA-Z]{{1,3}}(?:\.\d{{1,2}})*\.?)?\s*/\s*"
    r"(?=(?:strategische\s+|operationele\s+|beleids)?doelstelling|resulta|actie|activiteit|waarom|"
    r"motivering|trekker|verantwoordelijke|partners|timing|planning|tijdstip|indicator|evaluatie|"
    r"status|omschrijving|beschrijving)",
    re.IGNORECASE,
)


# The same with Dutch first and French or English after it: "Doelstelling 1 / Objectif 1:", "Trekker / Responsable:".
_DUTCH_WORDS = (
    r"(?:strategische\s+|operationele\s+|beleids)?doelstelling|resultaten|resultaat|acties|actie|activiteiten|"
    r"trekker|verantwoordelijke|partners|timing|planning|tijdstip|budget|indicatoren|indicator|evaluatie|inleiding|"
    r"visie|financiering|begroting|motivering|omschrijving|beschrijving|status|waarom|omgevingsanalyse|opvolging"
)
_OTHER_WORDS = (
    rf"{_ENGLISH}|objectifs?|r[ée]sultats?|activit[ée]s|responsable|partenaires?|calendrier|[ée]ch[ée]ance|"
    r"indicateurs?|[ée]valuation|statut|introduction|vision|financement|motivation|pourquoi|contexte|suivi|"
    r"analyse\s+de\s+l'environnement"
)
_NUMBER = r"(?:\s+([\dA-Z]{1,3}(?:\.\d{1,2})*\.?))?"
DUTCH_FIRST = re.compile(
    rf"^(\**\s*(?:{_DUTCH_WORDS})){_NUMBER}\s*/\s*(?:{_OTHER_WORDS}){_NUMBER}(?=\s*(?:[:\-\u2013]|\*\*|$))",
    re.IGNORECASE,
)


def _dutch_half(match: re.Match) -> str:
    number = match.group(2) or match.group(3)  # "Resultaat / Résultat 1.1.1": the number after the translation
    return f"{match.group(1)} {number}" if number else match.group(1)


def one_language(text: str) -> str:
    """The Dutch half of a bilingual label: "Goal 1 / Doelstelling 1: ..." -> "Doelstelling 1: ...", "Doelstelling
    1 / Objectif 1: ..." -> "Doelstelling 1: ...", "Inleiding / Introduction" -> "Inleiding"."""
    return DUTCH_FIRST.sub(_dutch_half, BILINGUAL.sub(lambda match: match.group(1), text))
