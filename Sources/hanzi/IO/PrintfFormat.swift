#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `printf`-style formatting of numbers for messages (`%.1f`, `%02d`), through the C
/// library's `vsnprintf`: the digits `String(format:)` gives, without full Foundation, whose
/// loading (with ICU) would cost every run of `hanzi` start-up time.
func printfFormat(_ format: String, _ arguments: CVarArg...) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    var length = withVaList(arguments) { Int(vsnprintf(&buffer, buffer.count, format, $0)) }
    if length >= buffer.count {
        buffer = [CChar](repeating: 0, count: length + 1)
        length = withVaList(arguments) { Int(vsnprintf(&buffer, buffer.count, format, $0)) }
    }
    return String(decoding: buffer.prefix(max(length, 0)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
