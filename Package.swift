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
        // Every rule, stage and report (README, "Architecture").
        .target(name: "Tally"),
        // The commands of `tally`: arguments in, reports and exit codes out,
        // run in process by the tests.
        .target(name: "TallyCommands", dependencies: ["Tally"]),
        // The executable: runs TallyCommands with the process's streams.
        .executableTarget(name: "TallyCLI", dependencies: ["TallyCommands"]),
        // The benchmark: `swift run -c release tally-bench` (README, "Performance").
        .executableTarget(name: "tally-bench", dependencies: ["Tally"]),
        .testTarget(
            name: "TallyTests",
            dependencies: ["Tally", "TallyCommands", "TallyCLI", "tally-bench"],
            exclude: ["Fixtures", "Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
