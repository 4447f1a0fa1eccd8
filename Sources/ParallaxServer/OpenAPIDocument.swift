/// The OpenAPI 3.1 description of the JSON API, served at `/api/openapi.json` (a test checks real responses
/// against the schemas named here).
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {"title": "Parallax API", "version": "1.0.0",
        "description": "How outlets covered the same event: stories, their comparisons, articles with their findings. Errors are {\"error\": {\"message\": ...}}."},
      "paths": {
        "/api/stats": {"get": {"summary": "Corpus counts, outlets, date range, database size",
          "responses": {"200": {"description": "Counts", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Stats"}}}}}}},
        "/api/stories": {"get": {"summary": "Live stories in creation order, one page at a time",
          "parameters": [
            {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "full-text words"},
            {"name": "since", "in": "query", "schema": {"type": "string", "format": "date"}},
            {"name": "until", "in": "query", "schema": {"type": "string", "format": "date"}},
            {"name": "outlet", "in": "query", "schema": {"type": "string"}},
            {"name": "country", "in": "query", "schema": {"type": "string"}},
            {"name": "minArticles", "in": "query", "schema": {"type": "integer", "minimum": 1}},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
            {"name": "cursor", "in": "query", "schema": {"type": "string"}, "description": "the next value of the previous page"}],
          "responses": {"200": {"description": "A page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StoryPage"}}}},
            "400": {"$ref": "#/components/responses/Error"}}}},
        "/api/stories/{id}": {"get": {"summary": "A story's whole comparison (the analyze --format json report of one story); with limit, each list cut to its most shared items and totals saying how many each held",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
          "responses": {"200": {"description": "The comparison", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}},
            "308": {"description": "The story was merged; Location names the story it went into"},
            "404": {"$ref": "#/components/responses/Error"}}}},
        "/api/stories/{id}/citations": {"get": {"summary": "A story's citation graph",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
            {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "gexf"]}}],
          "responses": {"200": {"description": "Edges outlet -> cited source", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/CitationGraph"}},
            "application/gexf+xml": {"schema": {"type": "string"}}}},
            "404": {"$ref": "#/components/responses/Error"}}}},
        "/api/articles/{id}": {"get": {"summary": "An article, its text and every finding's span (UTF-8 offsets)",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
          "responses": {"200": {"description": "The article", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArticleSpans"}}}},
            "404": {"$ref": "#/components/responses/Error"}}}},
        "/api/search": {"get": {"summary": "Full-text search, ranked, with snippets",
          "parameters": [{"name": "q", "in": "query", "required": true, "schema": {"type": "string"}},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
          "responses": {"200": {"description": "Hits", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchPage"}}}},
            "400": {"$ref": "#/components/responses/Error"}}}},
        "/api/outlets": {"get": {"summary": "The corpus's outlets with article counts, country and ownership",
          "responses": {"200": {"description": "Outlets", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Outlets"}}}}}}},
        "/api/export/{what}": {"get": {"summary": "Every article or story, streamed",
          "parameters": [{"name": "what", "in": "path", "required": true, "schema": {"type": "string", "enum": ["articles", "stories"]}},
            {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["jsonl", "csv"]}}],
          "responses": {"200": {"description": "JSON Lines or CSV", "content": {"application/x-ndjson": {"schema": {"type": "string"}}, "text/csv": {"schema": {"type": "string"}}}}}}},
        "/api/ingest": {"post": {"summary": "Add articles (any input format) to the corpus",
          "security": [{"bearer": []}],
          "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["text", "jsonl", "html", "feed", "warc"]}}],
          "requestBody": {"required": true, "content": {"*/*": {"schema": {"type": "string"}}}},
          "responses": {"200": {"description": "Ingest summary", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IngestAnswer"}}}},
            "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
            "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
      },
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "responses": {"Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}}},
          "Story": {"type": "object", "required": ["id", "key", "title", "articleCount", "outlets", "countries", "stale"],
            "properties": {"id": {"type": "string"}, "key": {"type": "integer"}, "title": {"type": "string"}, "articleCount": {"type": "integer"},
              "outlets": {"type": "array", "items": {"type": "string"}}, "countries": {"type": "array", "items": {"type": "string"}},
              "firstDay": {"type": "string"}, "lastDay": {"type": "string"}, "mergedInto": {"type": "string"}, "stale": {"type": "boolean"}}},
          "StoryPage": {"type": "object", "required": ["stories", "next"], "properties": {"stories": {"type": "array", "items": {"$ref": "#/components/schemas/Story"}}, "next": {"type": ["string", "null"]}}},
          "Report": {"type": "object", "required": ["articles", "stories", "issues", "version"], "properties": {"articles": {"type": "array"}, "stories": {"type": "array"}, "issues": {"type": "array"}, "version": {"type": "integer"}, "totals": {"type": "object", "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}}}}},
          "CitationGraph": {"type": "object", "required": ["story", "edges"], "properties": {"story": {"type": "string"}, "originalSource": {"type": ["string", "null"]},
            "edges": {"type": "array", "items": {"type": "object", "required": ["outlet", "source", "kind", "citations"], "properties": {"outlet": {"type": "string"}, "source": {"type": "string"}, "kind": {"type": "string"}, "citations": {"type": "integer"}}}}}},
          "ArticleSpans": {"type": "object", "required": ["article", "text", "findings"], "properties": {"article": {"type": "object"}, "text": {"type": "string"},
            "findings": {"type": "array", "items": {"type": "object", "required": ["kind", "span", "label"], "properties": {"kind": {"type": "string"}, "label": {"type": "string"},
              "span": {"type": "object", "required": ["start", "end"], "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}}}}}}}},
          "SearchPage": {"type": "object", "required": ["query", "hits"], "properties": {"query": {"type": "string"}, "hits": {"type": "array", "items": {"type": "object", "required": ["article", "snippet", "highlights", "score"]}}}},
          "Outlets": {"type": "object", "required": ["outlets"], "properties": {"outlets": {"type": "array", "items": {"type": "object", "required": ["name", "articles"]}}}},
          "Stats": {"type": "object", "required": ["articles", "stories", "outlets"]},
          "IngestAnswer": {"type": "object", "required": ["summary", "analysesRefreshed", "issues"]}
        }
      }
    }
    """#
}
