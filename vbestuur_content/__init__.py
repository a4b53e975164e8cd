"""Where the content (`rules/` and `flows/`) is: in a checkout, or inside an installed wheel.

Why a package: a wheel can only carry files inside packages. The content stays where authors
edit it, at the project root (`rules/`, `flows/`); building a wheel copies both folders into
this package (see `vbestuur_build.py`), so an installed vbestuur finds them here. No other
module needs to know which of the two it is running from.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
FOLDERS = ("rules", "flows")


def content_root() -> Path:
    """The folder holding `rules/` and `flows/`: this package when installed from a wheel
    (the build put them here), otherwise the checkout this package sits in."""
    if all((PACKAGE_DIR / folder).is_dir() for folder in FOLDERS):
        return PACKAGE_DIR
    return PACKAGE_DIR.parent
