"""The `sieva` console command: Django management commands under one name.

`sieva migrate`, `sieva demo`, `sieva runserver`, `sieva import_employees FILE`...
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sieva.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["sieva", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
