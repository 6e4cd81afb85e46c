// Placeholder until the AWSResourcesTests tests land.
