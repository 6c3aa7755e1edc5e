"""``python -m service.training DIR``: retrain the event model from TimeBank and AQUAINT."""

from service.training.events import main

main()
