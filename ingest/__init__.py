"""Turn agreement documents into draft records: read, find dates, places and types, draft."""
