"""The load benchmark: ``python -m bench --help``; see docs/performance.md."""
