"""Allow `python -m clearheart`."""

from clearheart.cli.main import main

main()
