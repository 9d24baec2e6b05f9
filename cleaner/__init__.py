"""cleaner: raw newspaper page text in, clean per-article text and a record of every change out.

>>> import cleaner
>>> page = cleaner.clean("科技日报讯（记者华凌）近日，北京启动建设。\\n\\n北京启动高品质科技园区建设\\n")
>>> cleaner.page_dict(page)["articles"][0]["title"]
'北京启动高品质科技园区建设'
"""

__version__ = "0.1.0"

from .errors import CleanerError
from .model import Article, Block, Change, Edit, Line, Page
from .pipeline import clean
from .reports.pagejson import page_dict
from .rules import RuleSet, load_rules

__all__ = ["clean", "page_dict", "load_rules", "RuleSet", "Page", "Article", "Block", "Change",
           "Edit", "Line", "CleanerError", "__version__"]
