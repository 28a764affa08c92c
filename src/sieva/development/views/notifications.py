"""A person's notifications: the list, and opening one (marks it read)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from sieva.development.models import Notification
from sieva.development.services.notifications import notification_read, notifications_read_all
from sieva.development.views._common import signed_in

SHOWN = 100


@signed_in
def notification_list(request: HttpRequest) -> HttpResponse:
    rows = Notification.objects.filter(user=request.user)[:SHOWN]
    return render(request, "development/notifications.html", {"notifications": rows})


@require_POST
@signed_in
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    notification_read(user=request.user, notification=notification)
    target = notification.url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target or "development:notifications")


@require_POST
@signed_in
def notifications_read(request: HttpRequest) -> HttpResponse:
    notifications_read_all(user=request.user)
    return redirect("development:notifications")
