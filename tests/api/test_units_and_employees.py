"""The first read endpoints: units and employees, scoped like the pages."""

from tests.factories import EmployeeFactory

UNITS = "/api/v1/units/"
EMPLOYEES = "/api/v1/employees/"


def test_it_lists_only_the_units_of_the_callers_subtree(api_as, alice, bob, world):
    alices = api_as(alice).get(UNITS).json()
    codes = {unit["code"] for unit in alices["items"]}
    assert codes == {"PEMKOT-MDN", "MDN-DINKES", "MDN-PKM-01", "MDN-DISHUB"}
    assert alices["count"] == 4 and alices["next_offset"] is None
    bobs = {unit["code"] for unit in api_as(bob).get(UNITS).json()["items"]}
    assert bobs == {"PEMKOT-PLG", "PLG-DINKES"}


def test_another_instansis_unit_is_a_404_with_the_error_body(api_as, bob, world):
    response = api_as(bob).get(f"{UNITS}{world.medan.pk}/")
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "not_found"
    assert body["message"] == "Data tidak ditemukan dalam cakupan Anda."
    assert body["errors"] == []


def test_the_message_is_english_when_the_client_asks_for_it(api_as, bob, world):
    response = api_as(bob).get(f"{UNITS}{world.medan.pk}/", **{"Accept-Language": "en"})
    assert response.status_code == 404
    assert response.json()["message"] == "Not found within your scope."
    assert response["Content-Language"] == "en"


def test_pages_walk_every_row_once(api_as, alice, world):
    for index in range(7):
        EmployeeFactory(unit=world.medan_health, name=f"Pegawai {index}")
    client, seen, offset = api_as(alice), [], 0
    while offset is not None:
        page = client.get(EMPLOYEES, {"limit": 3, "offset": offset}).json()
        seen += [item["id"] for item in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == 7


def test_updated_since_returns_only_rows_changed_after_it(api_as, alice, world):
    old = EmployeeFactory(unit=world.medan_health)
    new = EmployeeFactory(unit=world.medan_health)
    stamp = new.updated_at
    type(old).objects.filter(pk=old.pk).update(updated_at=stamp.replace(year=stamp.year - 1))
    page = api_as(alice).get(EMPLOYEES, {"updated_since": stamp.isoformat()}).json()
    assert [item["id"] for item in page["items"]] == [new.pk]


def test_a_leader_has_no_employee_list(api_as, lina):
    response = api_as(lina).get(EMPLOYEES)
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_an_employee_shows_nip_and_name_to_an_admin(api_as, alice, world):
    person = EmployeeFactory(unit=world.medan_health, name="Ani Medan")
    body = api_as(alice).get(f"{EMPLOYEES}{person.pk}/").json()
    assert body["nip"] == person.nip and body["name"] == "Ani Medan"
    assert body["unit_code"] == "MDN-DINKES"


def test_no_token_is_a_401_with_the_error_body(anonymous_api):
    response = anonymous_api.get(UNITS)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_updated_since_with_any_iso_offset_is_read_in_utc(api_as, alice, world):
    EmployeeFactory(unit=world.medan_health)
    # -22:45 is valid ISO 8601 but beyond what PostgreSQL accepts as an offset.
    page = api_as(alice).get(EMPLOYEES, {"updated_since": "2000-07-05T07:57:24-22:45"})
    assert page.status_code == 200 and page.json()["count"] == 1
    early = api_as(alice).get(EMPLOYEES, {"updated_since": "0001-01-01T00:00:00+05:00"})
    assert early.status_code == 422
