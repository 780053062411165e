/// An installed OpenCC dictionary could not be read: the file is missing, unreadable, or not
/// a dictionary libopencc can load.
///
/// ```swift
/// do {
///     _ = try SystemDictionaryReader.entries(atPath: "/nowhere/STPhrases.ocd2")
/// } catch {
///     print(error)  // cannot read OpenCC dictionary /nowhere/STPhrases.ocd2: No such file or directory
/// }
/// ```
public struct SystemDictionaryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The dictionary file that could not be read.
    public let path: String
    /// Why: the system's or libopencc's explanation.
    public let reason: String

    /// Creates an error for the dictionary at `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// One line naming the file and the reason.
    public var description: String {
        let oneLine = reason.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return "cannot read OpenCC dictionary \(path): \(oneLine)"
    }
}
