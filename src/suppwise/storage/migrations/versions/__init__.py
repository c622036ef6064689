"""Schema revisions, oldest first: `v0001_initial` creates trials, entries and alerts."""
