// Placeholder until the CLI lands.
print("stacks")
