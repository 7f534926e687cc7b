"""The HTML documents shared by /embed, the offline export and the static site."""
