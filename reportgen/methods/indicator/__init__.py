"""Indicator method (example: content/kluki/): heat demand from floor areas and EK indicators by building period,
carriers' shares, electricity by consumer group with growth steps, renewables, and emission scenarios."""
from reportgen.methods import Method

METHOD = Method(
    name="indicator",
    description="metoda wskaźnikowa (powierzchnie i wskaźniki zapotrzebowania na energię)",
    files={
        "heat.yaml": ("heat", "inputs:HeatInputs"),
        "carriers.yaml": ("carriers", "inputs:CarrierInputs"),
        "electricity.yaml": ("electricity", "inputs:ElectricityInputs"),
        "renewables.yaml": ("renewables", "inputs:RenewablesInputs"),
        "public_buildings.yaml": ("public_buildings", "inputs:PublicBuildingsInputs"),
        "scenarios.yaml": ("scenarios", "inputs:ScenarioInputs"),
        # the plan this one updates
        "update.yaml": ("update", "update_inputs:UpdateInputs"),
        # heat pumps, PV, EVs, DSO capacity
        "electrification.yaml": ("electrification", "electrification_inputs:ElectrificationInputs"),
        # CEEB, energy poverty, district heating, neighbours' plans, województwo's plan
        "local_context.yaml": ("local_context", "local_context_inputs:LocalContextInputs"),
    },
    marker=None,            # the default: a folder without another method's marker file
    hooks=("inputs:check_growth_years", "update_inputs:check_update"),
)
