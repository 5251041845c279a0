"""The headless command line: for hospital IT, scripts and scanner set-up. No Qt here."""
