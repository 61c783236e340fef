"""briefing: multilingual news folders in, briefs out.

Only the version lives here so that importing the package stays instant.
"""

__version__ = "0.1.0"
