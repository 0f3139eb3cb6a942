"""Storage: keys, the encrypted database, schema, migrations and repositories."""
