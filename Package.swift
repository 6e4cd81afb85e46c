// swift-tools-version: 6.1
import PackageDescription

// Data flows one way: stack definitions → template model → YAML text → change set → deployed stack.
// Every target below depends only on targets above it in this list.
let package = Package(
    name: "stacks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stacks", targets: ["StacksExecutable"]),
        .executable(name: "stacks-codegen", targets: ["ResourceGenerator"]),
        .executable(name: "stacks-bench", targets: ["StacksBenchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Template side.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "YAML", dependencies: ["CLibYAML"]),
        .target(name: "CloudFormation", dependencies: ["YAML"]),
        .target(name: "AWSResources", dependencies: ["CloudFormation"]),

        // AWS side.
        .target(name: "SigV4", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "AWSClient", dependencies: ["SigV4"]),

        // Where the two meet.
        .target(name: "Deploy", dependencies: [
            "AWSClient", "CloudFormation", "AWSResources", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "StacksCLI", dependencies: [
            "Deploy",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The application's stacks (top-level Stacks/ folder) and the binary that binds them to the CLI.
        .target(
            name: "StackDefinitions",
            dependencies: ["CloudFormation", "AWSResources"],
            path: "Stacks",
            exclude: ["environments.yaml", "functions"]
        ),
        .executableTarget(name: "StacksExecutable", dependencies: ["StacksCLI", "StackDefinitions"]),

        // Tools.
        .executableTarget(name: "ResourceGenerator"),
        .executableTarget(name: "StacksBenchmarks", dependencies: [
            "YAML", "CloudFormation", "SigV4", "AWSClient", "Deploy", "StackDefinitions",
        ]),

        // Test support: golden files, unified diffs and commands; loopback servers (moto, our scripted server).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(
            name: "AWSTestSupport",
            dependencies: ["AWSClient", "TestSupport"],
            path: "Tests/AWSTestSupport",
            exclude: ["Python"]
        ),

        // Tests mirror the source layout.
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "TestSupport"]),
        .testTarget(name: "CloudFormationTests", dependencies: ["CloudFormation", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "AWSResourcesTests", dependencies: ["AWSResources"]),
        .testTarget(
            name: "SigV4Tests", dependencies: ["SigV4", "TestSupport"], exclude: ["botocore"], resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "AWSClientTests", dependencies: ["AWSClient", "AWSTestSupport"]),
        .testTarget(
            name: "DeployTests",
            dependencies: ["Deploy", "AWSTestSupport", "TestSupport", "StackDefinitions"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "StacksCLITests", dependencies: ["StacksCLI", "StackDefinitions", "TestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "StackDefinitionsTests",
            dependencies: ["StackDefinitions", "Deploy", "TestSupport"],
            exclude: ["sam_translate.py"]
        ),
    ]
)
