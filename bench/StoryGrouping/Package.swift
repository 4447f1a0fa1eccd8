// swift-tools-version:6.0
import PackageDescription

// Speed benchmark of duplicate detection and story grouping (run: bench/story-grouping.sh).
let package = Package(
    name: "StoryGroupingBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Parallax", path: "../..")],
    targets: [
        .executableTarget(
            name: "StoryGroupingBench",
            dependencies: [.product(name: "ParallaxAnalysis", package: "Parallax")]
        )
    ]
)
