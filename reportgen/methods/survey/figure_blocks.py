"""Figures of the survey method that show existing results (Knyszyn 2015, rysunki 8–11, 16–18; tabela 6),
and the location map of gmina.yaml (common to every method; registered here like `network`, which both use).

Builders only lay out: the numbers come from the results housing_forecast, lighting and survey_age_structures."""
from __future__ import annotations

from typing import TYPE_CHECKING

from reportgen.blocks import ChartData, ChartSpec, ImageSpec, TableData, chart, table
from reportgen.document.model import Column
from reportgen.errors import UserError
from reportgen.methods.survey.blocks import OWN, based_on
from reportgen.render.numbers import fmt
from reportgen.results import Context

if TYPE_CHECKING:    # a folder of another method imports these builders, never this method's calculators
    from reportgen.methods.survey.figure_results import AgeStructure, SurveySpecificUse

GAP = float("nan")   # a year without a value: the line is not drawn there


@table("floor_area_history", needs=("housing_forecast",))
def floor_area_history(ctx: Context, **_) -> TableData:
    """Tabela 6: the recorded floor area by year, in two column pairs so the table stays short."""
    h = ctx.value("housing_forecast")
    items = list(h["floor_history"].items())
    half = -(-len(items) // 2)
    left, right = items[:half], items[half:]
    rows = [[str(y1), a1, *((str(right[i][0]), right[i][1]) if i < len(right) else ("", ""))]   # "": no year there
            for i, (y1, a1) in enumerate(left)]
    cols = [Column("Rok", None, kind="text"), Column("Powierzchnia [m²]", 0)] * 2
    return TableData(cols, rows, h["source"], provenance=["housing_forecast"])


@chart("floor_area_trend", needs=("housing_forecast",))
def floor_area_trend(ctx: Context, **_) -> ChartData:
    """Rysunek 9: recorded floor area, the trend line over its fitting window and the forecast to the horizon."""
    h = ctx.value("housing_forecast")
    hist, trend, floor = h["floor_history"], h["floor_trend"], h["floor"]
    years = list(range(min(hist), max(max(h["years"]), max(hist)) + 1))
    start = trend.window[0]
    spec = ChartSpec("line", [str(y) for y in years],
                     [("Powierzchnia użytkowa (Bank Danych Lokalnych)", [float(hist[y]) if y in hist else GAP for y in years]),
                      (f"Trend liniowy {h['floor_equation']}, x = rok − {trend.x_origin_year}",
                       [floor.get(y, trend.value(y)) if y >= start else GAP for y in years])],
                     ylabel="m²", base_year=max(hist))
    return ChartData(spec, based_on(h["source"]), ["housing_forecast"])


def buildings_equation(b: dict) -> str:
    """The building-count trend as text; a trend taken from the plan is y = b + a·x with x = rok − base year."""
    if not b.get("from_plan"):
        return b["equation"]
    return f"y = {fmt(b['slope'], 1)}x + {fmt(b['base_value'], 0)}, x = rok − {b['base_year']}"


@chart("buildings_trend", needs=("housing_forecast",))
def buildings_trend(ctx: Context, **_) -> ChartData | None:
    """Rysunek 8: the number of residential buildings along its trend (the plan's recorded counts, when given)."""
    h = ctx.value("housing_forecast")
    b = h["buildings"]
    if not b:
        return None
    years = sorted(b["values"])
    spec = ChartSpec("line", [str(y) for y in years],
                     [(f"Liczba budynków mieszkalnych – trend liniowy {buildings_equation(b)}",
                       [float(b["values"][y]) for y in years])],
                     ylabel="budynki", base_year=ctx.content.gmina.base_year)
    # a trend taken over from the plan has no statistical source of its own
    return ChartData(spec, OWN if b.get("from_plan") else based_on(h["source"]), ["housing_forecast"])


@chart("lighting_per_km", needs=("street_lighting.operation",))
def lighting_per_km_chart(ctx: Context, **_) -> ChartData | None:
    """Rysunek 11: annual energy per km of lit road for the assumed road lengths."""
    sl = ctx.value("street_lighting")
    per_km = sl.operation.per_km_kwh
    if not per_km:
        return None
    spec = ChartSpec("bar", [f"{fmt(km, 0)} km" for km in per_km],
                     [("Zużycie energii na 1 km [kWh/km]", list(per_km.values()))], ylabel="kWh/km")
    return ChartData(spec, based_on(sl.source), ["street_lighting"])


def _pie(s: AgeStructure, source: str) -> ChartData:
    return ChartData(ChartSpec("pie", list(s.periods), [("Udział", list(s.totals))], value_decimals=1),
                     based_on(source), ["survey_age_structures"])


@chart("boiler_age", needs=("survey_age_structures",))
def boiler_age(ctx: Context, **_) -> ChartData:
    """Rysunek 16: boilers by installation period, a) share of their number, b) share of the floor area they heat."""
    a = ctx.value("survey_age_structures")
    spec = ChartSpec("pies", list(a.boilers_by_count.periods),
                     [("a) wg liczby urządzeń", list(a.boilers_by_count.totals)),
                      ("b) wg powierzchni ogrzewanej", list(a.boilers_by_area.totals))], value_decimals=1)
    return ChartData(spec, based_on(a.source), ["survey_age_structures"])


@chart("building_age_by_area", needs=("survey_age_structures",))
def building_age_by_area(ctx: Context, **_) -> ChartData:
    """Rysunek 17: surveyed floor area by period of construction (or of thermal modernisation)."""
    a = ctx.value("survey_age_structures")
    return _pie(a.buildings_by_area, a.source)


def _bars(result: str, u: SurveySpecificUse, series: str, decimals: int) -> ChartData:
    spec = ChartSpec("bar", list(u.labels), [(series, list(u.values))], ylabel=u.unit, value_decimals=decimals)
    return ChartData(spec, based_on(u.source), [result])


@chart("electricity_by_household_size", needs=("survey_electricity_by_household_size",))
def electricity_by_household_size(ctx: Context, **_) -> ChartData:
    """Rysunek 10: electricity use per person by the number of persons in the household."""
    return _bars("survey_electricity_by_household_size", ctx.value("survey_electricity_by_household_size"),
                 "Zużycie energii elektrycznej na osobę", 0)


@chart("fuel_energy_by_period", needs=("survey_fuel_energy_by_period",))
def fuel_energy_by_period(ctx: Context, **_) -> ChartData:
    """Rysunek 18: fuel energy per m² of heated area by period of construction (or thermal modernisation)."""
    return _bars("survey_fuel_energy_by_period", ctx.value("survey_fuel_energy_by_period"),
                 "Energia paliw na 1 m² powierzchni ogrzewanej", 2)


IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")   # PNG, JPEG: what a .docx shows as a picture


MAP_MAX_BYTES = 20_000_000         # a location map is a few MB; the whole file is embedded in the .docx
MAP_MAX_PIXELS = 60_000_000        # 60 Mpx: beyond this a picture is a decompression bomb, not a map


def _check_map_image(path, what: str) -> None:
    """Size, pixel count and integrity of the map before python-docx reads it whole (a 3 GB or truncated
    PNG would be a MemoryError or a parser exception)."""
    from PIL import Image
    if path.stat().st_size > MAP_MAX_BYTES:
        raise UserError(f"{what} ma ponad {MAP_MAX_BYTES // 1_000_000} MB – zmniejsz mapę.")
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAP_MAX_PIXELS:
                raise UserError(f"{what} ma {width}×{height} pikseli (limit {MAP_MAX_PIXELS // 1_000_000} Mpx) – zmniejsz mapę.")
            image.verify()
    except UserError:
        raise
    except Exception as exc:     # Pillow raises many kinds on a damaged picture
        raise UserError(f"{what} jest uszkodzony albo nie jest poprawnym obrazem ({type(exc).__name__}).") from None


@chart("location_map", needs=())
def location_map(ctx: Context, **_) -> ChartData | None:
    """The gmina's location map from gmina.yaml (`map: {file, source}`), shown as supplied; absent without one."""
    m = ctx.content.gmina.map
    if m is None:
        return None
    folder = ctx.content.folder.resolve()
    path = (folder / m.file).resolve()
    where = f"{folder / 'gmina.yaml'}: map.file"
    if not path.is_relative_to(folder):
        raise UserError(f"{where}: plik mapy {m.file!r} musi leżeć w katalogu danych gminy.")
    if not path.is_file():
        raise UserError(f"{where}: brak pliku mapy {m.file!r}.")
    with path.open("rb") as f:
        head = f.read(8)
    if not any(head.startswith(sig) for sig in IMAGE_SIGNATURES):
        raise UserError(f"{where}: plik {m.file!r} nie jest obrazem PNG ani JPEG.")
    _check_map_image(path, f"{where}: plik {m.file!r}")
    return ChartData(ImageSpec(str(path)), m.source, [])
