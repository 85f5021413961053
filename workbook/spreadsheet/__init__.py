"""The .xlsx package layer: parts, cells, rows and styles edited in place, loading into grids, zip limits."""
