"""Typed settings: where the platform is, who we are, how the desk behaves. No Qt."""
