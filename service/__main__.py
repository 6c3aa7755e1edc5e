"""``python -m service``: run the production server."""

from service.server import main

main()
