// Placeholder until the CloudFormation target lands.
