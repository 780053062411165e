// swift-tools-version: 6.1
// libFuzzer harnesses for Hanzi, one executable per entry point. A separate package, like
// Benchmarks/, so that building the library does not build them; it depends on the main package
// by path. Build and run them with `make fuzz SECONDS=N` (scripts/fuzz.sh), which passes
// `-sanitize=fuzzer,address` to every target, the library's included.
//
// The package lives in Fuzz/Harnesses rather than Fuzz/ because SwiftPM names a package by its
// folder: a checkout folder called `fuzz` would otherwise clash with this package's name.
import PackageDescription

/// Each harness defines `LLVMFuzzerTestOneInput`, and a `main` that starts libFuzzer over it.
func harness(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport", .product(name: "Hanzi", package: "Hanzi")] + dependencies
    )
}

let package = Package(
    name: "HanziFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Hanzi", path: "../.."),
    ],
    targets: [
        // Reading options and a chunking out of the fuzz input, and reporting a broken invariant.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // libFuzzer's driver entry, which -sanitize=fuzzer links.
        .systemLibrary(name: "CLibFuzzer"),
        // libopencc's C API, the oracle the conversion harness compares the wrapper with.
        .systemLibrary(
            name: "CFuzzOpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"]), .brew(["opencc"])]
        ),
        harness("FuzzRejoin"),
        harness("FuzzNormalize"),
        harness("FuzzConvert", ["CFuzzOpenCC"]),
        harness("FuzzUTF8"),
        harness("FuzzJSONLine"),
        harness("FuzzJSONLines"),
        harness("FuzzCleanStream"),
        harness("FuzzMarkdown"),
        harness("FuzzDecode"),
    ]
)
