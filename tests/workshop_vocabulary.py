"""The project's poll vocabulary, for tests that call the store's workshop functions directly.

Why from the content: the store receives the vocabulary from its caller (it never reads
content); the app builds it from rules/workshop.yaml with `poll_vocabulary`, and so do these
tests, so they answer with exactly the values a participant can choose.
"""

from __future__ import annotations

from vbestuur_app.workshop.prompts import poll_vocabulary
from vbestuur_engine import Engine

POLLS = poll_vocabulary(Engine.load())
GEREGELD_VALUES = POLLS.geregeld
BEHAVIOURS = POLLS.behaviours
