"""`salesplan export`: the plan as the tables people know (DOMAIN.md §7), in Excel and Markdown.

Flow: plan (+ split engine, risk scoring) -> `tables.build_document` (renderer-neutral rows of typed values)
-> `xlsx.render_xlsx` or `markdown.render_markdown`. `run` ties it together for the command line.
"""
