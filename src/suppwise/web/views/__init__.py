"""What pages show and how: the Jinja2 environment (`pages`), an answer laid out as an article,
the mechanism diagram, page data for the browse pages, labels, and report files."""
