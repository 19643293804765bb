// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "capsim",
    products: [
        .executable(name: "capsim", targets: ["capsim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        // GSL, found through `pkg-config gsl` (Debian: libgsl-dev).
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        // The event kernel: time, pending-event set, run loop. No domain words.
        .target(name: "SimCore"),
        // Seeded GSL streams and distributions named by what their parameters mean.
        .target(name: "SimRandom", dependencies: ["CGSL"]),
        // Traffic, cluster, boot pipelines, load balancing, metrics.
        .target(name: "Model", dependencies: [
            "SimCore", "SimRandom",
            .product(name: "Histogram", package: "hdrhistogram-swift"),
            .product(name: "DequeModule", package: "swift-collections"),
        ]),
        // YAML config, validation, replications in parallel, statistics, CSV.
        .target(name: "Experiment", dependencies: [
            "Model", "SimRandom", "CGSL",
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "capsim", dependencies: [
            "Experiment", "Model", "SimCore", "SimRandom",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "TestSupport", dependencies: ["Experiment", "Model"], path: "Tests/TestSupport"),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore", "SimRandom"]),
        .testTarget(name: "SimRandomTests", dependencies: ["SimRandom", "CGSL"]),
        .testTarget(name: "ModelTests", dependencies: ["Model", "SimRandom", "TestSupport"]),
        .testTarget(name: "ExperimentTests", dependencies: ["Experiment", "Model", "TestSupport",
                                                     .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "AutoscalingTests", dependencies: ["Experiment", "Model", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ValidationTests", dependencies: ["Experiment", "Model", "TestSupport", "CGSL"]),
        .testTarget(name: "FuzzTests", dependencies: ["TestSupport"]),
    ]
)
