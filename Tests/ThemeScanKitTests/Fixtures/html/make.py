#!/usr/bin/env python3
"""Writes the HTML fixtures next to this script in the encodings their pages declare. Standard library only."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

ARTICLE = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>标题不应出现</title>
<style>body { color: red; } .抑郁 { }</style>
<script>var text = "脚本不应出现";</script>
</head>
<body>
<header><h1>网站页眉</h1></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li></ul></nav>
<div id="content">
<article>
<h2>儿童心理健康项目</h2>
<p>项目在学校开展，  关注儿童的
抑郁和焦虑。</p>
<p>家长&amp;老师都参与了<b>心理</b>辅导。<br>第二行</p>
<p hidden>隐藏段落</p>
<div aria-hidden="true">屏幕阅读器隐藏</div>
<form><input value="输入框"><button>提交按钮</button><select><option>选项</option></select></form>
</article>
</div>
<aside>侧栏广告</aside>
<footer>版权所有 页脚</footer>
<noscript>请启用脚本</noscript>
</body>
</html>
"""


def main():
    with open(os.path.join(HERE, "article-gb2312.html"), "wb") as file:
        file.write(ARTICLE.encode("gb2312"))


if __name__ == "__main__":
    main()
