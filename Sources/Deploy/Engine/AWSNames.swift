import AWSClient

// AWSClient's shapes whose names clash with the template model's (`Stack`, `Output`, `Tag`); this file imports
// only AWSClient, so the names here are AWSClient's.
typealias DescribedStack = Stack
