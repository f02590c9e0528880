// swift-tools-version: 6.1
import PackageDescription

// Tally: billing and metering for a dotCloud-style PaaS.
// No package dependencies: only what the Swift toolchain ships.
let package = Package(
    name: "Tally",
    products: [
        .library(name: "Tally", targets: ["Tally"]),
        .executable(name: "tally", targets: ["TallyCLI"]),
    ],
    targets: [
        .target(name: "Tally"),
        .executableTarget(name: "TallyCLI", dependencies: ["Tally"]),
        // The benchmark: `swift run -c release tally-bench` (README, "Performance").
        .executableTarget(name: "tally-bench", dependencies: ["Tally"]),
        .testTarget(
            name: "TallyTests",
            dependencies: ["Tally", "TallyCLI"],
            exclude: ["Fixtures", "Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
