"""Readers that turn the bytes of one file into tables or lines of text.

Each format has its own module with one function ``read_<fmt>(name, data,
limits)``; :func:`connectors.files.readers.registry.read_content` picks the reader
from the file's suffix and turns every failure into a one-line reason.
"""
