"""The trial statistics: a pure NumPy/SciPy core (no database, web, CLI or evidence files).

`ar1` is the exact AR(1) posterior, `analysis` answers "did it change my score?" for one outcome
given its scale's numbers (δ, direction, range), `verdict_words` says the answer in words."""
