// Placeholder until the AWSResources target lands.
