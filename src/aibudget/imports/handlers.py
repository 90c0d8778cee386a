"""Which handler reads the rows of each format (see :mod:`aibudget.imports.formats`)."""

from __future__ import annotations

from aibudget.imports.rows import Handler, TemplateHandler
from aibudget.imports.shop_line import LineFriendsHandler, LineMessagesHandler, ShopOrdersHandler
from aibudget.imports.summing import Ga4Handler, GoogleAdsHandler, MetaAdsHandler

HANDLERS: dict[str, type[Handler]] = {
    "template": TemplateHandler,
    "google_ads": GoogleAdsHandler,
    "meta_ads": MetaAdsHandler,
    "ga4": Ga4Handler,
    "line_friends": LineFriendsHandler,
    "line_messages": LineMessagesHandler,
    "shop_orders": ShopOrdersHandler,
}
