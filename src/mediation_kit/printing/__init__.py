"""Paper output (PDF and printers) with QtGui only: usable from the command line without a
window, and from the app for its print preview."""
