import HanziCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the native engine finds the dictionaries a configuration names.
enum DictionarySource: Sendable, Hashable {
    /// OpenCC 1.4.2's data compiled into the binary; files next to a configuration file come
    /// first.
    case bundled
    /// The installed libopencc's data folder; `.ocd2` files are read through libopencc.
    case system(URL)
}

/// Compiles a configuration into a ``NativeConverter``: reads the dictionaries it names,
/// merges each group that one table can express, and lays every table out in two arrays.
struct NativeConverterBuilder {
    private let source: DictionarySource
    /// The folder of the configuration file, searched first for its dictionaries.
    private let configurationFolder: URL?
    private var words: [UInt32] = []
    private var bytes: [UInt8] = []
    private var entriesCache: [DictionarySpec: DictionaryEntries] = [:]
    /// Whether ``placedTables`` keeps every table placed (to store them, `make tables`).
    var recordsTables = false
    /// Every table placed, with where its words start, when ``recordsTables`` is set.
    private(set) var placedTables: [(wordBase: Int, compiled: CompiledTrie)] = []
    /// Every table placed, by where its words start (for ``RunBreakers``).
    private var compiledTables: [Int: CompiledTrie] = [:]

    init(source: DictionarySource, configurationFolder: URL?) {
        self.source = source
        self.configurationFolder = configurationFolder
    }

    /// The converter for `document`, with the user's `phrases` (files in order; a later file
    /// wins on the same key).
    ///
    /// - Throws: ``NativeEngineError`` naming the dictionary that cannot be read.
    mutating func build(
        _ document: ConfigurationDocument, phrases: [URL], keepsDescriptionSequences: Bool
    ) throws(NativeEngineError) -> NativeConverter {
        let normalization = try document.normalization.map { spec throws(NativeEngineError) in try compile(spec) }
        var segmentation: MatchProgram?
        var chain: [MatchProgram]
        var fused: TableLocation?
        var fusedGuard: TableLocation?
        var breakers = RunBreakers()
        if let segmentationSpec = document.segmentation, let firstSpec = document.conversionChain.first,
            let members = try fusableMembers(segmentationSpec, firstSpec, keepsDescriptionSequences: keepsDescriptionSequences)
        {
            let laterSpecs = Array(document.conversionChain.dropFirst())
            chain = try laterSpecs.map { spec throws(NativeEngineError) in try compile(spec) }
            let laterKeys = try singleScalarKeys(of: laterSpecs, keepsDescriptionSequences: keepsDescriptionSequences)
            let placed = try placeFused(
                members, laterSpecs: laterSpecs, laterStages: chain, laterKeys: laterKeys,
                keepsDescriptionSequences: keepsDescriptionSequences)
            fused = placed.location
            if placed.precomposed { chain = [] }
        } else if let segmentationSpec = document.segmentation, document.conversionChain.count == 2,
            NativeConverterBuilder.classedFiles(document.conversionChain[0]) != nil,
            let members = try fusableMembers(
                segmentationSpec, document.conversionChain[1], keepsDescriptionSequences: keepsDescriptionSequences)
        {
            // The segmentation fuses with the second conversion, and the first one is one
            // table that guards the fused walk (see ``NativeConverter/fusedGuard``).
            chain = try document.conversionChain.map { spec throws(NativeEngineError) in try compile(spec) }
            guard case .table(let first) = chain[0] else { preconditionFailure("a classed group compiles to one table") }
            let placed = try placeFused(
                members, laterSpecs: [], laterStages: [], laterKeys: nil, segmentsThrough: chain,
                keepsDescriptionSequences: keepsDescriptionSequences)
            fused = placed.location
            fusedGuard = first
            breakers = guardBreakers(placed.location, first)
        } else {
            segmentation = try document.segmentation.map { spec throws(NativeEngineError) in try compile(spec) }
            chain = try document.conversionChain.map { spec throws(NativeEngineError) in try compile(spec) }
        }
        let phraseProgram = try phrasesProgram(phrases)
        return NativeConverter(
            words: words, bytes: bytes, normalization: normalization, segmentation: segmentation,
            phrases: phraseProgram, chain: chain, fused: fused, fusedGuard: fusedGuard, guardBreakers: breakers,
            keepsDescriptionSequences: keepsDescriptionSequences)
    }

    /// The ``RunBreakers`` of a fused table and its guard, both placed by this builder.
    private func guardBreakers(_ fused: TableLocation, _ guardTable: TableLocation) -> RunBreakers {
        RunBreakers(outsideKeysOf: [compiledTables[fused.pageIndex]!, compiledTables[guardTable.pageIndex]!])
    }

    /// The user's phrase files as one table, a later file winning on the same key.
    private mutating func phrasesProgram(_ phrases: [URL]) throws(NativeEngineError) -> MatchProgram? {
        guard !phrases.isEmpty else { return nil }
        var members: [PrefixTable.Member] = []
        for url in phrases.reversed() {
            let entries = try NativeConverterBuilder.readPhrases(url)
            members.append(PrefixTable.Member(entries: entries, matchClass: 0, name: url.path))
        }
        return try place(members)
    }

    /// The bytes of the file at `url` (a configuration, a phrase file); `kind` names it in the
    /// error (`cannot read phrase file PATH: REASON`).
    static func readFile(_ url: URL, naming kind: String = "") throws(NativeEngineError) -> [UInt8] {
        do {
            return try SystemIO.readFile(atPath: url.path)
        } catch {
            throw NativeEngineError(reason: "cannot read \(kind)\(url.path): \(error)")
        }
    }

    /// A user phrase file: OpenCC's text dictionary format, `key<TAB>value` a line.
    static func readPhrases(_ url: URL) throws(NativeEngineError) -> DictionaryEntries {
        let data = try readFile(url, naming: "phrase file ")
        let parsed = data.withUnsafeBytes { raw in
            Result { () throws(DictionaryEntries.FormatError) in
                try DictionaryEntries.parseText(raw.bindMemory(to: UInt8.self), name: url.path)
            }
        }
        switch parsed {
        case .success(let entries): return entries
        case .failure(let error): throw NativeEngineError(reason: error.reason)
        }
    }

    // MARK: Compiling

    private mutating func compile(_ spec: DictionarySpec) throws(NativeEngineError) -> MatchProgram {
        if let classed = NativeConverterBuilder.classedFiles(spec) {
            var members: [PrefixTable.Member] = []
            for (file, matchClass) in classed.files {
                guard case .file(_, let name) = file else { continue }
                members.append(PrefixTable.Member(entries: try entries(file), matchClass: matchClass, name: name))
            }
            return try place(members)
        }
        guard case .group(let policy, let specs) = spec else {
            preconditionFailure("a file dictionary always compiles to one table")
        }
        var programs: [MatchProgram] = []
        for member in specs { programs.append(try compile(member)) }
        return policy == .shortCircuit ? .shortCircuit(programs) : .union(programs)
    }

    /// Compiles `members` into one table and appends it to the shared arrays.
    private mutating func place(_ members: [PrefixTable.Member], marksSegments: Bool = false) throws(NativeEngineError) -> MatchProgram {
        let compiled: CompiledTrie
        do {
            compiled = try PrefixTable.compile(members: members, marksSegments: marksSegments)
        } catch {
            throw NativeEngineError(reason: error.reason)
        }
        return .table(try place(compiled))
    }

    /// Lays `compiled` out and appends it to the shared arrays.
    private mutating func place(_ compiled: CompiledTrie) throws(NativeEngineError) -> TableLocation {
        if recordsTables { placedTables.append((words.count, compiled)) }
        do {
            let location = try PrefixTable.layOut(compiled, into: &words, bytes: &bytes)
            compiledTables[location.pageIndex] = compiled
            return location
        } catch {
            throw NativeEngineError(reason: error.reason)
        }
    }

    // MARK: Compiled ahead of time

    /// The converter of a configuration compiled ahead of time (``PrecompiledOpenCCData``),
    /// with the user's `phrases` as in ``build(_:phrases:keepsDescriptionSequences:)``.
    mutating func build(
        _ stored: PrecompiledOpenCCData.Configuration, phrases: [URL]
    ) throws(NativeEngineError) -> NativeConverter {
        var locations: [TableLocation] = []
        for table in stored.tables { locations.append(try place(table)) }
        func program(_ stored: PrecompiledOpenCCData.StoredProgram) -> MatchProgram {
            switch stored {
            case .table(let index): .table(locations[index])
            case .shortCircuit(let members): .shortCircuit(members.map(program))
            case .union(let members): .union(members.map(program))
            }
        }
        let phraseProgram = try phrasesProgram(phrases)
        let fused = stored.fused.map { locations[$0] }
        let fusedGuard = try storedGuard(stored, locations)
        return NativeConverter(
            words: words, bytes: bytes, normalization: stored.normalization.map(program),
            segmentation: stored.segmentation.map(program), phrases: phraseProgram, chain: stored.chain.map(program),
            fused: fused, fusedGuard: fusedGuard,
            guardBreakers: fusedGuard.map { guardBreakers(fused!, $0) } ?? RunBreakers(),
            keepsDescriptionSequences: stored.keepsDescriptionSequences)
    }

    /// The first conversion's table of a stored configuration whose fused table is guarded.
    private func storedGuard(
        _ stored: PrecompiledOpenCCData.Configuration, _ locations: [TableLocation]
    ) throws(NativeEngineError) -> TableLocation? {
        guard stored.fusedIsGuarded else { return nil }
        guard stored.fused != nil, stored.chain.count == 2, case .table(let index) = stored.chain[0] else {
            throw NativeEngineError(reason: "compiled tables: a guarded fused table without a first conversion table")
        }
        return locations[index]
    }

    /// `converter`, built by this builder with ``recordsTables``, in the stored form.
    func stored(_ converter: NativeConverter) -> PrecompiledOpenCCData.Configuration {
        var index: [Int: Int] = [:]
        for (number, placed) in placedTables.enumerated() { index[placed.wordBase] = number }
        func storedProgram(_ program: MatchProgram) -> PrecompiledOpenCCData.StoredProgram {
            switch program {
            case .table(let location): .table(index[location.pageIndex]!)
            case .shortCircuit(let members): .shortCircuit(members.map(storedProgram))
            case .union(let members): .union(members.map(storedProgram))
            }
        }
        return PrecompiledOpenCCData.Configuration(
            tables: placedTables.map(\.compiled), normalization: converter.normalization.map(storedProgram),
            segmentation: converter.segmentation.map(storedProgram), chain: converter.chain.map(storedProgram),
            fused: converter.fused.map { index[$0.pageIndex]! }, fusedIsGuarded: converter.fusedGuard != nil,
            keepsDescriptionSequences: converter.keepsDescriptionSequences)
    }

    // MARK: Segmentation fused with the first conversion

    /// The members of the first conversion with their classes, when segmentation and the first
    /// conversion can run as one table (see ``NativeConverter/fused``): the segmentation
    /// dictionary is exactly the first conversion's class-0 files (a file or a union, as in
    /// OpenCC's s2tw, s2twp, s2hk, s2hkp), and every key of the later classes is one scalar and
    /// not an ideographic description character. Then at each position the first
    /// conversion's table answers both questions: a class-0 answer is the segmentation's
    /// match, and its value fills the whole segment; any other answer is one character of the
    /// run between segments, where no segmentation key starts.
    private mutating func fusableMembers(
        _ segmentation: DictionarySpec, _ first: DictionarySpec, keepsDescriptionSequences: Bool
    ) throws(NativeEngineError) -> [(spec: DictionarySpec, name: String, matchClass: UInt8)]? {
        guard let segmentationFiles = NativeConverterBuilder.classedFiles(segmentation), segmentationFiles.classes == 1,
            let firstFiles = NativeConverterBuilder.classedFiles(first), firstFiles.classes > 1,
            firstFiles.files.filter({ $0.1 == 0 }).map(\.0) == segmentationFiles.files.map(\.0)
        else { return nil }
        var members: [(spec: DictionarySpec, name: String, matchClass: UInt8)] = []
        for (file, matchClass) in firstFiles.files {
            guard case .file(_, let name) = file else { return nil }
            if matchClass > 0 {
                let read = try entries(file)
                guard NativeConverterBuilder.hasOnlySingleScalarKeys(read, keepsDescriptionSequences: keepsDescriptionSequences) else {
                    return nil
                }
            }
            members.append((file, name, matchClass))
        }
        return members
    }

    /// Whether every key of `entries` is one scalar, and (when description sequences are kept
    /// whole) none is an ideographic description character, U+2FF0-U+2FFF.
    private static func hasOnlySingleScalarKeys(_ entries: DictionaryEntries, keepsDescriptionSequences: Bool) -> Bool {
        for index in 0..<entries.count {
            let start = Int(entries.ranges[index * 4])
            let count = Int(entries.ranges[index * 4 + 1])
            let lead = entries.pool[start]
            let length = lead < 0x80 ? 1 : UTF8Validator.sequenceLength(lead: lead)
            guard count == length else { return false }
            if keepsDescriptionSequences && count == 3 && lead == 0xE2 && entries.pool[start + 1] == 0xBF
                && entries.pool[start + 2] >= 0xB0
            {
                return false
            }
        }
        return true
    }

    /// Compiles the fused table: the class-0 members' values already converted by the later
    /// stages (a segment of its own goes through them alone, so this is exactly what they would
    /// give), the other members' values as they are (their characters go on into the run).
    ///
    /// When every later stage maps single scalars (`laterKeys`, see
    /// ``singleScalarKeys(of:keepsDescriptionSequences:)``), they are folded in as well
    /// (`precomposed`): the run between segments then needs no later pass. The later stages
    /// convert a run character by character, so a character of the run comes out as the later
    /// stages' conversion of the first conversion's value for it: the other members' values
    /// are converted too, and the later stages' own keys join as a last class, which answers
    /// only where the first conversion has no match (its value, the key, is what the run would
    /// hold). Description sequences stay exact where they are kept whole: no later key is a
    /// description character, and every value that enters a run or passes between later stages
    /// is one character and not a description character, so a run has the same sequence
    /// structure as the text it comes from: a sequence is whole in it exactly when the first
    /// conversion kept it whole, and the fused walk keeps it whole the same way.
    private mutating func placeFused(
        _ members: [(spec: DictionarySpec, name: String, matchClass: UInt8)], laterSpecs: [DictionarySpec],
        laterStages: [MatchProgram], laterKeys: DictionaryEntries?, segmentsThrough guardedChain: [MatchProgram] = [],
        keepsDescriptionSequences: Bool
    ) throws(NativeEngineError) -> (location: TableLocation, precomposed: Bool) {
        let stages = NativeConverter(
            words: words, bytes: bytes, normalization: [], segmentation: nil, phrases: nil, chain: laterStages,
            fused: nil, fusedGuard: nil, keepsDescriptionSequences: keepsDescriptionSequences)
        // Guarded: a segment is its key through the whole chain, the guarding first conversion
        // included (the fused table stands for the second one).
        let segments = NativeConverter(
            words: words, bytes: bytes, normalization: [], segmentation: nil, phrases: nil, chain: guardedChain,
            fused: nil, fusedGuard: nil, keepsDescriptionSequences: keepsDescriptionSequences)
        var precomposed = laterKeys != nil && !laterStages.isEmpty
        if precomposed && keepsDescriptionSequences {
            // A value of several characters could complete a description sequence in the run
            // that the original text left incomplete, and a description character could open one.
            var runFiles = members.filter { $0.matchClass > 0 }.map(\.spec)
            for spec in laterSpecs { runFiles += spec.files }
            for file in runFiles where !NativeConverterBuilder.hasOnlySingleScalarValues(try entries(file)) {
                precomposed = false
            }
        }
        var tableMembers: [PrefixTable.Member] = []
        var lastClass: UInt8 = 0
        for member in members {
            var read = try entries(member.spec)
            if member.matchClass == 0 && !guardedChain.isEmpty {
                read = segments.convertingValues(of: read, startingFromKeys: true)
            } else if (member.matchClass == 0 || precomposed) && !laterStages.isEmpty {
                read = stages.convertingValues(of: read)
            }
            tableMembers.append(PrefixTable.Member(entries: read, matchClass: member.matchClass, name: member.name))
            lastClass = max(lastClass, member.matchClass)
        }
        if precomposed, let laterKeys {
            guard lastClass < 255 else { precomposed = false; return try placeFusedTable(tableMembers, precomposed) }
            tableMembers.append(
                PrefixTable.Member(
                    entries: stages.convertingValues(of: laterKeys), matchClass: lastClass + 1, name: "later stages"))
        }
        return try placeFusedTable(tableMembers, precomposed)
    }

    private mutating func placeFusedTable(
        _ members: [PrefixTable.Member], _ precomposed: Bool
    ) throws(NativeEngineError) -> (location: TableLocation, precomposed: Bool) {
        guard case .table(let location) = try place(members, marksSegments: true) else {
            preconditionFailure("place always gives a table")
        }
        return (location, precomposed)
    }

    /// Every key of the dictionaries of `specs`, each once and as its own value, when all of
    /// them are single scalars and (with description sequences kept whole) none is a
    /// description character; `nil` otherwise. With such keys a stage converts text one
    /// character at a time.
    private mutating func singleScalarKeys(
        of specs: [DictionarySpec], keepsDescriptionSequences: Bool
    ) throws(NativeEngineError) -> DictionaryEntries? {
        var seen = Set<[UInt8]>()
        var keys = DictionaryEntries()
        for spec in specs {
            for file in spec.files {
                let read = try entries(file)
                guard NativeConverterBuilder.hasOnlySingleScalarKeys(read, keepsDescriptionSequences: keepsDescriptionSequences)
                else { return nil }
                for index in 0..<read.count {
                    let start = Int(read.ranges[index * 4])
                    let key = Array(read.pool[start..<start + Int(read.ranges[index * 4 + 1])])
                    if seen.insert(key).inserted { keys.append(key: key, value: key) }
                }
            }
        }
        return keys
    }

    /// Whether every value of `entries` is one scalar and none an ideographic description
    /// character, U+2FF0-U+2FFF.
    private static func hasOnlySingleScalarValues(_ entries: DictionaryEntries) -> Bool {
        for index in 0..<entries.count {
            let start = Int(entries.ranges[index * 4 + 2])
            let count = Int(entries.ranges[index * 4 + 3])
            guard count > 0 else { return false }
            let lead = entries.pool[start]
            guard count == (lead < 0x80 ? 1 : UTF8Validator.sequenceLength(lead: lead)) else { return false }
            if count == 3 && lead == 0xE2 && entries.pool[start + 1] == 0xBF && entries.pool[start + 2] >= 0xB0 { return false }
        }
        return true
    }

    /// The files of `spec` with their match classes, when one table expresses it: a file, a
    /// union of unions and files, or a short-circuit group of such (nested short-circuit
    /// groups flatten into one). `nil` for other nestings.
    static func classedFiles(_ spec: DictionarySpec) -> (files: [(DictionarySpec, UInt8)], classes: Int)? {
        switch spec {
        case .file:
            return ([(spec, 0)], 1)
        case .group(_, let members) where members.count == 1:
            return classedFiles(members[0])
        case .group(.union, let members):
            guard members.allSatisfy(isPureUnion) else { return nil }
            return (spec.files.map { ($0, 0) }, 1)
        case .group(.shortCircuit, let members):
            var files: [(DictionarySpec, UInt8)] = []
            var classes = 0
            for member in members {
                guard let inner = classedFiles(member), classes + inner.classes <= 255 else { return nil }
                files += inner.files.map { ($0.0, $0.1 + UInt8(classes)) }
                classes += inner.classes
            }
            return (files, classes)
        }
    }

    /// A file, or a group in which every match competes on length alone.
    private static func isPureUnion(_ spec: DictionarySpec) -> Bool {
        switch spec {
        case .file: true
        case .group(.union, let members): members.allSatisfy(isPureUnion)
        case .group(.shortCircuit, let members): members.count == 1 && isPureUnion(members[0])
        }
    }

    // MARK: Reading dictionaries

    private mutating func entries(_ spec: DictionarySpec) throws(NativeEngineError) -> DictionaryEntries {
        if let cached = entriesCache[spec] { return cached }
        guard case .file(let type, let name) = spec else { preconditionFailure("not a file") }
        let read = try readEntries(type: type, name: name)
        entriesCache[spec] = read
        return read
    }

    private func readEntries(type: DictionarySpec.FileType, name: String) throws(NativeEngineError) -> DictionaryEntries {
        // A file beside the configuration file wins, as in OpenCC.
        if let folder = configurationFolder {
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : folder.appendingPathComponent(name)
            if FileManager.default.isReadableFile(atPath: url.path) {
                return try readFile(type: type, url: url)
            }
        }
        switch source {
        case .bundled:
            guard type == .text else {
                throw NativeEngineError(
                    reason: "\(name): the bundled data has only text dictionaries; use the system dictionaries for .ocd2 files")
            }
            guard let bundled = BundledOpenCCData.file(named: name) else {
                throw NativeEngineError(reason: "no dictionary \(name) in the bundled OpenCC data")
            }
            do {
                return try DictionaryEntries.parseText(bundled, name: name)
            } catch {
                throw NativeEngineError(reason: error.reason)
            }
        case .system(let folder):
            let url = name.hasPrefix("/") ? URL(fileURLWithPath: name) : folder.appendingPathComponent(name)
            return try readFile(type: type, url: url)
        }
    }

    private func readFile(type: DictionarySpec.FileType, url: URL) throws(NativeEngineError) -> DictionaryEntries {
        switch type {
        case .text:
            return try NativeConverterBuilder.readPhrases(url)
        case .ocd2:
            do {
                return DictionaryEntries.system(entries: try SystemDictionaryReader.entries(atPath: url.path))
            } catch {
                throw NativeEngineError(reason: "\(error)")
            }
        }
    }
}

/// Why the native engine cannot load a configuration, in one line.
struct NativeEngineError: Error, Sendable, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
