"""The action columns that table fields fill."""

ACTION_FIELDS = {"lead": "Trekker", "partners": "Partners", "budget": "Budget/personeelsinzet", "contact": "Contact"}
