import sys

from tiepdan.cli import main

sys.exit(main())
