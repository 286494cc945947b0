"""policykg application layer: the data home, build, ingest, export and the CLI."""
