"""Held-out hostile submissions for `dlkit grade` (issue 13); see README.md."""
