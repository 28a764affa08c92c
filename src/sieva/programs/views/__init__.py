"""Program pages, split by what they show: programs, cohorts, participants and attendance."""
