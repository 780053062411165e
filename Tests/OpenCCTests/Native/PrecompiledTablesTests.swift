import Foundation
import Testing
@testable import OpenCC
import HanziTestSupport

/// The bundled configurations compiled ahead of time (`make tables`): the embedded image is
/// what compiling the text dictionaries gives now, and a damaged image gives an error, never a
/// crash or another conversion.
///
/// `HANZI_WRITE_COMPILED_TABLES=PATH` writes the fresh image to PATH instead of comparing
/// (`scripts/generate-opencc-compiled.sh`, which `make tables` runs).
@Suite struct PrecompiledTablesTests {
    /// The image compiled from the text dictionaries now, once for all the tests.
    static let freshImage = Result { () throws(NativeEngineError) in try NativeConverter.precompiledImage() }

    @Test func theEmbeddedImageIsCurrent() throws {
        let fresh = try Self.freshImage.get()
        if let path = ProcessInfo.processInfo.environment["HANZI_WRITE_COMPILED_TABLES"], !path.isEmpty {
            try Data(fresh).write(to: URL(fileURLWithPath: path))
            return
        }
        let embedded = Array(PrecompiledOpenCCData.embedded)
        #expect(embedded.count == fresh.count, "the compiled tables are stale: run make tables")
        #expect(embedded == fresh, "the compiled tables are stale: run make tables")
    }

    @Test func everyBundledConfigurationIsInTheImage() throws {
        for name in BundledOpenCCData.configurationNames {
            let stored = try PrecompiledOpenCCData.configuration(named: name)
            #expect(stored != nil, "\(name) is not in the compiled tables")
        }
    }

    /// The stored form reads back to the same tables, and the converter laid out from it has the
    /// same words and bytes as the one compiled from the text dictionaries.
    @Test(arguments: ["s2t", "t2s", "s2twp", "hk2s", "tw2sp", "jp2t"])
    func storedTablesLayOutAsCompiled(name: String) throws {
        let image = try Self.freshImage.get()
        let stored = try image.withUnsafeBufferPointer { buffer in
            try #require(try PrecompiledOpenCCData.configuration(named: name, in: buffer))
        }
        let document = try ConfigurationDocument(json: Array(try #require(BundledOpenCCData.configuration(named: name))))
        var textBuilder = NativeConverterBuilder(source: .bundled, configurationFolder: nil)
        let fromText = try textBuilder.build(document, phrases: [], keepsDescriptionSequences: true)
        var storedBuilder = NativeConverterBuilder(source: .bundled, configurationFolder: nil)
        let fromImage = try storedBuilder.build(stored, phrases: [])
        #expect(fromImage.words == fromText.words)
        #expect(fromImage.bytes == fromText.bytes)
        #expect(fromImage.normalization == fromText.normalization)
        #expect(fromImage.segmentation == fromText.segmentation)
        #expect(fromImage.chain == fromText.chain)
        #expect(fromImage.fused == fromText.fused)
        #expect(fromImage.fusedGuard == fromText.fusedGuard)
        #expect(fromImage.guardBreakers == fromText.guardBreakers)
        // Segmentation by the second conversion's phrases after a first conversion of one table.
        #expect((fromText.fusedGuard != nil) == ["hk2s", "tw2sp"].contains(name))
    }

    /// Every byte of a small configuration's image changed, one at a time, and the image cut at
    /// every length: reading gives the configuration, nothing, or an error, and never a crash;
    /// and a table whose bytes changed is refused by its checksum.
    @Test func aDamagedImageGivesAnError() throws {
        let image = try Self.freshImage.get()
        var rejected = 0
        var generator = SeededGenerator(seed: 10)
        for _ in 0..<3000 {
            var damaged = image
            let index = Int.random(in: 0..<damaged.count, using: &generator)
            damaged[index] ^= UInt8.random(in: 1...255, using: &generator)
            do {
                _ = try damaged.withUnsafeBufferPointer { try PrecompiledOpenCCData.configuration(named: "t2jp", in: $0) }
            } catch {
                rejected += 1
            }
        }
        #expect(rejected > 0)
        for length in stride(from: 1, to: image.count, by: max(1, image.count / 2000)) {
            let cut = Array(image[..<length])
            #expect(throws: CompiledTrie.CorruptError.self) {
                _ = try cut.withUnsafeBufferPointer { try PrecompiledOpenCCData.configuration(named: "s2t", in: $0) }
            }
        }
        // A changed byte in the last table: the configurations that use it refuse it.
        var damaged = image
        damaged[damaged.count - 2] ^= 0x01
        var refused: [String] = []
        for name in BundledOpenCCData.configurationNames {
            do {
                _ = try damaged.withUnsafeBufferPointer { try PrecompiledOpenCCData.configuration(named: name, in: $0) }
            } catch {
                refused.append(name)
            }
        }
        #expect(!refused.isEmpty)
    }

    /// The stored form of every table of a configuration decodes to the same table.
    @Test func tablesRoundTrip() throws {
        let document = try ConfigurationDocument(json: Array(try #require(BundledOpenCCData.configuration(named: "s2hkp"))))
        var builder = NativeConverterBuilder(source: .bundled, configurationFolder: nil)
        builder.recordsTables = true
        let converter = try builder.build(document, phrases: [], keepsDescriptionSequences: true)
        let stored = builder.stored(converter)
        for table in stored.tables {
            #expect(table.isStorable)
            let encoded = table.encoded()
            let decoded = try encoded.withUnsafeBufferPointer { try CompiledTrie(decoding: $0) }
            #expect(decoded == table)
        }
    }
}
