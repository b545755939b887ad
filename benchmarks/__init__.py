"""futurespec's benchmarks: they measure and report (benchmarks/results.md, results.json); they assert nothing."""
