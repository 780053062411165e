// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Hanzi",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Hanzi", targets: ["Hanzi"]),
        .library(name: "OpenCC", targets: ["OpenCC"]),
        .library(name: "HanziText", targets: ["HanziText"]),
        .executable(name: "hanzi", targets: ["hanzi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system libopencc (Debian: libopencc-dev, Homebrew: opencc).
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"]), .brew(["opencc"])]
        ),
        // Reads installed `.ocd2` dictionaries through libopencc's C++ API (MarisaDict), behind
        // a C interface; the include path and library come from COpenCC's pkg-config entry.
        .target(name: "COpenCCDictionary", dependencies: ["COpenCC"]),
        // OpenCC 1.4.2's dictionaries and configurations (Tables/opencc), compiled into the binary
        // by scripts/generate-opencc-data.py (`make tables`).
        .target(name: "COpenCCData"),
        // Script conversion: the native engine (OpenCC's algorithm over compiled tables) and
        // the safe, fast Swift wrapper over libopencc.
        .target(name: "OpenCC", dependencies: ["COpenCC", "COpenCCDictionary", "COpenCCData"]),
        // Pure Swift text engines: column-break rejoiner, punctuation normaliser, character classes.
        .target(name: "HanziText"),
        // The cleaning pipeline composing both; re-exports them.
        .target(name: "Hanzi", dependencies: ["OpenCC", "HanziText"]),
        // Helpers shared by the test targets: the repository root, the seeds, the one copy of
        // OpenCC's test cases (read from the repository, not bundled), tools on PATH, a seeded generator.
        .target(name: "HanziTestSupport", path: "Tests/HanziTestSupport", exclude: ["Fixtures"]),
        .testTarget(
            name: "HanziTextTests", dependencies: ["HanziText", "HanziTestSupport"], resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "OpenCCTests", dependencies: ["OpenCC", "COpenCC", "HanziTestSupport"]),
        // The `hanzi` command: parsing, input and output, progress, exit codes.
        .executableTarget(
            name: "hanzi",
            dependencies: ["Hanzi", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "HanziTests", dependencies: ["Hanzi", "HanziTestSupport"]),
        // End-to-end tests that run the built `hanzi` binary.
        .testTarget(name: "HanziCLITests", dependencies: ["hanzi", "HanziTestSupport"]),
    ]
)
