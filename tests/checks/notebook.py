"""Run learner code the way a notebook does: source compiled into one namespace,
with its lines registered in linecache (as IPython does for every cell)."""
import itertools
import linecache
import textwrap

_counter = itertools.count(1)


def notebook(*cells: str) -> dict:
    """Execute ``cells`` in a fresh namespace, like consecutive notebook cells; return the namespace."""
    namespace = {"__name__": "__main__"}
    for source in cells:
        source = textwrap.dedent(source).lstrip("\n")
        filename = f"<cell-{next(_counter)}>"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        exec(compile(source, filename, "exec"), namespace)
    return namespace
