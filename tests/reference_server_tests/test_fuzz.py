"""Property-based fuzzing of the published OpenAPI specs over real HTTP with schemathesis.

Every operation of the demand manager's spec gets generated inputs (valid and invalid)
sent as alice to the session server; no answer may be a 500, and every answer must match
the status codes, content types and schemas the spec documents, so the spec stays a
truthful contract for the plugin. Bounded (examples per operation, no deadline) so it
stays inside `make test`.

The specs are loaded at collection time from the same source the server publishes
(schemathesis' fixture-based lazy loader does not work with pytest 9), and a separate
test checks the served document is that source.
"""
import copy
from pathlib import Path

import requests
import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance,
                                               response_schema_conformance,
                                               status_code_conformance)

from .login import auth_headers

SPECS = Path(__file__).resolve().parent.parent / "reference_server" / "openapi"
DEMANDS_SPEC = yaml.safe_load((SPECS / "demands.yaml").read_text(encoding="utf-8"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
FUZZ_SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                         suppress_health_check=list(HealthCheck))

demands = schemathesis.openapi.from_dict(DEMANDS_SPEC)


def test_served_demands_spec_is_the_fuzzed_one(server):
    served = requests.get(server.url("/demands/openapi.json"), timeout=10).json()
    assert served["servers"] == [{"url": server.url("/demands/api/v1")}]
    assert {k: v for k, v in served.items() if k != "servers"} == \
        {k: v for k, v in DEMANDS_SPEC.items() if k != "servers"}


@demands.parametrize()
@FUZZ_SETTINGS
def test_demand_manager_spec_holds_under_fuzzing(case, reference_server):
    case.call_and_validate(base_url=reference_server.url("/demands/api/v1"),
                           headers=auth_headers(reference_server, "alice"),
                           checks=CHECKS, timeout=30)


def _signing_spec() -> dict:
    from tests.reference_server.config import ServerConfig
    from tests.reference_server.signing_openapi import openapi_document
    return openapi_document(ServerConfig(data_dir=Path("unused")))


# A deep copy: the document shares dicts (error schemas) that schemathesis resolves in place.
signing = schemathesis.openapi.from_dict(copy.deepcopy(_signing_spec()))


def test_served_signing_spec_is_the_fuzzed_one(server):
    served = requests.get(server.url("/signing/openapi.json"), timeout=10).json()
    assert served["paths"] == _signing_spec()["paths"]


@signing.parametrize()
@FUZZ_SETTINGS
def test_signing_spec_holds_under_fuzzing(case, reference_server):
    case.call_and_validate(base_url=reference_server.url("/signing"),
                           headers=auth_headers(reference_server, "alice"),
                           checks=CHECKS, timeout=30)
