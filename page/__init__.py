"""The page: its layout, panels, component ids and export menu, built from small functions."""
