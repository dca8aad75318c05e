"""The chart worker shares a batch with forked copies of itself (charts.draw_all): the same PNGs in the same
order as drawn one by one, whatever happens to a copy."""
from __future__ import annotations

import os
import sys

import pytest

from reportgen.blocks import ChartSpec
from reportgen.render import charts

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="copies are forked on Linux only")

SPECS = [ChartSpec("bar", ["2019", "2020", "2021"], [("Zużycie", [12.0, 14.5, 13.0])], ylabel="MWh"),
         ChartSpec("line", ["2021", "2025", "2030"], [("Ciepło", [100.0, 90.0, 80.0]), ("Gaz", [10.0, 12.0, 15.0])],
                   base_year=2021),
         ChartSpec("pie", ["węgiel", "gaz", "drewno"], [("Struktura", [50.0, 30.0, 20.0])])]


@pytest.fixture(scope="module")
def one_by_one():
    return [charts.draw(s) for s in SPECS]


@pytest.fixture
def two_cpus(monkeypatch):
    monkeypatch.setattr(charts, "cpus", lambda: 2)


def test_copies_draw_the_same_pngs_in_order(one_by_one, two_cpus, monkeypatch):
    steps = []
    real_fork, real_draw, real_warm = os.fork, charts.draw, charts._warm

    def counted_fork():
        steps.append("fork")
        return real_fork()

    def recorded_draw(spec):           # recorded in this process only: a copy records in its own memory
        steps.append(spec.kind)
        return real_draw(spec)
    def recorded_warm():
        steps.append("warm")
        real_warm()
    monkeypatch.setattr(os, "fork", counted_fork)
    monkeypatch.setattr(charts, "draw", recorded_draw)
    monkeypatch.setattr(charts, "_warm", recorded_warm)
    assert charts.draw_all(SPECS) == one_by_one
    # matplotlib imported before the one fork (two drawing processes on two CPUs); the copy's chart (the
    # second) came through the pipe, not drawn here again
    assert steps == ["warm", "fork", "bar", "pie"]


def test_the_share_of_a_copy_that_failed_is_drawn_here(one_by_one, two_cpus, monkeypatch):
    def failing_copy(specs):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os._exit(1)                         # as a copy killed before it wrote anything
        os.close(write_fd)
        return pid, read_fd
    monkeypatch.setattr(charts, "_fork_drawer", failing_copy)
    assert charts.draw_all(SPECS) == one_by_one


def test_a_refused_fork_only_costs_time(one_by_one, two_cpus, monkeypatch):
    def refused():
        raise BlockingIOError("Resource temporarily unavailable")
    monkeypatch.setattr(os, "fork", refused)
    assert charts.draw_all(SPECS) == one_by_one


def test_an_error_in_a_copys_chart_reaches_the_build(two_cpus):
    broken = ChartSpec("radar", ["a", "b"], [("x", [1.0, 2.0])])
    with pytest.raises(ValueError, match="unknown chart kind radar"):
        charts.draw_all([SPECS[0], broken])       # the second chart is the copy's share


def test_when_the_workers_own_share_fails_no_copy_is_left(two_cpus, monkeypatch):
    copies = []
    real_fork_drawer = charts._fork_drawer

    def recorded(specs):
        child = real_fork_drawer(specs)
        assert child is not None
        copies.append(child[0])
        return child
    monkeypatch.setattr(charts, "_fork_drawer", recorded)
    broken = ChartSpec("radar", ["a", "b"], [("x", [1.0, 2.0])])
    with pytest.raises(ValueError, match="unknown chart kind radar"):
        charts.draw_all([broken, SPECS[0]])       # the first chart is the worker's own share
    with pytest.raises(ChildProcessError):
        os.waitpid(copies[0], os.WNOHANG)         # reaped already: not running, not a zombie


def test_a_failed_build_does_not_wait_for_its_charts():
    import signal
    with pytest.raises(RuntimeError, match="zły szablon"):
        with charts.ChartPool(use_cache=False, workers=1) as pool:
            pool.render(SPECS)
            assert pool.pool is not None
            workers = list(pool.pool._processes.values())
            raise RuntimeError("zły szablon")      # as a text template failing after the charts were asked for
    assert workers and all(w.exitcode == -signal.SIGTERM for w in workers)
