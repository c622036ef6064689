"""`/docs`: the API reference as a plain server-rendered page, made from the app's own OpenAPI
schema, so it can never disagree with it. FastAPI's Swagger page would load its scripts from a CDN,
which this project does not do; this page has no script at all.

For each operation: method, path, summary, description, parameters (where, type, required), the
request body's schema and each response's schema; then every schema with its fields.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from suppwise.web.views.pages import render

router = APIRouter(include_in_schema=False)


def type_name(schema: dict[str, Any]) -> str:
    """A schema in a few words: `Answer`, `list of EntityOut`, `integer or null`, `one of a, b`."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(type_name(s) for s in schema["anyOf"])
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    if schema.get("type") == "array":
        return f"list of {type_name(schema.get('items', {}))}"
    if schema.get("type") == "object" and "additionalProperties" in schema:
        inner = schema["additionalProperties"]
        return f"map of {type_name(inner) if isinstance(inner, dict) else 'any'}"
    return str(schema.get("type", "any"))


def _limits(schema: dict[str, Any]) -> str:
    found = [s for s in [schema, *schema.get("anyOf", [])] if isinstance(s, dict)]
    words = []
    for part in found:
        for key, word in (("minimum", "≥"), ("maximum", "≤"), ("exclusiveMinimum", ">"), ("minLength", "length ≥")):
            if key in part:
                words.append(f"{word} {part[key]:g}" if isinstance(part[key], float) else f"{word} {part[key]}")
        if "maxLength" in part:
            words.append(f"length ≤ {part['maxLength']}")
    return ", ".join(words)


def _body(content: dict[str, Any]) -> str:
    kind = next(iter(content), "")
    return type_name(content[kind].get("schema", {})) if kind else ""


def operations(schema: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {})
            groups.setdefault((op.get("tags") or ["other"])[0], []).append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", ""),
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "required": p.get("required", False),
                            "type": type_name(p.get("schema", {})),
                            "limits": _limits(p.get("schema", {})),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": _body(body) if body else None,
                    "responses": [
                        (status, response.get("description", ""), _body(response.get("content", {})))
                        for status, response in op.get("responses", {}).items()
                    ],
                }
            )
    return sorted(groups.items())


def schemas(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Every component schema with its fields (name, type, required, limits, description)."""
    out = []
    for name, component in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(component.get("required", []))
        fields = [
            {
                "name": field,
                "type": type_name(spec),
                "required": field in required,
                "limits": _limits(spec),
                "description": spec.get("description", ""),
            }
            for field, spec in component.get("properties", {}).items()
        ]
        out.append(
            {
                "name": name,
                "description": component.get("description", ""),
                "fields": fields,
                "kind": type_name(component),
            }
        )
    return out


@router.get("/docs")
def docs(request: Request) -> Response:
    schema = request.app.openapi()
    return render(
        request,
        "api_docs.html.j2",
        groups=operations(schema),
        schemas=schemas(schema),
        version=schema.get("openapi", "3"),
        nav="docs",
    )
