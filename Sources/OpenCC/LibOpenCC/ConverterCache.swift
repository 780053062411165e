import HanziCore

/// The converters of ``ChineseConverter/shared(_:)``, one per configuration.
enum ConverterCache {
    static let process = Locked<[Key: ChineseConverter]>([:])

    /// A cache key: the configuration and the options it was loaded with.
    struct Key: Hashable {
        let configuration: ChineseConverter.Configuration
        let options: ChineseConverter.Options
    }

    static func converter(
        for configuration: ChineseConverter.Configuration, options: ChineseConverter.Options
    ) throws(OpenCCError) -> ChineseConverter {
        try process.withLock { (converters) throws(OpenCCError) -> ChineseConverter in
            let key = Key(configuration: configuration, options: options)
            if let converter = converters[key] { return converter }
            let converter = try ChineseConverter(configuration, options: options)
            converters[key] = converter
            return converter
        }
    }
}
