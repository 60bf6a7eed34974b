"""Pages of the agenda, split by what they are about."""
