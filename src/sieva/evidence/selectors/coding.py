"""Reads for the coding page: the source's text with the coder's own codings marked, the
codebook as a tree, and the suggestions waiting for a decision."""

from dataclasses import dataclass
from typing import Any

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from sieva.evidence.models import Assignment, Code, Coding, Source, Study

COLOURS = 8  # CSS classes c0..c7 in evidence.css


@dataclass(frozen=True)
class CodeNode:
    code: Code
    depth: int
    colour: int


def codebook_tree(study: Study) -> list[CodeNode]:
    """The study's codes in reading order, each after its parent, with its depth and the
    colour class its highlights use."""
    codes = list(study.codes.order_by("order", "name", "pk"))
    children: dict[int | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    ordered: list[CodeNode] = []

    def walk(parent: int | None, depth: int) -> None:
        for code in children.get(parent, []):
            ordered.append(CodeNode(code, depth, len(ordered) % COLOURS))
            walk(code.pk, depth + 1)

    walk(None, 0)
    return ordered


def marked_text(text: str, codings: list[Coding], colours: dict[int, int]) -> SafeString:
    """`text` as HTML whose text content is exactly `text`: runs covered by codings are
    <mark> elements carrying the colour of the innermost code, everything else plain escaped
    text. The coding page's script measures offsets on this text content."""
    cuts = sorted({0, len(text), *(c.start for c in codings), *(c.end for c in codings)})
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = text[a:b]
        covering = [c for c in codings if c.start <= a and b <= c.end]
        if not covering:
            parts.append(escape(piece))
            continue
        inner = min(covering, key=lambda c: c.end - c.start)
        names = ", ".join(sorted({c.code.name for c in covering}))
        parts.append(
            format_html(
                '<mark class="coded c{}{}" title="{}">{}</mark>',
                colours.get(inner.code_id, 0),
                " many" if len({c.code_id for c in covering}) > 1 else "",
                names,
                piece,
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


@dataclass(frozen=True)
class CodingPage:
    source: Source
    tree: list[CodeNode]
    codings: list[Coding]
    suggestions: list[Coding]
    html: SafeString
    assignment: Assignment | None


def coding_page(source: Source, coder: Any) -> CodingPage:
    """What `coder` sees when coding `source`: only their own codings (double coding is
    blind) and the keyword suggestions nobody has decided on yet."""
    tree = codebook_tree(source.study)
    colours = {node.code.pk: node.colour for node in tree}
    rows = list(
        Coding.objects.filter(source=source)
        .filter(coder=coder, suggested=False)
        .select_related("code")
        .order_by("start", "end", "pk")
    )
    suggestions = list(
        Coding.objects.filter(source=source, suggested=True)
        .select_related("code")
        .order_by("start", "code__name")
    )
    for coding in (*rows, *suggestions):
        coding.source = source  # the quote property reads the text already loaded
    return CodingPage(
        source=source,
        tree=tree,
        codings=rows,
        suggestions=suggestions,
        html=marked_text(source.text, rows, colours),
        assignment=Assignment.objects.filter(source=source, coder=coder).first(),
    )
