"""Other timeline formats in and out of our dataset format (TimelineJS: `timeline.interop.timelinejs`)."""
