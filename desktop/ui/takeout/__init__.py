"""The parts of the takeout (出库) and cancel-takeout tabs: forms, pickers, bag checks, dialogs."""
