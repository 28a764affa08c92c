"""Distribution of instruments: campaigns, single-use invitation links and submission."""
