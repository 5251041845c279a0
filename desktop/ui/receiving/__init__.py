"""The receiving tab's parts: scan sessions per receipt type, the form, the receipt slip."""
