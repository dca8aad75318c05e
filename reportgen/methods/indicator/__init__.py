"""Indicator method (example: content/kluki/): heat demand from floor areas and EK indicators by building period,
carriers' shares, electricity by consumer group with growth steps, renewables, and emission scenarios."""
from reportgen.methods import Method
from reportgen.methods.indicator.inputs import FILES, check_growth_years

METHOD = Method(
    name="indicator",
    description="metoda wskaźnikowa (powierzchnie i wskaźniki zapotrzebowania na energię)",
    files=FILES,
    marker=None,            # the default: a folder without another method's marker file
    hooks=(check_growth_years,),
)
