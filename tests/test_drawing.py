"""dlkit.drawing.DigitPad: the mouse gestures (as the widget's callbacks receive them) make the
image the network classifies. The real mouse in a real browser is tests/browser/."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("ipycanvas", reason="ipycanvas (the course extra) draws the pad")

from dlkit.drawing import INK, SOFT, DigitPad  # noqa: E402


def test_a_stroke_inks_the_pixels_under_the_pointer_and_some_around():
    pad = DigitPad(cell=10)
    assert pad.image().sum() == 0
    pad._move(15, 15)                 # moving without the button pressed draws nothing
    assert pad.image().sum() == 0
    pad._press(15, 25)                # x = 15 -> column 1, y = 25 -> row 2
    pad._move(15, 35)                 # row 3
    pad._move(16, 36)                 # still row 3: many mouse moves within one pixel ink it once
    pad._release(15, 35)
    pad._move(75, 75)                 # released: nothing more
    image = pad.image()
    assert image.dtype == np.uint8 and image.shape == (8, 8)
    assert image[2, 1] == image[3, 1] == 255
    assert image[1, 1] == SOFT and image[2, 0] == SOFT and image[4, 1] == SOFT and image[7, 7] == 0
    assert int((image > 0).sum()) == 8
    X = pad.column()
    assert X.shape == (64, 1) and X.dtype == np.float64
    assert X[2 * 8 + 1, 0] == 1.0 and X.max() == 1.0 and X.min() == 0.0
    assert "8 pixels inked" in repr(pad)


def test_ink_saturates_and_strokes_off_the_grid_are_ignored():
    pad = DigitPad(cell=10)
    for _ in range(5):
        pad.paint(0, 0)
    assert pad.image()[0, 0] == INK and pad.image()[0, 1] == 255
    pad.paint(-1, 3)
    pad.paint(8, 8)
    assert int((pad.image() > 0).sum()) == 3


def test_set_image_clear_and_bad_arguments():
    pad = DigitPad()
    digit = (np.arange(64) * 4).astype(np.uint8).reshape(8, 8)
    pad.set_image(digit)
    assert np.array_equal(pad.image(), digit)
    pad.image()[0, 0] = 7                    # a copy: the pad keeps its own pixels
    assert pad.image()[0, 0] == 0
    pad.clear()
    assert pad.image().sum() == 0
    with pytest.raises(ValueError, match=r"DigitPad.set_image: image must be a \(8, 8\) uint8 array"):
        pad.set_image(np.zeros((8, 8)))
    with pytest.raises(ValueError, match="DigitPad: size must be a whole number"):
        DigitPad(size=1)
    with pytest.raises(ValueError, match="DigitPad: cell must be"):
        DigitPad(cell=True)
