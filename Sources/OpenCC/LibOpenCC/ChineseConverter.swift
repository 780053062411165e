import COpenCC
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts Chinese text between scripts and regional variants, as OpenCC does.
///
/// By default the native engine converts, on OpenCC 1.4.2's current data compiled into
/// Hanzi: byte for byte what OpenCC 1.4.2 gives, many times faster. ``Options`` choose the
/// installed OpenCC's data instead (``Dictionaries/system``: exactly what the installed
/// libopencc gives), libopencc itself (``Engine/libopencc``), and the user's own phrases.
///
/// A converter is loaded once per configuration and options, and then serves any number of
/// tasks and threads at the same time: conversion only reads the loaded dictionaries.
///
/// ```swift
/// let converter = try ChineseConverter.shared(.s2t)
/// converter.convert("汉字")                         // "漢字"
/// let bytes = try converter.convert(utf8: Array("汉字\n".utf8))
/// ```
///
/// Conversion is exact: the result is byte for byte what OpenCC gives for the whole text,
/// with two repairs of OpenCC's behaviour (libopencc 1.1.6 and OpenCC 1.4.2 alike):
/// - NUL bytes pass through unchanged and the text around them is converted (libopencc stops
///   at the first NUL);
/// - the byte-level APIs reject malformed UTF-8 with an `InvalidUTF8Error` naming the byte
///   offset, before any byte reaches libopencc (which would read past its buffer on a
///   truncated sequence).
///
/// With libopencc, large inputs are converted in pieces cut just after line breaks, LF or CR
/// (no dictionary key spans a line break, so the result is unchanged), which keeps
/// libopencc's working memory, about twelve times its input, bounded by ``pieceSize`` or by
/// the longest line. The native engine needs no working memory beyond its output.
public final class ChineseConverter: Sendable {
    /// The configuration this converter was loaded from.
    public let configuration: Configuration

    /// The engine, data and phrases this converter was loaded with.
    public let options: Options

    /// The largest piece, in bytes, handed to libopencc in one call, unless a single line is
    /// longer (a line is never cut).
    public let pieceSize: Int

    /// The default for ``pieceSize``: 256 KiB, about 3 MB of libopencc working memory.
    public static let defaultPieceSize = 1 << 18

    /// The smallest piece size a converter takes: smaller requests are raised to it.
    static let minimumPieceSize = 1 << 10

    /// The engine that converts: the native engine's compiled tables, or a libopencc handle.
    private let backend: Backend

    private enum Backend: Sendable {
        case native(NativeConverter)
        case library(LibraryHandle)
    }

    /// Loads `configuration` with `options`.
    ///
    /// Loading reads the configuration and its dictionaries and compiles them (a few
    /// milliseconds for `s2t` with the native engine, about 20 ms with libopencc); prefer
    /// ``shared(_:options:)``, which loads each configuration once per process.
    ///
    /// - Parameters:
    ///   - configuration: A built-in configuration or a configuration file.
    ///   - options: Engine, data and user phrases; the native engine on the bundled data by default.
    ///   - pieceSize: The largest piece handed to libopencc in one call (at least 1 KiB).
    /// - Throws: ``OpenCCError`` naming the configuration and carrying the reason when the
    ///   configuration, a dictionary or a phrase file it needs is missing or malformed, or when
    ///   the configuration needs what the native engine does not run (a segmentation plugin).
    public init(
        _ configuration: Configuration, options: Options = .default,
        pieceSize: Int = ChineseConverter.defaultPieceSize
    ) throws(OpenCCError) {
        self.configuration = configuration
        self.options = options
        self.pieceSize = max(pieceSize, ChineseConverter.minimumPieceSize)
        switch options.engine {
        case .native:
            backend = .native(try NativeConverter.load(configuration, options: options))
        case .libopencc:
            guard options.phrases.isEmpty else {
                throw OpenCCError(configuration: configuration, message: "user phrases need the native engine")
            }
            backend = .library(try LibraryHandle.open(configuration))
        }
    }

    deinit {
        if case .library(let handle) = backend { handle.close() }
    }

    /// The process-wide converter for `configuration` with `options`, loaded on first use and kept.
    ///
    /// Safe to call from any thread or task; concurrent first calls load the configuration
    /// once. A configuration that fails to load is not cached, so a later call tries again.
    /// A ``Configuration/file(_:)`` configuration is cached by its URL: changes to the file
    /// after the first load are not seen; so are phrase files.
    ///
    /// - Throws: ``OpenCCError`` when the configuration cannot be loaded.
    public static func shared(_ configuration: Configuration, options: Options = .default) throws(OpenCCError)
        -> ChineseConverter
    {
        try ConverterCache.converter(for: configuration, options: options)
    }

    // MARK: Strings

    /// Converts `text`.
    ///
    /// Exact and total: every character, including NUL, line breaks and text libopencc does
    /// not know, is either converted by libopencc or kept unchanged.
    ///
    /// ```swift
    /// try ChineseConverter.shared(.s2tw).convert("台湾")  // "臺灣"
    /// ```
    public func convert(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(ChineseConverter.expectedOutputCapacity(input.count))
            appendConversion(ofValid: input, to: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    // MARK: UTF-8 bytes

    /// Converts UTF-8 bytes and returns the converted UTF-8 bytes.
    ///
    /// The input is checked first; nothing is converted when it is malformed. A leading byte
    /// order mark, CRLF line ends and NUL bytes are kept unchanged.
    ///
    /// - Throws: `InvalidUTF8Error` with the offset of the first malformed byte.
    public func convert(utf8 input: some Collection<UInt8>) throws(InvalidUTF8Error) -> [UInt8] {
        var output: [UInt8] = []
        try convert(utf8: input, into: &output)
        return output
    }

    /// Converts UTF-8 bytes and appends the converted bytes to `output`.
    ///
    /// Reuse one `output` array (emptied with `removeAll(keepingCapacity: true)`) to convert
    /// many inputs without allocating. When the input is malformed, `output` is left unchanged.
    ///
    /// - Throws: `InvalidUTF8Error` with the offset of the first malformed byte.
    public func convert(utf8 input: some Collection<UInt8>, into output: inout [UInt8])
        throws(InvalidUTF8Error)
    {
        let outcome = input.withContiguousStorageIfAvailable { buffer in
            Result { () throws(InvalidUTF8Error) in try convert(utf8: buffer, into: &output) }
        }
        if let outcome {
            try outcome.get()
        } else {
            let copy = Array(input)
            try copy.withUnsafeBufferPointer { buffer in
                Result { () throws(InvalidUTF8Error) in try convert(utf8: buffer, into: &output) }
            }.get()
        }
    }

    /// Converts the UTF-8 bytes in `input` and appends the converted bytes to `output`.
    ///
    /// - Throws: `InvalidUTF8Error` with the offset of the first malformed byte; `output` is
    ///   then left unchanged.
    func convert(utf8 input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8])
        throws(InvalidUTF8Error)
    {
        _ = try UTF8Validator.validate(input)
        output.reserveCapacity(output.count &+ ChineseConverter.expectedOutputCapacity(input.count))
        appendConversion(ofValid: input, to: &output)
    }

    // MARK: Core

    /// Appends the conversion of `input`, which must be well-formed UTF-8, to `output`:
    /// NUL bytes are copied; libopencc converts the text between them in line pieces.
    package func appendConversion(ofValid input: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = input.baseAddress else { return }
        if case .native(let native) = backend {
            // OpenCC 1.4.2 ends a segment at NUL and drops the rest of it. The native engine
            // keeps NUL as an ordinary character that no key contains: it is copied, the text
            // around it converted, and an ideographic description sequence may take it as a
            // component, as OpenCC does with any other character there.
            native.convert(input, appendingTo: &output)
            return
        }
        let end = input.count
        var start = 0
        while start < end {
            let nul = ByteSearch.first(0, in: input, from: start, to: end)
            let textEnd = nul ?? end
            var pieceStart = start
            while pieceStart < textEnd {
                // No dictionary key spans a line break, so pieces cut after one convert alike.
                let pieceEnd = LineBoundary.lineBreak.pieceEnd(in: input, from: pieceStart, to: textEnd, limit: pieceSize)
                appendLibraryConversion(of: base + pieceStart, count: pieceEnd &- pieceStart, to: &output)
                pieceStart = pieceEnd
            }
            guard nul != nil else { break }
            output.append(0)
            start = textEnd &+ 1
        }
    }

    /// One libopencc call: converts `count` bytes of well-formed, NUL-free UTF-8.
    private func appendLibraryConversion(
        of piece: UnsafePointer<UInt8>, count: Int, to output: inout [UInt8]
    ) {
        guard case .library(let handle) = backend else { return }
        let converted = piece.withMemoryRebound(to: CChar.self, capacity: count) { chars in
            opencc_convert_utf8(handle.raw, chars, count)
        }
        guard let converted else {
            // libopencc 1.1.6 fails only on malformed UTF-8, which never gets here.
            let message = LibraryHandle.lastErrorMessage()
            fatalError("libopencc failed on well-formed UTF-8 with \(configuration.configFileName): \(message)")
        }
        defer { opencc_convert_utf8_free(converted) }
        let length = strlen(converted)
        converted.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            output.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        }
    }
}
