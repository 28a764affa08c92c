"""SIEVA's date formats per language (settings.FORMAT_MODULE_PATH).

Day first in every language: officials read dates as day/month/year, and the English
interface must not turn 03/04/2026 into the fourth of March. Input accepts ISO
(YYYY-MM-DD, what <input type="date"> sends) and DD/MM/YYYY, never month first.
"""
