"""The instructor notebooks and their Jupytext-paired text files, kept in step.

Each ``notebooks/instructor/NN_name.ipynb`` is paired with ``NN_name.md``
(MyST Markdown), as ``notebooks/instructor/jupytext.toml`` says. The text
file holds the cells, their metadata (nbgrader's, dlkit's) and the notebook's
``dlkit`` metadata; the .ipynb holds the same plus the stored outputs and the
cell ids. Either side can be edited: in JupyterLab, Jupytext's extension saves
both at once; from an editor or a script, :func:`sync` (``jupytext --sync``)
copies the cells of the more recently modified side to the other.

Jupytext leaves a ``"jupytext"`` entry in a notebook's metadata (its own
bookkeeping, e.g. ``default_lexer``); the text file already says all of it,
so :func:`sync` keeps it out of the .ipynb, :func:`disagreement` ignores it
and the student release drops it.
"""
from __future__ import annotations

from pathlib import Path

TEXT_FORMAT = "md:myst"
TEXT_SUFFIX = ".md"
JUPYTEXT_KEY = "jupytext"


def paired_text(ipynb) -> Path:
    """The text file paired with the notebook ``ipynb`` (same folder, same name, ``.md``)."""
    path = Path(ipynb)
    if path.suffix != ".ipynb":
        raise ValueError(f"paired_text: expected a .ipynb path, got {str(path)!r}")
    return path.with_suffix(TEXT_SUFFIX)


def notebook_paths(folder) -> list[Path]:
    """The .ipynb path of every notebook in ``folder``, in name order, including a text file's not yet written one."""
    folder = Path(folder)
    return sorted({p.with_suffix(".ipynb") for pattern in ("*.ipynb", f"*{TEXT_SUFFIX}") for p in folder.glob(pattern)})


def sync(ipynb) -> None:
    """Bring ``ipynb`` and its paired text file in step with ``jupytext --sync``.

    The side modified last gives the cells (Jupytext's rule; a missing side
    is created from the other); outputs and cell ids stay those of the
    .ipynb for every cell whose source is unchanged. Pairing follows the
    ``jupytext.toml`` of the folder.
    """
    from jupytext.cli import jupytext

    ipynb = Path(ipynb)
    text = paired_text(ipynb)
    if not ipynb.exists() and not text.exists():
        raise FileNotFoundError(f"sync: neither {ipynb} nor {text} exists")
    if jupytext(["--sync", "--quiet", str(text if text.exists() else ipynb)]) != 0:
        raise RuntimeError(f"sync: jupytext --sync failed on {text}")
    drop_jupytext_metadata(ipynb)


def drop_jupytext_metadata(ipynb) -> bool:
    """Remove Jupytext's bookkeeping from the notebook file ``ipynb``; True if the file changed.

    The file's modification time is kept, so the pair's order (which side
    is newer) does not change.
    """
    import os

    import nbformat

    ipynb = Path(ipynb)
    nb = nbformat.read(ipynb, as_version=4)
    if JUPYTEXT_KEY not in nb.metadata:
        return False
    stat = ipynb.stat()
    del nb.metadata[JUPYTEXT_KEY]
    nbformat.write(nb, ipynb)
    os.utime(ipynb, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return True


def _inputs(nb) -> tuple:
    """What the text file and the notebook must agree on: notebook metadata, and each cell's type, source and metadata."""
    from jupytext.cell_metadata import _IGNORE_CELL_METADATA
    from jupytext.metadata_filter import filter_metadata

    meta = {k: v for k, v in nb.metadata.items() if k in ("dlkit", "kernelspec")}
    cells = [(c.cell_type, c.source, filter_metadata(c.metadata, None, _IGNORE_CELL_METADATA)) for c in nb.cells]
    return meta, cells


def disagreement(ipynb) -> str | None:
    """None when ``ipynb`` and its paired text file hold the same cells; else what differs, in one line.

    Compared: the notebook's ``dlkit`` and ``kernelspec`` metadata, and for
    every cell its type, source and metadata (without the keys Jupytext
    never stores in text, such as ``collapsed`` or ``ExecuteTime``).
    Outputs, execution counts and cell ids live only in the .ipynb.
    """
    import jupytext
    import nbformat

    ipynb = Path(ipynb)
    text = paired_text(ipynb)
    if not text.exists():
        return f"{ipynb} has no paired text file {text.name}"
    if not ipynb.exists():
        return f"{text} has no paired notebook {ipynb.name}"
    from_text = jupytext.read(text, fmt=TEXT_FORMAT)
    from_ipynb = nbformat.read(ipynb, as_version=4)
    (text_meta, text_cells), (nb_meta, nb_cells) = _inputs(from_text), _inputs(from_ipynb)
    newer = text if text.stat().st_mtime > ipynb.stat().st_mtime else ipynb
    hint = f"(newer: {newer.name}; `jupytext --sync {newer}` copies it to the other)"
    if text_meta != nb_meta:
        return f"{text} and {ipynb.name} disagree on the notebook metadata {hint}"
    if len(text_cells) != len(nb_cells):
        return f"{text} has {len(text_cells)} cells, {ipynb.name} has {len(nb_cells)} {hint}"
    for index, (a, b) in enumerate(zip(text_cells, nb_cells)):
        for what, x, y in zip(("type", "source", "metadata"), a, b):
            if x != y:
                return f"{text} and {ipynb.name} disagree on the {what} of cell {index} {hint}"
    return None
