// Placeholder until the AWSClient target lands.
