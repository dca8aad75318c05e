"""Indicator method (example: content/kluki/): heat demand from floor areas and EK indicators by building period,
carriers' shares, electricity by consumer group with growth steps, renewables, and emission scenarios."""
from reportgen.methods import Method
from reportgen.methods.indicator.electrification_inputs import ELECTRIFICATION_FILES
from reportgen.methods.indicator.inputs import FILES, check_growth_years
from reportgen.methods.indicator.local_context_inputs import LOCAL_CONTEXT_FILES
from reportgen.methods.indicator.update_inputs import UPDATE_FILES, check_update

METHOD = Method(
    name="indicator",
    description="metoda wskaźnikowa (powierzchnie i wskaźniki zapotrzebowania na energię)",
    # update.yaml: the plan this one updates; electrification.yaml: heat pumps, PV, EVs, DSO capacity;
    # local_context.yaml: CEEB, energy poverty, district heating, neighbours' plans, województwo's plan
    files={**FILES, **UPDATE_FILES, **ELECTRIFICATION_FILES, **LOCAL_CONTEXT_FILES},
    marker=None,            # the default: a folder without another method's marker file
    hooks=(check_growth_years, check_update),
)
