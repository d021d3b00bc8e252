"""ShopTeam model layer: pure Python, no Qt. Every user action is a function in app.services."""

__version__ = "0.1.0"
APP_NAME = "ShopTeam"
