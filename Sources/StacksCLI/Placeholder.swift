// Placeholder until the StacksCLI target lands.
