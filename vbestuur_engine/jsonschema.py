"""The JSON Schema of the content files, generated from the pydantic models.

Why: editors (VS Code with the YAML extension, for one) validate and complete content as the
author types when a file names its schema. The committed `docs/schema/*.json` must equal what the
models generate; a test keeps them in step.
"""

from __future__ import annotations

import json
from pathlib import Path

from .schema import FILE_MODELS, Strict
from .schema_workshop import WorkshopFile

MODELS: dict[str, type[Strict]] = {**FILE_MODELS, "workshop": WorkshopFile}
"""Every kind of content file; the workshop model lives in its own module (schema_workshop)."""

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "docs" / "schema"


def generated_schemas() -> dict[str, str]:
    """File name -> JSON text, for every kind of content file."""
    return {f"{kind}.schema.json": json.dumps(model.model_json_schema(), indent=2,
                                              ensure_ascii=False, sort_keys=True) + "\n"
            for kind, model in MODELS.items()}


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generated_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for path in write_schemas():
        print(path)
