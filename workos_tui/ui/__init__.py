"""The Textual console: shell, generic resource screens and specialised panels."""
