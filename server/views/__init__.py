"""HTTP views, one blueprint per audience."""
