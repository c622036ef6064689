"""`/docs`: the API reference as a plain server-rendered page, made from the app's own OpenAPI
schema. FastAPI's Swagger page would load its scripts from a CDN, which this project does not do."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from suppwise.web.pages import render

router = APIRouter(include_in_schema=False)


def _ref_name(schema: dict[str, Any]) -> str:
    ref = schema.get("$ref") or schema.get("items", {}).get("$ref", "")
    name = ref.rsplit("/", 1)[-1] if ref else schema.get("type", "")
    return f"list of {name}" if schema.get("type") == "array" else str(name)


def operations(schema: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            responses = []
            for status, response in op.get("responses", {}).items():
                content = response.get("content", {})
                kind = next(iter(content), "")
                shape = _ref_name(content[kind].get("schema", {})) if kind else ""
                responses.append((status, f"{response.get('description', '')} {shape}".strip()))
            groups.setdefault((op.get("tags") or ["other"])[0], []).append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {"name": p["name"], "where": p["in"], "required": p.get("required", False)}
                        for p in op.get("parameters", [])
                    ],
                    "body": _ref_name(body) if body else None,
                    "responses": responses,
                }
            )
    return sorted(groups.items())


@router.get("/docs")
def docs(request: Request) -> Response:
    schema = request.app.openapi()
    return render(request, "api_docs.html.j2", groups=operations(schema), version=schema.get("openapi", "3"))
