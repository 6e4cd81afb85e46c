// Placeholder until the StacksCLITests tests land.
