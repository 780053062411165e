import Foundation
import Testing

/// Writes the rejoiner's generated documents to files, so that tools outside the test suite
/// (`scripts/compare-binaries.sh`) can run the `hanzi` binary over exactly the documents the
/// rejoiner is tested on. The folder is `HANZI_REJOIN_DOCUMENTS_DIR` when it is set, else a
/// temporary folder that is removed afterwards; every file is read back and compared byte for
/// byte, so the export is checked on every run.
@Suite struct RejoinGeneratedDocumentsExportTests {
    static let environmentKey = "HANZI_REJOIN_DOCUMENTS_DIR"

    @Test func everyGeneratedDocumentIsWrittenAndReadsBackByteForByte() throws {
        let requested = ProcessInfo.processInfo.environment[Self.environmentKey]
        let folder = requested.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("rejoin-documents-\(UUID().uuidString)", isDirectory: true)
        defer { if requested == nil { try? FileManager.default.removeItem(at: folder) } }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        var written = 0
        for (index, (style, _)) in RejoinGeneratedTests.styles.enumerated() {
            for (k, document) in RejoinGeneratedTests.documents(style, index: index).enumerated() {
                let name = String(format: "style%02d-doc%02d.txt", index, k)
                let url = folder.appendingPathComponent(name)
                let bytes = Data(document.text.utf8)
                try bytes.write(to: url, options: .atomic)
                let back = try Data(contentsOf: url)
                #expect(back == bytes, "\(name) does not read back byte for byte")
                #expect(!bytes.isEmpty, "\(name) is empty")
                written += 1
            }
        }
        #expect(written == RejoinGeneratedTests.styles.count * RejoinGeneratedTests.documentsPerStyle)
    }
}
