// Placeholder until the StackDefinitionsTests tests land.
