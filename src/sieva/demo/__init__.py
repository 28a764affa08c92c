"""Deterministic, realistic demo data behind `sieva demo` (docs/decisions/0006-demo-data.md).

`builder.build(scale=1, seed=..., today=...)` creates the organisation of Kota Medan, Kota Palembang
and DKI Jakarta, about 3,000 employees, ten programs run by the three local governments with
two years of cohorts, sessions, enrollments, attendance and budgets, and one login per role.
Running it again changes nothing.
"""
