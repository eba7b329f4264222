extension HTMLReport {
    /// The page's only style sheet. The font stack names the common CJK fonts of Linux, macOS and Windows so
    /// Chinese never falls back to a font without Han glyphs; nothing is fetched.
    static let stylesheet = """
        :root { color-scheme: light; }
        body { margin: 0; color: #1f2328; background: #fff; line-height: 1.5;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        main { max-width: 1200px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 1.8em; margin: 0 0 .3em; }
        h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 2em; }
        h3 { font-size: 1.1em; margin: 1.4em 0 .4em; }
        code { font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: .9em; word-break: break-all; }
        nav { margin: 1em 0; }
        nav a { color: #0969da; text-decoration: none; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0; }
        .facts dt { font-weight: bold; }
        .facts dd { margin: 0; }
        .figures { display: flex; flex-wrap: wrap; gap: 12px; }
        .figure { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 16px; min-width: 8em; }
        .figure b { display: block; font-size: 1.6em; }
        .breakdowns { display: flex; flex-wrap: wrap; gap: 24px; margin-top: 1em; align-items: flex-start; }
        table { border-collapse: collapse; }
        caption { text-align: left; font-weight: bold; padding-bottom: .3em; white-space: nowrap; }
        th, td { padding: 2px 8px; text-align: left; }
        thead th { border-bottom: 1px solid #d0d7de; }
        .n { text-align: right; font-variant-numeric: tabular-nums; }
        .note, .none { color: #57606a; }
        .theme { color: #57606a; font-size: .9em; }
        .bars { width: 100%; max-width: 960px; }
        .bars .bar-cell { width: 50%; }
        .bar { height: 1.1em; min-width: 1px; border-radius: 2px; }
        .cloud { margin: 1em 0; }
        .cloud svg { max-width: 100%; height: auto; display: block; }
        .cloud figcaption { color: #57606a; }
        .heat { overflow: auto; max-height: 85vh; border: 1px solid #d0d7de; }
        .heat table { font-size: 12px; }
        .heat th, .heat td { border: 1px solid #eaeef2; padding: 1px 4px; }
        .heat thead th { position: sticky; top: 0; z-index: 2; background: #fff; vertical-align: bottom; }
        .heat thead th.code { writing-mode: vertical-rl; white-space: nowrap; text-align: left; padding: 4px 1px;
          max-height: 12em; overflow: hidden; text-overflow: ellipsis; }
        .heat tbody th { position: sticky; left: 0; z-index: 1; background: #fff; white-space: nowrap; }
        .heat thead th.corner { left: 0; z-index: 3; }
        .heat td { min-width: 2em; text-align: center; font-variant-numeric: tabular-nums; }
        .passages { padding-left: 1.6em; }
        .passages li { margin: .3em 0; }
        .where { color: #57606a; font-size: .85em; margin-right: .5em; }
        mark { background: #ffd33d; padding: 0 1px; border-radius: 2px; }
        .warnings { max-height: 24em; overflow: auto; }
        footer { max-width: 1200px; margin: 2em auto; padding: 0 24px 24px; color: #57606a; font-size: .9em; }

        """
}
