import COpenCCData
import HanziCore
import OpenCC

/// The detection classes of the bundled data, computed ahead of time by `make tables` and
/// embedded in the binary, so that a process (`hanzi clean`, `hanzi detect`) does not parse
/// eight text dictionaries at start-up to build them: that took about 190 million
/// instructions, two thirds of a `hanzi clean` run on a small file.
///
/// Only the characters whose class is not the one their scalar alone gives
/// (``DetectionTables/baseClass(_:)``) are stored: about 8,000, each as its UTF-8 bytes and one
/// byte `0x40 | class`, in ascending order, after the magic `HZDC1\n`. The image is generated
/// with the same code a process would run on the text dictionaries
/// (`scripts/generate-opencc-compiled.sh`, `Sources/COpenCCData/DetectionClasses.c`), and a test
/// fails when it is stale. Reading checks every character: a damaged image gives an error,
/// never a crash or other classes.
enum StoredDetectionClasses {
    static let magic: [UInt8] = Array("HZDC1\n".utf8)
    /// The bit set on every stored class byte, which keeps the image printable.
    static let classMark: UInt8 = 0x40

    /// A damaged image, with what is wrong and where.
    struct CorruptError: Error, CustomStringConvertible {
        let reason: String
        let offset: Int
        var description: String { "the embedded detection classes are damaged at byte \(offset): \(reason)" }
    }

    /// The embedded image (empty when `make tables` has not generated one).
    static var embedded: UnsafeBufferPointer<UInt8> { EmbeddedImage.bytes { hanzi_detection_classes($0, $1) } }

    /// The image of `classes` (indexed by scalar, ``DetectionTables/limit`` of them).
    static func image(of classes: [UInt8]) -> [UInt8] {
        var image = magic
        for index in classes.indices {
            let scalar = UInt32(index)
            guard classes[index] != DetectionTables.baseClass(scalar) else { continue }
            // A class byte above 0x3F could not carry the mark; the classes use five bits.
            precondition(classes[index] < classMark, "a detection class needs more than six bits")
            UTF8Codec.encode(scalar, into: &image)
            image.append(classMark | classes[index])
        }
        return image
    }

    /// The classes `image` stores: the base classes, with the stored characters' classes over
    /// them.
    ///
    /// - Throws: ``CorruptError`` when the image is not one ``image(of:)`` writes: another
    ///   magic, a malformed or out-of-range character, characters out of order, a class byte
    ///   without its mark, or a character without its class.
    static func classes(from image: UnsafeBufferPointer<UInt8>) throws(CorruptError) -> [UInt8] {
        guard image.count >= magic.count, image.prefix(magic.count).elementsEqual(magic) else {
            throw CorruptError(reason: "not a detection classes image", offset: 0)
        }
        var classes = DetectionTables.baseClasses()
        guard let p = image.baseAddress else { return classes }
        let end = image.count
        var i = magic.count
        var previous: Int = -1
        while i < end {
            let (scalar, length) = UTF8Codec.decode(p, i, end)
            guard scalar < UInt32(DetectionTables.limit) else {
                throw CorruptError(reason: "not a character below U+\(String(DetectionTables.limit, radix: 16, uppercase: true))", offset: i)
            }
            guard Int(scalar) > previous else { throw CorruptError(reason: "characters out of order", offset: i) }
            guard i + length < end else { throw CorruptError(reason: "a character without its class", offset: i) }
            let mark = p[i + length]
            guard mark & 0xC0 == classMark else {
                throw CorruptError(reason: "a class byte without its mark", offset: i + length)
            }
            classes[Int(scalar)] = mark & ~classMark
            previous = Int(scalar)
            i += length + 1
        }
        return classes
    }
}
