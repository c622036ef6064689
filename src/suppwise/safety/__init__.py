"""Safety rules that are part of the product: crisis detection (and, later, profile screening)."""
