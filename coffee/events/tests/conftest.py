"""The agenda's tests use the shared people and spaces of coffee/people/tests/fixtures.py."""
