"""Datasets in the course's HDF5 layout, and the helpers that turn them into X and Y.

A course-layout file holds ``train_set_x`` (m, height, width[, channels])
uint8 images, or (m, 2) floats for the 2-D sets, ``train_set_y`` (m,) labels,
the same two for the test set, and ``list_classes`` (the class names as
bytes). ``load("digits")`` opens a file shipped in data/ (checked against
data/SHA256SUMS); ``load("path/to/file.h5")`` opens any file in that layout.
The course's own two-file layout (a train file with ``train_set_x``,
``train_set_y``, ``list_classes`` and a test file with ``test_set_x``,
``test_set_y``) loads with ``load("train.h5", test="test.h5")`` or
``load("folder/")``, the folder holding both.

The network wants one example per column::

    data = load("digits")
    X = scale(flatten(data.train_x))   # (n_x, m) = (64, 500), values in [0, 1]
    Y = as_row(data.train_y)           # (1, m)
    # or in one step: X, Y = data.xy("train")

h5py is imported only when a file is read, so ``import dlkit`` stays numpy-only.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

# The shipped files live in the repository's data/ folder; DLKIT_DATA_DIR points elsewhere.
DATA_DIR = Path(os.environ.get("DLKIT_DATA_DIR", Path(__file__).resolve().parent.parent / "data"))
SHIPPED = ("digits", "moons", "spiral")
REQUIRED_KEYS = ("train_set_x", "train_set_y", "test_set_x", "test_set_y", "list_classes")
TRAIN_KEYS, TEST_KEYS = ("train_set_x", "train_set_y"), ("test_set_x", "test_set_y")  # the two-file layout
H5_SUFFIXES = (".h5", ".hdf5")
SUMS_FILE = "SHA256SUMS"

# Settings measured with dlkit.train (scheme "course", seed 1); see data/README.md for the numbers.
# digits: 100 % train / 94.2 % test accuracy in about 0.7 s, a smooth cost curve.
RECOMMENDED = {
    "digits": {"layer_dims": [64, 20, 7, 5, 1], "learning_rate": 0.03, "num_iterations": 2500},
    "moons": {"layer_dims": [2, 20, 7, 5, 1], "learning_rate": 0.1, "num_iterations": 3000},
    "spiral": {"layer_dims": [2, 20, 7, 5, 1], "learning_rate": 0.1, "num_iterations": 3000},
}


class DatasetError(ValueError):
    """A dataset file that exists but cannot be used; the message says what to do."""


@dataclass(frozen=True, repr=False)
class Dataset:
    """One dataset: the arrays exactly as stored in the file, and its class names.

    train_x: (m_train, ...) e.g. (m, height, width) uint8 images or (m, 2) floats
    train_y: (m_train,) integer labels, each an index into ``classes``
    test_x, test_y: the same for the test set
    classes: class names as str, ``classes[y]`` is the name of label y
    attrs: the file's attributes (source, licence, description, version)
    extra: any other arrays in the file (e.g. digits' ``train_set_digit``)
    path: the file (the train file in the two-file layout); test_path: the test file there, else None
    """

    name: str
    train_x: np.ndarray
    train_y: np.ndarray
    test_x: np.ndarray
    test_y: np.ndarray
    classes: tuple
    path: Path
    attrs: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    test_path: Path | None = None

    def xy(self, split: str = "train") -> tuple[np.ndarray, np.ndarray]:
        """Return ``(X, Y)`` ready for the network: X (n_x, m) float64, Y (1, m) float64.

        Images are flattened and scaled to [0, 1]; 2-D points are kept as they are.
        """
        if split not in ("train", "test"):
            raise ValueError(f"Dataset.xy: split must be 'train' or 'test', got {split!r}")
        x, y = (self.train_x, self.train_y) if split == "train" else (self.test_x, self.test_y)
        X = flatten(x)
        X = scale(X) if x.dtype == np.uint8 else X.astype(np.float64)
        return X, as_row(y)

    def __repr__(self) -> str:
        return (
            f"Dataset({self.name!r}: train_x {self.train_x.shape} {self.train_x.dtype}, "
            f"test_x {self.test_x.shape}, classes {list(self.classes)})"
        )


def flatten(images) -> np.ndarray:
    """Stack each example into one column: (m, height, width[, channels]) -> X (n_x, m).

    n_x = height * width * channels. A 2-D array (m, n_x), e.g. points (m, 2),
    is simply transposed. The dtype is kept (use :func:`scale` next).
    """
    if not isinstance(images, np.ndarray):
        raise TypeError(f"flatten: images must be a numpy array of shape (m, height, width[, channels]), got {type(images).__name__}")
    if images.ndim < 2:
        raise ValueError(
            f"flatten: images must have shape (m, height, width[, channels]) or (m, n_x), got shape {images.shape}"
        )
    if 0 in images.shape:
        raise ValueError(
            f"flatten: images has shape {images.shape} with no entries; "
            f"images must be (m, height, width[, channels]) or (m, n_x) with every size at least 1"
        )
    return images.reshape(images.shape[0], -1).T


def scale(X, max_value=None) -> np.ndarray:
    """Return X / max_value as float64, so that pixel values lie in [0, 1].

    uint8 images are divided by 255 (``max_value`` defaults to 255 for them);
    float arrays already in [0, 1] are returned as float64 copies. For other
    data give ``max_value``, the largest value a feature can take.
    """
    if not isinstance(X, np.ndarray) or X.dtype.kind not in "uif":
        raise TypeError(f"scale: X must be a numpy array of numbers, got {type(X).__name__} {getattr(X, 'dtype', '')}")
    if max_value is None:
        if X.dtype == np.uint8:
            max_value = 255
        elif X.dtype.kind == "f" and X.size and (np.nanmin(X) < 0 or np.nanmax(X) > 1):
            raise ValueError(
                f"scale: X holds values from {np.nanmin(X):.4g} to {np.nanmax(X):.4g}, not uint8 pixels or [0, 1]; "
                f"pass max_value, the largest value a feature can take"
            )
        elif X.dtype.kind == "f":
            max_value = 1
        else:
            raise ValueError(f"scale: X has dtype {X.dtype}; pass max_value (255 for 8-bit pixels)")
    if isinstance(max_value, bool) or not isinstance(max_value, (int, float, np.integer, np.floating)) or not max_value > 0:
        raise ValueError(f"scale: max_value must be a number greater than zero, got {max_value!r}")
    return X.astype(np.float64) / float(max_value)


def as_row(y) -> np.ndarray:
    """Labels (m,) (or (m, 1), (1, m)) -> Y of shape (1, m), float64, the layout the cost expects."""
    y = np.asarray(y)
    if y.dtype.kind not in "uifb":
        raise TypeError(f"as_row: y must hold numeric labels, got dtype {y.dtype}")
    if y.ndim > 2 or (y.ndim == 2 and 1 not in y.shape):
        raise ValueError(f"as_row: y must be (m,), (m, 1) or (1, m) labels, got shape {y.shape}")
    return y.astype(np.float64).reshape(1, -1)


def resolve(name_or_path) -> tuple[str, Path, bool]:
    """Return (name, path, shipped) for a shipped dataset name or a file path."""
    if isinstance(name_or_path, str) and name_or_path in SHIPPED:
        return name_or_path, DATA_DIR / f"{name_or_path}.h5", True
    if not isinstance(name_or_path, (str, os.PathLike)):
        raise TypeError(f"load: name_or_path must be a dataset name {list(SHIPPED)} or a file path, got {type(name_or_path).__name__}")
    path = Path(name_or_path)
    if not path.exists():
        if isinstance(name_or_path, str) and os.sep not in name_or_path and not path.suffix:
            raise FileNotFoundError(f"load: no dataset called {name_or_path!r}; the shipped ones are {list(SHIPPED)}, or give the path of an .h5 file")
        raise FileNotFoundError(f"load: file {path} does not exist; check the path, or load a shipped dataset by name {list(SHIPPED)}")
    shipped = path.stem in SHIPPED and path.resolve() == (DATA_DIR / f"{path.stem}.h5").resolve()
    return path.stem, path, shipped


def expected_sha256(path: Path) -> str | None:
    """The checksum listed for ``path`` in a SHA256SUMS file next to it, or None."""
    sums = path.parent / SUMS_FILE
    if not sums.is_file():
        return None
    for line in sums.read_text().splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#") and parts[1].lstrip("*") == path.name:
            return parts[0].lower()
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _checked_sha256(sha256) -> str:
    """load's ``sha256`` argument, lower-cased, or a clear error."""
    if not isinstance(sha256, str):
        raise TypeError(f"load: sha256 must be the file's SHA-256 as a string of 64 hex digits, got {type(sha256).__name__} {sha256!r}"[:160])
    if len(sha256) != 64 or any(c not in "0123456789abcdefABCDEF" for c in sha256):
        raise ValueError(f"load: sha256 must be 64 hex digits, got {sha256[:70]!r} ({len(sha256)} characters)")
    return sha256.lower()


def load(name_or_path, *, test=None, sha256: str | None = None) -> Dataset:
    """Load a dataset in the course's HDF5 layout and check it.

    ``name_or_path``: "digits", "moons" or "spiral" (shipped in data/), or the
    path of any HDF5 file in the course layout. The file is checked against
    ``sha256`` if given, else against a SHA256SUMS file in its folder that
    lists it (shipped files always are). Raises FileNotFoundError for a
    missing file and DatasetError (a ValueError) for a broken one, saying what
    to do.

    The two-file layout: ``load(train_path, test=test_path)``, or
    ``load(folder)`` for a folder holding one train file and one test file
    (found by the arrays they hold, see :func:`find_pair`). Each file is
    checked as above (against a SHA256SUMS next to it, if any).
    """
    folder = isinstance(name_or_path, (str, os.PathLike)) and name_or_path not in SHIPPED and Path(name_or_path).is_dir()
    if test is not None or folder:
        return _load_pair(name_or_path, test, sha256)
    name, path, shipped = resolve(name_or_path)
    arrays, attrs, rebuild = _read(path, shipped, sha256, REQUIRED_KEYS)
    extra = {k: v for k, v in arrays.items() if k not in REQUIRED_KEYS}
    classes = _check(path, arrays, rebuild)
    return Dataset(name, arrays["train_set_x"], arrays["train_set_y"], arrays["test_set_x"], arrays["test_set_y"],
                   classes, path, attrs, extra)


def _read(path: Path, shipped: bool, sha256, required, role: str = "a course-layout file") -> tuple[dict, dict, str]:
    """Check one file (checksum, HDF5 signature, the ``required`` arrays); return (arrays, attrs, what-to-do)."""
    rebuild = "rebuild it with `python data/build.py` (or restore it with `git checkout data/`)" if shipped else "get a fresh copy of the file"
    if not path.is_file():
        raise FileNotFoundError(f"load: {path} is not a file; {rebuild}")

    want = _checked_sha256(sha256) if sha256 is not None else expected_sha256(path)
    if shipped and want is None:
        raise DatasetError(f"load: data/{SUMS_FILE} has no checksum for {path.name}; {rebuild} to restore {SUMS_FILE}")
    if want is not None:
        got = _sha256(path)
        if got != want:
            raise DatasetError(
                f"load: {path} is corrupted or was changed: its SHA-256 is {got[:16]}..., expected {want[:16]}...; {rebuild}"
            )

    import h5py  # lazily: import dlkit stays numpy-only

    with open(path, "rb") as f:
        signature = f.read(8)
    if signature != b"\x89HDF\r\n\x1a\n":
        raise DatasetError(f"load: {path} is not an HDF5 file (it does not start with the HDF5 signature); {rebuild}")
    try:
        with h5py.File(path, "r") as f:
            # A key that is a group (or a broken link) instead of an array counts as missing.
            missing = [k for k in required if not isinstance(f.get(k), h5py.Dataset)]
            if missing:
                raise DatasetError(
                    f"load: {path} has no {', '.join(repr(k) for k in missing)}; {role} needs "
                    f"{list(required)} (it has {sorted(f.keys())}); {_layout_advice(f, required) or rebuild}"
                )
            arrays = {k: f[k][()] for k in f.keys() if isinstance(f[k], h5py.Dataset)}
            attrs = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in f.attrs.items()}
    except DatasetError:
        raise
    except OSError as e:  # h5py reports a truncated or damaged file as OSError
        size = path.stat().st_size
        raise DatasetError(f"load: {path} ({size} bytes) is truncated or damaged, HDF5 says: {e}; {rebuild}") from None
    return arrays, attrs, rebuild


def _layout_advice(f, required) -> str:
    """What to do when a file holds the other half of the two-file layout (or was given as the wrong half)."""
    has = {k for k in (*TRAIN_KEYS, *TEST_KEYS) if k in f}
    if required == REQUIRED_KEYS and has == set(TRAIN_KEYS):
        return ("it holds the train set only (the two-file layout): give the test file too, "
                "load(train_path, test=test_path), or the folder holding both, load(folder)")
    if required == REQUIRED_KEYS and has == set(TEST_KEYS):
        return "it holds the test set only (the two-file layout): load(train_path, test=this_path), or load(folder)"
    if required == TEST_KEYS and set(TRAIN_KEYS) <= has:
        return "it holds a train set: were the train and test files swapped? load(train_path, test=test_path)"
    if required == TRAIN_KEYS and set(TEST_KEYS) <= has:
        return "it holds a test set: were the train and test files swapped? load(train_path, test=test_path)"
    return ""


def find_pair(folder) -> tuple[Path, Path]:
    """The (train, test) files of the two-file layout in ``folder``: the one .h5/.hdf5 file holding
    train_set_x (and no test_set_x) and the one holding test_set_x (and no train_set_x)."""
    import h5py

    folder = Path(folder)
    found = {"train": [], "test": []}
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in H5_SUFFIXES and p.is_file()):
        try:
            with h5py.File(path, "r") as f:
                keys = set(f.keys())
        except OSError:
            continue  # not readable as HDF5: not one of the pair (named below if nothing is found)
        if "train_set_x" in keys and "test_set_x" not in keys:
            found["train"].append(path)
        elif "test_set_x" in keys and "train_set_x" not in keys:
            found["test"].append(path)
    for role, key in (("train", "train_set_x"), ("test", "test_set_x")):
        if len(found[role]) != 1:
            files = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in H5_SUFFIXES)
            which = (f"several {role} files {[p.name for p in found[role]]}" if found[role]
                     else f"no {role} file (an HDF5 file holding {key})")
            raise DatasetError(
                f"load: folder {folder} holds {which}; the two-file layout needs exactly one train file "
                f"({list(TRAIN_KEYS)}, list_classes) and one test file ({list(TEST_KEYS)}); its HDF5 files are "
                f"{files}: give the two paths, load(train_path, test=test_path)"
            )
    return found["train"][0], found["test"][0]


def _load_pair(train, test, sha256) -> Dataset:
    """The two-file layout: train file (train_set_x, train_set_y, list_classes) + test file (test_set_x, test_set_y)."""
    if sha256 is not None:
        raise ValueError("load: sha256 checks one file; for the two-file layout list both files "
                         "in a SHA256SUMS file next to them (`sha256sum train.h5 test.h5 > SHA256SUMS`)")
    for arg, value in (("name_or_path", train), ("test", test)):
        if value is not None and not isinstance(value, (str, os.PathLike)):
            raise TypeError(f"load: {arg} must be a file or folder path, got {type(value).__name__}")
    if test is None:
        train, test = find_pair(train)
    train, test = Path(train), Path(test)
    for arg, role, path in (("name_or_path", "train", train), ("test", "test", test)):
        if not path.is_file():
            raise FileNotFoundError(f"load: {arg}: {path} is not a file; give the path of the {role} file "
                                    f"(or the folder holding both files)")
    a, attrs, rebuild = _read(train, False, None, TRAIN_KEYS, "the train file of the two-file layout")
    b, test_attrs, _ = _read(test, False, None, TEST_KEYS, "the test file of the two-file layout")
    names = [(p, arr["list_classes"]) for p, arr in ((train, a), (test, b)) if "list_classes" in arr]
    if not names:
        raise DatasetError(f"load: neither {train} nor {test} has 'list_classes' (the class names, in the train "
                           f"file of the two-file layout); {rebuild}")
    if len(names) == 2 and not np.array_equal(names[0][1], names[1][1]):
        raise DatasetError(f"load: list_classes differ: {train} has {names[0][1].tolist()}, {test} has "
                           f"{names[1][1].tolist()}; the two files must name the same classes; {rebuild}")
    keys = (*TRAIN_KEYS, *TEST_KEYS, "list_classes")
    classes = _check(train, {**a, **b, "list_classes": names[0][1]}, rebuild, test)
    extra = {k: v for k, v in {**b, **a}.items() if k not in keys}
    name = train.stem[len("train_"):] if train.stem.startswith("train_") and len(train.stem) > 6 else train.stem
    return Dataset(name, a["train_set_x"], a["train_set_y"], b["test_set_x"], b["test_set_y"], classes, train,
                   {**test_attrs, **attrs}, extra, test)


def _check(path: Path, arrays: dict, rebuild: str, test_path: Path | None = None) -> tuple:
    """Check shapes and labels agree; return the class names as str (``test_path``: the test file, two-file layout)."""
    names = arrays["list_classes"]
    if not isinstance(names, np.ndarray) or names.ndim != 1 or names.size == 0:
        raise DatasetError(f"load: {path}: list_classes must be a 1-D list of class names, got {getattr(names, 'shape', names)}; {rebuild}")
    classes = tuple(c.decode("utf-8") if isinstance(c, bytes) else str(c) for c in names)
    feature_shape = None
    train_path = path
    for split in ("train", "test"):
        path = test_path if split == "test" and test_path is not None else train_path
        x, y = arrays[f"{split}_set_x"], arrays[f"{split}_set_y"]
        if x.ndim < 2:
            raise DatasetError(f"load: {path}: {split}_set_x must be (m, height, width[, channels]) or (m, n_x), got shape {x.shape}; {rebuild}")
        if x.dtype.kind not in "uif":
            raise DatasetError(f"load: {path}: {split}_set_x must hold numbers (uint8 pixels or floats), got dtype {x.dtype}; {rebuild}")
        if y.ndim != 1 and not (y.ndim == 2 and 1 in y.shape):
            raise DatasetError(f"load: {path}: {split}_set_y must be (m,) labels, got shape {y.shape}; {rebuild}")
        if x.shape[0] != y.size:
            raise DatasetError(
                f"load: {path}: {split}_set_x has {x.shape[0]} examples but {split}_set_y has {y.size} labels; "
                f"they must match (one label per example); {rebuild}"
            )
        if feature_shape is not None and x.shape[1:] != feature_shape:
            raise DatasetError(f"load: {path}: test_set_x examples are {x.shape[1:]} but train_set_x ones are {feature_shape}; they must match; {rebuild}")
        feature_shape = x.shape[1:]
        if y.dtype.kind not in "iub" and not (y.dtype.kind == "f" and np.all(y == np.round(y))):
            raise DatasetError(f"load: {path}: {split}_set_y must hold integer labels, got dtype {y.dtype}; {rebuild}")
        bad = y[(y < 0) | (y >= len(classes))]
        if bad.size:
            raise DatasetError(
                f"load: {path}: {split}_set_y has labels such as {bad.ravel()[:3].tolist()} outside the "
                f"{len(classes)} classes {list(classes)} (labels must be 0..{len(classes) - 1}); {rebuild}"
            )
    return classes
