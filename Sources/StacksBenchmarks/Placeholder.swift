// Placeholder until the StacksBenchmarks target lands.
