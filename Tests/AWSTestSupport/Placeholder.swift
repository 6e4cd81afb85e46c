// Placeholder until the loopback test servers land.
