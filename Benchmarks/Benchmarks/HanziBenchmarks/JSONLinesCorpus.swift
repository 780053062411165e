import Benchmark

/// A benchmark that processes an input other than the plain corpus records its size in bytes
/// with this metric, so the report divides by the right count.
let inputBytesMetric = BenchmarkMetric.custom("Input bytes", polarity: .prefersSmaller, useScalingFactor: false)

/// Builds a JSON Lines input from the corpus: one record per paragraph (text between blank
/// lines), `{"id":N,"text":"..."}`, with the paragraph's line breaks escaped.
enum JSONLinesCorpus {
    static func records(from corpus: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(corpus.count + corpus.count / 8)
        var id = 0
        var start = 0
        let count = corpus.count
        while start < count {
            // A paragraph ends at a blank line (two line feeds) or at the end.
            var end = start
            while end < count, !(corpus[end] == 0x0A && end + 1 < count && corpus[end + 1] == 0x0A) { end += 1 }
            let paragraphEnd = end
            while end < count, corpus[end] == 0x0A { end += 1 }
            if paragraphEnd > start {
                id += 1
                output.append(contentsOf: Array("{\"id\":\(id),\"text\":\"".utf8))
                for byte in corpus[start..<paragraphEnd] {
                    switch byte {
                    case 0x22: output.append(contentsOf: [0x5C, 0x22])  // \"
                    case 0x5C: output.append(contentsOf: [0x5C, 0x5C])  // \\
                    case 0x0A: output.append(contentsOf: [0x5C, 0x6E])  // \n
                    case 0x0D: output.append(contentsOf: [0x5C, 0x72])  // \r
                    case 0x09: output.append(contentsOf: [0x5C, 0x74])  // \t
                    case 0x00..<0x20:
                        let hex = Array("0123456789abcdef".utf8)
                        output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                    default: output.append(byte)
                    }
                }
                output.append(contentsOf: Array("\"}\n".utf8))
            }
            start = end
        }
        return output
    }
}
