"""The outline: YAML the writer edits, loaded with line marks and validated into a typed model."""
