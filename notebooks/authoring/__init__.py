"""The text and code of the instructor notebooks, one module per notebook.

``notebooks/build_instructor.py`` turns each module's ``NOTEBOOK`` into
``notebooks/instructor/<stem>.ipynb`` and executes it. The committed .ipynb
files are the source of truth for the course; edit here and rebuild.
"""
