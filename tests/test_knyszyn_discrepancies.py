# mypy: disable-error-code="union-attr,var-annotated"
"""Published values of the Knyszyn plan (2015) that contradict the plan's own inputs or statements.

Our calculators give the consistent value; each test names the published value that is wrong, says why, and
asserts that it differs from ours by the explained amount (the explanation is hand arithmetic on the plan's
printed numbers, written out in the test).
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
T2 = {1995: 5233, 1996: 5221, 1997: 5207, 1998: 5195, 1999: 5111, 2000: 5095, 2001: 5041, 2002: 5011, 2003: 4966,
      2004: 4966, 2005: 4954, 2006: 4922, 2007: 4867, 2008: 4840, 2009: 4817, 2010: 4983, 2011: 4945, 2012: 4908,
      2013: 4892}
G = {2012: 3913.541, 2013: 3833.299, 2014: 3812.062}          # Tabela 17, taryfa G [MWh]
TOTAL = {2012: 7179.639, 2013: 6578.863, 2014: 7291.233}      # Tabela 17, razem [MWh]


@pytest.fixture(scope="module")
def k(knyszyn_content):
    return knyszyn_content


# --- renewable resources ---------------------------------------------------------------------------------

def test_tabela52_does_not_apply_collector_efficiency():
    # Rozdz. 5.2 assumes evacuated-tube collectors with 60 % efficiency; Tabela 52 prints 4,94 GWh = 17 793,72 GJ,
    # which is the incident radiation 1 098,4 × 3 × 1,5 m² × 1 000 kWh/m² — the 60 % is never applied.
    ours = solar_wind.solar_collectors(1373, 80, 3, 1.5, 1000, 0.6).useful_gj
    published = 17793.72
    assert ours == pytest.approx(published * 0.6, rel=1e-4)
    assert published - ours == pytest.approx(0.4 * 17793.72, rel=1e-4)        # 7 117,5 GJ/rok too much


def test_tabela44_straw_surplus_exceeds_straw_produced():
    # Tabela 42: 32,78 t of straw produced. Tabela 43: livestock need 5 129,8 t (bedding) + 3 708,6 t (feed).
    # Tabela 44: the organic-matter balance is POSITIVE (+12 050,03 t), so no straw need be ploughed in; the plan
    # instead prints a negative ploughing demand −18 557,05 t (= −1,54 × 12 050,03) and subtracts it, getting
    # 9 751,43 t „słoma na cele energetyczne” — 297 times the straw that exists. A surplus lies in 0..production.
    published = 9751.43
    assert published == pytest.approx(32.78 - (5129.8 + 3708.6 + (-1.54 * 12050.03)), abs=0.01)
    assert published > 32.78
    ploughing = biomass.straw_for_ploughing_t(12050.03, 1.54)
    ours = biomass.straw_surplus(32.78, 5129.8, 3708.6, ploughing)
    assert ours.surplus_t == 0 and ours.clamped == "zero"
    assert published - ours.surplus_t == pytest.approx(9751.43)
    # Tabela 51 carries the 9 751,43 t on: 112 017 GJ of the 189 415 GJ technical potential (59 %) is this straw
    assert 112017 / 189415 > 0.59


def test_tabela51_hay_dry_matter_not_reduced():
    # Tabela 51: hay 1 402,48 t at 16 % moisture, „t s.m.” 1 402,48 (not reduced), energy 1 402,48 × 17,1 = 23 982,35 GJ.
    published_energy = 23982.35
    ours = biomass.biomass_energy(1402.48, 16, 17.1, 0.8, basis="dry_matter")
    assert ours.dry_t == pytest.approx(1402.48 * 0.84)
    assert published_energy - ours.energy_gj == pytest.approx(1402.48 * 0.16 * 17.1, abs=0.1)    # 3 837,2 GJ


def test_tabela51_treats_biomethane_as_biogas_and_misapplies_chp():
    # Tabela 49 computes 4 950 m³ of METHANE (W_CH in m³ CH₄/kg s.m.o., „potencjał biometanu”); Tabela 51 calls it
    # biogas with 50 % methane → 2 475 m³ → 89,1 GJ, and takes 35,64 GJ = 0,40 × 89,1 as technical potential.
    # Rozdz. 5.1.7: CHP 35 % electricity + 55 % heat, 60 % of the HEAT for the digesters → 0,35 + 0,55 × 0,4 = 0,57.
    ours = biomass.biogas_chp(4950, 36, 0.35, 0.55, 0.6)
    assert ours.energy_gj == pytest.approx(2 * 89.1)
    assert 35.64 == pytest.approx(0.40 * 89.1)
    assert ours.technical_gj == pytest.approx(4950 * 36 / 1000 * 0.57)
    assert ours.technical_gj - 35.64 == pytest.approx(178.2 * 0.57 - 89.1 * 0.40, abs=1e-6)        # 65,93 GJ


def test_tabela51_omits_the_evaporation_term_of_its_moisture_formula():
    # Rozdz. 5.1.7 gives Q_r = Q_d(100 − W)/100 − 2,442·W/100 for biomass given as fresh mass (wood, straw, hay);
    # Tabela 51 multiplies dry matter by the dry calorific value, i.e. drops the −2,442·W/100 term.
    published = 13988.41                                                   # forest wood, Tabela 51
    ours = biomass.biomass_energy(1494.488, 50, 18.72, 0.8)                 # as received
    assert published - ours.energy_gj == pytest.approx(1494.488 * 2.442 * 0.50, abs=0.05)        # 1 824,77 GJ


def test_tabela51_total_without_the_straw(k):
    # On the plan's own dry-matter basis, the consistent inventory (straw 0 t, hay dry matter reduced, biomethane
    # 4 950 m³ in CHP) is the published 189 415 GJ less the straw 112 017 GJ, less the hay excess
    # 19 185,9 − 16 116,2 GJ, plus the biogas shortfall 101,57 − 35,64 GJ.
    moist, lhv = k.row("biomass_moisture"), k.row("lhv_dry_biomass")
    masses = {"forest_wood": 1494.488, "processing_residues": 912.37, "orchard_wood": 0.735, "roadside_wood": 43.983,
              "straw": 0.0, "hay": 1402.48, "energy_crops": 2287.986, "grain": 362.6}
    solid = sum(biomass.biomass_energy(m, moist[s], lhv[s], 0.8, basis="dry_matter").technical_gj for s, m in masses.items())
    ours = solid + biomass.biogas_chp(4950, 36, 0.35, 0.55, 0.6).technical_gj
    explained = 189415.39 - 112016.64 - (19185.88 - 1402.48 * 0.84 * 17.1 * 0.8) + (178.2 * 0.57 - 35.64)
    assert ours == pytest.approx(explained, rel=1e-4)
    assert 189415 - ours > 110000


def test_forest_industrial_share_not_its_inputs():
    # Tabela 39 states F_p = 90,8 % „dla województwa” from 1 672 300 / 1 838 577 m³ = 90,96 % (rounded: 91,0).
    fp = biomass.share_pct(1672300, 1838577)
    assert fp == pytest.approx(90.956, abs=0.001)
    published = biomass.processing_residues(4229, 7.2, 55, 90.8, 0.2, 0.3).volume_m3            # 3 041,23 m³
    ours = biomass.processing_residues(4229, 7.2, 55, fp, 0.2, 0.3).volume_m3
    assert ours - published == pytest.approx(4229 * 7.2 * 0.55 * (fp - 90.8) / 100 * 0.2, abs=1e-6)   # +5,2 m³


def test_marginal_land_text_and_biodiesel_formula():
    # Text of rozdz. 5.1.4: „gleby marginalne ... ok. 2 690 ha”; Tabela 46 classes V + VI + VIz = 2 590 ha (Tabela 47 uses 2 590).
    assert biomass.marginal_land_ha({"V": 1602, "VI": 903, "VIz": 85}, ["V", "VI", "VIz"]) == 2590
    # Rozdz. 5.1.6: „B_d = A·Y·0,55·0,31·0,88 [m³]” multiplies by the density 0,88 t/m³; volume = mass / density.
    # (No effect for Knyszyn: 0 ha of rapeseed.) For 10 ha the plan's formula gives 3,451 m³ instead of 4,456 m³.
    ours = biomass.biodiesel(10, 2.3, 55, 0.31, 0.88)
    assert ours.volume_m3 - 10 * 2.3 * 0.55 * 0.31 * 0.88 == pytest.approx(3.9215 / 0.88 - 3.9215 * 0.88, abs=1e-9)


def test_crop_areas_implausibly_small():
    # Not provable from the plan, but flagged: Tabela 42/44 sow 17,36 ha in a gmina with 4 359 ha of arable land
    # (Tabela 46) and 12 900 head of livestock — 0,4 %. The straw and organic-matter balances rest on these areas.
    assert 17.36 / 4359 < 0.005


# --- emissions and ash --------------------------------------------------------------------------------------

def test_tabela33_counts_biomass_co2_its_footnote_sets_to_zero(k):
    # Footnote * of Tabela 32: CO₂ from biomass = 0. Tabela 33 nevertheless prints 11 948,87 t CO₂ for wood and
    # pellets and a household total of 16 211,84 t; Tabela 35 carries 17 184,40 t (with 436,24 t from municipal wood).
    rows = {"biomass": {"co2": 109760}, "coal": {"co2": 92710}, "oil": {"co2": 73330}, "lpg": {"co2": 64000}}
    gj = fuel_balance.fuel_balance(k.fuels.sectors, {"coal": 20.7, "coal_fines": 20.7, "wood": 7.8, "pellets": 18,
                                                     "heating_oil": 0.0364, "lpg_cylinder": 0.506}).energy_gj
    def by_row(sector):
        out = {}
        for fuel, v in gj[sector].items():
            out[k.fuels.emission_rows[fuel]] = out.get(k.fuels.emission_rows[fuel], 0) + v
        return out
    hh = emissions_fuel.emissions_by_fuel(by_row("households"), rows, ["biomass"])
    mu = emissions_fuel.emissions_by_fuel(by_row("municipal"), rows, ["biomass"])
    assert hh.by_fuel_t["biomass"]["co2"] == 0
    # the published surplus over ours is the biomass CO₂ (± 0,5 %: the plan's coal column implies 41 087 GJ and
    # an „inne paliwa” column of 39,56 t that Tabela 23 does not have)
    assert 16211.84 - hh.totals_t["co2"] == pytest.approx(11948.87, rel=0.005)
    assert 17184.396 - (hh.totals_t["co2"] + mu.totals_t["co2"]) == pytest.approx(11948.87 + 436.240, rel=0.005)
    assert hh.biogenic_co2_memo_t["biomass"] == pytest.approx(11948.87, rel=0.005)


def test_tabela34_wood_energy_not_traceable():
    # Tabela 34 municipal wood: 436,240 t CO₂ / 109,76 kg/GJ = 3 974,5 GJ, and CO 9,539 t / 2 400 g/GJ = 3 974,6 GJ,
    # while Tabele 21 and 23 give 503,1 mp × 7,8 = 3 924,18 GJ (−1,3 %). Ours follows Tabela 21.
    assert 436.240 / 0.10976 == pytest.approx(3974.5, abs=0.1)
    ours = municipal.fuel_energy_gj({"wood": 503.1}, {"wood": 7.8})
    assert (436.240 / 0.10976 - ours) / ours == pytest.approx(0.0128, abs=0.0005)


def test_tabela37_coal_ash_computed_from_energy_not_mass(k):
    # Tabela 37 households coal: 8 217,5032 t of ash = 20 % × 41 087,5 GJ — the ENERGY of the coal, not its mass
    # (1 980,34 t + 18,43 t of fines). Ash cannot exceed the fuel burned.
    published = 8217.5032
    assert published == pytest.approx(0.20 * 41087.516, abs=0.001)
    hh = k.fuels.sectors["households"]
    mass = hh["coal"] + hh["coal_fines"]
    ours = emissions_fuel.ash_t(mass, 20)
    assert published > mass > ours
    assert published - ours == pytest.approx(0.20 * (41087.516 - mass), abs=0.001)


def test_tabela37_pellet_ash_ten_times_and_town_hall_missing(k):
    # Pellets: 2,111378 t = 30,1625 t × 7 %, while Tabela 36 gives 0,4–1 % (0,7 % → 0,2111 t): a factor 10.
    assert 2.111378 == pytest.approx(30.1625 * 0.07, abs=1e-5)
    ours = emissions_fuel.ash_t(30.1625, k.param("ash_content_pellets"))
    assert 2.111378 / ours == pytest.approx(10, rel=1e-4)
    # Municipal coal: 33,136 t = 20 % × 165,68 t = 230,85 t less the 65,17 t of the Urząd Miejski.
    ours_municipal = emissions_fuel.ash_t(230.85, 20)
    assert ours_municipal - 33.136 == pytest.approx(0.20 * 65.17, abs=1e-6)


# --- fuel balance -------------------------------------------------------------------------------------------

def test_tabela23_shifts_municipal_coal_into_wood(k):
    # Tabela 22 municipal: 230,85 t coal, 503,1 m³ wood, 34 952 l oil. Tabela 23 prints the municipal row as
    # węgiel 0, drewno 4 778,6 (= 230,85 × 20,7, i.e. the coal), pelety 3 924,18 (= 503,1 × 7,8, the wood).
    # So 4 778,6 GJ of coal is counted as renewable wood in Tabela 23 and in Tabela 25's split.
    assert 4778.6 == pytest.approx(230.85 * 20.7, abs=0.01) and 3924.18 == pytest.approx(503.1 * 7.8, abs=0.01)
    published_res_pct, published_conv_pct = 62.75, 37.25
    b = fuel_balance.fuel_balance(k.fuels.sectors, {"coal": 20.7, "coal_fines": 20.7, "wood": 7.8, "pellets": 18,
                                                    "heating_oil": 0.0364, "lpg_cylinder": 0.506})
    ours = fuel_balance.renewable_split(b.by_fuel_gj, ["wood", "pellets"], 7291.233, 12.19)
    assert ours.total_gj == pytest.approx(192572, abs=1)                                 # same total as Tabela 25
    assert published_res_pct - ours.renewable_pct == pytest.approx(100 * 4778.6 / 192572, abs=0.01)   # 2,48 pp
    assert ours.conventional_pct - published_conv_pct == pytest.approx(100 * 4778.6 / 192572, abs=0.01)


def test_conclusions_swap_renewable_and_conventional():
    # „Wnioski i zalecenia” pkt 3: „energia odnawialna to ok. 37% całej energii”; Tabela 25 and rozdz. 3.3:
    # 37,25 % is the CONVENTIONAL share, renewable 62,75 % (and 60,27 % once Tabela 23 is corrected).
    split = fuel_balance.renewable_split({"coal": 40993, "wood": 113172, "pellets": 4467.11, "coal_fines": 381.556,
                                          "heating_oil": 4248.95, "lpg_cylinder": 3060.93}, ["wood", "pellets"], 7291.23, 12.19)
    assert round(split.conventional_pct) == 37 and round(split.renewable_pct) == 63


def test_tabela21_total_omits_the_town_hall(k):
    # Tabela 21 „PODSUMOWANIE” 8 626,01 GJ on 9 790,47 m² leaves out the first row (Urząd Miejski, 1 349,02 GJ,
    # 1 700 m²); Tabela 23 has the full 9 975,03 GJ. The text quotes a maximum of 1,78 GJ/m², the table's is 1,73.
    lhv = {"oil_l": 0.0364, "coal_t": 20.7, "wood_mp": 7.8}
    ours = sum(municipal.fuel_energy_gj(b.fuel_seasons["2013/2014"].model_dump(), lhv)
               for b in k.municipal_buildings.buildings if "2013/2014" in b.fuel_seasons)
    assert ours - 8626.01 == pytest.approx(1349.02, abs=0.01)
    area = sum(b.heated_area_m2 or 0 for b in k.municipal_buildings.buildings)
    assert area - 9790.47 == pytest.approx(1700, abs=0.01)
    assert max(municipal.heat_indicator_gj_m2(611.48, 353.82), municipal.heat_indicator_gj_m2(3924.18, 3535)) < 1.78 - 0.04


def test_tabela13_total_area_misses_a_building(k):
    # Tabela 13 „Razem” 11 210 m²; the listed areas (Tabela 8) sum to 11 490,47 m² — one 280 m² building is missing.
    area = sum(b.heated_area_m2 or 0 for b in k.municipal_buildings.buildings)
    assert area == pytest.approx(11490.47)
    assert area - 11210 == pytest.approx(280.2, abs=0.5)


def test_municipal_thermo_savings_do_not_add_up():
    # Rozdz. 3.6: Wodociągi ≥ 15,53 GJ/rok (25 % of 62,10 GJ — right) and SPZOZ ≥ 1 742 GJ/rok, total „1 795,53”.
    # 15,53 + 1 742 = 1 757,53, and 25 % of SPZOZ's 3 924,18 GJ (Tabela 21) is 981,05 GJ.
    assert 15.53 + 1742 != pytest.approx(1795.53, abs=1)
    ours = municipal.thermo_saving_gj(62.10, 25) + municipal.thermo_saving_gj(3924.18, 25)
    assert 1795.53 - ours == pytest.approx(1795.53 - 0.25 * (62.10 + 3924.18), abs=0.001)   # 798,96 GJ


# --- survey savings, new buildings ----------------------------------------------------------------------

def test_tabela29_applies_the_sample_share_twice():
    # Tabela 29: non-modernised area in the gmina 57 746,38 m² (40,39 % of 142 979,5), then × 29,07 % = 16 788 m².
    # 29,07 % = 12 908,5 / 44 400,7 is the „zrobię” share of the WHOLE sample; among the non-modernised
    # 17 932,5 m² it is 12 908,5 / 17 932,5 = 71,98 %. Tabela 28 itself gives 25 523,4 + 10 383,6 + 5 661,1 = 41 568,1 m².
    assert 12908.5 / 44400.7 * 100 == pytest.approx(29.07, abs=0.005)
    assert 57746.38 * 0.2907 == pytest.approx(16788, abs=2)
    sample: dict[str, dict[str, float]] = {"do 1980": {"will": 7926, "will_not": 2937, "done": 746, "no_answer": 976},
              "1981-1990": {"will": 3224.5, "will_not": 1754, "done": 1050, "no_answer": 711.2},
              "1991-2000": {"will": 1758, "will_not": 333, "done": 2766, "no_answer": 840},
              "2001-2010": {"will": 768, "will_not": 200, "done": 10087, "no_answer": 1494},
              "po 2010": {"will": 305, "will_not": 120, "done": 6095, "no_answer": 310}}
    ours = savings.thermo_modernisation(sample, ["do 1980", "1981-1990", "1991-2000"], 142979.5, 1.245, 25)
    assert ours.to_modernise_gmina_m2 == pytest.approx(25523.4 + 10383.6 + 5661.1, abs=0.2)
    assert ours.to_modernise_gmina_m2 / 16788 == pytest.approx(17932.5 / 44400.7 / 0.2907 * 0.7198 / 0.4039, rel=0.001)
    assert ours.saving_gj - 5225.41 == pytest.approx((41568.1 - 16788.4) * 1.245 * 0.25, abs=1)   # +7 712,7 GJ/rok


def test_tabela31_subtracts_efficiencies_instead_of_dividing():
    # Tabela 31: „średnie zużycie energii po wymianie kotła 1,05825 GJ/m²” = 1,245 × (1 − (0,9 − 0,75)); for the
    # same useful heat the fuel falls with η_old/η_new: 1,245 × 0,75/0,9 = 1,0375 GJ/m². Saving 4 543 → 5 047 GJ/rok.
    assert 1.05825 == pytest.approx(1.245 * (1 - (0.90 - 0.75)))
    ours = savings.boiler_replacement(142979.5, 66.48, 1.245, 25.59, 0.75, 0.90)
    assert 1.245 * ours.specific_after_factor == pytest.approx(1.0375)
    assert 4543 == pytest.approx(118343 * 0.2559 * 0.15, abs=1)
    assert ours.saving_gj - 4543 == pytest.approx(118343 * 0.2559 * ((1 - 0.75 / 0.9) - 0.15), abs=1.5)   # ≈ 505 GJ


def test_new_buildings_area_is_not_tabela7s_increase():
    # Rozdz. 3.5: „przyrost … z 142 980 m² w 2014 roku do 165 532 m² w 2030 roku, czyli o 12 646 m²”; the two numbers
    # differ by 22 552 m². The heat (1 517,48 MWh = 5 462,94 GJ useful; 6 070 GJ final) uses 12 646 m².
    assert 165532 - 142980 == 22552
    published = 5462.94
    ours = savings.new_buildings_heat(165532 - 142980, 120, 0.9)
    assert ours.useful_gj - published == pytest.approx((22552 - 12646) * 0.432, abs=0.5)        # 4 279 GJ/rok


# --- electricity ----------------------------------------------------------------------------------------------

def test_text_per_capita_digits_transposed():
    # Rozdz. 2.1: „odbiorcy … grupy G zużywają 3,81 GWh … co oznacza zużycie … 876,64 kWh/osobę/rok”;
    # 3 812 062 kWh / 4 846 osób = 786,64 (Tabela 9 uses 786,64: 2 209,67 MWh / 2 809 osób).
    ours = electricity_survey.per_capita_kwh(3812062, 4846)
    assert ours == pytest.approx(786.64, abs=0.005)
    assert 876.64 - ours == pytest.approx(90, abs=0.01)


def test_tabela16_uses_consumption_two_years_earlier():
    # Tabela 16 „2014” Razem 3 877,8 MWh, while Tabela 9 gives 3 812,06 MWh for 2014. Every cell of Tabela 16 is
    # P_i(rok) × E_G(rok − 2) / Y(rok), Y = 5 307,5 − 20,844·(rok − 1994) (equation (1)): the 2014 column takes
    # the 2012 consumption 3 913,541 MWh. Ours keeps the year: E_i(rok) = E_G(rok) · P_i(rok) / ΣP(rok).
    published_2014 = 3877.8
    assert published_2014 == pytest.approx(3913.541 * 4846 / (5307.5 - 20.844 * 20), abs=0.05)
    ours = electricity_survey.distribute_by_population(G[2014], {"all": 4846})["all"]
    assert published_2014 - ours == pytest.approx(3913.541 * 4846 / 4890.62 - 3812.062, abs=0.05)   # 65,7 MWh
    # a forecast cell: Knyszyn 2030 = 2 558 × E_G(2028) / Y(2030), E_G(2028) = ȳ + a·(2028 − 2013), ȳ = 3 852,967, a = −50,7395
    e_2028 = 3852.9673 - 50.7395 * 15
    assert 1735.5 == pytest.approx(2558 * e_2028 / (5307.5 - 20.844 * 36), abs=0.05)
    e_2030 = trend.linear_forecast(G, [2030], (2012, 2014)).values[2030]
    ours_knyszyn = electricity_survey.locality_forecast_mwh({"Knyszyn": {2030: 2558}, "rest": {2030: 4414 - 2558}},
                                                            {2030: e_2030})["Knyszyn"][2030]
    assert 1735.5 - ours_knyszyn == pytest.approx(2558 * (e_2028 / 4557.116 - (3852.9673 - 50.7395 * 17) / 4414), abs=0.05)


def test_tabela18_step_is_a_transposed_slope():
    # Tabela 18 steps by 55,97 MWh/rok from 7 128,88 = 6 905 + 4 × 55,97; the least-squares slope over 2012–2014 is
    # (7 291,233 − 7 179,639) / 2 = 55,797 (digits 7 and 9 swapped). By 2030 the table is 19 × 0,173 ≈ 3,3 MWh high.
    assert 7128.88 == pytest.approx(6905 + 4 * 55.97, abs=0.005)
    assert 7968.43 - 7128.88 == pytest.approx(15 * 55.97, abs=0.01)
    ours = trend.linear_forecast(TOTAL, [2015, 2030], (2012, 2014))
    assert ours.trend.slope == pytest.approx((7291.233 - 7179.639) / 2)
    assert 7968.43 - ours.values[2030] == pytest.approx(19 * (55.97 - 55.797) + (6905 - 6904.984), abs=0.01)


def test_equation1_intercept_does_not_fit_tabela2():
    # Equation (1) „Y = −20,844x + 5307,5”: the slope is the least-squares slope of Tabela 2 (1995–2013, x = rok − 1994),
    # the intercept is not: ȳ + 20,8439·x̄ = 95 174/19 + 208,44 = 5 217,60. The gap, 89,9 persons, is 4,31 years
    # of slope — not a shift of the x origin. (Tabela 16 evaluates the printed 5 307,5.)
    ours = trend.fit_linear_trend(T2, (1995, 2013))
    assert ours.intercept == pytest.approx(95174 / 19 + 20.843860 * 10, abs=0.01)
    gap = 5307.5 - ours.intercept
    assert gap == pytest.approx(89.90, abs=0.01)
    assert abs(gap / 20.844 - round(gap / 20.844)) > 0.25


def test_tabela4_is_not_equation1():
    # Rozdz. 1.2 says the locality forecast (Tabela 4) uses the gmina trend equation. Tabela 4 instead falls by a
    # constant 0,5825 %/rok: every locality and the total equal P(2014) × 0,994175^(rok − 2014), 4 846 → 4 414 in 2030.
    # Equation (1) as printed gives 4 846 × Y(2030)/Y(2014) = 4 846 × 4 557,12 / 4 890,62 = 4 515,5; our fit 4 509,4.
    assert 4846 * 0.994175 ** 16 == pytest.approx(4414, abs=0.5)
    assert 2809 * 0.994175 ** 16 == pytest.approx(2558, abs=0.5)
    assert 4846 * (5307.5 - 20.844 * 36) / (5307.5 - 20.844 * 20) == pytest.approx(4515.5, abs=0.05)
    t = trend.fit_linear_trend(T2, (1995, 2013))
    ours = trend.scale_localities({"gmina": 4846}, 2014, trend.forecast(t, [2014, 2030]).values)["gmina"][2030]
    assert ours - 4414 == pytest.approx(4846 * (t.value(2030) / t.value(2014) - 0.994175 ** 16), abs=0.5)   # ≈ 95 persons


# --- lighting, costs ----------------------------------------------------------------------------------------

def test_street_lighting_power_is_not_its_lamps():
    # Rozdz. 2.2.1: 400 × 70 W + 20 × 100 W + 30 × 150 W, „łączną moc … oszacowano na 39,2 kW”. The lamps give
    # 34,5 kW; 39,2 kW implies 13,6 % gear losses the plan does not state. Either way 188,35 MWh means
    # 4 805 h (39,2 kW) or 5 459 h (34,5 kW) a year, more than the 4 087 h of burn time the plan assumes.
    ours = lighting.installed_power_kw({70: 400, 100: 20, 150: 30})
    assert 39.2 - ours == pytest.approx(4.7)
    assert 39.2 / ours == pytest.approx(1.136, abs=0.001)
    assert lighting.equivalent_hours(188350, 39.2) > 4087 and lighting.equivalent_hours(188350, ours) > 4087


def test_tabela12_sodium_power_per_km():
    # Tabela 12: 22 high-pressure sodium (and ceramic metal-halide) lamps of 70 W per km → „1 550 W/km”; 22 × 70 = 1 540.
    assert 1550 - lighting.power_per_km_w(22, 70) == 10


def test_tabela54_electricity_cost_ignores_its_efficiency():
    # Tabela 54 electricity: efficiency 97 %, 139,2 GJ = 38 667 kWh a year, yet 125,00 zł/GJ = 0,45 zł/kWh / 0,0036 —
    # the price of 1 GJ of electricity, not of heat. 38 667 kWh × 0,45 zł / 135 GJ = 128,89 zł/GJ.
    assert 125.00 == pytest.approx(0.45 / 0.0036)
    ours = costs.heat_cost(135, 0.97, 0.0036, 0.45).cost_pln_per_gj
    assert ours - 125.00 == pytest.approx(125.00 * (1 / 0.97 - 1), abs=0.001)                      # 3,87 zł/GJ
