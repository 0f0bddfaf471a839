"""Extractors: each reads segmented documents and proposes candidate phrases of one sort."""
