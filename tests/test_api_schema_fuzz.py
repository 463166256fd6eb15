"""The API against its own OpenAPI description, fuzzed by schemathesis: for generated
requests to every operation (valid and invalid parameters and bodies, with the write
token so POSTs are extracted and stored), no response is a 5xx, every status code is
documented and every response body matches its schema. Examples per operation are
bounded (SITREP_SCHEMA_EXAMPLES, default 25) so the suite stays in minutes."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import content_type_conformance, status_code_conformance
from webdemo import build_demo_store

from sitrep.api import create_app

TOKEN = "schema-fuzz-token"
EXAMPLES = int(os.environ.get("SITREP_SCHEMA_EXAMPLES", "25"))


def _app():
    """The app over the demo store, built once at collection (schemathesis parametrizes
    the test with the operations of its schema)."""
    path = Path(tempfile.mkdtemp(prefix="sitrep-schema-")) / "demo.db"
    build_demo_store(str(path)).close()
    return create_app(str(path), token=TOKEN)


schema = schemathesis.openapi.from_asgi("/api/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_server_error_and_every_response_matches_the_schema(case):
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance

    # timeout: a POST is extracted in the test process; on a loaded machine that can pass
    # schemathesis' default 10 s (a read timeout, not an answer of the app).
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120,
                           checks=[not_a_server_error, response_schema_conformance, status_code_conformance,
                                   content_type_conformance])
