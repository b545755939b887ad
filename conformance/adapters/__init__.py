"""Built-in adapters: each module makes one kind of implementation checkable, selected by name on the command line."""
