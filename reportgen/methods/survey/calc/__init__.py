"""Calculators of the survey-and-statistics method (issue 3), reproducing the Knyszyn plan
(„Projekt założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe dla gminy Knyszyn
na lata 2015-2030”, ITWI Białystok, lipiec 2015; ../shared/seeds/003_3051d34f67ecedbd.txt).

One module per topic; every function is pure (no I/O, no formatting of numbers for the document).
Units are in the names: _gj, _mwh, _kwh, _t, _m3, _m2, _ha, _pct (0–100), _share (0–1).

- trend              linear trends with the equation, fitting window, forecasts clamped at zero, localities
- electricity_survey per-capita use, distribution to localities, tariff-group totals and forecasts
- lighting           street lighting: installed power, burn hours in tariff zones, reduced-power variant
- municipal          municipal buildings: kWh/m² and GJ/m², reference values, fuel energy per season
- fuel_balance       natural units → GJ, structure, conventional / renewable split incl. RES in grid power
- emissions_fuel     SO₂, NOₓ, TSP, CO, CO₂ by fuel (biogenic CO₂ = 0), ash from solid fuels
- savings            survey intentions → thermo-modernisation and boiler-replacement savings, new buildings
- biomass            forest wood, residues, orchards, roadside trees, straw, hay, energy crops, grain,
                     biomethane, biodiesel, energy content (moisture formula) and technical potential
- solar_wind         solar collectors, wind power formula with the 4 m/s threshold
- costs              cost of 1 GJ of heat by carrier
"""
