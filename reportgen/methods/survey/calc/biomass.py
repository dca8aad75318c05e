"""Biomass inventory: wood (forest, processing residues, orchards, roadside trees), straw surplus with the soil
organic-matter balance, hay, perennial energy crops on marginal land, grain, biomethane from wastewater,
biodiesel; energy content (moisture formula) and technical potential.

Source: Knyszyn 2015, rozdz. 5.1 (Tabele 38–51). Methods after the IUNG/EC BREC inventories quoted there
(Buczek, Kryńska 2007 for the 20 % processing residues). Every formula below names the plan's symbol.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# --- wood -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WoodResource:
    """A wood resource as volume [m³/rok] and mass [t/rok]."""
    volume_m3: float
    mass_t: float


def share_pct(part: float, whole: float) -> float:
    """u = part / whole · 100 [%]. F_e = S4+M1+M2 / pozyskanie ogółem (168 500 / 1 838 577 = 9,16 %,
    Tabela 38 prints 9,2); F_p = grubizna przemysłowa / ogółem (1 672 300 / 1 838 577 = 90,96 %,
    Tabela 39 prints 90,8)."""
    if whole <= 0:
        raise ValueError("the whole must be positive")
    return 100.0 * part / whole


def forest_wood(forest_ha: float, increment_m3_ha: float, harvest_pct: float, energy_pct: float,
                density_t_m3: float) -> WoodResource:
    """Z_dl = A · I · F_w · F_e [m³/rok]; [t/rok] = × 0,97 t/m³ (wood at 50 % moisture).
    Tabela 38: 4 229 ha × 7,2 m³/ha × 55 % × 9,2 % = 1 540,71 m³ = 1 494,49 t."""
    v = forest_ha * increment_m3_ha * harvest_pct / 100.0 * energy_pct / 100.0
    return WoodResource(volume_m3=v, mass_t=v * density_t_m3)


def processing_residues(forest_ha: float, increment_m3_ha: float, harvest_pct: float, industrial_pct: float,
                        residue_share: float, density_t_m3: float) -> WoodResource:
    """Z_dt = A · I · F_w · F_p · 0,20 [m³/rok]; [t/rok] = × 0,3 t/m³ (chips at 35 %).
    Tabela 39: 4 229 × 7,2 × 55 % × 90,8 % × 0,20 = 3 041,23 m³ = 912,37 t."""
    v = forest_ha * increment_m3_ha * harvest_pct / 100.0 * industrial_pct / 100.0 * residue_share
    return WoodResource(volume_m3=v, mass_t=v * density_t_m3)


def orchard_wood(orchard_ha: float, residue_m3_ha: float, density_t_m3: float) -> WoodResource:
    """Z_ds = A · 0,35 [m³/rok]; [t/rok] = × 0,3. Tabela 40: 7 ha → 2,45 m³ = 0,735 t."""
    v = orchard_ha * residue_m3_ha
    return WoodResource(volume_m3=v, mass_t=v * density_t_m3)


def roadside_wood(road_km: float, wood_t_per_km: float, tree_cover_index: float, density_t_m3: float) -> WoodResource:
    """Z_dz = 1,5 · L · 0,3 [t/rok]; [m³/rok] = t / 0,3 t/m³. Tabela 41: 97,74 km → 43,983 t = 146,61 m³."""
    t = wood_t_per_km * road_km * tree_cover_index
    return WoodResource(volume_m3=t / density_t_m3, mass_t=t)


# --- straw and the organic-matter balance -------------------------------------------------------------

def crop_straw_t(area_ha: float, yield_t_ha: float, straw_ratio: float) -> float:
    """Straw of one crop P_i = A_i · Y_i · w_zs,i [t/rok] (area ha, grain yield t/ha, straw : grain ratio)."""
    return area_ha * yield_t_ha * straw_ratio


def straw_production_t(crops: Iterable[Mapping[str, float]]) -> float:
    """P = Σ A_i · Y_i · w_zs,i [t/rok] (area ha, grain yield t/ha, straw : grain ratio).
    Tabela 42: 11,22 ha of cereals → 32,78 t."""
    return sum(crop_straw_t(c["area_ha"], c["yield_t_ha"], c["straw_ratio"]) for c in crops)


@dataclass(frozen=True)
class LivestockStraw:
    """Straw for feed (Z_p) and bedding (Z_s) and manure production [t/rok] (Tabela 43)."""
    feed_t: float
    bedding_t: float
    manure_t: float


def livestock_straw(herd: Iterable[Mapping[str, float]]) -> LivestockStraw:
    """Z_p = Σ q_i · p_i, Z_s = Σ q_i · s_i, obornik = Σ q_i · o_i [t/rok].
    Tabela 43: Z_p = 3 708,6 t, Z_s = 5 129,8 t, obornik 12 088,9 t."""
    herd = list(herd)
    return LivestockStraw(feed_t=sum(h["count"] * h["feed_t"] for h in herd),
                          bedding_t=sum(h["count"] * h["bedding_t"] for h in herd),
                          manure_t=sum(h["count"] * h["manure_t"] for h in herd))


def organic_matter_balance_t(crop_areas_ha: Mapping[str, float], coefficients: Mapping[str, float], manure_t: float) -> float:
    """S = Σ r_i·w_ri + Σ d_i·w_di + Σ q_i·o_i [t] (w > 0 reproduces, w < 0 degrades organic matter).
    Tabela 44: crops −38,87 t + manure 12 088,9 t = +12 050,03 t."""
    return sum(a * coefficients[k] for k, a in crop_areas_ha.items()) + manure_t


def straw_for_ploughing_t(organic_matter_balance_t: float, straw_per_deficit_t: float) -> float:
    """Z_n = max(0, −S) · k [t/rok]: straw is ploughed in only to cover a DEFICIT of soil organic matter;
    a positive balance needs none. k = 1,54 t of straw per t of deficit (the factor Tabela 44 applies:
    18 557,05 / 12 050,03). Never negative (Tabela 44 prints −18 557,05 t and adds it to the surplus)."""
    return max(0.0, -organic_matter_balance_t) * straw_per_deficit_t


@dataclass(frozen=True)
class StrawSurplus:
    """N = P − (Z_s + Z_p + Z_n) kept within 0..P [t/rok]; `clamped` says which bound applied."""
    production_t: float
    bedding_t: float
    feed_t: float
    ploughing_t: float
    unclamped_t: float
    surplus_t: float
    clamped: str | None          # None, "zero" or "production"


def straw_surplus(production_t: float, bedding_t: float, feed_t: float, ploughing_t: float) -> StrawSurplus:
    """N = P − (Z_s + Z_p + Z_n) [t/rok], never below 0 and never above P (a surplus cannot exceed the
    straw produced). Knyszyn: 32,78 − (5 129,8 + 3 708,6 + 0) < 0 → 0 t (Tabela 44 prints 9 751,43 t)."""
    for name, v in (("bedding", bedding_t), ("feed", feed_t), ("ploughing", ploughing_t), ("production", production_t)):
        if v < 0:
            raise ValueError(f"straw {name} cannot be negative ({v})")
    raw = production_t - (bedding_t + feed_t + ploughing_t)
    clamped = None
    value = raw
    if raw < 0:
        value, clamped = 0.0, "zero"
    elif raw > production_t:
        value, clamped = production_t, "production"
    return StrawSurplus(production_t, bedding_t, feed_t, ploughing_t, raw, value, clamped)


# --- hay, energy crops, grain ---------------------------------------------------------------------------

def hay_t(meadow_ha: float, energy_use_pct: float, yield_t_ha: float) -> float:
    """P_si = A_l · w_ws · Y_si [t/rok]. Tabela 45: 2 789 ha × 10,2 % × 4,93 t/ha = 1 402,48 t."""
    return meadow_ha * energy_use_pct / 100.0 * yield_t_ha


def marginal_land_ha(areas_by_class_ha: Mapping[str, float], marginal_classes: Iterable[str], protected_ha: float = 0.0) -> float:
    """A_m = Σ area of the marginal soil classes − protected area (not below 0) [ha].
    Tabela 46/47: arable V + VI + VIz = 1 602 + 903 + 85 = 2 590 ha; − 129,8 ha of national parks and
    reserves = 2 460,2 ha."""
    classes = set(marginal_classes)
    return max(0.0, sum(a for k, a in areas_by_class_ha.items() if k in classes) - protected_ha)


def energy_crops_t(existing_ha: float, marginal_ha: float, use_pct: float, yield_t_ha: float) -> float:
    """P_re = [A_re + A_m · w_re] · Y_re [t/rok]. Tabela 47: (0 + 2 590 × 10 %) × 9,3 = 2 408,70 t;
    net of protected areas (2 460,2 ha) 2 287,99 t."""
    return (existing_ha + marginal_ha * use_pct / 100.0) * yield_t_ha


def grain_t(marginal_arable_ha: float, use_pct: float, yield_t_ha: float) -> float:
    """P_z = A_m · w_re · Y_z [t/rok]. Tabela 48: 2 590 ha × 5 % × 2,8 t/ha = 362,60 t."""
    return marginal_arable_ha * use_pct / 100.0 * yield_t_ha


# --- biogas, biodiesel ------------------------------------------------------------------------------------

def wastewater_methane_m3(flow_m3: float, dry_organic_kg_m3: float, methane_m3_kg: float) -> float:
    """P_bo = V · S · W_CH [m³ CH₄/rok] (S = 0,3 kg s.m.o./m³, W_CH = 0,3 m³ CH₄/kg s.m.o.).
    Tabela 49: 55 000 m³ × 0,3 × 0,3 = 4 950 m³ of METHANE (biometan)."""
    return flow_m3 * dry_organic_kg_m3 * methane_m3_kg


def methane_from_biogas_m3(biogas_m3: float, methane_pct: float) -> float:
    """V_CH4 = V_biogas · c_CH4/100 [m³/rok] — only for a volume of raw BIOGAS (Tabela 51, 49–50 %)."""
    return biogas_m3 * methane_pct / 100.0


@dataclass(frozen=True)
class Biodiesel:
    mass_t: float
    volume_m3: float


def biodiesel(rapeseed_ha: float, yield_t_ha: float, energy_use_pct: float, oil_yield_t_t: float, density_t_m3: float) -> Biodiesel:
    """B_d = A_r · Y_r · 0,55 · 0,31 [t/rok]; volume = mass / ρ (ρ = 0,88 t/m³) [m³/rok].
    Tabela 50: A_r = 0 ha → 0. (The plan's m³ formula multiplies by 0,88 instead of dividing.)"""
    mass = rapeseed_ha * yield_t_ha * energy_use_pct / 100.0 * oil_yield_t_t
    return Biodiesel(mass_t=mass, volume_m3=mass / density_t_m3)


# --- energy content ----------------------------------------------------------------------------------------

WATER_EVAPORATION_MJ_KG = 2.442


def lhv_as_received_mj_kg(lhv_dry_mj_kg: float, moisture_pct: float) -> float:
    """Q_i^r = Q_i^d · (100 − W)/100 − 2,442 · W/100 [MJ/kg] (rozdz. 5.1.7; 2,442 MJ evaporates 1 kg of water).
    E.g. wood 18,72 MJ/kg s.m. at W = 50 %: 9,36 − 1,221 = 8,139 MJ/kg."""
    if not 0 <= moisture_pct < 100:
        raise ValueError("moisture must lie in 0..100 %")
    return lhv_dry_mj_kg * (100.0 - moisture_pct) / 100.0 - WATER_EVAPORATION_MJ_KG * moisture_pct / 100.0


def dry_mass_t(fresh_t: float, moisture_pct: float) -> float:
    """m_s.m. = m · (100 − W)/100 [t]. Tabela 51: 1 494,488 t at 50 % → 747,244 t s.m."""
    return fresh_t * (100.0 - moisture_pct) / 100.0


@dataclass(frozen=True)
class BiomassEnergy:
    """Energy content and technical potential of one biomass source [GJ/rok]."""
    fresh_t: float
    moisture_pct: float
    dry_t: float
    lhv_dry_mj_kg: float
    lhv_used_mj_kg: float            # per t of fresh mass (as received) or per t of dry matter
    energy_gj: float
    technical_gj: float
    basis: str                       # "as_received" | "dry_matter"


def biomass_energy(fresh_t: float, moisture_pct: float, lhv_dry_mj_kg: float, efficiency: float,
                   basis: str = "as_received") -> BiomassEnergy:
    """basis "as_received": E = m · Q_i^r (moisture formula, rozdz. 5.1.7 — for wood, straw, hay given as
    fresh mass); basis "dry_matter": E = m_s.m. · Q_i^d (what Tabela 51 computes: 747,244 t × 18,72 =
    13 988,41 GJ). Technical potential = E · η (boilers 80 %: 11 190,7 GJ). [GJ/rok]"""
    if not 0 < efficiency <= 1:
        raise ValueError("efficiency must lie in (0, 1]")
    dry = dry_mass_t(fresh_t, moisture_pct)
    if basis == "as_received":
        lhv = lhv_as_received_mj_kg(lhv_dry_mj_kg, moisture_pct)
        energy = fresh_t * lhv
    elif basis == "dry_matter":
        lhv = lhv_dry_mj_kg
        energy = dry * lhv
    else:
        raise ValueError(f"unknown energy basis {basis!r}")
    energy = max(0.0, energy)
    return BiomassEnergy(fresh_t, moisture_pct, dry, lhv_dry_mj_kg, lhv, energy, energy * efficiency, basis)


@dataclass(frozen=True)
class BiogasEnergy:
    """Biomethane burnt in CHP: energy, electricity, heat, heat for the digesters, technical potential [GJ/rok]."""
    methane_m3: float
    energy_gj: float
    electricity_gj: float
    heat_gj: float
    digester_heat_gj: float

    @property
    def technical_gj(self) -> float:
        return self.electricity_gj + self.heat_gj - self.digester_heat_gj


def biogas_chp(methane_m3: float, methane_lhv_mj_m3: float, electrical_efficiency: float, thermal_efficiency: float,
               digester_heat_share: float) -> BiogasEnergy:
    """E = V_CH4 · 36 MJ/m³ [GJ]; CHP: el. 35 %, heat 55 % (Σ 90 %); 60 % of the HEAT warms the digesters.
    Technical = E · (η_el + η_th · (1 − 0,6)) = E · 0,57. Rozdz. 5.1.7: 4 950 m³ CH₄ → 178,2 GJ → 101,57 GJ.
    (Tabela 51 halves the methane as if 4 950 m³ were biogas and takes 40 % of all of it: 35,64 GJ.)"""
    if not (0 <= electrical_efficiency <= 1 and 0 <= thermal_efficiency <= 1 and electrical_efficiency + thermal_efficiency <= 1):
        raise ValueError("CHP efficiencies must lie in 0..1 and sum to at most 1")
    if not 0 <= digester_heat_share <= 1:
        raise ValueError("digester heat share must lie in 0..1")
    energy = methane_m3 * methane_lhv_mj_m3 / 1000.0
    heat = energy * thermal_efficiency
    return BiogasEnergy(methane_m3, energy, energy * electrical_efficiency, heat, heat * digester_heat_share)


@dataclass(frozen=True)
class InventoryTotal:
    """Sum of the inventory [GJ/rok]; technical potential also in GWh/rok."""
    energy_gj: float
    technical_gj: float

    @property
    def technical_gwh(self) -> float:
        return self.technical_gj / 3600.0


def inventory_total(energy_gj: Mapping[str, float], technical_gj: Mapping[str, float]) -> InventoryTotal:
    """Σ over sources of energy content and technical potential [GJ/rok]; 1 GWh = 3 600 GJ.
    Tabela 51 RAZEM: 236 813 GJ and 189 415 GJ = 52,61 GWh (rozdz. 5.1.7)."""
    if set(energy_gj) != set(technical_gj):
        raise ValueError("energy and technical potential must list the same sources")
    return InventoryTotal(energy_gj=sum(energy_gj.values()), technical_gj=sum(technical_gj.values()))
