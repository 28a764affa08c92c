"""The scheduler enqueues each periodic task once per interval, even with two schedulers."""

from sieva.core.scheduler import tick


class FakeTask:
    def __init__(self):
        self.enqueued = 0

    def enqueue(self):
        self.enqueued += 1


def test_a_task_is_enqueued_once_per_period_whoever_asks(db):
    task = FakeTask()
    tasks = {"x.y.task": 3600}
    load = {"x.y.task": task}.__getitem__
    assert tick(tasks, now=7200.0, load=load) == ["x.y.task"]
    assert tick(tasks, now=7300.0, load=load) == []  # a second scheduler, same hour
    assert tick(tasks, now=10800.0, load=load) == ["x.y.task"]  # the next hour
    assert task.enqueued == 2


def test_the_configured_tasks_exist_and_can_be_enqueued(settings):
    from django.utils.module_loading import import_string

    for path in settings.SIEVA_PERIODIC_TASKS:
        assert hasattr(import_string(path), "enqueue"), path
