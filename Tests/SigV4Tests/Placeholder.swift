// Placeholder until the SigV4Tests tests land.
