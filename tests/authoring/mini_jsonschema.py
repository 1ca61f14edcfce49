"""Just enough of JSON Schema (draft 7) to check our own schema files in tests:
type, enum, pattern, minimum, exclusiveMinimum, maximum, minItems, maxItems, items,
properties,
patternProperties, additionalProperties: false, required and anyOf."""

from __future__ import annotations

import re
from typing import Any

_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}
KNOWN = {"$schema", "title", "description", "type", "enum", "pattern", "minimum",
         "exclusiveMinimum", "maximum", "minItems", "maxItems", "items", "properties",
         "patternProperties", "additionalProperties", "required", "anyOf"}


def errors(schema: dict[str, Any], value: Any, at: str = "") -> list[str]:
    unknown = set(schema) - KNOWN
    assert not unknown, f"the test validator does not know {unknown}"
    found: list[str] = []
    if "type" in schema and not _TYPES[schema["type"]](value):
        return [f"{at or '/'}: expected {schema['type']}, got {value!r}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: {value!r} not in {schema['enum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        found.append(f"{at}: {value!r} does not match {schema['pattern']}")
    if "minimum" in schema and value < schema["minimum"]:
        found.append(f"{at}: {value!r} < {schema['minimum']}")
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        found.append(f"{at}: {value!r} <= {schema['exclusiveMinimum']}")
    if "maximum" in schema and value > schema["maximum"]:
        found.append(f"{at}: {value!r} > {schema['maximum']}")
    if "minItems" in schema and len(value) < schema["minItems"]:
        found.append(f"{at}: fewer than {schema['minItems']} items")
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        found.append(f"{at}: more than {schema['maxItems']} items")
    if "items" in schema:
        for index, item in enumerate(value):
            found += errors(schema["items"], item, f"{at}/{index}")
    if "anyOf" in schema and all(errors(option, value, at) for option in schema["anyOf"]):
        found.append(f"{at}: {value!r} matches none of anyOf")
    if isinstance(value, dict):
        found += _object(schema, value, at)
    return found


def _object(schema: dict[str, Any], value: dict[str, Any], at: str) -> list[str]:
    found = [f"{at}: missing {key}" for key in schema.get("required", []) if key not in value]
    properties = schema.get("properties", {})
    patterns = schema.get("patternProperties", {})
    for key, item in value.items():
        if key in properties:
            found += errors(properties[key], item, f"{at}/{key}")
            continue
        matched = [p for p in patterns if re.search(p, key)]
        for pattern in matched:
            found += errors(patterns[pattern], item, f"{at}/{key}")
        if not matched and schema.get("additionalProperties") is False:
            found.append(f"{at}/{key}: not allowed")
    return found
