import StackDefinitions
import StacksCLI

await StacksCommand.main(stacks: allStacks)
