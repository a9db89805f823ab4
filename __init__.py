"""partnermap: a geospatial dashboard of partnered localities."""

__version__ = "0.1.0"
