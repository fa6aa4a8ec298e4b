"""Application package whose optional integrations degrade to local stand-ins."""
