"""The findings engine's configuration: threshold overrides per organisation node.

An admin may set a stricter or looser threshold of the rules file (`findings/rules.toml`) for
a subtree; the engine reads the nearest override (decision 0013).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sieva.org.models import OrgUnit


class ThresholdOverride(models.Model):
    """An admin's value for one threshold of the rules file, for `scope` and everything
    below it unless a deeper node overrides it again."""

    scope = models.ForeignKey(
        OrgUnit, verbose_name=_("cakupan"), on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(_("ambang"), max_length=60)
    value = models.FloatField(_("nilai"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ambang temuan")
        verbose_name_plural = _("ambang temuan")
        db_table = "recommendations_thresholdoverride"  # kept when the model moved here
        ordering = ["scope__path", "key"]
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="one_override_per_scope_key")
        ]

    def __str__(self) -> str:
        return f"{self.scope.name}: {self.key} = {self.value:g}"


class StoredEvaluation(models.Model):
    """An engine result (with its charts) kept for one scope and language, so a page over
    a program, an instansi or the whole country reads it instead of the raw rows
    (decision 0049). Always computed over the scope's own subtree, never a viewer's."""

    scope_key = models.CharField(_("kunci cakupan"), max_length=200)
    language = models.CharField(_("bahasa"), max_length=8)
    computed_at = models.DateTimeField(_("dihitung pada"))
    seconds = models.FloatField(_("lama hitung (detik)"), default=0)
    # pickle of (EvaluationResult, charts): written and read only by this server's code.
    payload = models.BinaryField()

    class Meta:
        verbose_name = _("evaluasi tersimpan")
        verbose_name_plural = _("evaluasi tersimpan")
        constraints = [
            models.UniqueConstraint(
                fields=["scope_key", "language"], name="one_stored_evaluation_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope_key} [{self.language}]"
