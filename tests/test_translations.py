"""The English catalogues (one per app) are complete, and choosing English really switches the
interface.

The .po files are read with a tiny stdlib parser: enough for the files makemessages writes
(comments, flags, msgctxt, msgid, msgid_plural, msgstr[n], continuation lines).
"""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

import sieva

PO_PATHS = sorted(Path(sieva.__file__).parent.glob("*/locale/en/LC_MESSAGES/django.po"))
PERCENT_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")
BRACE_PLACEHOLDER = re.compile(r"(?<!\{)\{[A-Za-z_][A-Za-z0-9_]*\}")


@dataclass
class Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def msgid(self) -> str:
        return self.fields.get("msgid", "")

    @property
    def translations(self) -> dict[str, str]:
        return {k: v for k, v in self.fields.items() if k.startswith("msgstr")}


def parse_po(text: str) -> list[Entry]:
    entries: list[Entry] = []
    current: Entry | None = None
    key: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#~"):  # obsolete entries do not count
            key = None
            continue
        if not line:
            current, key = None, None
            continue
        if current is None:
            current = Entry(line=number)
            entries.append(current)
        if line.startswith("#,"):
            current.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            assert key is not None, f"line {number}: continuation without a keyword"
            current.fields[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            current.fields[key] = ast.literal_eval(value)
    return [entry for entry in entries if "msgid" in entry.fields]


@pytest.fixture(scope="module", params=PO_PATHS, ids=lambda path: path.parents[3].name)
def entries(request) -> list[Entry]:
    return parse_po(request.param.read_text(encoding="utf-8"))


def test_every_app_with_messages_has_a_catalogue():
    apps = {path.parents[3].name for path in PO_PATHS}
    assert {"core", "org", "programs", "instruments", "satisfaction", "evaluation"} <= apps
    assert sum(len(parse_po(p.read_text(encoding="utf-8"))) for p in PO_PATHS) > 1500


def _placeholders(text: str, flags: set[str]) -> list[str]:
    found = PERCENT_PLACEHOLDER.findall(text)
    if "python-brace-format" in flags:
        found += BRACE_PLACEHOLDER.findall(text)
    return sorted(found)


def test_catalogue_starts_with_its_header(entries):
    assert entries[0].msgid == "", "the header entry comes first"


def test_every_message_is_translated(entries):
    untranslated = [
        f"line {e.line}: {e.msgid!r}"
        for e in entries[1:]
        if not e.translations or not all(e.translations.values())
    ]
    assert not untranslated, "untranslated:\n" + "\n".join(untranslated)


def test_no_fuzzy_entries(entries):
    fuzzy = [f"line {e.line}: {e.msgid!r}" for e in entries if "fuzzy" in e.flags]
    assert not fuzzy, "fuzzy:\n" + "\n".join(fuzzy)


def test_plural_entries_have_both_forms(entries):
    for e in entries[1:]:
        if "msgid_plural" in e.fields:
            assert set(e.translations) == {"msgstr[0]", "msgstr[1]"}, f"line {e.line}"


def test_placeholders_survive_translation(entries):
    broken = []
    for e in entries[1:]:
        if "msgid_plural" in e.fields:
            pairs = [("msgstr[0]", e.msgid), ("msgstr[1]", e.fields["msgid_plural"])]
        else:
            pairs = [("msgstr", e.msgid)]
        for key, source in pairs:
            expected = _placeholders(source, e.flags)
            if _placeholders(e.fields.get(key, ""), e.flags) != expected:
                broken.append(f"line {e.line} {key}: {e.msgid!r}")
    assert not broken, "placeholders differ:\n" + "\n".join(broken)


def test_leading_and_trailing_whitespace_is_kept(entries):
    def shape(text: str) -> tuple[bool, bool]:
        return (text[:1].isspace(), text[-1:].isspace())

    broken = [
        f"line {e.line}: {e.msgid!r}"
        for e in entries[1:]
        for translated in e.translations.values()
        if shape(translated) != shape(e.msgid)
    ]
    assert not broken, "whitespace differs:\n" + "\n".join(broken)


@pytest.fixture
def compiled_catalogue():
    """The .mo files are build products (make messages); rebuild them if a .po is newer."""
    stale = [
        po
        for po in PO_PATHS
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        from django.core.management import call_command
        from django.utils.translation import trans_real

        # `make test` installs gettext; without msgfmt this fails loudly rather than skipping.
        call_command("compilemessages", locale=["en"], ignore_patterns=[".venv"], verbosity=0)
        trans_real._translations.clear()


def test_login_page_in_english(client, compiled_catalogue):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("login"))
    page = response.content.decode()
    assert response.headers["Content-Language"] == "en"
    assert "Log in to SIEVA" in page
    assert '<button type="submit" class="primary">Log in</button>' in page
    assert "Masuk ke SIEVA" not in page


def test_login_page_defaults_to_indonesian(client, compiled_catalogue):
    response = client.get(reverse("login"), headers={"accept-language": "en-US,en;q=0.9"})
    page = response.content.decode()
    assert response.headers["Content-Language"] == "id"
    assert '<button type="submit" class="primary">Masuk</button>' in page


def test_home_page_in_english_for_signed_in_user(client, alice, compiled_catalogue):
    client.force_login(alice)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("home")).content.decode()
    assert "Log out" in page
    assert "Keluar" not in page
