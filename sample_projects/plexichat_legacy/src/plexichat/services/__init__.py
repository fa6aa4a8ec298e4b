"""Business services used by the API layer and background jobs."""
