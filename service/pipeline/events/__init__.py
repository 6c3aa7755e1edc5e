"""The event stage: detection, features and model, attributes, actors and anchoring to times."""
