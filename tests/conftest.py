"""The tests folder's root: its presence puts `tests/` on sys.path, so every test imports the shared
helpers `repo_paths` and `brief_checks` by name. Fixtures live beside the tests that use them."""
