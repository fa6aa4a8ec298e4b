import sys

from plexilint.adapters.entry import main

if __name__ == "__main__":  # a spawned worker process imports this module too (--jobs)
    sys.exit(main())
