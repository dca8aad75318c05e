"""Survey-and-statistics method (example: content/knyszyn/): statistical trends, a household survey scaled to the
gmina, tariff groups, street lighting, municipal buildings, fuel balance, biomass and solar/wind potential."""
from reportgen.methods import Method

METHOD = Method(
    name="survey",
    description="metoda ankietowo-statystyczna (ankieta gospodarstw domowych i dane statystyczne)",
    files={     # models in inputs.py
        "demography.yaml": ("demography", "inputs:DemographyInputs"),
        "housing.yaml": ("housing", "inputs:HousingInputs"),
        "electricity_tariffs.yaml": ("electricity_tariffs", "inputs:ElectricityTariffInputs"),
        "street_lighting.yaml": ("street_lighting", "inputs:StreetLightingInputs"),
        "municipal_buildings.yaml": ("municipal_buildings", "inputs:MunicipalBuildingsInputs"),
        "household_survey.yaml": ("household_survey", "inputs:HouseholdSurveyInputs"),
        "fuels.yaml": ("fuels", "inputs:FuelInputs"),
        "agriculture.yaml": ("agriculture", "inputs:AgricultureInputs"),
        "biomass.yaml": ("biomass", "inputs:BiomassInputs"),
        "solar_wind.yaml": ("solar_wind", "inputs:SolarWindInputs"),
        "networks.yaml": ("networks", "inputs:NetworksInputs"),
        "neighbours.yaml": ("neighbours", "inputs:NeighboursInputs"),
        "heat_costs.yaml": ("heat_costs", "inputs:HeatCostInputs"),
    },
    marker="household_survey",
    hooks=("inputs:load_localities",),      # the locality register (CSV) that demography.yaml names
    hook_attributes=("locality_population",),
)
