import COpenCCData

/// The bundled configurations compiled ahead of time by `make tables`, so that a process lays
/// their tables out instead of reading, sorting and merging the text dictionaries at start-up.
///
/// The image is generated from `Tables/opencc` by compiling every bundled configuration with
/// the same code a process would run (`scripts/generate-opencc-compiled.sh`), and embedded in
/// the binary (`Sources/COpenCCData/OpenCCCompiled.c`); a test fails when it is stale. Loading
/// checks a checksum of each table and every count and offset in it: a damaged image gives an
/// error naming the configuration, never a crash or a different conversion.
///
/// Layout: `HZCT2\n`, the number of tables, then per table its length and checksum; the
/// number of configurations, then per configuration its name, the tables it places (in
/// order, as indices into the tables), its programs (normalisation, segmentation, chain, fused
/// table), whether the fused table is guarded by the first conversion and whether description
/// sequences stay whole; then the tables (``CompiledTrie``).
enum PrecompiledOpenCCData {
    /// A configuration as stored: its tables in the order they are placed, and programs over them.
    struct Configuration: Sendable {
        var tables: [CompiledTrie]
        var normalization: [StoredProgram]
        var segmentation: StoredProgram?
        var chain: [StoredProgram]
        var fused: Int?
        /// Whether the fused table stands for the second conversion, guarded by the first
        /// (see ``NativeConverter/fusedGuard``).
        var fusedIsGuarded = false
        var keepsDescriptionSequences: Bool
    }

    /// A ``MatchProgram`` whose tables are numbers in ``Configuration/tables``.
    indirect enum StoredProgram: Sendable, Equatable {
        case table(Int)
        case shortCircuit([StoredProgram])
        case union([StoredProgram])
    }

    static let magic: [UInt8] = Array("HZCT2\n".utf8)

    /// The embedded image (empty when `make tables` has not generated one).
    static var embedded: UnsafeBufferPointer<UInt8> { EmbeddedImage.bytes { hanzi_opencc_compiled($0, $1) } }

    /// The stored configuration `name` of the embedded image; `nil` when the image has none.
    ///
    /// - Throws: ``CompiledTrie/CorruptError`` when the image is damaged.
    static func configuration(named name: String) throws(CompiledTrie.CorruptError) -> Configuration? {
        try configuration(named: name, in: embedded)
    }

    /// The stored configuration `name` of `image`; `nil` when `image` is empty or has none.
    static func configuration(
        named name: String, in image: UnsafeBufferPointer<UInt8>
    ) throws(CompiledTrie.CorruptError) -> Configuration? {
        guard !image.isEmpty else { return nil }
        var reader = StoredBytesReader(image)
        for expected in magic {
            guard try reader.byte() == expected else { throw CompiledTrie.CorruptError(reason: "not a compiled table image") }
        }
        let tableCount = try reader.number(atMost: 1 << 16)
        var tableRanges: [(length: Int, checksum: Int)] = []
        for _ in 0..<tableCount {
            let length = try reader.number(atMost: image.count)
            let checksum = try reader.number(atMost: checksumMask)
            tableRanges.append((length, checksum))
        }
        let configurationCount = try reader.number(atMost: 1 << 16)
        let wanted = Array(name.utf8)
        var found: (places: [Int], configuration: Configuration)?
        for _ in 0..<configurationCount {
            let nameBytes = try reader.bytes(try reader.number(atMost: 1 << 10))
            let places = try (0..<reader.number(atMost: 1 << 10)).map { _ throws(CompiledTrie.CorruptError) in
                try reader.number(atMost: tableCount - 1)
            }
            let localCount = places.count
            let normalization = try (0..<reader.number(atMost: 1 << 10)).map { _ throws(CompiledTrie.CorruptError) in
                try readProgram(&reader, tables: localCount, depth: 0)
            }
            let segmentation = try readOptionalProgram(&reader, tables: localCount)
            let chain = try (0..<reader.number(atMost: 1 << 10)).map { _ throws(CompiledTrie.CorruptError) in
                try readProgram(&reader, tables: localCount, depth: 0)
            }
            let fusedProgram = try readOptionalProgram(&reader, tables: localCount)
            var fused: Int?
            if let fusedProgram {
                guard case .table(let index) = fusedProgram else { throw CompiledTrie.CorruptError(reason: "bad fused table") }
                fused = index
            }
            let guarded = try reader.number(atMost: 1) == 1
            let keeps = try reader.number(atMost: 1) == 1
            if found == nil, Array(nameBytes) == wanted {
                found = (
                    places,
                    Configuration(
                        tables: [], normalization: normalization, segmentation: segmentation, chain: chain, fused: fused,
                        fusedIsGuarded: guarded, keepsDescriptionSequences: keeps)
                )
            }
        }
        guard let found else { return nil }
        let places = found.places
        var configuration = found.configuration
        var tableStarts: [Int] = []
        var offset = reader.offset
        for range in tableRanges {
            tableStarts.append(offset)
            offset += range.length
        }
        guard offset == image.count else { throw CompiledTrie.CorruptError(reason: "image length does not match") }
        var decoded: [Int: CompiledTrie] = [:]
        for index in places {
            if let table = decoded[index] {
                configuration.tables.append(table)
                continue
            }
            let table = try decodeTable(index, image, tableStarts, tableRanges, &decoded, derivedAllowed: true)
            configuration.tables.append(table)
        }
        return configuration
    }

    /// Table `index` of the image, checked against its checksum; a table stored as its
    /// differences from another (which is stored whole) is read over that one.
    private static func decodeTable(
        _ index: Int, _ image: UnsafeBufferPointer<UInt8>, _ starts: [Int], _ ranges: [(length: Int, checksum: Int)],
        _ decoded: inout [Int: CompiledTrie], derivedAllowed: Bool
    ) throws(CompiledTrie.CorruptError) -> CompiledTrie {
        if let table = decoded[index] { return table }
        let bytes = UnsafeBufferPointer(rebasing: image[starts[index]..<starts[index] + ranges[index].length])
        guard checksum(bytes) == ranges[index].checksum else {
            throw CompiledTrie.CorruptError(reason: "table \(index) fails its checksum")
        }
        let table: CompiledTrie
        if bytes.first == UInt8(ascii: "D") {
            var reader = StoredBytesReader(bytes)
            _ = try reader.byte()
            let baseIndex = try reader.number(atMost: ranges.count - 1)
            guard derivedAllowed, baseIndex != index else { throw CompiledTrie.CorruptError(reason: "bad base table") }
            let base = try decodeTable(baseIndex, image, starts, ranges, &decoded, derivedAllowed: false)
            table = try CompiledTrie(
                decodingDifferences: UnsafeBufferPointer(rebasing: bytes[reader.offset...]), base: base)
        } else {
            table = try CompiledTrie(decoding: bytes)
        }
        decoded[index] = table
        return table
    }

    private static func readOptionalProgram(
        _ reader: inout StoredBytesReader, tables: Int
    ) throws(CompiledTrie.CorruptError) -> StoredProgram? {
        if try reader.number(atMost: 1) == 0 { return nil }
        return try readProgram(&reader, tables: tables, depth: 0)
    }

    private static func readProgram(
        _ reader: inout StoredBytesReader, tables: Int, depth: Int
    ) throws(CompiledTrie.CorruptError) -> StoredProgram {
        guard depth < 32 else { throw CompiledTrie.CorruptError(reason: "programs nested too deep") }
        switch try reader.byte() {
        case UInt8(ascii: "T"):
            guard tables > 0 else { throw CompiledTrie.CorruptError(reason: "no tables") }
            return .table(try reader.number(atMost: tables - 1))
        case let tag where tag == UInt8(ascii: "S") || tag == UInt8(ascii: "U"):
            let members = try (0..<reader.number(atMost: 1 << 10)).map { _ throws(CompiledTrie.CorruptError) in
                try readProgram(&reader, tables: tables, depth: depth + 1)
            }
            return tag == UInt8(ascii: "S") ? .shortCircuit(members) : .union(members)
        default:
            throw CompiledTrie.CorruptError(reason: "bad program")
        }
    }

    // MARK: Writing

    /// The image of `configurations` (name and stored form), tables that are the same shared.
    static func image(_ configurations: [(name: String, configuration: Configuration)]) -> [UInt8] {
        var tables: [[UInt8]] = []
        var tableIndex: [[UInt8]: Int] = [:]
        // Tables stored whole, which a table with the same keys is stored against.
        var wholeTables: [(index: Int, table: CompiledTrie)] = []
        var directory: [UInt8] = []
        CompiledTrie.appendNumber(configurations.count, to: &directory)
        for (name, configuration) in configurations {
            CompiledTrie.appendNumber(name.utf8.count, to: &directory)
            directory.append(contentsOf: name.utf8)
            CompiledTrie.appendNumber(configuration.tables.count, to: &directory)
            for table in configuration.tables {
                let whole = table.encoded()
                let index = tableIndex[whole] ?? tables.count
                if index == tables.count {
                    if let base = wholeTables.first(where: { table.hasStructure(of: $0.table) }) {
                        tables.append(table.encodedDifferences(from: base.table, baseIndex: base.index))
                    } else {
                        tables.append(whole)
                        wholeTables.append((index, table))
                    }
                    tableIndex[whole] = index
                }
                CompiledTrie.appendNumber(index, to: &directory)
            }
            CompiledTrie.appendNumber(configuration.normalization.count, to: &directory)
            for program in configuration.normalization { appendProgram(program, to: &directory) }
            appendOptionalProgram(configuration.segmentation, to: &directory)
            CompiledTrie.appendNumber(configuration.chain.count, to: &directory)
            for program in configuration.chain { appendProgram(program, to: &directory) }
            appendOptionalProgram(configuration.fused.map { .table($0) }, to: &directory)
            CompiledTrie.appendNumber(configuration.fusedIsGuarded ? 1 : 0, to: &directory)
            CompiledTrie.appendNumber(configuration.keepsDescriptionSequences ? 1 : 0, to: &directory)
        }
        var out = magic
        CompiledTrie.appendNumber(tables.count, to: &out)
        for table in tables {
            CompiledTrie.appendNumber(table.count, to: &out)
            CompiledTrie.appendNumber(table.withUnsafeBufferPointer { checksum($0) }, to: &out)
        }
        out += directory
        for table in tables { out += table }
        return out
    }

    private static func appendOptionalProgram(_ program: StoredProgram?, to out: inout [UInt8]) {
        CompiledTrie.appendNumber(program == nil ? 0 : 1, to: &out)
        if let program { appendProgram(program, to: &out) }
    }

    private static func appendProgram(_ program: StoredProgram, to out: inout [UInt8]) {
        switch program {
        case .table(let index):
            out.append(UInt8(ascii: "T"))
            CompiledTrie.appendNumber(index, to: &out)
        case .shortCircuit(let members), .union(let members):
            if case .shortCircuit = program { out.append(UInt8(ascii: "S")) } else { out.append(UInt8(ascii: "U")) }
            CompiledTrie.appendNumber(members.count, to: &out)
            for member in members { appendProgram(member, to: &out) }
        }
    }

    // MARK: Checksum

    static let checksumMask = (1 << 62) - 1

    /// A 62-bit checksum of `bytes`, eight at a time (multiply and rotate), so that checking
    /// a table costs about an instruction a byte.
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return Int(hash & UInt64(checksumMask)) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            hash = ((hash ^ word) &* 0x9E37_79B9_7F4A_7C15)
            hash ^= hash >> 29
            index += 8
        }
        while index < bytes.count {
            hash = (hash ^ UInt64(base[index])) &* 0x1000_0000_01B3
            index += 1
        }
        hash ^= hash >> 31
        return Int(hash & UInt64(checksumMask))
    }
}
