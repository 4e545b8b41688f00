"""The environment is pinned twice: pyproject.toml pins what newsdesk imports, constraints.txt
every installed package (scripts/setup.sh installs with it).  These tests keep the two in step,
so a pin bumped in one place cannot be silently overridden by the other."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _key(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _constraints() -> dict[str, str]:
    out = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        assert sep, f"constraints.txt: not an exact pin: {line!r}"
        out[_key(name)] = version.strip()
    return out


def _project_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    out = {}
    for spec in specs:
        name, sep, version = spec.partition("==")
        assert sep, f"pyproject.toml: not an exact pin: {spec!r}"
        out[_key(name)] = version.strip()
    return out


def test_every_dependency_is_pinned_exactly_in_both_files() -> None:
    pins = _project_pins()
    constraints = _constraints()
    missing = sorted(set(pins) - set(constraints))
    assert not missing, f"pinned in pyproject.toml, absent from constraints.txt: {missing}"
    differ = {n: (v, constraints[n]) for n, v in pins.items() if constraints[n] != v}
    assert not differ, f"pyproject.toml and constraints.txt disagree (pyproject, constraints): {differ}"


def test_setup_installs_with_the_constraints() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "-c constraints.txt" in setup
