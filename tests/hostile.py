"""Helpers of the hostile-input tests: a memory limit for one step, in this process or in a fresh one."""
from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import textwrap

MEMORY_LIMIT_MB = 300   # README "Gwarancje": no input takes more than this on top of the program itself


def _address_space_now() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@contextlib.contextmanager
def memory_limit(extra_mb: int = MEMORY_LIMIT_MB):
    """Allow this process `extra_mb` more address space while the block runs (MemoryError beyond it).
    Only the soft limit is lowered, so it can be raised back afterwards."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space_now() + (extra_mb << 20)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def run_limited(code: str, mem_mb: int = MEMORY_LIMIT_MB, timeout: float = 120, cwd=None) -> subprocess.CompletedProcess:
    """Run Python `code` in a fresh interpreter whose heap may grow by at most `mem_mb` (RLIMIT_AS after the
    imports of the prelude). The child prints its peak RSS in MB as the last line of stdout."""
    prelude = textwrap.dedent(f"""
        import resource, os, sys
        import yaml, pydantic, click
        import reportgen.inputs.loader, reportgen.cli
        def _vm():
            return int(open('/proc/self/statm').read().split()[0]) * os.sysconf('SC_PAGE_SIZE')
        resource.setrlimit(resource.RLIMIT_AS, (_vm() + ({mem_mb} << 20),) * 2)
        import atexit
        # VmHWM is the peak of this process's own memory; ru_maxrss would report the parent's peak, since
        # Linux carries the old address space's high-water mark across exec (and subprocess uses vfork)
        def _peak_mb():
            for line in open('/proc/self/status'):
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) // 1024
        atexit.register(lambda: print(_peak_mb()))
    """)
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "MPLBACKEND": "Agg"}
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=cwd)
