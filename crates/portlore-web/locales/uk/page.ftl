# Port page messages (the page model worded for the site).
