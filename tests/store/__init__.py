"""Tests of the local store; a package, so that module names like test_bills cannot clash."""
