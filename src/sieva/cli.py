"""The `sieva` console command: Django management commands under one name.

`sieva migrate`, `sieva demo`, `sieva runserver`, `sieva import_employees FILE`...
`sieva analyze ...` runs the file-based analyses without a database.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "analyze":
        # Analyses of plain files need no database and no Django set-up.
        from sieva.analyze_cli import main as analyze_main

        raise SystemExit(analyze_main(args[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sieva.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sieva", *args])


if __name__ == "__main__":
    main()
