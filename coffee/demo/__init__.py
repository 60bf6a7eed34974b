"""Demo data: `manage.py seed_demo` builds the network of the source documents for local use."""
