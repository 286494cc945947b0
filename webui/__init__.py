"""The Flask web UI."""
