/// The byte-scan baseline: counts line feeds one byte at a time. Every text stage reads every
/// byte at least once, so this is the ceiling of a single-pass stage on this machine, and stages
/// are reported as a fraction of it.
@inline(never)
func countLineFeeds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in bytes where byte == 0x0A {
        count &+= 1
    }
    return count
}
