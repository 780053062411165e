import Foundation
import Testing
@testable import Hanzi
import HanziTestSupport

/// The detector's character tables against libopencc's own conversions of the same
/// (installed) dictionaries, and the regional standards the characters show.
@Suite struct ScriptDetectorTablesTests {
    /// The bundled data's tables, which the detector uses.
    static let tables = try! DetectionTables.shared.get()

    /// Every character a dictionary names, classified from the tables, agrees with what the
    /// conversions do to that character on its own: the bundled data's tables with the native
    /// engine on the bundled data, the installed data's with libopencc itself.
    @Test(arguments: [ChineseConverter.Dictionaries.bundled, .system])
    func classesAgreeWithTheConversions(dictionaries: ChineseConverter.Dictionaries) throws {
        let tables = try DetectionTables.load(dictionaries)
        let options = dictionaries == .bundled ? ChineseConverter.Options() : ChineseConverter.Options(engine: .libopencc)
        var candidates = Set<UInt32>()
        for name in ["TSCharacters", "STCharacters", "TWVariants", "TWVariantsRev", "HKVariants", "HKVariantsRev"] {
            for entry in try #require(try OpenCCDictionaryData.entries(ofDictionary: name, in: dictionaries)) {
                if let scalar = DetectionTables.singleScalar(entry.key), scalar < DetectionTables.limit { candidates.insert(scalar) }
            }
        }
        let ordered = candidates.sorted()
        #expect(ordered.count > 4000)
        // One conversion per configuration: the characters one per line, so no phrase forms.
        let text = Array(ordered.map { String(UnicodeScalar($0)!) }.joined(separator: "\n").utf8)
        func alone(_ configuration: ChineseConverter.Configuration) throws -> [String] {
            let converted = try ChineseConverter.shared(configuration, options: options).convert(utf8: text)
            return String(decoding: converted, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let t2s = try alone(.t2s), s2t = try alone(.s2t), s2tw = try alone(.s2tw), s2hk = try alone(.s2hk)
        let hk2t = try alone(.hk2t), tw2t = try alone(.tw2t), t2hk = try alone(.t2hk), t2tw = try alone(.t2tw)
        #expect(t2s.count == ordered.count)
        var traditionalOnly = 0, simplifiedOnly = 0
        for (index, value) in ordered.enumerated() {
            let c = String(UnicodeScalar(value)!)
            let bits = tables.classes[Int(value)]
            if bits & DetectionTables.traditionalOnly != 0 {
                traditionalOnly += 1
                #expect(t2s[index] != c, "\(c) is Traditional-only but t2s keeps it")
            }
            if bits & DetectionTables.simplifiedOnly != 0 {
                simplifiedOnly += 1
                #expect(t2s[index] == c && s2t[index] != c && s2tw[index] != c && s2hk[index] != c,
                        "\(c) is Simplified-only but a conversion disagrees")
            }
            // The regional signs follow the variant conversions exactly.
            let hongKongForm = hk2t[index] != c, taiwanForm = tw2t[index] != c
            let hongKongReplaces = t2hk[index] != c, taiwanReplaces = t2tw[index] != c
            #expect((bits & DetectionTables.hongKong != 0) == ((hongKongForm && !taiwanForm) || (taiwanReplaces && !hongKongReplaces)), "\(c)")
            #expect((bits & DetectionTables.taiwan != 0) == ((taiwanForm && !hongKongForm) || (hongKongReplaces && !taiwanReplaces)), "\(c)")
        }
        #expect(traditionalOnly > 2000)
        #expect(simplifiedOnly > 2000)
    }

    @Test func charactersThatPhrasesKeepAreNoEvidence() {
        // 著 (着 on its own in t2s, kept in 著名), 乾 (干 or 乾), 后 (皇后), 干 (幹 乾 干), 里 (公里).
        for character in ["著", "乾", "后", "干", "里"] {
            let bits = Self.tables.classes[Int(character.unicodeScalars.first!.value)]
            #expect(bits & (DetectionTables.traditionalOnly | DetectionTables.simplifiedOnly) == 0, "\(character)")
        }
        let detector = ScriptDetector(tables: Self.tables)
        #expect(detector.detect("著名的显著成就").counts.traditionalOnly == 0)
    }

    @Test func namesTaiwanWhereTheCharactersShowIt() {
        let detector = ScriptDetector(tables: Self.tables)
        let detection = detector.detect("這裡的山峰很高，他說著話走進裡面，覺得這裡的風景很美。")
        #expect(detection.script == .traditional)
        #expect(detection.variant == .taiwan)
        #expect(detection.label == "Traditional (Taiwan)")
    }

    @Test func namesHongKongWhereTheCharactersShowIt() {
        let detector = ScriptDetector(tables: Self.tables)
        let detection = detector.detect("這裏的山峯很高，他說着話走進裏面，覺得這裏的風景很美，一綫天。")
        #expect(detection.counts.hongKongForms == 4)
        #expect(detection.script == .traditional)
        #expect(detection.variant == .hongKong)
        #expect(detection.label == "Traditional (Hong Kong)")
    }

    @Test func plainTraditionalWhereTheyDoNot() {
        let detector = ScriptDetector(tables: Self.tables)
        let detection = detector.detect("這個國家的經濟發展很快，人民的生活越來越好。")
        #expect(detection.script == .traditional)
        #expect(detection.variant == nil)
        #expect(detection.label == "Traditional")
    }

    @Test func simplifiedIsTheMainlandStandard() {
        let detection = ScriptDetector(tables: Self.tables).detect("这个国家的经济发展很快，人民的生活越来越好。")
        #expect(detection.script == .simplified)
        #expect(detection.variant == .mainland)
        #expect(detection.label == "Simplified")
    }

    /// Cut anywhere, the pieces count what the whole counts, less at most one Han character per
    /// cut; malformed bytes count as nothing and never stop the count.
    @Test func anyCutAndMalformedBytes() throws {
        let detector = ScriptDetector(tables: Self.tables)
        var random = SeededGenerator(seed: 11)
        let text = Array("漢字简化 ok 𠀀𪚥 這裏裡面 \u{FEFF}é\n".utf8)
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<random.int(1...30) {
                if random.chance(0.2) {
                    bytes += [[0xFF], [0xE6, 0xB1], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]][random.int(0...5)]
                } else {
                    bytes += text
                }
            }
            let whole = detector.detect(utf8: bytes)
            let wellFormed = String(decoding: bytes, as: UTF8.self).unicodeScalars.filter { ScalarClass.isHan($0.value) }.count
            #expect(whole.counts.han == wellFormed)
            var accumulator = ScriptDetector.Accumulator(detector: detector)
            var start = 0
            var cuts = 0
            while start < bytes.count {
                let end = min(bytes.count, start + random.int(1...40))
                accumulator.add(Array(bytes[start..<end]))
                start = end
                cuts += 1
            }
            #expect(accumulator.counts.han <= whole.counts.han && accumulator.counts.han >= whole.counts.han - cuts)
        }
    }
}
