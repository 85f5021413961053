"""The fields a label names, and the columns of Opvolging and Acties they fill."""

FOLLOW_UP_FIELDS = {
    "status": "Status",
    "progress": "Stand van zaken",
    "progress_colour": "Stand van zaken (indicator)",
    "time": "Tijd",
    "time_colour": "Tijd (indicator)",
    "money": "Geld",
    "money_colour": "Geld (indicator)",
}
ACTION_FIELDS = {
    "description": "Omschrijving",
    "timing": "Tijdstip",
    "lead": "Trekker",
    "partners": "Partners",
    "budget": "Budget/personeelsinzet",
    "contact": "Contact",
}
