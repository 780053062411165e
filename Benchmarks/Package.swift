// swift-tools-version: 6.1
// Throughput benchmarks for Hanzi. A separate package so that building the library does not
// build the benchmark framework; it depends on the main package by path.
import PackageDescription

let package = Package(
    name: "HanziBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Hanzi", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Direct access to libopencc's C API, for the raw `opencc_convert_utf8` baseline the wrapper is
        // measured against. Declared here rather than exported from the main package so the library
        // does not grow a C product only the benchmarks need.
        .systemLibrary(
            name: "CRawOpenCC",
            pkgConfig: "opencc",
            providers: [.apt(["libopencc-dev"]), .brew(["opencc"])]
        ),
        .executableTarget(
            name: "HanziBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Hanzi", package: "Hanzi"),
                "CRawOpenCC",
            ],
            path: "Benchmarks/HanziBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
