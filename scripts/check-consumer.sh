#!/usr/bin/env bash
# Builds README.md's library example in a separate package that depends on this one by path,
# as a user's package would (`.product(name: "Hanzi", package: ...)`), and runs it. The
# example's free variables (extractedText, fileBytes, chunks) are defined in a second file.
# The consumer lives in .build/consumer so that a second run builds incrementally.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
identity=$(basename "$root" | tr '[:upper:]' '[:lower:]')
consumer="$root/.build/consumer"
rm -rf "$consumer/Sources"
mkdir -p "$consumer/Sources/ReadmeExample"

# The first ```swift block of README.md that imports Hanzi.
awk '/^```swift$/ { inside = 1; block = ""; next }
     /^```$/ && inside { inside = 0; if (block ~ /import Hanzi/) { printf "%s", block; exit } ; next }
     inside { block = block $0 "\n" }' README.md >"$consumer/Sources/ReadmeExample/main.swift"
if ! grep -q "import Hanzi" "$consumer/Sources/ReadmeExample/main.swift"; then
    echo "check-consumer: README.md has no swift block that imports Hanzi" >&2
    exit 1
fi
cat >>"$consumer/Sources/ReadmeExample/main.swift" <<'SWIFT'

// Added by check-consumer.sh: show that the example ran.
print(String(decoding: output, as: UTF8.self), terminator: "")
SWIFT
cat >"$consumer/Sources/ReadmeExample/Inputs.swift" <<'SWIFT'
// The inputs README's example names: the article of README's first example, as extracted,
// and the same text cut into chunks of 7 bytes (inside characters).
let extractedText = "新华社北京7月6日电 全面深化改革\n从解决群众最关心最直接最现实的\n利益问题切入，深入推进就业、教\n育、收入分配等民生领域改革。\n\n人民是历史的创造者，是推动改\n革开放的主体力量。\n"
let fileBytes = Array("汉字\n".utf8)
let chunks: [[UInt8]] = stride(from: 0, to: extractedText.utf8.count, by: 7).map { start in
    Array(Array(extractedText.utf8)[start..<min(start + 7, extractedText.utf8.count)])
}
SWIFT
cat >"$consumer/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ReadmeExample",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "$root")],
    targets: [
        .executableTarget(name: "ReadmeExample", dependencies: [.product(name: "Hanzi", package: "$identity")]),
    ]
)
SWIFT
cd "$consumer"
swift build 2>&1 | tail -20
output=$(swift run --skip-build ReadmeExample)
expected="新华社北京7月6日电 全面深化改革从解决群众最关心最直接最现实的利益问题切入，深入推进就业、教育、收入分配等民生领域改革。

人民是历史的创造者，是推动改革开放的主体力量。"
if [[ $output != "$expected" ]]; then
    echo "check-consumer: the example printed:" >&2
    echo "$output" >&2
    exit 1
fi
echo "check-consumer: README's library example builds and runs in a separate package"
