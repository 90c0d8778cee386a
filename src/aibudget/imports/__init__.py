"""Importing actuals: the app's template, Google Ads, Meta Ads and GA4 exports.

Pure of web and storage: callers pass bytes or paths and get previews (data) back;
see :mod:`aibudget.imports.core` for the preview -> confirm flow.
"""

from aibudget.domain.preview import Preview
from aibudget.imports.core import ImportOptions, confirm, preview_file, preview_stream

__all__ = ["ImportOptions", "Preview", "confirm", "preview_file", "preview_stream"]
