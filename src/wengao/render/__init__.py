"""Genre templates (sandboxed Jinja) turn an outline into block markup, then into blocks."""
