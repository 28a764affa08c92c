"""Importing campaign responses from survey-tool exports (Google Forms, KoboToolbox,
LimeSurvey): read the file, map its columns to items, check every row, then store all rows or
none (decision 0014). Models live in `imports.models` and register with the instruments app."""
