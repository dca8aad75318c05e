"""Indicator method (example: content/kluki/): heat demand from floor areas and EK indicators by building period,
carriers' shares, electricity by consumer group with growth steps, renewables, and emission scenarios."""
from reportgen.methods import Method
from reportgen.methods.indicator.inputs import FILES, check_growth_years
from reportgen.methods.indicator.update_inputs import UPDATE_FILES, check_update

METHOD = Method(
    name="indicator",
    description="metoda wskaźnikowa (powierzchnie i wskaźniki zapotrzebowania na energię)",
    files={**FILES, **UPDATE_FILES},     # update.yaml: the plan this one updates (update_inputs.py)
    marker=None,            # the default: a folder without another method's marker file
    hooks=(check_growth_years, check_update),
)
