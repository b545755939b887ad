"""The tasks chapter (spec/tasks.md): asyncio.Task over scripted coroutines — its model, machine and tour."""
