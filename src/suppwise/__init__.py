"""suppwise: graded, cited answers about supplements, and personal trials that settle them."""

__version__ = "0.1.0"

__all__ = ["__version__"]
