"""See :mod:`techdiplomacy`."""
