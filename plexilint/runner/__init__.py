"""What runs the rules: a project analysed (facts, then every enabled rule), the paths a user
names, an editor's live project, and the session that keeps analyses between calls."""
