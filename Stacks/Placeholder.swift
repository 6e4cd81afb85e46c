// Placeholder until the stack definitions land.
