"""The published OpenAPI 3 description of the JSON API (``GET /api/openapi.json``)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify

blueprint = Blueprint("openapi", __name__)

_STRING_LIST = {"type": "array", "items": {"type": "string"}}
_NULLABLE_STRING = {"type": ["string", "null"]}
_TIMESTAMP = {"type": ["string", "null"], "format": "date-time"}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            }
        },
    },
    "JobRef": {
        "type": "object",
        "required": ["id", "filename", "status_url"],
        "properties": {
            "id": {"type": "string"},
            "filename": {"type": "string"},
            "status_url": {"type": "string"},
        },
    },
    "Job": {
        "type": "object",
        "required": [
            "id", "state", "filename", "issue_id", "article_ids", "error", "attempts",
            "created_at", "started_at", "finished_at",
        ],
        "properties": {
            "id": {"type": "string"},
            "state": {"enum": ["queued", "running", "succeeded", "failed"]},
            "filename": {"type": "string"},
            "issue_id": {"type": "integer"},
            "article_ids": {"type": "array", "items": {"type": "integer"}},
            "error": {
                "oneOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "required": ["code", "message"],
                        "properties": {
                            "code": {"type": "string"},
                            "message": {"type": "string"},
                        },
                    },
                ]
            },
            "attempts": {"type": "integer", "minimum": 0},
            "duplicate_of": _NULLABLE_STRING,
            "created_at": _TIMESTAMP,
            "started_at": _TIMESTAMP,
            "finished_at": _TIMESTAMP,
            "status_url": {"type": "string"},
        },
    },
    "Article": {
        "type": "object",
        "required": [
            "id", "issue_id", "page", "position", "kind", "headline", "kicker", "subtitle",
            "dateline", "reporters", "correspondents", "paragraphs", "body", "keywords",
        ],
        "properties": {
            "id": {"type": "integer"},
            "issue_id": {"type": "integer"},
            "page": {"type": "integer"},
            "position": {"type": "integer"},
            "kind": {"enum": ["article", "photo"]},
            "headline": {"type": "string"},
            "kicker": {"type": "string"},
            "subtitle": {"type": "string"},
            "dateline": {"type": "string"},
            "reporters": _STRING_LIST,
            "correspondents": _STRING_LIST,
            "paragraphs": _STRING_LIST,
            "body": {"type": "string"},
            "keywords": _STRING_LIST,
        },
    },
    "SearchResults": {
        "type": "object",
        "required": ["total", "results"],
        "properties": {
            "total": {"type": "integer", "minimum": 0},
            "results": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "id", "headline", "kicker", "issue_id", "issue_date", "newspaper",
                        "snippet", "score",
                    ],
                    "properties": {
                        "id": {"type": "integer"},
                        "headline": {"type": "string"},
                        "kicker": {"type": "string"},
                        "issue_id": {"type": "integer"},
                        "issue_date": {"type": ["string", "null"]},
                        "newspaper": _NULLABLE_STRING,
                        "snippet": {"type": "string"},
                        "score": {"type": "number"},
                    },
                },
            },
        },
    },
    "Issue": {
        "type": "object",
        "required": [
            "id", "filename", "sha256", "size", "newspaper", "issue_date", "page",
            "created_at", "article_ids", "pages",
        ],
        "properties": {
            "id": {"type": "integer"},
            "filename": {"type": "string"},
            "media_type": {"type": "string"},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "size": {"type": "integer"},
            "newspaper": _NULLABLE_STRING,
            "issue_date": {"type": ["string", "null"], "format": "date"},
            "page": _NULLABLE_STRING,
            "created_at": _TIMESTAMP,
            "article_ids": {"type": "array", "items": {"type": "integer"}},
            "pages": {
                "description": "What each page of the file prints around its articles (running "
                "header and editor lines), as read by the parser; empty until the file is parsed.",
                "type": "array",
                "items": {"$ref": "#/components/schemas/IssuePage"},
            },
        },
    },
    "IssuePage": {
        "type": "object",
        "required": ["number", "paper", "date", "page_label", "section", "editors", "lines"],
        "properties": {
            "number": {"type": "integer", "description": "1 for the file's first page"},
            "paper": {"type": "string", "description": "the paper's name as printed"},
            "date": {"type": "string", "description": "the date as printed, e.g. 2024年1月17日"},
            "page_label": {"type": "string", "description": "e.g. 第4版, A2"},
            "section": {"type": "string"},
            "editors": {"type": "array", "items": {"type": "string"}},
            "lines": {
                "type": "array",
                "items": {"type": "string"},
                "description": "the furniture lines themselves",
            },
        },
    },
}


def _answer(description: str, schema: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _errors(*statuses: int) -> dict[str, Any]:
    return {str(status): _answer("error", "Error") for status in statuses}


def _get_by_id(name: str, id_type: str, schema: str) -> dict[str, Any]:
    return {
        "get": {
            "summary": f"One {name} by id",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": id_type}}
            ],
            "responses": {"200": _answer(name, schema), **_errors(404)},
        }
    }


def _export(summary: str, media_type: str) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "responses": {
                "200": {
                    "description": "the file, as an attachment",
                    "content": {media_type: {"schema": {"type": "string"}}},
                },
                **_errors(404),
            },
        }
    }


DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "baokan",
        "version": "1",
        "description": "Newspaper issue files in, clean Chinese articles out.",
    },
    "paths": {
        "/api/issues": {
            "post": {
                "summary": "Upload one or more issue files; one job per file",
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file"],
                                "properties": {
                                    "file": {
                                        "type": "array",
                                        "minItems": 1,
                                        "items": {"type": "string", "format": "binary"},
                                    },
                                    "newspaper": {"type": "string"},
                                    "issue_date": {"type": "string", "format": "date"},
                                    "page": {"type": "string"},
                                    "batch": {
                                        "type": "string",
                                        "pattern": "^[0-9a-f]{32}$",
                                        "description": "files of one upload sent in several "
                                        "requests: the same id in each (the files of one "
                                        "request always form one upload); articles continued "
                                        "from one file to another are joined",
                                    },
                                    "batch_position": {
                                        "type": "integer",
                                        "minimum": 0,
                                        "description": "the place of this request's first "
                                        "file in the upload",
                                    },
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "202": {
                        "description": "accepted",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["jobs"],
                                    "properties": {
                                        "jobs": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/JobRef"},
                                        }
                                    },
                                }
                            }
                        },
                    },
                    **_errors(400, 401, 413, 415, 422, 429),
                },
            }
        },
        "/api/search": {
            "get": {
                "summary": "Full-text search over every article, best match first",
                "parameters": [
                    {"name": "q", "in": "query", "required": True, "schema": {"type": "string"}},
                    {"name": "newspaper", "in": "query", "schema": {"type": "string"}},
                    {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
                    {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    {"name": "offset", "in": "query", "schema": {"type": "integer"}},
                ],
                "responses": {
                    "200": _answer("matching articles", "SearchResults"),
                    **_errors(400),
                },
            }
        },
        "/api/jobs/{id}": _get_by_id("job", "string", "Job"),
        "/api/articles/{id}": _get_by_id("article", "integer", "Article"),
        "/api/issues/{id}": _get_by_id("issue", "integer", "Issue"),
        "/api/jobs/{id}/retry": {
            "post": {
                "summary": "Re-queue a failed job (its stored file is kept)",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"202": _answer("requeued", "Job"), **_errors(401, 404, 409)},
            }
        },
        "/api/issues/{id}/articles.jsonl": _export(
            "An issue's articles as JSON Lines (one article per line, UTF-8)",
            "application/x-ndjson",
        ),
        "/api/issues/{id}/articles.csv": _export(
            "An issue's articles as CSV (UTF-8 with a BOM, for Excel)", "text/csv"
        ),
        "/healthz": {
            "get": {
                "summary": "The process answers",
                "responses": {"200": {"description": "ok"}},
            }
        },
        "/readyz": {
            "get": {
                "summary": "Database and Redis reachable",
                "responses": {"200": {"description": "ready"}, "503": {"description": "not"}},
            }
        },
    },
    "components": {"schemas": SCHEMAS},
}


@blueprint.get("/api/openapi.json")
def openapi_document() -> Response:
    return jsonify(DOCUMENT)
