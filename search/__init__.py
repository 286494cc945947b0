"""Full-text search over provisions (whoosh)."""
