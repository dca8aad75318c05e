"""reportgen: projekt założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe."""
__version__ = "0.1.0"
