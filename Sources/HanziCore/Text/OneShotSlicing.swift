/// How the one-call APIs (`TextCleaner.clean(utf8:)`, `ColumnRejoiner.rejoin(utf8:)`) feed a
/// whole text to their streams.
package enum OneShotSlicing {
    /// The size of one slice: 256 KiB, so that the working buffers stay small (and in cache)
    /// however large the input.
    package static let sliceSize = 1 << 18
}
