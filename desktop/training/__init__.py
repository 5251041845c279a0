"""The training platform: a faithful, stateful simulator of the platform on loopback."""
