"""Error answers of a stock stac-fastapi(-pgstac) become messages naming the field and the
reason: FastAPI's request validation (`detail` list of {loc, msg, type}, 400 or 422) and
stac-fastapi's {code, description}."""
import json

import pytest
import requests

from dinamis.core.errors import InvalidRequest, NotFound, error_from_response
from dinamis.core.http import new_http_session
from dinamis.core.stac_io import SessionStacIO, StacRequestFailed


def answer(status: int, body: dict, url="https://api.example.org/search?token=secret"):
    """An HTTP answer as requests hands it over (for bodies FastAPI documents)."""
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(body).encode()
    response.url = url
    response.headers["Content-Type"] = "application/json"
    return response


def test_a_post_validation_error_names_the_field(pgstac_server):
    stac_io = SessionStacIO(new_http_session())
    with pytest.raises(StacRequestFailed) as caught:
        stac_io.read_json(pgstac_server.url("/stac/search"), method="POST",
                          parameters={"datetime": "2023-05-01", "limit": 5})
    error = caught.value.error
    assert isinstance(error, InvalidRequest) and error.field == "datetime"
    assert str(error).startswith('DINAMIS rejected the value of "datetime": ')
    assert "'2023-05-01' is not an RFC 3339 date-time" in str(error)
    assert "Value error" not in str(error)


def test_a_get_parameter_error_keeps_the_servers_words(pgstac_server):
    response = requests.get(pgstac_server.url("/stac/search"), params={"bbox": "[1,2,3,4]"},
                            timeout=10)
    error = error_from_response(response)
    assert isinstance(error, InvalidRequest)
    assert "bbox" in str(error) and "comma-separated numbers" in str(error)


def test_a_missing_collection_is_not_found(pgstac_server):
    response = requests.get(pgstac_server.url("/stac/collections/nope/items"), timeout=10)
    assert isinstance(error_from_response(response), NotFound)


def test_fastapi_422_with_several_problems_names_each_field():
    error = error_from_response(answer(422, {"detail": [
        {"type": "greater_than", "loc": ["body", "limit"], "msg": "Input should be greater "
         "than 0", "input": 0, "ctx": {"gt": 0}},
        {"type": "tuple_type", "loc": ["body", "bbox", "tuple[float, float, float, float]"],
         "msg": "Input should be a valid tuple", "input": "1,2,3,4"}]}))
    assert isinstance(error, InvalidRequest)
    assert str(error) == ("DINAMIS rejected the request: limit: Input should be greater than "
                          "0; bbox.tuple[float, float, float, float]: Input should be a valid "
                          "tuple")


def test_a_query_parameter_error_names_the_parameter():
    error = error_from_response(answer(400, {"detail": [
        {"type": "int_parsing", "loc": ["query", "limit"],
         "msg": "Input should be a valid integer", "input": "ten"}], "body": None}))
    assert error.field == "limit" and error.reason == "Input should be a valid integer"


def test_stac_fastapis_code_and_description():
    error = error_from_response(answer(400, {
        "code": "InvalidQueryParameter",
        "description": "Datetime parameter 2023-05 is invalid."}))
    assert isinstance(error, InvalidRequest)
    assert "Datetime parameter 2023-05 is invalid." in str(error)
    assert "secret" not in str(error)
