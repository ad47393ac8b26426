"""Importing packs from the window: dropped files, removable drives, the import dialog."""
