"""Map layers: pure functions from a filtered view to plotly traces."""
