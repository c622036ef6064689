"""The curated, cited evidence base: schema, loading and validation."""

from suppwise.evidence.base import EvidenceBase
from suppwise.evidence.loader import bundled_data_dir
from suppwise.evidence.problems import Problem
from suppwise.evidence.validate import load_evidence, validate_directory

__all__ = ["EvidenceBase", "Problem", "bundled_data_dir", "load_evidence", "validate_directory"]
