"""Imports and exports: CSV/XLSX tables, clock exports, reports."""
