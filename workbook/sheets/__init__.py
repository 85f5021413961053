"""The sheets planrapport writes itself (Controle, Trends, Verzameld), described once for the file and Excel."""
