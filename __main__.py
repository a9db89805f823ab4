"""`python -m partnermap` runs the command-line interface."""

from partnermap.cli import main

raise SystemExit(main())
