"""The knowledge-graph stage (RDF from the corpus stage's records)."""
