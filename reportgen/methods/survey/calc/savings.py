"""Household survey → gmina: thermo-modernisation and boiler-replacement savings; heat for new buildings.

Source: Knyszyn 2015, rozdz. 3.4 (Tabele 26–31) and 3.5. Survey answers („zrobię”, „nie zrobię”,
„zrobione”, „brak odpowiedzi”) are tabulated by the boiler installation period, which the plan uses as the
proxy of the building's thermal standard (footnote 3). Assumed savings (rozdz. 3.4): windows 10 %, doors 3 %,
wall insulation 25 % of space-heating energy; boiler efficiencies: before 1980 50 %, 1981–1990 60 %,
1991–2000 70 % (Rozporządzenie MI z 6.11.2008, Dz.U. nr 201 poz. 1240); Tabela 31 uses the averages
η_old = 0,75 and η_new = 0,9. New buildings: 120 kWh/m² useful heat, heating efficiency ≥ 90 % (rozdz. 3.5).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reportgen.quantities import GJ_PER_KWH, GJ_PER_MWH


def column_shares_pct(table: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    """s_r,c = v_r,c / Σ_r v_r,c · 100 [%] (each column sums to 100). Tabela 26 from Tabela 27:
    „zrobię”, do 1980: 7 926 / 13 981,5 m² = 56,7 %."""
    columns = {c for row in table.values() for c in row}
    sums = {c: sum(row.get(c, 0.0) for row in table.values()) for c in columns}
    return {r: {c: (100.0 * v / sums[c] if sums[c] else 0.0) for c, v in row.items()} for r, row in table.items()}


def row_shares_pct(row: Mapping[str, float]) -> dict[str, float]:
    """s_c = v_c / Σ v · 100 [%]. Tabela 30 (answers within one boiler period)."""
    total = sum(row.values())
    return {c: (100.0 * v / total if total else 0.0) for c, v in row.items()}


def scale_to_gmina_m2(sample_m2: float, sample_total_m2: float, gmina_total_m2: float) -> float:
    """A_gmina = A_próba · A_gmina,ogółem / A_próba,ogółem [m²]. Tabela 28 from Tabela 27:
    7 926 m² × 142 979,5 / 44 400,7 = 25 523,4 m²."""
    if sample_total_m2 <= 0:
        raise ValueError("sample area must be positive")
    return sample_m2 * gmina_total_m2 / sample_total_m2


def thermo_saving_gj(area_m2: float, specific_gj_m2: float, saving_pct: float) -> float:
    """ΔQ = A · q · s/100 [GJ/rok]. Tabela 29's formula: 16 788,4 m² × 1,245 GJ/m² × 25 % = 5 225,41 GJ/rok
    (the area itself is wrong in the plan — see ThermoModernisation)."""
    return area_m2 * specific_gj_m2 * saving_pct / 100.0


@dataclass(frozen=True)
class ThermoModernisation:
    """Tabela 29, computed with one base for each share [m², %, GJ/rok]."""
    sample_total_m2: float
    non_modernised_sample_m2: float           # „zrobię” + „nie zrobię” in the old boiler periods
    willing_sample_m2: float                  # „zrobię” in the old boiler periods
    gmina_area_m2: float
    specific_gj_m2: float
    saving_pct: float

    @property
    def non_modernised_share_pct(self) -> float:
        return 100.0 * self.non_modernised_sample_m2 / self.sample_total_m2

    @property
    def willing_share_of_non_modernised_pct(self) -> float:
        return 100.0 * self.willing_sample_m2 / self.non_modernised_sample_m2 if self.non_modernised_sample_m2 else 0.0

    @property
    def non_modernised_gmina_m2(self) -> float:
        return self.gmina_area_m2 * self.non_modernised_share_pct / 100.0

    @property
    def to_modernise_gmina_m2(self) -> float:
        return self.non_modernised_gmina_m2 * self.willing_share_of_non_modernised_pct / 100.0

    @property
    def saving_gj(self) -> float:
        return thermo_saving_gj(self.to_modernise_gmina_m2, self.specific_gj_m2, self.saving_pct)


def thermo_modernisation(sample_m2: Mapping[str, Mapping[str, float]], old_periods: Iterable[str], gmina_area_m2: float,
                         specific_gj_m2: float, saving_pct: float, will: str = "will", will_not: str = "will_not") -> ThermoModernisation:
    """Survey intentions (Tabela 27, m² by boiler period × answer) → gmina savings:
    A_nt = Σ_old(zrobię + nie zrobię) (17 932,5 m² = 40,39 % of 44 400,7 m²);
    share willing = Σ_old zrobię / A_nt (12 908,5 / 17 932,5 = 71,98 %);
    A_gmina,nt = A_gmina · 40,39 % (57 746,38 m²); A_do termomodernizacji = A_gmina,nt · 71,98 % (41 568 m²,
    = Tabela 28's own „zrobię” rows for those periods); ΔQ = A · q · s/100.
    (The plan multiplies 57 746 m² by 29,07 % = zrobię / the WHOLE sample, i.e. applies the sample share twice.)"""
    old = set(old_periods)
    total = sum(v for row in sample_m2.values() for v in row.values())
    non_mod = sum(row.get(will, 0.0) + row.get(will_not, 0.0) for p, row in sample_m2.items() if p in old)
    willing = sum(row.get(will, 0.0) for p, row in sample_m2.items() if p in old)
    return ThermoModernisation(sample_total_m2=total, non_modernised_sample_m2=non_mod, willing_sample_m2=willing,
                               gmina_area_m2=gmina_area_m2, specific_gj_m2=specific_gj_m2, saving_pct=saving_pct)


@dataclass(frozen=True)
class BoilerReplacement:
    """Tabela 31 with the efficiency ratio [m², GJ/rok]."""
    old_boiler_area_m2: float
    energy_before_gj: float
    willing_share_pct: float
    efficiency_old: float
    efficiency_new: float

    @property
    def specific_after_factor(self) -> float:
        """Q_after / Q_before = η_old / η_new (useful heat unchanged)."""
        return self.efficiency_old / self.efficiency_new

    @property
    def energy_willing_before_gj(self) -> float:
        return self.energy_before_gj * self.willing_share_pct / 100.0

    @property
    def saving_gj(self) -> float:
        return self.energy_willing_before_gj * (1.0 - self.specific_after_factor)


def boiler_replacement(gmina_area_m2: float, old_boiler_area_share_pct: float, specific_gj_m2: float,
                       willing_share_pct: float, efficiency_old: float, efficiency_new: float) -> BoilerReplacement:
    """A_old = A_gmina · u_old (142 979,5 × 66,48 % = 95 055 m²); Q = A_old · q (× 1,245 = 118 343 GJ);
    ΔQ = Q · u_willing · (1 − η_old/η_new) = 118 343 × 25,59 % × (1 − 0,75/0,9) = 5 047 GJ/rok.
    Fuel energy for the same useful heat scales with 1/η. (Tabela 31 prints 1,05825 GJ/m² = 1,245 × 0,85,
    i.e. subtracts the efficiencies, 0,9 − 0,75 = 0,15, and gets 4 543 GJ/rok.)"""
    if not (0 < efficiency_old <= 1 and 0 < efficiency_new <= 1):
        raise ValueError("efficiencies must lie in (0, 1]")
    area = gmina_area_m2 * old_boiler_area_share_pct / 100.0
    return BoilerReplacement(old_boiler_area_m2=area, energy_before_gj=area * specific_gj_m2,
                             willing_share_pct=willing_share_pct, efficiency_old=efficiency_old, efficiency_new=efficiency_new)


@dataclass(frozen=True)
class BoilerSurvey:
    """Boiler answers of the survey (Tabela 30) summed over the old installation periods [szt., m², %]."""
    old_count: float
    total_count: float
    willing_count: float
    old_area_m2: float
    total_area_m2: float
    willing_area_m2: float

    @property
    def old_count_share_pct(self) -> float:
        return 100.0 * self.old_count / self.total_count if self.total_count else 0.0

    @property
    def old_area_share_pct(self) -> float:
        return 100.0 * self.old_area_m2 / self.total_area_m2 if self.total_area_m2 else 0.0

    @property
    def willing_area_share_pct(self) -> float:
        """„zrobię” among the old boilers, by heated area (Tabela 31: 25,59 %)."""
        return 100.0 * self.willing_area_m2 / self.old_area_m2 if self.old_area_m2 else 0.0


def boiler_survey(count: Mapping[str, Mapping[str, float]], area_m2: Mapping[str, Mapping[str, float]],
                  old_periods: Iterable[str], will: str = "will") -> BoilerSurvey:
    """Σ over the old periods (boilers older than 15 years) of the answers by count and by heated area:
    u_old = A_old / A (Tabela 31: (7 915 + 9 054,5 + 7 153) / 36 284,5 = 66,48 %); u_will = A_old,zrobię / A_old
    (6 173,5 / 24 122,5 = 25,59 %); by count 184 / 265 = 69,43 % (the plan labels this share „deklarujących chęć
    wymiany”, but it counts every old boiler; 49 of them are „zrobię”)."""
    old = set(old_periods)
    return BoilerSurvey(
        old_count=sum(sum(row.values()) for p, row in count.items() if p in old),
        total_count=sum(sum(row.values()) for row in count.values()),
        willing_count=sum(row.get(will, 0.0) for p, row in count.items() if p in old),
        old_area_m2=sum(sum(row.values()) for p, row in area_m2.items() if p in old),
        total_area_m2=sum(sum(row.values()) for row in area_m2.values()),
        willing_area_m2=sum(row.get(will, 0.0) for p, row in area_m2.items() if p in old))


def buildings_scaled(buildings_total: float, sample_count: float, sample_total: float) -> float:
    """N = N_gmina · n / n_próba. Tabela 31: 1 366 budynków × 49 / 265 kotłów = 252,6 ≈ 253."""
    if sample_total <= 0:
        raise ValueError("sample size must be positive")
    return buildings_total * sample_count / sample_total


def fuel_part_gj(energy_gj: float, share_pct: float) -> float:
    """ΔQ_k = ΔQ · u_k/100 [GJ/rok]: the part of a saving in one fuel, by the fuel structure
    (Tabela 29: 5 225,41 × 28 % = 1 463,11 GJ of coal)."""
    return energy_gj * share_pct / 100.0


@dataclass(frozen=True)
class NewBuildingHeat:
    """Heat for new residential floor area [GJ/rok, MWh/rok]."""
    area_m2: float
    useful_gj: float
    final_gj: float

    @property
    def useful_mwh(self) -> float:
        return self.useful_gj / GJ_PER_MWH

    @property
    def final_mwh(self) -> float:
        return self.final_gj / GJ_PER_MWH


def new_buildings_heat(area_increase_m2: float, useful_kwh_m2: float, efficiency: float) -> NewBuildingHeat:
    """Q_u = ΔA · q_u · 0,0036 [GJ/rok] (120 kWh/m² = 432 MJ/m²); Q_final = Q_u / η (η ≥ 0,9).
    Rozdz. 3.5 with ΔA = 12 646 m²: 1 517,48 MWh = 5 462,94 GJ useful, 1 686 MWh = 6 070 GJ final; with
    Tabela 7's own increase 2014–2030, ΔA = 165 532 − 142 980 = 22 552 m²."""
    if area_increase_m2 < 0:
        raise ValueError("a negative area increase is not new building")
    if not 0 < efficiency <= 1:
        raise ValueError("efficiency must lie in (0, 1]")
    useful = area_increase_m2 * useful_kwh_m2 * GJ_PER_KWH
    return NewBuildingHeat(area_m2=area_increase_m2, useful_gj=useful, final_gj=useful / efficiency)


@dataclass(frozen=True)
class DemandOutlook:
    base_gj: float                  # fuel energy demand in the base year [GJ/rok]
    changes_gj: dict[str, float]    # assessed changes to the horizon [GJ/rok]: savings negative, new demand positive
    end_gj: float                   # demand at the horizon [GJ/rok]
    change_pct: float               # (end − base) / base × 100 [%]


def demand_outlook(base_gj: float, changes_gj: Mapping[str, float]) -> DemandOutlook:
    """Fuel energy demand at the horizon = base-year demand + Σ assessed changes [GJ/rok].

    Survey method (Knyszyn 2015, rozdz. 8): the changes are the savings of the thermo-modernisation and boiler
    replacement that households declared (negative), the municipal buildings named for thermo-modernisation
    (negative) and the heat for the floor area added by the forecast (positive). A change not assessed is not
    guessed: it is absent and counts as zero. Demand never goes below zero.
    """
    if base_gj < 0:
        raise ValueError("base demand must not be negative")
    end = max(0.0, base_gj + sum(changes_gj.values()))
    return DemandOutlook(base_gj, dict(changes_gj), end, (end - base_gj) / base_gj * 100.0 if base_gj else 0.0)


def sequential_savings_gj(base_gj: float, savings_gj: Iterable[float]) -> list[float]:
    """Savings of measures that overlap in the same buildings, each applied to the demand the earlier ones leave:
    ΔQ'_i = ΔQ_i · (Q − Σ_{j<i} ΔQ'_j) / Q [GJ/rok].

    The survey estimates each measure against the whole base demand Q (Knyszyn 2015, Tabele 29 and 31), so adding
    them counts twice the saving of a boiler replaced in a house that is also insulated. Taking each as a share of
    what is left treats the measures as independent across the housing stock. Example: Q = 100, savings 20 and 10
    → 20 and 10 · 80/100 = 8.
    """
    if base_gj <= 0:
        return [0.0 for _ in savings_gj]
    left, out = base_gj, []
    for s in savings_gj:
        applied = s * left / base_gj
        out.append(applied)
        left -= applied
    return out
