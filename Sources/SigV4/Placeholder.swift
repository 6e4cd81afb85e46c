// Placeholder until the SigV4 target lands.
