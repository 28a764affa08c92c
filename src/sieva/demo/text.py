"""Small text helpers shared by the demo modules."""


def words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of `text`; keeps long name lists compact and diffable."""
    return tuple(text.split())
