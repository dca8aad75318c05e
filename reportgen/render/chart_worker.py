"""Imported by the fork server of the chart workers (reportgen.render.charts): matplotlib and the body font are
loaded once there, and every worker forked from it starts with them. The heap is then frozen: the cyclic garbage
collector of a worker does not walk (and so copy, page by page) what it shares with the server."""
import gc

from reportgen.render.charts import _font

_font()
gc.freeze()
