#!/usr/bin/env python3
"""Django's command-line utility for administrative tasks (e.g. `manage.py check --deploy`)."""
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchsite.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
