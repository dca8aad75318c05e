"""content/knyszyn/ loaded through reportgen.inputs.loader and run through reportgen.methods.survey.calc
reproduces the Knyszyn plan's published tables (within 0,5 % or the published rounding).

Expected numbers are the plan's (quoted with their table) or closed-form arithmetic on the plan's inputs written
out here — never values produced by the calculators. The glue below (content → calculator arguments) is what a
results producer has to do; it is kept in the test so the calculators stay free of input models.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.methods.survey.calc import (
    biomass,
    costs,
    electricity_survey,
    emissions_fuel,
    fuel_balance,
    lighting,
    municipal,
    savings,
    solar_wind,
    trend,
)

ROOT = Path(__file__).resolve().parents[1]
YEARS = list(range(2014, 2031))


def close(actual, expected, pct=0.5):
    return abs(actual - expected) <= abs(expected) * pct / 100


@pytest.fixture(scope="module")
def k(knyszyn_content):
    return knyszyn_content


@pytest.fixture(scope="module")
def floor_forecast(k):
    h = k.housing
    return trend.linear_forecast(h.floor_area_m2, YEARS, h.floor_area_forecast.window)


def gj_per_unit_by_fuel(k) -> dict[str, float]:
    return {
        "coal": fuel_balance.gj_per_unit(k.param("lhv_coal"), "MJ/kg"),
        "coal_fines": fuel_balance.gj_per_unit(k.param("lhv_coal"), "MJ/kg"),
        "wood": fuel_balance.gj_per_unit(k.param("lhv_wood"), "GJ/m3"),
        "pellets": fuel_balance.gj_per_unit(k.param("lhv_pellets"), "MJ/kg"),
        "heating_oil": fuel_balance.gj_per_unit(k.param("lhv_heating_oil"), "MJ/l"),
        "lpg_cylinder": fuel_balance.gj_per_unit(k.param("lhv_lpg"), "MJ/kg", k.param("lpg_cylinder_mass")),
    }


def balance(k) -> fuel_balance.FuelBalance:
    return fuel_balance.fuel_balance(k.fuels.sectors, gj_per_unit_by_fuel(k))


def factor_rows(k) -> dict[str, dict[str, float]]:
    co2 = k.row("ef_co2")
    return {row: {**k.row(f"ef_{row}"), "co2": co2[row]} for row in ("biomass", "coal", "oil", "lpg")}


def energy_by_row(k, sector: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for fuel, gj in balance(k).energy_gj[sector].items():
        row = k.fuels.emission_rows[fuel]
        out[row] = out.get(row, 0.0) + gj
    return out


# --- identity and demography ---------------------------------------------------------------------------------

def test_gmina_identity_and_localities(k):
    g = k.gmina
    assert g.name == "Knyszyn" and g.kind == "miejsko-wiejska" and g.county == "moniecki"
    assert (g.period.start, g.period.horizon) == (2015, 2030) and g.base_year == 2014
    assert g.resolution.number == "X/73/15"
    assert [r.locality for r in k.localities.rows] == g.localities
    # Tabela 3 „Razem” per year; 4 846 = gmina.yaml population (31.12.2014)
    assert {y: sum(k.localities.by_year(y).values()) for y in (2011, 2012, 2013, 2014)} == \
        {2011: 4928, 2012: 4888, 2013: 4860, 2014: 4846}
    assert sum(k.localities.by_year(2014).values()) == g.population


def test_population_trend_and_locality_forecast(k):
    d = k.demography
    t = trend.fit_linear_trend(d.population_bdl, d.forecast.window)
    assert abs(t.slope - (-20.844)) < 0.0005                               # równanie (1)
    mean_y = sum(d.population_bdl.values()) / 19                           # 95 174 / 19
    assert abs(t.intercept - (mean_y + 20.8439 * 10)) < 0.01               # ȳ − a·x̄, x̄ = 10
    assert t.equation_text() == "y = −20,844x + 5217,6"
    totals = trend.forecast(t, YEARS)
    assert not totals.clamped
    loc = trend.scale_localities(k.localities.by_year(d.localities_base_year), 2014, totals.values)
    assert loc["Knyszyn"][2014] == pytest.approx(2809)
    # hand: 2 809 · (5 217,60 − 20,8439·36) / (5 217,60 − 20,8439·20) = 2 809 · 4 467,22 / 4 800,72
    assert loc["Knyszyn"][2030] == pytest.approx(2809 * 4467.22 / 4800.72, abs=0.05)
    assert sum(v[2030] for v in loc.values()) == pytest.approx(4846 * 4467.22 / 4800.72, abs=0.05)


def test_floor_area_forecast_reproduces_tabela7(k, floor_forecast):
    tabela7 = [142980, 144389, 145799, 147208, 148618, 150027, 151437, 152846, 154256, 155665, 157075, 158484,
               159894, 161303, 162713, 164122, 165532]
    for year, published in zip(YEARS, tabela7):
        assert abs(floor_forecast.values[year] - published) <= 0.51, year
    # Tabela 28 scales the survey to the gmina's 142 979,5 m² = the unrounded trend value for 2014
    assert k.housing.survey_scaling.gmina_floor_area == "forecast_base_year"
    assert floor_forecast.values[2014] == pytest.approx(142979.5, abs=0.01)


def test_other_windows_do_not_reproduce_tabela7(k):
    # the window matters: the whole BDL series 1995–2013 (with the 2010 break) misses Tabela 7 badly
    whole = trend.linear_forecast(k.housing.floor_area_m2, [2030], (1995, 2013))
    assert abs(whole.values[2030] - 165532) / 165532 > 0.02


def test_buildings_trend_from_plan(k):
    b = k.housing.residential_buildings.trend_from_plan
    assert not k.housing.residential_buildings.history     # BDL 2008–2013 counts are not printed in the plan
    # Tabela 5: 1 373 (2015), 1 405 (2020), 1 470 (2030), published rounded half up
    for year, published in ((2015, 1373), (2020, 1405), (2030, 1470)):
        assert abs(b.base_value + b.slope_per_year * (year - b.base_year) - published) <= 0.5


# --- electricity ------------------------------------------------------------------------------------------------

def test_tariff_totals_and_forecasts(k):
    e = k.electricity_tariffs
    tot = electricity_survey.tariff_totals(e.consumption_kwh, tuple(e.business_groups), tuple(e.household_groups))
    assert tot.total_mwh == pytest.approx({2012: 7179.639, 2013: 6578.863, 2014: 7291.233}, abs=0.0005)   # Tabela 17
    fut = list(range(2015, 2031))
    total = trend.linear_forecast(tot.total_mwh, fut, e.forecast.window).values
    business = trend.linear_forecast(tot.business_mwh, fut, e.forecast.window).values
    homes = trend.linear_forecast(tot.households_mwh, fut, e.forecast.window).values
    assert close(total[2015], 7128.88) and close(total[2030], 7968.43)                                      # Tabela 18
    assert abs(business[2015] - 3376.66) < 0.05 and abs(business[2030] - 4974.76) < 0.05                  # Tabela 19
    assert abs(homes[2015] / 1000 - 3.8) <= 0.05 and abs(homes[2030] / 1000 - 3.0) <= 0.05                # Tabela 15
    for y in fut:                                   # the groups add up to the total in every year
        assert business[y] + homes[y] == pytest.approx(total[y], abs=1e-6)


def test_tabela9_from_content(k):
    per_loc = electricity_survey.distribute_by_population(
        k.electricity_tariffs.consumption_kwh[2014]["G"] / 1000, k.localities.by_year(2014))
    published = {"Knyszyn": 2209.67, "Guzy": 156.54, "Knyszyn-Zamek": 244.65, "Zofiówka": 189.58, "Lewonie Kol.": 4.72}
    for name, value in published.items():
        assert abs(per_loc[name] - value) <= 0.006, name
    assert sum(per_loc.values()) == pytest.approx(3812.06, abs=0.005)


def test_locality_forecast_sums_to_household_forecast(k):
    e = k.electricity_tariffs
    homes = {y: sum(v for g, v in groups.items() if g in e.household_groups) / 1000 for y, groups in e.consumption_kwh.items()}
    fut = trend.linear_forecast(homes, range(2015, 2031), e.forecast.window).values
    series = {2014: homes[2014], **fut}
    d = k.demography
    pop = trend.forecast(trend.fit_linear_trend(d.population_bdl, d.forecast.window), YEARS).values
    loc_pop = trend.scale_localities(k.localities.by_year(2014), 2014, pop)
    per_loc = electricity_survey.locality_forecast_mwh(loc_pop, series)
    assert per_loc["Knyszyn"][2014] == pytest.approx(2209.67, abs=0.006)                  # = Tabela 9, not Tabela 16
    for y in YEARS:
        assert sum(v[y] for v in per_loc.values()) == pytest.approx(series[y], rel=1e-9)


def test_street_lighting(k):
    s = k.street_lighting
    p = lighting.installed_power_kw({g.power_w: g.count for g in s.luminaires}, s.ballast_factor)
    assert p == pytest.approx(34.5)
    assert abs(lighting.annual_energy_mwh(s.monthly_mwh) - s.reported_annual_mwh) <= 0.05          # Tabela 11
    per_km = lighting.energy_per_km_kwh(s.reported_annual_mwh, s.lit_road_km_variants)
    assert per_km[15] == pytest.approx(188350 / 15) and per_km[60] == pytest.approx(188350 / 60)
    assert k.param("burn_hours_day_zone") + k.param("burn_hours_night_zone") == k.param("burn_hours_total") == 4087
    assert k.param("burn_hours_night_full_power") + k.param("burn_hours_night_reduced_power") == k.param("burn_hours_night_zone")
    red = lighting.reduced_power_energy(p, s.reduced_power_share, k.param("burn_hours_day_zone"),
                                        k.param("burn_hours_night_full_power"), k.param("burn_hours_night_reduced_power"))
    full = lighting.zone_energy(p, k.param("burn_hours_day_zone"), k.param("burn_hours_night_zone"))
    assert full.total_kwh - red.total_kwh == pytest.approx(34.5 * 0.5 * 1460)
    tab12 = {t.name: lighting.power_per_km_w(t.lamps_per_km, t.lamp_power_w) for t in s.technologies}
    assert tab12["Lampy żarowo-rtęciowe"] == 8000 and tab12["Lampy LED"] == 1100


# --- municipal buildings -----------------------------------------------------------------------------------------

TABELA13 = {  # kWh/m², 2012, 2013, 2014
    "um": (28.70, 26.85, 29.70), "zso": (60.48, 40.90, 53.77), "zs_kalinowka": (44.15, 41.00, 56.32),
    "przedszkole": (189.46, 126.25, 153.85), "spzoz": (17.20, 17.41, 18.09), "wodociagi": (210.75, 414.61, 343.00),
    "oczyszczalnia": (622.33, 646.58, 629.03), "szkolna5": (4.19, 4.49, 4.72), "szkolna7": (3.35, 3.22, 3.33),
    "legionowa8": (14.78, 13.46, 11.32), "garaz": (363.36, 157.04, 113.44),
}
TABELA21 = {"um": 1349.02, "zso": 1144.82, "zs_kalinowka": 741.19, "przedszkole": 122.13, "spzoz": 3924.18,
            "wodociagi": 62.10, "szkolna5": 391.23, "szkolna7": 1521.24, "legionowa8": 611.48, "osp_knyszyn": 107.64}


def municipal_lhv(k) -> dict[str, float]:
    return {"oil_l": k.param("lhv_heating_oil") / 1000, "coal_t": k.param("lhv_coal"), "wood_mp": k.param("lhv_wood")}


def test_tabela13_per_m2(k):
    checked = 0
    for b in k.municipal_buildings.buildings:
        if b.id in TABELA13:
            for year, published in zip((2012, 2013, 2014), TABELA13[b.id]):
                assert abs(municipal.specific_kwh_m2(b.electricity_kwh[year], b.heated_area_m2) - published) <= 0.005, (b.id, year)
                checked += 1
    assert checked == 33
    totals = {y: sum(b.electricity_kwh.get(y, 0) for b in k.municipal_buildings.buildings) for y in (2012, 2013, 2014)}
    assert totals == {2012: 539316, 2013: 520120, 2014: 561623}                                   # Tabela 13, Razem


def test_buildings_above_lighting_reference(k):
    ref = {b.id: municipal.reference_kwh_m2(k.row("reference_lighting_power")[b.reference],
                                            k.row("reference_lighting_hours")[b.reference])
           for b in k.municipal_buildings.buildings if b.reference}
    spec = {b.id: municipal.specific_kwh_m2(b.electricity_kwh[2014], b.heated_area_m2)
            for b in k.municipal_buildings.buildings if b.id in ref}
    above = {c.name for c in municipal.compare_to_reference(spec, ref) if c.above_reference}
    assert above == {"zso", "zs_kalinowka", "przedszkole"}                         # rozdz. 2.2.2, the three named


def test_tabela21_and_tabela22_municipal(k):
    season = k.municipal_buildings.balance_season
    lhv = municipal_lhv(k)
    for b in k.municipal_buildings.buildings:
        if b.id in TABELA21:
            q = b.fuel_seasons[season].model_dump()
            assert abs(municipal.fuel_energy_gj(q, lhv) - TABELA21[b.id]) <= 0.006, b.id
    sums = {f: sum(getattr(b.fuel_seasons[season], f) for b in k.municipal_buildings.buildings if season in b.fuel_seasons)
            for f in ("coal_t", "wood_mp", "oil_l")}
    assert sums == pytest.approx({"coal_t": 230.85, "wood_mp": 503.1, "oil_l": 34952})            # Tabela 22
    m = k.fuels.sectors["municipal"]                                    # fuels.yaml agrees with the buildings file
    assert (m["coal"], m["wood"], m["heating_oil"]) == pytest.approx((sums["coal_t"], sums["wood_mp"], sums["oil_l"]))
    assert balance(k).by_sector_gj["municipal"] == pytest.approx(9975.03, abs=0.005)             # Tabela 23


def test_municipal_thermo_candidates(k):
    lhv = municipal_lhv(k)
    mb = {b.id: b for b in k.municipal_buildings.buildings}
    wod = municipal.fuel_energy_gj(mb["wodociagi"].fuel_seasons["2013/2014"].model_dump(), lhv)
    assert municipal.thermo_saving_gj(wod, k.municipal_buildings.thermo_modernisation.minimum_saving_pct) == pytest.approx(15.53, abs=0.0051)


# --- fuel balance, emissions, ash -----------------------------------------------------------------------------

def test_household_balance_reproduces_tabela23(k):
    hh = balance(k).energy_gj["households"]
    published = {"coal": 40993, "wood": 108393, "pellets": 542.926, "coal_fines": 381.556, "heating_oil": 2976.7,
                 "lpg_cylinder": 3060.93}
    for fuel, value in published.items():
        assert abs(hh[fuel] - value) <= 0.5, fuel
    assert balance(k).total_gj == pytest.approx(166323, abs=1)                     # Tabela 23 RAZEM łącznie


def test_renewable_split_with_each_fuel_in_its_column(k):
    b = balance(k)
    split = fuel_balance.renewable_split(b.by_fuel_gj, k.fuels.renewable_fuels, k.fuels.electricity.consumption_mwh,
                                         k.row("res_share_grid_electricity")[2014])
    assert split.electricity_gj == pytest.approx(26248, abs=0.5)                   # Tabela 25
    assert split.electricity_renewable_gj == pytest.approx(3199.7, abs=0.05)
    assert split.total_gj == pytest.approx(192572, abs=1)
    # hand: renewable = 3 199,68 + 108 393,48 + 542,925 (households) + 3 924,18 (municipal wood) = 116 060,3 GJ
    assert split.renewable_gj == pytest.approx(3199.68 + 108393.48 + 542.925 + 3924.18, abs=0.1)
    assert split.renewable_pct == pytest.approx(100 * 116060.27 / 192571.96, abs=0.01)


def test_emissions_from_content(k):
    rows = factor_rows(k)
    biogenic = {k.fuels.emission_rows[f] for f in k.fuels.renewable_fuels}
    assert biogenic == {"biomass"}
    mun = emissions_fuel.emissions_by_fuel(energy_by_row(k, "municipal"), rows, biogenic)
    for p, v in {"so2": 3.106, "nox": 0.741, "tsp": 0.765, "co": 22.459, "co2": 443.024}.items():   # Tabela 34 coal
        assert close(mun.by_fuel_t["coal"][p], v), p
    assert close(mun.by_fuel_t["oil"]["co2"], 93.294)
    assert mun.by_fuel_t["biomass"]["co2"] == 0
    hh = emissions_fuel.emissions_by_fuel(energy_by_row(k, "households"), rows, biogenic)
    assert close(hh.by_fuel_t["oil"]["co2"], 218.28) and close(hh.by_fuel_t["lpg"]["co2"], 195.90)   # Tabela 33
    assert hh.totals_t["co2"] == pytest.approx(sum(hh.by_fuel_t[r]["co2"] for r in ("coal", "oil", "lpg")))
    # CO₂ of coal incl. coal fines: (40 993,04 + 381,56) GJ × 92,71 kg/GJ
    assert hh.by_fuel_t["coal"]["co2"] == pytest.approx((40993.038 + 381.557) * 0.09271, rel=1e-6)


def test_ash_from_content(k):
    hh, mu = k.fuels.sectors["households"], k.fuels.sectors["municipal"]
    dens, wood_pct = k.param("wood_density"), k.param("ash_content_wood")
    assert emissions_fuel.ash_t(emissions_fuel.mass_from_volume_t(hh["wood"], dens), wood_pct) == pytest.approx(145.914, abs=0.0005)
    assert emissions_fuel.ash_t(emissions_fuel.mass_from_volume_t(mu["wood"], dens), wood_pct) == pytest.approx(5.28255, abs=1e-5)
    coal = emissions_fuel.ash_t(hh["coal"] + hh["coal_fines"], k.param("ash_content_coal"))
    assert coal == pytest.approx((1980.34 + 18.4327) * 0.20)                       # mass × 20 %, 399,75 t
    assert coal < hh["coal"] + hh["coal_fines"]                                      # ash never exceeds the fuel


# --- survey: thermo-modernisation, boilers, new buildings ------------------------------------------------

def test_thermo_modernisation_from_survey(k, floor_forecast):
    s = k.household_survey
    area = floor_forecast.values[2014]
    tm = savings.thermo_modernisation({p: row for p, row in s.thermo_intentions_m2.items()}, s.old_periods, area,
                                      s.assumptions.specific_fuel_energy_gj_m2,
                                      getattr(s.assumptions.saving_pct, s.assumptions.saving_applied))
    assert tm.sample_total_m2 == pytest.approx(44400.7)                                             # Tabela 27
    assert tm.non_modernised_sample_m2 == pytest.approx(17932.5)                                    # Tabela 29
    assert tm.non_modernised_share_pct == pytest.approx(40.39, abs=0.005)
    assert tm.non_modernised_gmina_m2 == pytest.approx(57746.38, abs=0.05)
    # Tabela 28's own „zrobię” rows for boilers before 2001: 25 523,4 + 10 383,6 + 5 661,1
    assert tm.to_modernise_gmina_m2 == pytest.approx(25523.4 + 10383.6 + 5661.1, abs=0.2)
    col = savings.column_shares_pct(s.thermo_intentions_m2)
    assert col["do 1980"]["will"] == pytest.approx(56.7, abs=0.05)                                  # Tabela 26


def test_boiler_replacement_from_survey(k, floor_forecast):
    s = k.household_survey
    area = s.boilers.area_m2
    old_area = sum(sum(area[p].values()) for p in s.old_periods)
    total_area = sum(sum(r.values()) for r in area.values())
    old_share = 100 * old_area / total_area
    willing_share = 100 * sum(area[p]["will"] for p in s.old_periods) / old_area
    count = s.boilers.count
    old_count = sum(sum(count[p].values()) for p in s.old_periods)
    all_count = sum(sum(r.values()) for r in count.values())
    assert old_share == pytest.approx(66.48, abs=0.005) and willing_share == pytest.approx(25.59, abs=0.005)   # Tabela 31
    assert 100 * old_count / all_count == pytest.approx(69.43396, abs=1e-5)
    br = savings.boiler_replacement(floor_forecast.values[2014], old_share, s.assumptions.specific_fuel_energy_gj_m2,
                                    willing_share, s.assumptions.boiler_efficiency_old, s.assumptions.boiler_efficiency_new)
    assert br.old_boiler_area_m2 == pytest.approx(95055, abs=0.6)
    assert br.energy_before_gj == pytest.approx(118343, abs=1)
    assert br.saving_gj == pytest.approx(118343 * 0.2559 * (1 - 0.75 / 0.9), rel=1e-3)
    willing_count = sum(count[p]["will"] for p in s.old_periods)
    n = savings.buildings_scaled(k.housing.residential_buildings.trend_from_plan.base_value, willing_count, all_count)
    assert round(n) == 253                                                                          # Tabela 31


def test_new_buildings_from_forecast(k, floor_forecast):
    nb = k.housing.new_buildings
    assert nb.area_increase == "from_forecast"
    increase = floor_forecast.values[2030] - floor_forecast.values[2014]
    assert increase == pytest.approx(165532 - 142980, abs=1)                         # Tabela 7: 22 552 m²
    heat = savings.new_buildings_heat(increase, nb.useful_heat_kwh_m2, nb.heating_efficiency)
    assert heat.useful_gj == pytest.approx(22552 * 0.432, abs=0.5)
    assert heat.final_gj == pytest.approx(22552 * 0.432 / 0.9, abs=0.5)


# --- biomass --------------------------------------------------------------------------------------------------

def test_wood_resources_from_content(k):
    bm = k.biomass
    fe = biomass.share_pct(k.param("voivodeship_energy_assortments"), k.param("voivodeship_wood_harvest"))
    fp = biomass.share_pct(k.param("voivodeship_industrial_roundwood"), k.param("voivodeship_wood_harvest"))
    assert bm.forest_energy_share == "computed"
    forest = biomass.forest_wood(bm.forest_ha, k.param("forest_increment"), k.param("forest_harvest_share"), fe,
                                 k.param("wood_bulk_density"))
    assert close(forest.volume_m3, 1540.71) and close(forest.mass_t, 1494.49)                       # Tabela 38
    published = biomass.forest_wood(bm.forest_ha, k.param("forest_increment"), k.param("forest_harvest_share"),
                                    k.param("published_energy_share"), k.param("wood_bulk_density"))
    assert published.volume_m3 == pytest.approx(1540.71, abs=0.005)
    res = biomass.processing_residues(bm.forest_ha, k.param("forest_increment"), k.param("forest_harvest_share"), fp,
                                      k.param("processing_residue_share"), k.param("chip_bulk_density"))
    assert close(res.volume_m3, 3041.23) and close(res.mass_t, 912.37)                               # Tabela 39
    orchard = biomass.orchard_wood(k.agriculture.orchard_ha, k.param("orchard_residue"), k.param("chip_bulk_density"))
    assert orchard.volume_m3 == pytest.approx(2.45) and orchard.mass_t == pytest.approx(0.735)       # Tabela 40
    road = biomass.roadside_wood(bm.road_km, k.param("roadside_wood"), k.param("roadside_tree_cover"), k.param("chip_bulk_density"))
    assert road.mass_t == pytest.approx(43.983, abs=0.0005) and road.volume_m3 == pytest.approx(146.61, abs=0.005)  # Tabela 41


def straw_inputs(k):
    a = k.agriculture
    yields, ratios = k.row("grain_yield"), k.row("straw_to_grain_ratio")
    crops = [{"area_ha": a.crops_ha[c], "yield_t_ha": yields[c], "straw_ratio": ratios[c]} for c in a.straw_crops]
    herd = [{"count": n, "feed_t": k.row("straw_feed_per_head")[s], "bedding_t": k.row("straw_bedding_per_head")[s],
             "manure_t": k.row("manure_per_head")[s]} for s, n in a.livestock.items()]
    return crops, herd


def test_straw_balance_from_content(k):
    crops, herd = straw_inputs(k)
    production = biomass.straw_production_t(crops)
    assert production == pytest.approx(32.78, abs=0.005)                                             # Tabela 42
    ls = biomass.livestock_straw(herd)
    assert (ls.feed_t, ls.bedding_t, ls.manure_t) == pytest.approx((3708.6, 5129.8, 12088.9), abs=0.005)   # Tabela 43
    s = biomass.organic_matter_balance_t(k.agriculture.crops_ha, k.row("organic_matter_coefficient"), ls.manure_t)
    assert s == pytest.approx(12050.03, abs=0.005)                                                  # Tabela 44 saldo
    plough = biomass.straw_for_ploughing_t(s, k.param("straw_per_organic_matter_deficit"))
    surplus = biomass.straw_surplus(production, ls.bedding_t, ls.feed_t, plough)
    assert plough == 0 and surplus.surplus_t == 0 and surplus.clamped == "zero"
    assert surplus.unclamped_t == pytest.approx(32.78 - 5129.8 - 3708.6, abs=0.005)


def test_hay_crops_grain_biogas_biodiesel_from_content(k):
    a = k.agriculture
    assert biomass.hay_t(a.meadow_ha, k.param("hay_energy_use"), k.param("hay_yield")) == pytest.approx(1402.48, abs=0.005)
    classes = {r.class_: r.ha for r in a.soil_classes.arable}
    gross = biomass.marginal_land_ha(classes, a.marginal_arable_classes)
    net = biomass.marginal_land_ha(classes, a.marginal_arable_classes, a.protected_area_ha)
    assert (gross, net) == pytest.approx((2590, 2460.2))
    use, y = k.param("energy_crop_land_use"), k.param("energy_crop_yield")
    assert biomass.energy_crops_t(a.energy_plantations_ha, gross, use, y) == pytest.approx(2408.70, abs=0.005)   # Tabela 47
    assert biomass.energy_crops_t(a.energy_plantations_ha, net, use, y) == pytest.approx(2287.99, abs=0.005)
    assert biomass.grain_t(gross, k.param("grain_land_use"), k.param("grain_energy_yield")) == pytest.approx(362.60, abs=0.005)
    ch4 = biomass.wastewater_methane_m3(k.biomass.wastewater_m3, k.param("sludge_dry_organic"), k.param("sludge_methane_yield"))
    assert ch4 == pytest.approx(4950)                                                                # Tabela 49
    bd = biomass.biodiesel(a.rapeseed_ha, k.param("rapeseed_yield"), k.param("rapeseed_energy_use"),
                           k.param("biodiesel_yield"), k.param("biodiesel_density"))
    assert bd.mass_t == 0 and bd.volume_m3 == 0                                                       # Tabela 50
    for source in (k.biomass.landfill, k.biomass.agricultural_biogas, k.biomass.agro_food_biogas):
        assert not source.available and source.reason                  # the document says why, not a row of zeros


def test_tabela51_dry_matter_rows_from_content_masses(k):
    moist, lhv = k.row("biomass_moisture"), k.row("lhv_dry_biomass")
    eff = k.param("biomass_boiler_efficiency")
    rows = {"forest_wood": (1494.488, 13988.41), "processing_residues": (912.37, 11101.69),
            "orchard_wood": (0.735, 8.94348), "roadside_wood": (43.983, 535.1851), "energy_crops": (2287.986, 41183.75),
            "grain": (362.6, 5903.128)}
    for name, (mass, published) in rows.items():
        e = biomass.biomass_energy(mass, moist[name], lhv[name], eff, basis="dry_matter")
        assert close(e.energy_gj, published, 0.01), name
        assert close(e.technical_gj, published * 0.8, 0.01), name


# --- solar, wind, costs ------------------------------------------------------------------------------------

def test_solar_and_wind_from_content(k):
    so = k.solar_wind.solar
    pot = solar_wind.solar_collectors(so.dwellings, so.suitable_pct, so.persons_per_dwelling,
                                      k.param("collector_area_per_person"), so.irradiation_kwh_m2, k.param("collector_efficiency"))
    assert close(pot.incident_gj, 17793.72) and close(pot.incident_mwh, 4940)                          # Tabela 52
    assert pot.useful_gj == pytest.approx(17793.72 * 0.6, rel=0.005)
    wi = k.solar_wind.wind
    w = solar_wind.wind_energy(k.param("rotor_blade_length"), k.param("air_density"), wi.mean_speed_m_s,
                               k.param("wind_conversion_efficiency"), k.param("wind_full_load_hours"), 1,
                               k.param("wind_speed_threshold"))
    assert w.below_threshold and w.energy_mwh == 0                                                     # rozdz. 5.3


def test_tabela54_from_content(k):
    hc = k.heat_costs
    q = costs.annual_heat_gj(hc.source_power_kw, hc.full_load_hours)
    assert q == pytest.approx(135)
    published = {"lpg": 129.53, "heating_oil": 106.57, "wood": 33.65, "wood_briquette": 39.75}
    result = {c.id: costs.heat_cost(q, c.efficiency, fuel_balance.gj_per_unit(c.lhv, c.lhv_unit), c.price_pln)
              for c in hc.carriers}
    for cid, value in published.items():
        assert close(result[cid].cost_pln_per_gj, value, 0.05), cid
    assert result["electricity"].fuel_units == pytest.approx(38667, rel=0.0005)


def test_tabela35_totals_except_co2(k):
    # Tabela 35 (households + municipal, 2014): SO₂ 31,429; NOₓ 17,325; TSP 11,329; CO 488,376 t/rok. Our balance keeps
    # every fuel in its column (Tabela 23's shift moves coal into wood); the non-CO₂ totals still agree within 0,5 %.
    rows = factor_rows(k)
    totals: dict[str, float] = {}
    for sector in ("households", "municipal"):
        em = emissions_fuel.emissions_by_fuel(energy_by_row(k, sector), rows, ["biomass"])
        for p, v in em.totals_t.items():
            totals[p] = totals.get(p, 0.0) + v
    for p, published in {"so2": 31.429, "nox": 17.325, "tsp": 11.329, "co": 488.376}.items():
        assert close(totals[p], published), p
    # CO₂ is the exception (biogenic CO₂ = 0 here): fossil fuels only, see test_knyszyn_discrepancies
    assert totals["co2"] < 17184.396 / 3
