"""OCR headlines (issue #18): a kicker broken over two plain lines, over its title and subtitle
(A003, :meth:`cleaner.stages.assemble.attach.Attaching.fill`)."""

from __future__ import annotations

import cleaner

KICKER_BROKEN = ("让数据真正成为推动高质量发展的新\n动能。\n\n冒充客服实施“退款\n\n诈骗\n\n"
                 "安平警方破获一起跨省电信网络诈骗\n\n案\n\n抓获犯罪嫌疑人47名 涉案金额逾2000万元\n\n"
                 "本报讯〈记者张林海) 近日,西川省安平市公安局成功破获\n一起冒充电商客服诈骗的跨省电信网络诈骗案,先后在5省\n"
                 "12地抓获犯罪嫌疑人47名。\n\n警方提醒,正规电商客服不会要求消费者下载第三方APP,\n请勿向陌生账户转账。\n")


def test_a_kicker_broken_over_two_lines_over_a_title_and_subtitle():
    """冒充客服实施“退 / 款”诈骗 (joined: a quote left open) over 安平警方… and 抓获…: three
    stacked headings, the first the kicker (not a title with a subtitle and an extra heading)."""
    art = [a for a in cleaner.page_dict(cleaner.clean(KICKER_BROKEN))["articles"] if a["dateline"]][0]
    assert art.get("kicker") == "冒充客服实施“退款诈骗"
    assert art["title"] == "安平警方破获一起跨省电信网络诈骗案"
    assert art["subtitle"] == "抓获犯罪嫌疑人47名 涉案金额逾2000万元"
