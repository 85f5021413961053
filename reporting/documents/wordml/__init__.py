"""WordprocessingML building blocks: elements in schema order, lists, officer text, status markers."""
