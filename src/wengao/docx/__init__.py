"""The only package that touches OOXML: styles profile, writer, and reading documents back."""
