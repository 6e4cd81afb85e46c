// Placeholder until the DeployTests tests land.
