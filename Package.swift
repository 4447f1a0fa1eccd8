// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Parallax",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parallax", targets: ["parallax"]),
        .executable(name: "parallax-fuzz", targets: ["ParallaxFuzz"]),
        .library(name: "ParallaxCore", targets: ["ParallaxCore"]),
        .library(name: "ParallaxIngest", targets: ["ParallaxIngest"]),
        .library(name: "ParallaxAnalysis", targets: ["ParallaxAnalysis"]),
        .library(name: "ParallaxReport", targets: ["ParallaxReport"]),
        .library(name: "ParallaxSQLite", targets: ["ParallaxSQLite"]),
        .library(name: "ParallaxPostgres", targets: ["ParallaxPostgres"]),
        .library(name: "ParallaxServer", targets: ["ParallaxServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "ParallaxCore",
            resources: [.process("Resources")]
        ),
        .target(
            name: "ParallaxIngest",
            dependencies: ["ParallaxCore", "CLibXML2", "CZlib"],
            resources: [.process("Resources")]
        ),
        .target(
            name: "ParallaxAnalysis",
            dependencies: ["ParallaxCore", "ParallaxStorage"],
            resources: [.process("Resources")]
        ),
        .target(
            name: "ParallaxReport",
            dependencies: ["ParallaxCore"]
        ),
        .target(
            name: "ParallaxStorage",
            dependencies: ["ParallaxCore", "CZlib"]
        ),
        .target(
            name: "ParallaxSQLite",
            dependencies: ["ParallaxCore", "ParallaxStorage", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "ParallaxPostgres",
            dependencies: [
                "ParallaxCore", "ParallaxStorage",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ParallaxServer",
            dependencies: [
                "ParallaxCore", "ParallaxIngest", "ParallaxAnalysis", "ParallaxReport", "ParallaxStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates"), .copy("Static")]
        ),
        .executableTarget(
            name: "parallax",
            dependencies: [
                "ParallaxCore", "ParallaxIngest", "ParallaxAnalysis", "ParallaxReport", "ParallaxSQLite", "ParallaxPostgres",
                "ParallaxServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ParallaxFuzz",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ParallaxFuzzTests", dependencies: ["ParallaxFuzz"]),
        .testTarget(name: "ParallaxCoreTests", dependencies: ["ParallaxCore"]),
        .testTarget(name: "ParallaxIngestTests", dependencies: ["ParallaxIngest"]),
        .testTarget(name: "ParallaxAnalysisTests", dependencies: ["ParallaxAnalysis", "ParallaxIngest"]),
        .testTarget(
            name: "ParallaxStoreTests",
            dependencies: [
                "ParallaxCore", "ParallaxStorage", "ParallaxSQLite", "ParallaxPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(name: "ParallaxReportTests", dependencies: ["ParallaxReport"], exclude: ["Golden"]),
        .testTarget(
            name: "ParallaxServerTests",
            dependencies: [
                "ParallaxServer", "ParallaxCore", "ParallaxAnalysis", "ParallaxIngest",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "ParallaxEndToEndTests",
            dependencies: ["ParallaxCore", "ParallaxIngest", "ParallaxAnalysis", "ParallaxReport", "ParallaxPostgres"]
        ),
    ]
)
