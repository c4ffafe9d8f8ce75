"""List dialects, one per module; each reads block tokens into entry drafts."""
