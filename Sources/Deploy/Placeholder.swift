// Placeholder until the Deploy target lands.
