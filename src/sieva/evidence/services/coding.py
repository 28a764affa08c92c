"""Writes to the codebook and the coding: codes, coded segments, exemplar quotes, keyword
suggestions and a coder's "finished". Keyword-only, atomic, audited."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sieva.analysis.text import match_keywords
from sieva.audit.services import audit_record, model_changes
from sieva.evidence.models import Assignment, Code, Coding, Source, SourceKind, Study
from sieva.evidence.text import segments

CODE_TAKEN = _("Kode bernama “%(name)s” sudah ada di buku kode ini.")
PARENT_OTHER_STUDY = _("Kode induk harus dari buku kode yang sama.")
PARENT_CYCLE = _("Kode tidak dapat menjadi induk bagi dirinya sendiri atau induknya.")
CODE_IN_USE = _("Kode “%(name)s” sudah dipakai %(n)d kali; ubah definisinya, jangan dihapus.")
CODE_HAS_CHILDREN = _("Kode “%(name)s” masih punya subkode; pindahkan atau hapus subkodenya dulu.")
CODE_OTHER_STUDY = _("Kode itu bukan dari buku kode kajian ini.")
BAD_SPAN = _(
    "Pilihan teks tidak valid: posisi %(start)s–%(end)s di luar teks (panjang %(length)s)."
)
EMPTY_SPAN = _("Pilih teks yang berisi kata, bukan hanya spasi.")
NOT_SUGGESTION = _("Pengodean ini bukan saran.")

CODE_FIELDS = (
    "name",
    "parent",
    "definition",
    "include_rule",
    "exclude_rule",
    "example",
    "keywords",
    "theme_kind",
    "order",
)


def code_save(*, actor: Any, study: Study, data: dict[str, Any], code: Code | None = None) -> Code:
    """Create or update a code of the study's codebook."""
    name = data["name"].strip()
    parent = data.get("parent")
    if parent is not None:
        if parent.study_id != study.pk:
            raise ValidationError({"parent": str(PARENT_OTHER_STUDY)})
        node: Code | None = parent
        while node is not None:
            if code is not None and node.pk == code.pk:
                raise ValidationError({"parent": str(PARENT_CYCLE)})
            node = node.parent
    with transaction.atomic():
        taken = Code.objects.filter(study=study, name__iexact=name)
        if code is not None:
            taken = taken.exclude(pk=code.pk)
        if taken.exists():
            raise ValidationError({"name": str(CODE_TAKEN) % {"name": name}})
        before = {f: getattr(code, f) for f in CODE_FIELDS} if code else {}
        obj = code or Code(study=study)
        for field in CODE_FIELDS:
            setattr(obj, field, data.get(field, getattr(obj, field, None)))
        obj.name = name
        obj.order = obj.order or 0
        obj.save()
        audit_record(
            actor=actor,
            action="code_update" if code else "code_create",
            obj=obj,
            org_path=study.owner.path,
            changes=model_changes(before, {f: getattr(obj, f) for f in CODE_FIELDS}),
        )
    return obj


def code_delete(*, actor: Any, code: Code) -> None:
    """Delete an unused code; a code with codings or subcodes is refused."""
    with transaction.atomic():
        used = code.codings.filter(suggested=False).count()
        if used:
            raise ValidationError(str(CODE_IN_USE) % {"name": code.name, "n": used})
        if code.children.exists():
            raise ValidationError(str(CODE_HAS_CHILDREN) % {"name": code.name})
        audit_record(actor=actor, action="code_delete", obj=code, org_path=code.study.owner.path)
        code.codings.all().delete()  # only suggestions are left
        code.delete()


def _assign(source: Source, coder: Any) -> Assignment:
    """The coder's assignment on the source, created on first coding: the first coder of a
    source is its primary coder, anyone after that codes it a second time, independently."""
    assignment = Assignment.objects.filter(source=source, coder=coder).first()
    if assignment is not None:
        return assignment
    primary = (
        source.primary_coder_id is None and not source.assignments.filter(double=False).exists()
    )
    assignment = Assignment.objects.create(source=source, coder=coder, double=not primary)
    if primary:
        source.primary_coder = coder
        source.save(update_fields=["primary_coder"])
    return assignment


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    if not 0 <= start < end <= len(text):
        raise ValidationError(str(BAD_SPAN) % {"start": start, "end": end, "length": len(text)})
    piece = text[start:end]
    if not piece.strip():
        raise ValidationError(str(EMPTY_SPAN))
    return start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))


def coding_add(
    *, actor: Any, source: Source, codes: list[Code], start: int, end: int, memo: str = ""
) -> list[Coding]:
    """Apply each of `codes` to ``source.text[start:end]`` (surrounding spaces trimmed) as
    `actor`; a coding the coder already made is not made twice."""
    start, end = _trimmed(source.text, start, end)
    if any(code.study_id != source.study_id for code in codes):
        raise ValidationError(str(CODE_OTHER_STUDY))
    made = []
    with transaction.atomic():
        _assign(source, actor)
        for code in codes:
            coding, created = Coding.objects.get_or_create(
                source=source,
                code=code,
                coder=actor,
                start=start,
                end=end,
                suggested=False,
                adjudicated=False,
                defaults={"memo": memo},
            )
            made.append(coding)
            if created:
                audit_record(
                    actor=actor,
                    action="coding_add",
                    obj=coding,
                    org_path=source.study.owner.path,
                    changes={"code": code.name, "start": start, "end": end},
                )
    return made


def coding_remove(*, actor: Any, coding: Coding) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="coding_remove",
            obj=coding,
            org_path=coding.source.study.owner.path,
            changes={"code": coding.code.name, "start": coding.start, "end": coding.end},
        )
        coding.delete()


def coding_mark_exemplar(*, actor: Any, coding: Coding, exemplar: bool) -> Coding:
    """The coder picks (or unpicks) the segment as an exemplar quote for its code."""
    with transaction.atomic():
        coding.exemplar = exemplar
        coding.save(update_fields=["exemplar"])
        audit_record(
            actor=actor,
            action="coding_exemplar",
            obj=coding,
            org_path=coding.source.study.owner.path,
            changes={"exemplar": exemplar},
        )
    return coding


def source_finish(*, actor: Any, source: Source, done: bool = True) -> Assignment:
    """The coder declares the source finished (or reopens it); agreement counts only
    finished double codings."""
    with transaction.atomic():
        assignment = _assign(source, actor)
        assignment.done_at = timezone.now() if done else None
        assignment.save(update_fields=["done_at"])
        audit_record(
            actor=actor,
            action="source_finish" if done else "source_reopen",
            obj=source,
            org_path=source.study.owner.path,
        )
    return assignment


def suggestions_make(*, actor: Any, study: Study) -> int:
    """Suggest codes for the open answers nobody has coded yet, from the codes' keywords
    (stemmed Indonesian, decision 0033); returns how many suggestions were made. They stay
    suggestions — counted nowhere — until a coder accepts them."""
    keywords = {
        code.pk: [k for k in code.keywords.split(",") if k.strip()]
        for code in study.codes.exclude(keywords="")
    }
    if not keywords:
        return 0
    sources = (
        study.sources.filter(kind=SourceKind.OPEN_ANSWER)
        .exclude(codings__isnull=False)
        .only("pk", "text")
    )
    rows = []
    for source in sources:
        for match in match_keywords(source.text, segments(source.text), keywords):
            rows.append(
                Coding(
                    source=source,
                    code_id=int(match.key),  # type: ignore[call-overload]
                    start=match.start,
                    end=match.end,
                    suggested=True,
                    memo=", ".join(match.keywords),
                )
            )
    with transaction.atomic():
        Coding.objects.bulk_create(rows, batch_size=1000)
        audit_record(
            actor=actor,
            action="suggestions_make",
            obj=study,
            org_path=study.owner.path,
            changes={"suggestions": len(rows)},
        )
    return len(rows)


def suggestion_accept(*, actor: Any, coding: Coding) -> Coding:
    """A coder accepts a suggestion: it becomes that coder's own coding."""
    if not coding.suggested:
        raise ValidationError(str(NOT_SUGGESTION))
    with transaction.atomic():
        _assign(coding.source, actor)
        mine = Coding.objects.filter(
            Q(source=coding.source, code=coding.code, coder=actor, suggested=False),
            start=coding.start,
            end=coding.end,
        ).first()
        if mine is not None:
            coding.delete()
            return mine
        coding.suggested, coding.coder = False, actor
        coding.save(update_fields=["suggested", "coder"])
        audit_record(
            actor=actor,
            action="suggestion_accept",
            obj=coding,
            org_path=coding.source.study.owner.path,
            changes={"code": coding.code.name},
        )
    return coding


def suggestion_reject(*, actor: Any, coding: Coding) -> None:
    if not coding.suggested:
        raise ValidationError(str(NOT_SUGGESTION))
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="suggestion_reject",
            obj=coding,
            org_path=coding.source.study.owner.path,
            changes={"code": coding.code.name},
        )
        coding.delete()
