// Placeholder until the ResourceGenerator target lands.
