"""``python -m service.cli``: the ``timeline`` command."""

import sys

from service.cli.main import main

sys.exit(main())
