"""Front-ends: thin layers over the engine. Nothing in the engine imports from here."""
