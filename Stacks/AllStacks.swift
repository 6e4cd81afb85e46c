import CloudFormation

/// Every stack of the application, in the order `stacks list` shows them.
public let allStacks: [Stack] = [
    urlShortener,
]
