"""The chart as HTML: the documents shared by `/embed`, the offline file and the static site
(`document`, `story`, `story_card`), with their static assets beside them (`assets`, `static/`)."""
