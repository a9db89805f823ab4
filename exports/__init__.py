"""Briefing exports: the current view as an image, a PDF, a standalone map page or data files.

``partnermap.exports.build.export`` is the one code path: the CLI and the dashboard's Export
menu both describe what they want as an ``ExportRequest`` and hand it there.
"""
