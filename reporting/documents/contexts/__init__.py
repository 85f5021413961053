"""The names each document's template may use (year report, plan document, evaluation), from the model."""
