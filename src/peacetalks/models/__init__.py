"""Bargaining models over case snapshots."""
