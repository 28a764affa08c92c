"""The one registration point through which apps above `instruments` plug into it.

`instruments` may not import the apps built on it (docs/architecture.md), yet two things of
theirs belong in its flows (decision 0020):

- **Standard templates built from code.** An app that owns an instrument's content (the SKM
  app owns the nine elements and the annex questionnaire) registers a function returning
  the `sieva.instrument` document; `sieva load_standard_instruments` stores it beside the
  JSON files of `instruments/standard/`.
- **Receivers of campaign responses.** An app that keeps its own store for the answers to
  its instruments registers a receiver for an instrument purpose. Both paths that store
  campaign responses — a personal link's submission (`response_record`) and a file import
  (`write_rows`) — call `hand_over` inside their transaction once the responses, their
  answers and the item aggregates are written, so the receiver's rows commit or roll back
  with them. A receiver raises ValidationError to refuse; nothing at all is stored then.

Apps register in their `AppConfig.ready()`; one receiver per purpose.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured

from sieva.instruments.models import Campaign, Response


@dataclass(frozen=True)
class StoredResponse:
    """A response just stored and its answers as `check_answers` cleaned them, by item code
    (Likert points are ints, single choices their value)."""

    response: Response
    answers: Mapping[str, Any]


class CampaignReceiver(Protocol):
    def __call__(
        self, campaign: Campaign, responses: Sequence[StoredResponse], *, imported: bool
    ) -> None: ...


_templates: dict[str, Callable[[], dict[str, Any]]] = {}
_receivers: dict[str, CampaignReceiver] = {}


def register_standard_template(name: str, build: Callable[[], dict[str, Any]]) -> None:
    """Load `build()` as a standard template; `name` stands for its file in messages."""
    _templates[name] = build


def standard_templates() -> list[tuple[str, dict[str, Any]]]:
    """(name, document) of every registered template, by name."""
    return [(name, _templates[name]()) for name in sorted(_templates)]


def register_campaign_receiver(purpose: str, receiver: CampaignReceiver) -> None:
    """Hand the responses of campaigns whose instrument has `purpose` to `receiver`."""
    if _receivers.get(purpose, receiver) is not receiver:
        raise ImproperlyConfigured(f"a receiver for purpose {purpose!r} is already registered")
    _receivers[purpose] = receiver


def campaign_receiver(purpose: str) -> CampaignReceiver | None:
    return _receivers.get(purpose)


def hand_over(campaign: Campaign, responses: Sequence[StoredResponse], *, imported: bool) -> None:
    """Give freshly stored responses of `campaign` to the receiver of its purpose, if any;
    call inside the transaction that stored them."""
    receiver = _receivers.get(campaign.version.instrument.purpose)
    if receiver is not None and responses:
        receiver(campaign, responses, imported=imported)
