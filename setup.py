"""Ship the default rules/ and templates/ inside the package (reportgen/defaults/) when it is built."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithDefaults(build_py):
    def run(self):
        super().run()
        for name in ("rules", "templates"):
            target = Path(self.build_lib) / "reportgen" / "defaults" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(ROOT / name, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithDefaults})
