import sys

from plexilint.adapters.cli import main

sys.exit(main())
