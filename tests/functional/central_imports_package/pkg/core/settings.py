"""Runtime switches."""

DEBUG = False
