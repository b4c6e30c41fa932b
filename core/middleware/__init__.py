"""Middleware, one module per concern.

`settings.MIDDLEWARE` lists them in the order a request meets them, each with why.
"""
