// Placeholder until the YAMLTests tests land.
