/// libopencc could not load a configuration: the configuration file or one of the dictionaries
/// it names is missing, unreadable or malformed.
///
/// ```swift
/// do {
///     _ = try ChineseConverter(.file(URL(fileURLWithPath: "/nowhere/custom.json")))
/// } catch {
///     print(error)  // cannot load OpenCC configuration /nowhere/custom.json: ...
/// }
/// ```
public struct OpenCCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration that failed to load.
    public let configuration: ChineseConverter.Configuration
    /// libopencc's own explanation, as returned by `opencc_error()`.
    public let message: String

    /// Creates an error for `configuration` with libopencc's `message`.
    public init(configuration: ChineseConverter.Configuration, message: String) {
        self.configuration = configuration
        self.message = message
    }

    /// A one-line description naming the configuration file and libopencc's message.
    public var description: String {
        let detail = message.isEmpty ? "unknown libopencc error" : message
        let oneLine = detail.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        return "cannot load OpenCC configuration \(configuration.configFileName): \(oneLine)"
    }
}
