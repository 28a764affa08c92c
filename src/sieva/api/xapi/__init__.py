"""Learning records from LMSs: xAPI statements (the subset LMSs send for completion) and LMS
completion reports, both turned into attendance, completion and JP (decision 0042)."""
