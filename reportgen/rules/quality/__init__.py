"""Quality rules: editorial defects a reviewer would reject (numbering, references, lists, sums)."""
