"""Law and policy as dated data (rules/policies.yaml): which acts, strategies and programmes are in force on a date."""
