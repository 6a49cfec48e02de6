"""Read a submitted notebook and find the learner's functions, by what they define.

Learners delete, duplicate, reorder and split cells, remove the solution
markers, add cells and leave outputs in. So the grader never looks at cell
positions or markers: it parses every code cell with :mod:`ast` and keeps only
the top-level statements that *define* something (``def``, ``class``,
``import``, and assignments without calls), then only those that the graded
functions need, directly or through helpers. The notebook's training demos,
plots and prints never run. When a name is defined twice, the last definition
in notebook order wins, as it would in a kernel run top to bottom.

Parsing happens in the judging process; nothing here executes learner code.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import re
import symtable
from dataclasses import dataclass, field

# Cell magics whose body is still ordinary Python.
_PYTHON_CELL_MAGICS = ("%%time", "%%timeit", "%%capture")


class Unreadable(Exception):
    """The file is not a notebook we can read (broken JSON, not a notebook, ...)."""


@dataclass
class Extracted:
    """What the grader runs for one submission, and what it found statically."""

    segments: list  # [(source, label)] to run in the child, in notebook order
    defined: set  # names bound by the kept statements
    syntax_errors: dict  # exercise name -> "SyntaxError at line N: ..." for cells that do not parse
    delegations: dict  # exercise name -> why it looks like it hands off to dlkit's reference
    metadata: dict = field(default_factory=dict)  # the notebook's "dlkit" metadata (untrusted)
    # exercise -> ([(global, its value's source)], unused parameters): notebook-level data (a demo
    # cell's m = 4) the exercise's function reads (dlkit.checks.leftovers.static_leftovers)
    leftovers: dict = field(default_factory=dict)
    # exercise -> (source text of its last definition, the cell line it starts on), for the checkpoint's
    # source-level diagnosis (dlkit.checks.source), used only when an output is wrong
    sources: dict = field(default_factory=dict)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_notebook(data: bytes):
    """Parse notebook bytes of any nbformat 4.x (or 3) into a v4 notebook (a dict), without validating.

    A version 4 notebook is plain JSON whose cells are already what the grader reads, so it is
    parsed with :mod:`json` alone, as ``nbformat.reads`` would (it does not validate either):
    importing nbformat costs more than a second (its JSON-schema validators), once per batch
    and per judge. Older versions go through nbformat's converter. Raises :class:`Unreadable`
    with the reason when the bytes are not a notebook.
    """
    import json

    if not isinstance(data, (bytes, bytearray)):
        raise TypeError(f"read_notebook: data must be bytes, got {type(data).__name__}")
    try:
        text = bytes(data).decode("utf-8")
        nb = json.loads(text)
        if not (type(nb) is dict and nb.get("nbformat", 1) == 4):
            import nbformat
            from nbformat import reader

            nb = nbformat.convert(reader.reads(text), 4)
    except Exception as exc:  # noqa: BLE001 - any parse failure means "unreadable"
        raise Unreadable(f"not a readable notebook: {type(exc).__name__}: {str(exc)[:200]}") from None
    if not isinstance(nb.get("cells"), list):
        raise Unreadable("not a readable notebook: it has no list of cells")
    return nb


def notebook_dlkit_metadata(nb) -> dict:
    meta = nb.get("metadata", {})
    meta = meta.get("dlkit", {}) if isinstance(meta, dict) else {}
    return dict(meta) if isinstance(meta, dict) else {}


def _cell_source(cell) -> str:
    src = cell.get("source", "")
    if isinstance(src, list):  # nbformat allows a list of lines on disk
        src = "".join(str(s) for s in src)
    return src if isinstance(src, str) else ""


def _strip_magics(src: str):
    """IPython-only lines become comments (line numbers stay); None for a non-Python cell."""
    lines = src.split("\n")
    if lines and lines[0].lstrip().startswith("%%"):
        if not lines[0].lstrip().startswith(_PYTHON_CELL_MAGICS):
            return None
        lines[0] = "# " + lines[0]
    out = []
    for line in lines:
        s = line.lstrip()
        if s.startswith(("%", "!")) or (s.endswith("?") and not s.startswith("#")):
            out.append(line[: len(line) - len(s)] + "pass  # " + s)
        else:
            out.append(line)
    return "\n".join(out)


def _has_call(node) -> bool:
    return any(isinstance(n, (ast.Call, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp,
                              ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr))
               for n in ast.walk(node))


def _bound_names(stmt) -> set:
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {stmt.name}
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in stmt.names if a.name != "*"}
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}


def _used_names(stmt) -> set:
    """Module-level names ``stmt`` needs: what it reads at top level, and the globals its functions read.

    A function's own arguments and locals do not count (``parameters`` as an argument
    must not pull in a top-level ``parameters = train(...)``).
    """
    try:
        table = symtable.symtable(ast.unparse(stmt), "<statement>", "exec")
    except (SyntaxError, ValueError, RecursionError):
        return {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name)}
    names = set()

    def visit(t, top):
        for sym in t.get_symbols():
            if (top and sym.is_referenced()) or (not top and sym.is_global()):
                names.add(sym.get_name())
        for child in t.get_children():
            visit(child, False)

    visit(table, True)
    return names


# Top-level assignments may call these modules only (cheap constants such as
# ``EPS = np.finfo(float).eps``); any other call at top level is a demo and is not run.
_CONSTANT_MODULES = ("np", "numpy", "math")


def _calls_only_constant_modules(node) -> bool:
    for n in ast.walk(node):
        if isinstance(n, ast.Call):
            root = n.func
            while isinstance(root, (ast.Attribute, ast.Call)):
                root = root.value if isinstance(root, ast.Attribute) else root.func
            if not (isinstance(root, ast.Name) and root.id in _CONSTANT_MODULES and isinstance(n.func, ast.Attribute)):
                return False
    return True


def _keep(stmt) -> bool:
    """Definitions only: no top-level call runs (training loops, plots, prints)."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        # decorators and default values run at definition time: no calls there
        pieces = list(stmt.decorator_list)
        if not isinstance(stmt, ast.ClassDef):
            pieces += list(stmt.args.defaults) + [d for d in stmt.args.kw_defaults if d is not None]
        return not any(_has_call(p) for p in pieces)
    if isinstance(stmt, ast.Import):
        return True
    if isinstance(stmt, ast.ImportFrom):
        return not any(a.name == "*" for a in stmt.names) or (stmt.module or "").split(".")[0] == "dlkit"
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        if stmt.value is None:
            return False
        return not _has_call(stmt.value) or (_only_calls(stmt.value) and _calls_only_constant_modules(stmt.value))
    return False


def _only_calls(node) -> bool:
    """No comprehensions, lambdas' generators, awaits or walrus: calls are the only 'active' parts."""
    return not any(isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Await,
                                  ast.Yield, ast.YieldFrom, ast.NamedExpr)) for n in ast.walk(node))


_DEF_RE = re.compile(r"^\s*def\s+([A-Za-z_]\w*)", re.M)


def extract(nb, names, *, extra_needed=()) -> Extracted:
    """Find the code that defines ``names`` (the graded exercises) and what it needs.

    ``extra_needed`` are other names the checks may call (helpers, forward
    blocks); they are kept if the notebook defines or imports them.
    """
    stmts = []  # (_Kept, label)
    syntax_errors = {}
    for index, cell in enumerate(nb.get("cells", [])):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        src = _strip_magics(_cell_source(cell))
        if src is None or not src.strip():
            continue
        label = f"cell {index + 1}"
        parsed = _parse_cell(src) if len(src) <= _CACHED_CELL_CHARS else _parse_cell.__wrapped__(src)
        if parsed[0] == "error":
            for name in _DEF_RE.findall(src):
                if name in names:
                    syntax_errors[name] = f"SyntaxError in {label} at line {parsed[1]}: {parsed[2]}"
            continue
        stmts.extend((kept, label) for kept in parsed[1])

    # Keep what the graded functions need, transitively (imports of matplotlib for a demo are dropped).
    needed = set(names) | set(extra_needed)
    info = [(k.bound, k.used) for k, _ in stmts]
    while True:
        grown = set(needed)
        for bound, used in info:
            if bound & needed:
                grown |= used
        if grown == needed:
            break
        needed = grown
    kept = [(k, label) for k, label in stmts if k.bound & needed]
    # Each statement runs on its own, so one broken import does not stop the rest.
    segments = [(k.text, label) for k, label in kept]
    defined = set().union(*(b for b, _ in info)) if info else set()
    exercises = [n for n in names if n not in syntax_errors]
    statements = [(k.stmt, k.src, label) for k, label in kept]
    return Extracted(segments, defined, syntax_errors, find_delegations([k.stmt for k, _ in kept], exercises),
                     notebook_dlkit_metadata(nb), _leftovers(statements, exercises), _sources(statements, exercises))


def _sources(kept, exercises) -> dict:
    """exercise -> (source of its last definition, its first line in the cell), for the kept
    statements ([(stmt, its cell's source, label)], notebook order)."""
    out = {}
    for stmt, src, _ in kept:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name in exercises:
            text = ast.get_source_segment(src, stmt)
            if text:
                out[stmt.name] = (text, stmt.lineno)
    return out


@dataclass(frozen=True)
class _Kept:
    """One top-level definition of a cell, with what it binds and needs and the text to run."""

    stmt: ast.AST
    bound: frozenset
    used: frozenset
    text: str  # padded with blank lines so that line numbers match the learner's cell
    src: str  # the whole cell (for the source of its values: _leftovers)


_CACHED_CELL_CHARS = 16_000  # a larger cell is parsed each time (the cache holds at most 2048 cells)


@functools.lru_cache(maxsize=2048)
def _parse_cell(src: str):
    """("ok", (_Kept, ...)) or ("error", lineno, message) for one cell's source.

    Cached by the source text: most cells of a class's notebooks are the same (the provided
    code, the learners' unchanged cells), and this parse (``ast`` and ``symtable``) was the
    larger part of reading a submission. Nothing here or in ``extract`` changes the nodes.
    """
    try:
        tree = ast.parse(src)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:  # (too deeply nested code too)
        return ("error", getattr(exc, "lineno", None), str(getattr(exc, "msg", exc)))
    kept = []
    for stmt in tree.body:
        if not _keep(stmt):
            continue
        text = ast.get_source_segment(src, stmt, padded=True) or ""
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and stmt.decorator_list:
            first = stmt.decorator_list[0].lineno
        else:
            first = stmt.lineno
        kept.append(_Kept(stmt, frozenset(_bound_names(stmt)), frozenset(_used_names(stmt)), "\n" * (first - 1) + text, src))
    return ("ok", tuple(kept))


def _leftovers(kept, exercises) -> dict:
    """exercise -> static_leftovers of its last definition, for the kept statements (notebook order:
    [(stmt, its cell's source, label)])."""
    from dlkit.checks.leftovers import static_leftovers

    data, funcs = {}, {}
    for stmt, src, _ in kept:
        bound = _bound_names(stmt)
        for name in bound:   # a later def or import of the same name is no longer data
            data.pop(name, None)
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and not isinstance(stmt.value, (ast.Lambda, ast.Name, ast.Attribute)):
            # (a lambda, or another name, np.exp, may well be a function: only values count as data)
            text = " ".join((ast.get_source_segment(src, stmt.value) or "...").split())
            for name in bound:
                data[name] = text if len(text) <= 40 else text[:37] + "..."
        elif isinstance(stmt, ast.FunctionDef) and stmt.name in exercises:
            funcs[stmt.name] = (stmt, None)
    out = {}
    for name, (node, _) in funcs.items():
        # the data as the notebook leaves it: a kernel run top to bottom calls the function with these
        found, unused = static_leftovers(node, data)
        if found:
            out[name] = (found, unused)
    return out


# ---------------------------------------------------------------------------
# Delegation to dlkit's reference, seen statically


def _dlkit_module(name) -> bool:
    return name == "dlkit" or name.startswith("dlkit.")


def _aliases(nodes):
    """(names bound to dlkit modules, name -> reference function name) from imports in ``nodes``."""
    modules, funcs = set(), {}
    for node in nodes:
        for n in ast.walk(node):
            if isinstance(n, ast.Import):
                for a in n.names:
                    if _dlkit_module(a.name):
                        modules.add(a.asname or a.name.split(".")[0])
            elif isinstance(n, ast.ImportFrom) and n.module and _dlkit_module(n.module) and not n.level:
                for a in n.names:
                    if a.name[:1].islower() and a.name not in ("checks", "course", "data", "plots") \
                            and not _looks_like_module(n.module, a.name):
                        funcs[a.asname or a.name] = a.name
                    else:
                        modules.add(a.asname or a.name)
    return modules, funcs


def _looks_like_module(module, name) -> bool:
    return module == "dlkit" and name in ("activations", "layers", "model", "losses", "initialization",
                                          "train", "gradcheck")


def _references(node, name, modules, funcs) -> bool:
    """Does ``node`` use dlkit's ``name`` (``dlkit.name``, ``d.layers.name``, an imported alias)?"""
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and funcs.get(n.id) == name:
            return True
        if isinstance(n, ast.Attribute) and n.attr == name:
            base = n.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in modules:
                return True
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("__import__",) \
                or isinstance(n, ast.Attribute) and n.attr == "import_module":
            return True  # dynamic imports inside a graded function: treat as hiding a hand-off
    return False


def find_delegations(kept, exercises) -> dict:
    """Exercise -> reason, for graded functions that are, or call, dlkit's own version."""
    modules, funcs = _aliases(kept)
    last = {}
    for stmt in kept:
        for name in _bound_names(stmt):
            last[name] = stmt
    found = {}
    for name in exercises:
        stmt = last.get(name)
        if stmt is None:
            continue
        if isinstance(stmt, ast.ImportFrom) and stmt.module and _dlkit_module(stmt.module):
            found[name] = f"{name} is imported from {stmt.module} instead of written"
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)) and _references(stmt.value, name, modules, funcs):
            found[name] = f"{name} is assigned dlkit's own {name}"
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inner_modules, inner_funcs = _aliases(stmt.body)
            if _references(stmt, name, modules | inner_modules, {**funcs, **inner_funcs}):
                found[name] = f"{name} calls dlkit's own {name}"
    return found
