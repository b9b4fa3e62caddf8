"""BriefDesk: turn a source article into a finished briefing note."""

__version__ = "0.1.0"
APP_NAME = "BriefDesk"
APP_ID = "org.briefdesk.BriefDesk"

__all__ = ["APP_ID", "APP_NAME", "__version__"]
