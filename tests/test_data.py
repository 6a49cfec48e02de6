"""dlkit.data and data/: shipped files, their checksums and rebuild, and every error path."""
from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

h5py = pytest.importorskip("h5py", reason="h5py (the course extra) is needed to read datasets")

from dlkit import data  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


def _build_module():
    spec = importlib.util.spec_from_file_location("dlkit_data_build", DATA / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_course_file(path, train_x, train_y, test_x, test_y, classes=(b"no", b"yes"), drop=()):
    """A file in the course layout, written the way an instructor's own file would be."""
    arrays = {"train_set_x": train_x, "train_set_y": train_y, "test_set_x": test_x, "test_set_y": test_y,
              "list_classes": np.array(classes)}
    with h5py.File(path, "w") as f:
        for key, value in arrays.items():
            if key not in drop:
                f.create_dataset(key, data=value)
    return path


@pytest.fixture
def small_file(tmp_path):
    rng = np.random.RandomState(0)
    return _write_course_file(
        tmp_path / "cats.h5",
        rng.randint(0, 256, (6, 4, 5, 3)).astype(np.uint8), np.array([0, 1, 1, 0, 1, 0], dtype=np.int64),
        rng.randint(0, 256, (2, 4, 5, 3)).astype(np.uint8), np.array([1, 0], dtype=np.int64),
    )


@pytest.fixture
def copy_with_sums(tmp_path):
    """A copy of the shipped digits file with its SHA256SUMS line, in tmp_path."""
    shutil.copy(DATA / "digits.h5", tmp_path / "digits.h5")
    shutil.copy(DATA / "SHA256SUMS", tmp_path / "SHA256SUMS")
    return tmp_path / "digits.h5"


# --- the shipped files ---------------------------------------------------------------------------

def test_sha256sums_match_the_shipped_files():
    listed = {}
    for line in (DATA / "SHA256SUMS").read_text().splitlines():
        if line and not line.startswith("#"):
            digest, name = line.split()
            listed[name] = digest
    assert set(listed) == {f"{n}.h5" for n in data.SHIPPED}
    for name, digest in listed.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize("name", data.SHIPPED)
def test_shipped_files_are_small_and_documented(name):
    assert (DATA / f"{name}.h5").stat().st_size < 5 * 1024 * 1024
    d = data.load(name)
    for key in ("source", "licence", "description", "version"):
        assert isinstance(d.attrs[key], str) and d.attrs[key], key
    assert f"{name}.h5" in (DATA / "README.md").read_text()


def test_digits_in_the_course_layout():
    d = data.load("digits")
    assert d.classes == ("even", "odd")
    assert d.train_x.shape == (500, 8, 8) and d.train_x.dtype == np.uint8
    assert d.test_x.shape == (1297, 8, 8) and d.test_x.dtype == np.uint8
    assert d.train_y.shape == (500,) and d.test_y.shape == (1297,)
    assert d.train_x.max() == 255 and d.train_x.min() == 0
    # The label is the digit's parity, and every digit appears 50 times in train.
    assert np.array_equal(d.train_y, d.extra["train_set_digit"] % 2)
    assert np.array_equal(np.bincount(d.extra["train_set_digit"]), [50] * 10)
    assert "CC BY 4.0" in d.attrs["licence"]


@pytest.mark.parametrize("name", ["moons", "spiral"])
def test_two_d_sets(name):
    d = data.load(name)
    assert d.train_x.shape == (400, 2) and d.test_x.shape == (200, 2)
    assert d.train_x.dtype == np.float64
    assert set(np.unique(d.train_y)) == {0, 1}
    assert abs(d.train_y.mean() - 0.5) < 0.1  # roughly balanced
    X, Y = d.xy("test")
    assert X.shape == (2, 200) and Y.shape == (1, 200)
    assert np.array_equal(X, d.test_x.T)  # 2-D points are not rescaled


def test_rebuild_reproduces_the_shipped_bytes():
    pytest.importorskip("sklearn", reason="the digits source file comes with scikit-learn (the data extra)")
    build = _build_module()
    files = build.build_all()
    again = build.build_all()
    assert files == again  # deterministic within a run
    header = (DATA / "SHA256SUMS").read_text().splitlines()[0]
    if f"HDF5 {h5py.version.hdf5_version}" not in header:
        # Other HDF5 versions lay bytes out differently; the content must still agree.
        for name, blob in files.items():
            import io
            with h5py.File(io.BytesIO(blob), "r") as new, h5py.File(DATA / name, "r") as old:
                assert sorted(new) == sorted(old)
                for key in new:
                    assert np.array_equal(new[key][()], old[key][()]), (name, key)
        pytest.skip(f"shipped bytes were built with {header[2:]}; this machine has HDF5 {h5py.version.hdf5_version}, content compared instead")
    for name, blob in files.items():
        assert blob == (DATA / name).read_bytes(), f"{name}: rebuild differs from the shipped file"
    assert build.sha256sums(files) == (DATA / "SHA256SUMS").read_text()


def test_build_check_command_reports_same_bytes():
    pytest.importorskip("sklearn", reason="the digits source file comes with scikit-learn (the data extra)")
    header = (DATA / "SHA256SUMS").read_text().splitlines()[0]
    if f"HDF5 {h5py.version.hdf5_version}" not in header:
        pytest.skip(f"shipped bytes were built with {header[2:]}, this machine has HDF5 {h5py.version.hdf5_version}")
    out = subprocess.run([sys.executable, str(DATA / "build.py"), "--check"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.count("same bytes") == 4  # three .h5 files and SHA256SUMS


def test_build_refuses_a_wrong_source(tmp_path):
    build = _build_module()
    fake = tmp_path / "optdigits.tes"
    fake.write_text("0," * 64 + "3\n")
    with pytest.raises(SystemExit, match="does not hold the expected digits data"):
        build.read_digits_source(fake)


def test_import_dlkit_stays_numpy_only():
    code = "import sys, dlkit, dlkit.data; print('h5py' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert out.stdout.split() == ["False", "False"], out.stderr


# --- helpers -------------------------------------------------------------------------------------

def test_xy_flattens_and_scales_images():
    d = data.load("digits")
    X, Y = d.xy("train")
    assert X.shape == (64, 500) and Y.shape == (1, 500)
    assert X.dtype == np.float64 and Y.dtype == np.float64
    assert 0.0 <= X.min() and X.max() == 1.0
    # Column j is example j, row-major over the image (pixel (r, c) is row 8 r + c).
    assert X[8 * 2 + 5, 7] == d.train_x[7, 2, 5] / 255
    assert np.array_equal(Y[0], d.train_y)


def test_flatten_scale_as_row():
    images = np.arange(2 * 3 * 4 * 3, dtype=np.uint8).reshape(2, 3, 4, 3)
    X = data.flatten(images)
    assert X.shape == (36, 2) and np.array_equal(X[:, 1], images[1].ravel())
    assert data.scale(np.array([[0, 255]], dtype=np.uint8)).tolist() == [[0.0, 1.0]]
    assert data.scale(np.array([[0, 8, 16]]), max_value=16).tolist() == [[0.0, 0.5, 1.0]]
    assert data.as_row(np.array([1, 0, 1])).shape == (1, 3)
    assert data.as_row(np.array([[1], [0]])).tolist() == [[1.0, 0.0]]


def test_helpers_reject_bad_input():
    with pytest.raises(TypeError, match="flatten: images must be a numpy array"):
        data.flatten([[1, 2]])
    with pytest.raises(ValueError, match=r"flatten: images must have shape .* got shape \(3,\)"):
        data.flatten(np.zeros(3))
    with pytest.raises(ValueError, match="pass max_value"):
        data.scale(np.array([[0.0, 16.0]]))
    with pytest.raises(ValueError, match="max_value must be a number greater than zero"):
        data.scale(np.array([[1, 2]]), max_value=0)
    with pytest.raises(ValueError, match=r"as_row: y must be .* got shape \(2, 3\)"):
        data.as_row(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="split must be 'train' or 'test'"):
        data.load("moons").xy("validation")


# --- any course-layout file loads by path --------------------------------------------------------

def test_a_file_written_in_the_course_layout_loads_by_path(small_file):
    d = data.load(small_file)
    assert d.name == "cats" and d.classes == ("no", "yes")
    assert d.train_x.shape == (6, 4, 5, 3) and d.test_y.tolist() == [1, 0]
    X, Y = d.xy("train")
    assert X.shape == (60, 6) and Y.tolist() == [[0, 1, 1, 0, 1, 0]]
    assert data.load(str(small_file)).train_x.tobytes() == d.train_x.tobytes()


def test_an_explicit_checksum_is_checked(small_file):
    digest = hashlib.sha256(small_file.read_bytes()).hexdigest()
    assert data.load(small_file, sha256=digest).classes == ("no", "yes")
    with pytest.raises(data.DatasetError, match="corrupted or was changed"):
        data.load(small_file, sha256="0" * 64)


# --- every error path, with a real broken file ---------------------------------------------------

def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"does not exist; check the path"):
        data.load(tmp_path / "nothing.h5")
    with pytest.raises(FileNotFoundError, match=r"no dataset called 'cats'; the shipped ones are \['digits'"):
        data.load("cats")


def test_missing_shipped_file_says_how_to_rebuild(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match=r"python data/build.py"):
        data.load("moons")


def test_not_an_hdf5_file(tmp_path):
    path = tmp_path / "notes.h5"
    path.write_text("train_set_x,train_set_y\n1,2\n")
    with pytest.raises(data.DatasetError, match="is not an HDF5 file"):
        data.load(path)


def test_truncated_file(small_file):
    blob = small_file.read_bytes()
    small_file.write_bytes(blob[: len(blob) // 2])
    with pytest.raises(data.DatasetError, match=r"is truncated or damaged.*get a fresh copy"):
        data.load(small_file)


def test_flipped_byte_fails_the_checksum(copy_with_sums):
    blob = bytearray(copy_with_sums.read_bytes())
    blob[len(blob) - 100] ^= 0xFF  # inside the image data: HDF5 itself would not notice
    copy_with_sums.write_bytes(bytes(blob))
    with pytest.raises(data.DatasetError, match=r"corrupted or was changed: its SHA-256 is"):
        data.load(copy_with_sums)


def test_shipped_file_with_a_flipped_byte_says_rebuild(tmp_path, monkeypatch):
    shutil.copy(DATA / "SHA256SUMS", tmp_path / "SHA256SUMS")
    blob = bytearray((DATA / "spiral.h5").read_bytes())
    blob[-10] ^= 0x01
    (tmp_path / "spiral.h5").write_bytes(bytes(blob))
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    with pytest.raises(data.DatasetError, match=r"corrupted.*python data/build.py"):
        data.load("spiral")


def test_shipped_file_without_a_checksum_line(tmp_path, monkeypatch):
    shutil.copy(DATA / "moons.h5", tmp_path / "moons.h5")
    (tmp_path / "SHA256SUMS").write_text("")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    with pytest.raises(data.DatasetError, match="has no checksum for moons.h5"):
        data.load("moons")


def test_missing_key(tmp_path):
    path = _write_course_file(tmp_path / "nolabels.h5", np.zeros((3, 2, 2), np.uint8), np.zeros(3, np.int64),
                              np.zeros((1, 2, 2), np.uint8), np.zeros(1, np.int64), drop=("test_set_y",))
    with pytest.raises(data.DatasetError, match=r"has no 'test_set_y'; a course-layout file needs"):
        data.load(path)


def test_dropping_a_key_from_a_copy_of_a_shipped_file(tmp_path):
    path = tmp_path / "moons.h5"
    shutil.copy(DATA / "moons.h5", path)
    with h5py.File(path, "a") as f:
        del f["list_classes"]
    with pytest.raises(data.DatasetError, match="has no 'list_classes'"):
        data.load(path)


def test_a_key_that_is_a_group_counts_as_missing(tmp_path):
    path = _write_course_file(tmp_path / "group.h5", np.zeros((3, 2, 2), np.uint8), np.zeros(3, np.int64),
                              np.zeros((1, 2, 2), np.uint8), np.zeros(1, np.int64), drop=("train_set_x",))
    with h5py.File(path, "a") as f:
        f.create_group("train_set_x")
    with pytest.raises(data.DatasetError, match="has no 'train_set_x'"):
        data.load(path)


def test_images_that_are_not_numbers(tmp_path):
    path = _write_course_file(tmp_path / "text.h5", np.array([b"a", b"b"]).reshape(2, 1), np.zeros(2, np.int64),
                              np.array([b"c"]).reshape(1, 1), np.zeros(1, np.int64))
    with pytest.raises(data.DatasetError, match="train_set_x must hold numbers"):
        data.load(path)


def test_count_mismatch(tmp_path):
    path = _write_course_file(tmp_path / "counts.h5", np.zeros((5, 2, 2), np.uint8), np.zeros(4, np.int64),
                              np.zeros((1, 2, 2), np.uint8), np.zeros(1, np.int64))
    with pytest.raises(data.DatasetError, match="train_set_x has 5 examples but train_set_y has 4 labels"):
        data.load(path)


def test_train_and_test_examples_disagree(tmp_path):
    path = _write_course_file(tmp_path / "sizes.h5", np.zeros((2, 8, 8), np.uint8), np.zeros(2, np.int64),
                              np.zeros((2, 4, 4), np.uint8), np.zeros(2, np.int64))
    with pytest.raises(data.DatasetError, match=r"test_set_x examples are \(4, 4\) but train_set_x ones are \(8, 8\)"):
        data.load(path)


def test_labels_outside_the_classes(tmp_path):
    path = _write_course_file(tmp_path / "labels.h5", np.zeros((3, 2, 2), np.uint8), np.array([0, 1, 2]),
                              np.zeros((1, 2, 2), np.uint8), np.zeros(1, np.int64))
    with pytest.raises(data.DatasetError, match=r"train_set_y has labels such as \[2\] outside the 2 classes"):
        data.load(path)


def test_non_integer_labels(tmp_path):
    path = _write_course_file(tmp_path / "floats.h5", np.zeros((2, 2, 2), np.uint8), np.array([0.5, 1.0]),
                              np.zeros((1, 2, 2), np.uint8), np.zeros(1, np.int64))
    with pytest.raises(data.DatasetError, match="must hold integer labels"):
        data.load(path)


def test_bad_argument_type():
    with pytest.raises(TypeError, match="name_or_path must be a dataset name"):
        data.load(3)


# --- the course's own two-file layout: a train file and a test file --------------------------------

def _write_h5(path, **arrays):
    with h5py.File(path, "w") as f:
        for key, value in arrays.items():
            f.create_dataset(key, data=value)
    return path


@pytest.fixture
def pair(tmp_path):
    """Small files in the course's exact two-file layout (as in train_catvnoncat.h5 / test_catvnoncat.h5)."""
    rng = np.random.RandomState(1)
    folder = tmp_path / "datasets"
    folder.mkdir()
    train = _write_h5(folder / "train_catvnoncat.h5", train_set_x=rng.randint(0, 256, (5, 4, 4, 3)).astype(np.uint8),
                      train_set_y=np.array([0, 1, 0, 0, 1], np.int64), list_classes=np.array([b"non-cat", b"cat"]))
    test = _write_h5(folder / "test_catvnoncat.h5", test_set_x=rng.randint(0, 256, (3, 4, 4, 3)).astype(np.uint8),
                     test_set_y=np.array([1, 1, 0], np.int64))
    return train, test


def test_the_two_file_layout_loads_by_paths_and_by_folder(pair):
    train, test = pair
    for d in (data.load(train, test=test), data.load(str(train), test=str(test)), data.load(train.parent),
              data.load(str(train.parent))):
        assert d.name == "catvnoncat" and d.classes == ("non-cat", "cat")
        assert (d.path, d.test_path) == (train, test)
        with h5py.File(train, "r") as f:
            assert d.train_x.tobytes() == f["train_set_x"][()].tobytes()
        assert d.test_y.tolist() == [1, 1, 0] and d.train_y.tolist() == [0, 1, 0, 0, 1]
        X, Y = d.xy("test")
        assert X.shape == (48, 3) and 0 <= X.min() and X.max() <= 1 and Y.tolist() == [[1, 1, 0]]


def test_the_folder_may_hold_other_files(pair):
    train, test = pair
    (train.parent / "README.md").write_text("the course's data")
    shutil.copy(DATA / "moons.h5", train.parent / "moons.h5")  # a one-file dataset: not half of the pair
    assert data.load(train.parent).test_path == test


def test_list_classes_may_be_in_both_files_if_they_agree(pair):
    train, test = pair
    with h5py.File(test, "a") as f:
        f.create_dataset("list_classes", data=np.array([b"non-cat", b"cat"]))
    assert data.load(train, test=test).classes == ("non-cat", "cat")
    with h5py.File(test, "a") as f:
        del f["list_classes"]
        f.create_dataset("list_classes", data=np.array([b"dog", b"cat"]))
    with pytest.raises(data.DatasetError, match=r"list_classes differ: .*train_catvnoncat.h5 has .*non-cat.*test_catvnoncat.h5"):
        data.load(train, test=test)


def test_a_train_file_alone_says_to_give_the_test_file(pair):
    train, test = pair
    with pytest.raises(data.DatasetError, match=r"train_catvnoncat.h5 has no 'test_set_x', 'test_set_y'.*"
                                                r"train set only.*load\(train_path, test=test_path\)"):
        data.load(train)
    with pytest.raises(data.DatasetError, match=r"test set only"):
        data.load(test)


def test_swapped_files_are_named(pair):
    train, test = pair
    with pytest.raises(data.DatasetError, match=r"test_catvnoncat.h5 has no 'train_set_x'.*swapped"):
        data.load(test, test=train)


def test_a_folder_without_the_pair_says_what_it_holds(pair, tmp_path):
    train, test = pair
    test.unlink()
    with pytest.raises(data.DatasetError, match=r"holds no test file .*\['train_catvnoncat.h5'\].*load\(train_path, test="):
        data.load(train.parent)
    _write_h5(train.parent / "test_a.h5", test_set_x=np.zeros((1, 4, 4, 3), np.uint8), test_set_y=np.zeros(1, np.int64))
    _write_h5(train.parent / "test_b.h5", test_set_x=np.zeros((1, 4, 4, 3), np.uint8), test_set_y=np.zeros(1, np.int64))
    with pytest.raises(data.DatasetError, match=r"several test files \['test_a.h5', 'test_b.h5'\]"):
        data.load(train.parent)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(data.DatasetError, match="holds no train file"):
        data.load(empty)


def test_errors_in_the_test_file_name_the_test_file(pair):
    train, test = pair
    _write_h5(test, test_set_x=np.zeros((2, 4, 4, 3), np.uint8), test_set_y=np.array([0, 5]))
    with pytest.raises(data.DatasetError, match=r"test_catvnoncat.h5: test_set_y has labels such as \[5\]"):
        data.load(train, test=test)
    _write_h5(test, test_set_x=np.zeros((2, 8, 8), np.uint8), test_set_y=np.array([0, 1]))
    with pytest.raises(data.DatasetError, match=r"test_catvnoncat.h5: test_set_x examples are \(8, 8\)"):
        data.load(train, test=test)
    _write_h5(test, test_set_x=np.zeros((2, 4, 4, 3), np.uint8))
    with pytest.raises(data.DatasetError, match=r"test_catvnoncat.h5 has no 'test_set_y'; the test file of the two-file layout"):
        data.load(train, test=test)


def test_no_class_names_in_either_file(pair):
    train, test = pair
    with h5py.File(train, "a") as f:
        del f["list_classes"]
    with pytest.raises(data.DatasetError, match="neither .* has 'list_classes'"):
        data.load(train.parent)


def test_each_file_of_the_pair_is_checked_against_its_sums(pair):
    train, test = pair
    digest = hashlib.sha256(train.read_bytes()).hexdigest()
    (train.parent / "SHA256SUMS").write_text(f"{digest}  {train.name}\n{'0' * 64}  {test.name}\n")
    with pytest.raises(data.DatasetError, match=r"test_catvnoncat.h5 is corrupted or was changed"):
        data.load(train.parent)
    good = hashlib.sha256(test.read_bytes()).hexdigest()
    (train.parent / "SHA256SUMS").write_text(f"{digest}  {train.name}\n{good}  {test.name}\n")
    assert data.load(train.parent).test_y.tolist() == [1, 1, 0]


def test_two_file_argument_mistakes(pair, tmp_path):
    train, test = pair
    with pytest.raises(ValueError, match="sha256 checks one file"):
        data.load(train, test=test, sha256="0" * 64)
    with pytest.raises(FileNotFoundError, match=r"test: .*nothing.h5 is not a file; give the path of the test file"):
        data.load(train, test=tmp_path / "nothing.h5")
    with pytest.raises(TypeError, match="test must be a file or folder path"):
        data.load(train, test=3)


# --- the recommended settings give the results data/README.md promises ---------------------------

def _one_blas_thread():
    """Tiny matrices: extra BLAS threads only fight over the 2 cores (training gets ~10x slower)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        import contextlib
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def test_digits_show_a_train_test_gap_with_the_recommended_settings():
    from dlkit import accuracy, predict, train

    d = data.load("digits")
    (X, Y), (X_test, Y_test) = d.xy("train"), d.xy("test")
    settings = data.RECOMMENDED["digits"]
    assert settings["layer_dims"] == [X.shape[0], 20, 7, 5, 1]
    with _one_blas_thread():
        parameters, costs = train(X, Y, settings["layer_dims"], settings["learning_rate"], settings["num_iterations"],
                                  scheme="course", seed=1, progress=False)
    train_acc, test_acc = accuracy(predict(X, parameters), Y), accuracy(predict(X_test, parameters), Y_test)
    assert train_acc >= 0.99  # the network fits the 500 training images...
    assert 0.85 < test_acc < 0.99  # ...clearly beats chance (50 %) on new writers, but not perfectly
    assert train_acc - test_acc > 0.03  # the gap the hyperparameters lesson shows
    assert max(np.diff(costs)) < 1e-3  # a smooth learning curve: no spike (0.05 gives rises of 0.4)


@pytest.mark.parametrize("name", ["moons", "spiral"])
def test_two_d_sets_are_learnt_with_the_recommended_settings(name):
    from dlkit import accuracy, predict, train

    d = data.load(name)
    X, Y = d.xy("train")
    s = data.RECOMMENDED[name]
    with _one_blas_thread():
        parameters, _ = train(X, Y, s["layer_dims"], s["learning_rate"], s["num_iterations"], progress=False)
    assert accuracy(predict(X, parameters), Y) > 0.95
    assert accuracy(predict(*d.xy("test")[:1], parameters), d.xy("test")[1]) > 0.9


@pytest.mark.parametrize("shape", [(0, 8, 8), (5, 0, 8), (0, 2)], ids=["no examples", "no pixels", "no points"])
def test_flatten_of_an_empty_array_says_so(shape):
    """Issue 14's fuzzer: numpy's reshape error, or an X with no rows, before."""
    with pytest.raises(ValueError, match=rf"flatten: images has shape \({shape[0]}, {shape[1]}.*\) with no entries; "
                                         r"images must be \(m, height, width\[, channels\]\) or \(m, n_x\) with every size at least 1"):
        data.flatten(np.zeros(shape))


@pytest.mark.parametrize("sha256, error, message", [
    (123, TypeError, r"load: sha256 must be the file's SHA-256 as a string of 64 hex digits, got int 123"),
    ("abc", ValueError, r"load: sha256 must be 64 hex digits, got 'abc' \(3 characters\)"),
    ("z" * 64, ValueError, r"load: sha256 must be 64 hex digits, got 'zzzz"),
], ids=["int (the fuzzer's AttributeError)", "too short", "not hex"])
def test_a_malformed_checksum_argument_gets_a_clear_error(sha256, error, message):
    with pytest.raises(error, match=message):
        data.load("digits", sha256=sha256)
