"""Questions in plain words: parsing them into a query and assembling the answer."""
