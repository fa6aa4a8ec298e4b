"""What both the rules and the fix decide the same way: the shared policy below the rules."""
