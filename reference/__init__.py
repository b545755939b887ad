"""The executable companion of spec/: minimal implementations that satisfy every clause.

They exist so the spec can be run, and so the suite has a known-good subject. The suite's model of the spec
(conformance/model.py) must never import from here: the two are written independently and check each other.
"""
