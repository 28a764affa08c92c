"""The one import rule: sieva.analysis knows nothing of Django or the rest of SIEVA."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "sieva" / "analysis"
MODULES = sorted(PACKAGE.rglob("*.py"))
LAZY_ONLY = ("statsmodels", "pandas")


def _imports(tree: ast.AST) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node.lineno))
    return found


def _forbidden(module: str) -> bool:
    root = module.split(".")[0]
    if root == "django":
        return True
    return (
        root == "sieva" and module != "sieva.analysis" and not module.startswith("sieva.analysis.")
    )


def test_the_package_has_modules_to_check():
    assert len(MODULES) >= 10


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_it_imports_neither_django_nor_other_sieva_packages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = [f"line {line}: {name}" for name, line in _imports(tree) if _forbidden(name)]
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_it_imports_statsmodels_and_pandas_only_inside_functions(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    heavy = [name for name, _ in _imports(ast.Module(body=top_level, type_ignores=[]))]
    assert not [n for n in heavy if n.split(".")[0] in LAZY_ONLY]


def test_the_checker_catches_a_forbidden_import():
    tree = ast.parse(
        "from django.db import models\nimport sieva.org.models\nfrom sieva.analysis import x"
    )
    assert [name for name, _ in _imports(tree) if _forbidden(name)] == [
        "django.db",
        "sieva.org.models",
    ]


def test_importing_every_module_loads_neither_django_nor_statsmodels():
    names = [
        ".".join(("sieva", *p.relative_to(PACKAGE.parent).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for p in MODULES
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'statsmodels', 'pandas')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
