"""The phrase bank: YAML files (the source of truth), search and selection over them."""
