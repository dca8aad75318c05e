"""Published values of the Kluki plan that contradict the plan itself. Our document is consistent; each test
names the published value that is wrong and shows by how much."""
from __future__ import annotations


def test_tabela8_swaps_municipal_and_business(kluki_build):
    # Tabela 8 prints „Budynki gminne i użyteczności publicznej 12 197” and „Działalność gospodarcza 2 757”,
    # while rozdz. 7.3 gives the municipal sector 2 757 GJ/rok and rozdz. 7.4 the business sector 12 197 GJ/rok
    # (Tabela 10 agrees with 7.3–7.4). Our table follows the computation.
    table = next(t for t in kluki_build.document.tables() if t.id == "t_heat_balance")
    rows = {row[0]: row[1] for row in table.rows}
    assert rows["Budynki gminne i użyteczności publicznej"] == 2757
    assert abs(rows["Działalność gospodarcza"] - 12197) / 12197 < 0.005
    published_tabela8_municipal = 12197
    assert rows["Budynki gminne i użyteczności publicznej"] != published_tabela8_municipal


def test_tabela12_floor_area_does_not_match_tabela5():
    # Tabela 12 starts 2021 with 211 639 m² (housing), 12 562 m² (municipal), 39 951 m² (business), while
    # Tabela 5 and rozdz. 7.2 give 150 351 m², 10 027 m² and 18 940 m² for the same base year 2021.
    from pathlib import Path

    import yaml
    heat = yaml.safe_load((Path(__file__).resolve().parents[1] / "content" / "kluki" / "heat.yaml").read_text("utf-8"))
    ours = {k: v["floor_area_m2"] for k, v in heat["sectors"].items()}
    tabela12_2021 = {"housing": 211639, "municipal": 12562, "business": 39951}
    for sector, published in tabela12_2021.items():
        assert abs(published - ours[sector]) / ours[sector] > 0.2, sector


def test_tabela16_2037_does_not_apply_stated_rates(kluki_build):
    # rozdz. 11.4 states +0,6 %/rok in the first years and +0,3 %/rok later. Compounded from 2021 (4 years to
    # 2025, 12 more to 2037) the tariff G grows 4 751 → 4 866 → 5 044 MWh; Tabela 16 prints 4 837 and 4 979
    # (+1,8 % and +4,8 %: the rates applied to 3 and 10 years only), total 9 400 instead of ≈ 9 465 MWh.
    e = kluki_build.context.results["electricity"].value
    assert abs(e.total[2037] - 9465) < 2                    # hand: 4 421 + 4 751·1,006⁴·1,003¹²
    published_2037 = 9400
    assert 0.6 < 100 * (e.total[2037] - published_2037) / published_2037 < 0.8
