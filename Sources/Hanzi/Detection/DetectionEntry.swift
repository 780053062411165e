import HanziCore

/// One dictionary entry as script detection reads it: the key and the values decoded to
/// scalars, in buffers that are reused from entry to entry, so that reading the phrase
/// dictionaries (about 100,000 entries) allocates nothing per entry and the detector's tables
/// are ready in a few milliseconds at start-up.
struct DetectionEntry {
    /// The key's scalars.
    private(set) var key: [UInt32] = []
    /// Every value's scalars, one value after the other.
    private var valueScalars: [UInt32] = []
    /// Where each value ends in ``valueScalars``.
    private var valueEnds: [Int] = []

    /// The number of values (a line `key<TAB>` has one, empty).
    var valueCount: Int { valueEnds.count }

    /// The scalars of the value at `index`, in the dictionary's order.
    func value(_ index: Int) -> ArraySlice<UInt32> {
        valueScalars[(index == 0 ? 0 : valueEnds[index - 1])..<valueEnds[index]]
    }

    /// Reads the key of the next entry, `keyBytes`; its values are those of the entry before
    /// until ``decode(values:)`` reads them.
    mutating func decode(key keyBytes: UnsafeBufferPointer<UInt8>) {
        key.removeAll(keepingCapacity: true)
        Self.forEachScalar(in: keyBytes) { key.append($0) }
    }

    /// Reads the entry's values, `valueBytes`, separated by single spaces as in OpenCC's text
    /// dictionaries (two spaces in a row make an empty value).
    mutating func decode(values valueBytes: UnsafeBufferPointer<UInt8>) {
        valueScalars.removeAll(keepingCapacity: true)
        valueEnds.removeAll(keepingCapacity: true)
        Self.forEachScalar(in: valueBytes) { scalar in
            if scalar == 0x20 {
                valueEnds.append(valueScalars.count)
            } else {
                valueScalars.append(scalar)
            }
        }
        valueEnds.append(valueScalars.count)
    }

    private static func forEachScalar(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let (scalar, length) = UTF8Codec.decode(base, offset, bytes.count)
            body(scalar)
            offset += length
        }
    }
}
