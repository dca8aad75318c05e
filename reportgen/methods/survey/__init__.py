"""Survey-and-statistics method (example: content/knyszyn/): statistical trends, a household survey scaled to the
gmina, tariff groups, street lighting, municipal buildings, fuel balance, biomass and solar/wind potential."""
from reportgen.methods import Method
from reportgen.methods.survey.inputs import FILES, load_localities

METHOD = Method(
    name="survey",
    description="metoda ankietowo-statystyczna (ankieta gospodarstw domowych i dane statystyczne)",
    files=FILES,
    marker="household_survey",
    hooks=(load_localities,),
    hook_attributes=("locality_population",),
)
