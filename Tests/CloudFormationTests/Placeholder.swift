// Placeholder until the CloudFormationTests tests land.
