"""Draw a digit with the mouse, in the notebook, for the network to classify.

    from dlkit.drawing import DigitPad
    pad = DigitPad()        # shows an 8 x 8 grid: press the mouse button and draw
    pad                     # (as a cell's last expression)
    X = pad.column()        # (64, 1), scaled to [0, 1] like the digits dataset's X

The grid is an ipycanvas ``Canvas`` (a widget library that ships its
JupyterLab extension in its wheel, so it works offline); the mouse events
reach the kernel, which fills the cells under the pointer and redraws them.
The pixels are ``uint8`` 0..255 with 0 = paper and 255 = ink, like the images
of ``dlkit.data.load("digits")``: the brush puts full ink under the pointer
and some on the four neighbours, as the dataset's 4 x 4 pixel counts spread a
stroke. ipycanvas and ipywidgets are imported when a pad is made, so
``import dlkit`` stays numpy-only.
"""
from __future__ import annotations

import numpy as np

SIZE = 8          # the digits dataset's images are 8 x 8
INK, SOFT = 255, 96


class DigitPad:
    """An ``size`` x ``size`` grid to draw on; ``image()`` is what was drawn, ``column()`` is X for it."""

    def __init__(self, size: int = SIZE, cell: int = 32):
        if isinstance(size, bool) or not isinstance(size, int) or not 2 <= size <= 64:
            raise ValueError(f"DigitPad: size must be a whole number of pixels from 2 to 64, got {size!r}")
        if isinstance(cell, bool) or not isinstance(cell, int) or not 4 <= cell <= 128:
            raise ValueError(f"DigitPad: cell must be the width of one pixel on screen, 4 to 128, got {cell!r}")
        import ipywidgets
        from ipycanvas import Canvas

        self.size, self.cell = size, cell
        self.pixels = np.zeros((size, size), dtype=np.uint8)
        self._drawing = False
        self._last = None   # the pixel painted last: the mouse sends many moves within one pixel
        self.canvas = Canvas(width=size * cell, height=size * cell, layout=ipywidgets.Layout(border="1px solid #888"))
        self.canvas.on_mouse_down(self._press)
        self.canvas.on_mouse_move(self._move)
        self.canvas.on_mouse_up(self._release)
        self.canvas.on_mouse_out(self._release)
        clear = ipywidgets.Button(description="Clear", tooltip="start again on an empty grid")
        clear.on_click(lambda _: self.clear())
        self.widget = ipywidgets.VBox([ipywidgets.HTML(f"Draw a digit ({size} x {size} pixels): "
                                                       "hold the mouse button down and move."), self.canvas, clear])
        self._redraw()

    # -- what was drawn ---------------------------------------------------------------
    def image(self) -> np.ndarray:
        """A copy of the drawing, (size, size) uint8, 0 = paper, 255 = ink (the dataset's layout)."""
        return self.pixels.copy()

    def column(self) -> np.ndarray:
        """The drawing as one example for the network: X (size * size, 1) in [0, 1], row by row."""
        return (self.pixels.reshape(-1, 1) / 255.0).astype(np.float64)

    def set_image(self, image) -> None:
        """Show ``image`` ((size, size) uint8) on the pad, e.g. a test-set digit to start from."""
        image = np.asarray(image)
        if image.shape != (self.size, self.size) or image.dtype != np.uint8:
            raise ValueError(f"DigitPad.set_image: image must be a ({self.size}, {self.size}) uint8 array, "
                             f"got {image.dtype} {image.shape}")
        self.pixels[...] = image
        self._redraw()

    def clear(self) -> None:
        self.pixels[...] = 0
        self._redraw()

    # -- the brush ----------------------------------------------------------------------
    def paint(self, row: int, col: int) -> None:
        """Ink at pixel (row, col), and some on its four neighbours."""
        if not (0 <= row < self.size and 0 <= col < self.size):
            return
        touched = [(row, col, INK)] + [(row + dr, col + dc, SOFT) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))]
        for r, c, amount in touched:
            if 0 <= r < self.size and 0 <= c < self.size:
                self.pixels[r, c] = min(255, int(self.pixels[r, c]) + amount)
        self._redraw([(r, c) for r, c, _ in touched])

    def _at(self, x, y):
        return int(y // self.cell), int(x // self.cell)

    def _press(self, x, y):
        self._drawing = True
        self._last = self._at(x, y)
        self.paint(*self._last)

    def _move(self, x, y):
        if self._drawing and self._at(x, y) != self._last:   # ink once per pixel entered
            self._last = self._at(x, y)
            self.paint(*self._last)

    def _release(self, x, y):
        self._drawing = False
        self._last = None

    def _redraw(self, cells=None):
        from ipycanvas import hold_canvas

        cells = [(r, c) for r in range(self.size) for c in range(self.size)] if cells is None else cells
        with hold_canvas():   # one message to the browser per stroke step
            for r, c in cells:
                if 0 <= r < self.size and 0 <= c < self.size:
                    level = 255 - int(self.pixels[r, c])   # ink is dark on white paper
                    self.canvas.fill_style = f"rgb({level}, {level}, {level})"
                    self.canvas.fill_rect(c * self.cell, r * self.cell, self.cell, self.cell)
            self.canvas.stroke_style = "#ddd"
            for i in range(1, self.size):
                self.canvas.stroke_line(i * self.cell, 0, i * self.cell, self.size * self.cell)
                self.canvas.stroke_line(0, i * self.cell, self.size * self.cell, i * self.cell)

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)

    def __repr__(self):
        return f"DigitPad({self.size} x {self.size}, {int((self.pixels > 0).sum())} pixels inked)"
