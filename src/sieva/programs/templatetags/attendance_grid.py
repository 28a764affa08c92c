"""The cells of one attendance row, built in Python: a cohort page has 50 x sessions of them,
and the template engine spent ~5 ms per row on them (decision 0004, attendance grid)."""

import json

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from sieva.programs.selectors.cohorts import MatrixRow

register = template.Library()


@register.simple_tag
def attendance_cells(row: MatrixRow, *, can_edit: bool, tick_url: str) -> SafeString:
    """One <td> per session: a checkbox tied to the row's form (htmx saves the one cell),
    disabled with a reason for a session still ahead; read-only marks otherwise."""
    name = row.enrollment.employee.name
    form_id = f"att-form-{row.enrollment.pk}"
    future_title = _("Sesi belum berlangsung; kehadiran dapat dicatat mulai %(date)s.")
    label_of = _("%(name)s hadir di %(session)s")
    cells = []
    for cell in row.cells:
        session = cell.session
        label = label_of % {"name": name, "session": session.title}
        if not can_edit:
            mark = _("hadir") if cell.present else _("tidak hadir")
            cells.append(
                format_html('<span aria-label="{}">{}</span>', mark, "✓" if cell.present else "·")
            )
            continue
        checked = " checked" if cell.present else ""
        if getattr(session, "is_future", False) and not cell.present:
            title = future_title % {"date": session.date.strftime("%d-%m-%Y")}
            action = format_html(' disabled title="{}"', title)
        else:
            vals = json.dumps({"session": session.pk})
            action = format_html(" hx-post=\"{}\" hx-vals='{}'", tick_url, vals)
        cells.append(
            format_html(
                '<input type="checkbox" form="{}" name="present" value="{}"{}{} aria-label="{}">',
                form_id,
                session.pk,
                SafeString(checked),
                action,
                label,
            )
        )
    return format_html_join("", '<td class="tick">{}</td>', ((c,) for c in cells))
