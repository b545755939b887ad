"""The published conformance matrix (`python -m conformance matrix`): run a set of adapters, one subprocess each, keep
one result file per implementation, implementation version and Python version under results/, and render them all
as a Markdown matrix (results/MATRIX.md) and a static, self-contained HTML page (results/index.html).

`run` runs and writes, `results` is the result files' format, `render` builds the table both pages show, and
`markdown` and `page` write them.
"""
