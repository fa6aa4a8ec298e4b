"""Reporters: findings in, text out. One module per format."""
