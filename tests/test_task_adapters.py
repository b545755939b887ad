"""Selecting task-profile adapters: the built-ins and task-class:, and one-line errors for bad ones."""
import asyncio

import pytest

from conformance import loading
from conformance.adapter import AdapterError


async def _nothing():
    return None


@pytest.mark.parametrize("spec", ["asyncio-task", "asyncio-task-py", "task-class:asyncio.Task"])
def test_task_adapters_make_tasks_that_have_not_started(spec):
    adapter = loading.load(spec)
    loop = adapter.new_loop()
    try:
        task = adapter.new_task(loop, _nothing())
        assert asyncio.isfuture(task) and not task.done()
        loop.run_until_complete(task)
    finally:
        loop.close()


@pytest.mark.parametrize("spec, message", [
    ("task-class:Task", "task-class: needs module.ClassName, not 'Task'"),
    ("task-class:asyncio.NoSuchTask", "module 'asyncio' has no class 'NoSuchTask'"),
    ("task-class:tests.fixtures.import_fails.Task", "cannot import module 'tests.fixtures.import_fails'"),
    ("tests.fixtures.task_adapters:NoNewTask", "lacks new_task()"),
])
def test_bad_task_adapters_are_rejected_with_a_clear_message(spec, message):
    with pytest.raises(AdapterError, match=message.replace("(", r"\(").replace(")", r"\)")) as error:
        loading.load(spec)
    assert "\n" not in str(error.value)
