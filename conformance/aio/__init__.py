"""The asyncio chapter (spec/asyncio.md): asyncio.Future on a loop the machine owns — its model, machine and tour."""
