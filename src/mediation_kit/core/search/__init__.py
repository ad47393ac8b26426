"""The Whoosh index and the query engine. Every Whoosh import stays inside this package."""
