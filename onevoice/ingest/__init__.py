"""Helpers behind `onevoice.documents`: datelines, language, web archives and feeds."""
