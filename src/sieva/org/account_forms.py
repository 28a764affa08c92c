"""Sign-in and password forms with SIEVA's own wording.

Django's Indonesian catalogue interpolates the username field's name into its sign-in error
("Masukkan nama pengguna nama pengguna dan sandi…") and says "sandi" where SIEVA says
"kata sandi"; these subclasses only replace labels and messages.
"""

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

INVALID_LOGIN = _(
    "Nama pengguna atau kata sandi salah. Periksa keduanya; huruf besar dan kecil dibedakan."
)
INACTIVE = _("Akun ini tidak aktif. Hubungi admin instansi Anda.")


class SignInForm(AuthenticationForm):
    error_messages = {"invalid_login": INVALID_LOGIN, "inactive": INACTIVE}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Nama pengguna")
        self.fields["password"].label = _("Kata sandi")


class SievaPasswordChangeForm(PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": _("Kata sandi lama salah. Ketik ulang."),
        "password_mismatch": _("Kedua isian kata sandi baru tidak sama."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = {
            "old_password": _("Kata sandi lama"),
            "new_password1": _("Kata sandi baru"),
            "new_password2": _("Ulangi kata sandi baru"),
        }
        for name, label in labels.items():
            field: forms.Field = self.fields[name]
            field.label = label
