import Foundation
import Testing
@testable import Hanzi
import HanziTestSupport

/// The detector's classes embedded by `make tables`: they are what reading the bundled text
/// dictionaries gives now, they read back exactly, and a damaged image gives an error, never a
/// crash or other classes.
///
/// `HANZI_WRITE_DETECTION_CLASSES=PATH` writes the fresh image to PATH instead of comparing
/// (`scripts/generate-opencc-compiled.sh`, which `make tables` runs).
@Suite struct StoredDetectionClassesTests {
    /// The classes read from the bundled text dictionaries now, once for all the tests.
    static let fresh = Result { () throws(OpenCCError) in try DetectionTables.load(.bundled) }

    @Test func theEmbeddedClassesAreCurrent() throws {
        let fresh = try Self.fresh.get()
        let image = StoredDetectionClasses.image(of: fresh.classes)
        if let path = ProcessInfo.processInfo.environment["HANZI_WRITE_DETECTION_CLASSES"], !path.isEmpty {
            try Data(image).write(to: URL(fileURLWithPath: path))
            return
        }
        let embedded = Array(StoredDetectionClasses.embedded)
        let stale = Self.firstDifference(embedded, image)
        #expect(stale == nil, "the embedded detection classes are stale from byte \(stale ?? 0): run make tables")
        // what a process uses is what the dictionaries give
        let differs = Self.firstDifference(try DetectionTables.shared.get().classes, fresh.classes)
        #expect(differs == nil, "the process-wide classes differ at U+\(String(differs ?? 0, radix: 16, uppercase: true))")
    }

    /// The first index where `a` and `b` differ (the shorter one's length when one is a prefix
    /// of the other), `nil` when they are equal: a message, not a dump of 30,000 bytes.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        if let index = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset { return index }
        return a.count == b.count ? nil : min(a.count, b.count)
    }

    @Test func anImageReadsBackToTheClassesItWasMadeFrom() throws {
        let fresh = try Self.fresh.get()
        let image = StoredDetectionClasses.image(of: fresh.classes)
        let stored = fresh.classes.indices.filter { fresh.classes[$0] != DetectionTables.baseClass(UInt32($0)) }
        #expect(stored.count > 4000, "the dictionaries give classes to at least the 4,000 characters they convert")
        let read = try image.withUnsafeBufferPointer { try StoredDetectionClasses.classes(from: $0) }
        #expect(Self.firstDifference(read, fresh.classes) == nil)
        // and classes over any scalars, Han or not, at the edges of the range and of UTF-8 lengths
        var generator = SeededGenerator(seed: 0xDC1)
        for _ in 0..<20 {
            var classes = DetectionTables.baseClasses()
            for scalar in [0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, DetectionTables.limit - 1] {
                classes[scalar] = UInt8.random(in: 0..<32, using: &generator)
            }
            for _ in 0..<500 {
                let scalar = Int.random(in: 0..<DetectionTables.limit, using: &generator)
                guard !(0xD800...0xDFFF).contains(scalar) else { continue }
                classes[scalar] = UInt8.random(in: 0..<32, using: &generator)
            }
            let image = StoredDetectionClasses.image(of: classes)
            let read = try image.withUnsafeBufferPointer { try StoredDetectionClasses.classes(from: $0) }
            #expect(Self.firstDifference(read, classes) == nil)
        }
    }

    /// Every kind of damage gives an error naming the byte, never a crash: a different magic,
    /// a truncated image, a character out of order, beyond the range or malformed, a class
    /// byte without its mark; and so does every truncation and every single-byte change of the
    /// start of the real image that leaves it unreadable.
    @Test func aDamagedImageGivesAnError() throws {
        let image = StoredDetectionClasses.image(of: try Self.fresh.get().classes)
        func read(_ bytes: [UInt8]) throws(StoredDetectionClasses.CorruptError) -> [UInt8] {
            try bytes.withUnsafeBufferPointer { buffer throws(StoredDetectionClasses.CorruptError) in
                try StoredDetectionClasses.classes(from: buffer)
            }
        }
        let magic = StoredDetectionClasses.magic
        let han = Array("汉".utf8), other = Array("漢".utf8)
        let cases: [(String, [UInt8])] = [
            ("another magic", Array("HZDC2\n".utf8) + han + [0x41]),
            ("empty", []),
            ("a character without its class", magic + han),
            ("out of order", magic + other + [0x41] + han + [0x41]),
            ("twice", magic + han + [0x41] + han + [0x42]),
            ("no mark", magic + han + [0x01]),
            ("a class too large", magic + han + [0x81]),
            ("beyond the range", magic + Array("\u{40000}".utf8) + [0x41]),
            ("malformed", magic + [0xE6, 0xB1] + [0x41]),
            ("a lone continuation byte", magic + [0x80, 0x41]),
        ]
        for (name, bytes) in cases {
            #expect(throws: StoredDetectionClasses.CorruptError.self, "\(name)") { try read(bytes) }
        }
        #expect(throws: OpenCCError.self) {
            try (magic + han).withUnsafeBufferPointer { try DetectionTables.embeddedOrBundled($0) }
        }
        // every cut inside the first entries: either an error or exactly the classes of the
        // entries before the cut
        let whole = try read(image)
        for cut in 0..<min(image.count, 400) {
            let prefix = Array(image[..<cut])
            guard let classes = try? read(prefix) else { continue }
            #expect(cut >= magic.count)
            for index in classes.indices where classes[index] != DetectionTables.baseClass(UInt32(index)) {
                #expect(classes[index] == whole[index])
            }
        }
    }

    /// Without an embedded image the tables come from the text dictionaries, as they did before.
    @Test func anEmptyImageReadsTheTextDictionaries() throws {
        let tables = try DetectionTables.embeddedOrBundled(UnsafeBufferPointer(start: nil, count: 0))
        #expect(Self.firstDifference(tables.classes, try Self.fresh.get().classes) == nil)
    }
}
