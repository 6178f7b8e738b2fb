"""``python -m peacetalks`` runs the command line."""

from peacetalks.cli import main

main()
