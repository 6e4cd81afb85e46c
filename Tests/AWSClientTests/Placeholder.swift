// Placeholder until the AWSClientTests tests land.
