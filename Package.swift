// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Hanzi",
    // Minimum versions. HanziText (pure Swift) builds on all of them; the targets that link the
    // system libopencc build where libopencc is installed (Linux, macOS).
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .library(name: "Hanzi", targets: ["Hanzi"]),
        .library(name: "OpenCC", targets: ["OpenCC"]),
        .library(name: "HanziText", targets: ["HanziText"]),
        .executable(name: "hanzi", targets: ["hanzi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation` (make docs); not linked into any product.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The system libopencc (Debian: libopencc-dev, Homebrew: opencc).
        .systemLibrary(
            name: "COpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"]), .brew(["opencc"])]
        ),
        // What every engine shares: the UTF-8 validator and codec, line-end scanning, the lock,
        // the ordered concurrent map and the POSIX reads and writes. Its UTF-8 error and
        // validators are public (re-exported by OpenCC); the rest is `package`, for this package only.
        .target(name: "HanziCore"),
        // Reads installed `.ocd2` dictionaries through libopencc's C++ API (MarisaDict), behind
        // a C interface; the include path and library come from COpenCC's pkg-config entry.
        .target(name: "COpenCCDictionary", dependencies: ["COpenCC"]),
        // OpenCC 1.4.2's dictionaries and configurations (Tables/opencc), compiled into the binary
        // by scripts/generate-opencc-data.py (`make tables`), with the engine's compiled tables
        // and the script detector's classes (scripts/generate-opencc-compiled.sh).
        .target(name: "COpenCCData"),
        // Script conversion: the native engine (OpenCC's algorithm over compiled tables) and
        // the safe, fast Swift wrapper over libopencc.
        .target(name: "OpenCC", dependencies: ["HanziCore", "COpenCC", "COpenCCDictionary", "COpenCCData"]),
        // Pure Swift text engines: column-break rejoiner, punctuation normaliser, character classes.
        .target(name: "HanziText", dependencies: ["HanziCore"]),
        // The cleaning pipeline composing both; re-exports them.
        .target(name: "Hanzi", dependencies: ["HanziCore", "OpenCC", "HanziText", "COpenCCData"]),
        // Helpers shared by the test targets: the repository root, the seeds, the one copy of
        // OpenCC's test cases (read from the repository, not bundled), tools on PATH, a seeded generator.
        .target(name: "HanziTestSupport", path: "Tests/HanziTestSupport", exclude: ["Fixtures"]),
        .testTarget(name: "HanziCoreTests", dependencies: ["HanziCore", "HanziTestSupport"]),
        .testTarget(
            name: "HanziTextTests", dependencies: ["HanziText", "HanziCore", "HanziTestSupport"], resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "OpenCCTests", dependencies: ["OpenCC", "COpenCC", "HanziTestSupport"]),
        // The `hanzi` command: parsing, input and output, progress, exit codes.
        .executableTarget(
            name: "hanzi",
            dependencies: ["Hanzi", "HanziCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "HanziTests", dependencies: ["Hanzi", "HanziTestSupport"]),
        // End-to-end tests that run the built `hanzi` binary.
        .testTarget(name: "HanziCLITests", dependencies: ["hanzi", "HanziCore", "HanziTestSupport"]),
    ]
)
