"""The hint tables are dict literals: a key written twice would silently drop the first hint."""
import ast
from pathlib import Path

import dlkit.checks.mistakes as mistakes


def test_no_hint_id_is_written_twice():
    tree = ast.parse(Path(mistakes.__file__).read_text())
    repeated = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            repeated += sorted({k for k in keys if keys.count(k) > 1})
    assert not repeated, f"hint ids written twice in dlkit/checks/mistakes.py: {repeated}"
