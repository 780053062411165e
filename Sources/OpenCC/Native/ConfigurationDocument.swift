#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An OpenCC configuration file read into what the native engine runs: an optional
/// normalisation chain, an optional maximum-match segmentation and the conversion chain.
///
/// The reading follows OpenCC 1.4.2's `Config.cpp`: comments and trailing commas are allowed;
/// `segmentation` is optional and must be of type `mmseg`; `normalization` is an optional
/// conversion chain run over the whole text first; a group's `match_policy` is
/// `short_circuit` (the default) or `union`; a group left empty is dropped, and a conversion
/// whose dictionary is dropped is dropped from its chain. Dictionaries marked
/// `may_output_tofu` are kept, as OpenCC keeps them by default.
struct ConfigurationDocument: Hashable, Sendable {
    /// The configuration's `name`, or empty.
    var name: String
    /// The normalisation pre-pass: conversions over the whole text, without segmentation.
    var normalization: [DictionarySpec]
    /// The segmentation dictionary, or `nil` when the text is one segment.
    var segmentation: DictionarySpec?
    /// The conversions each segment goes through, in order.
    var conversionChain: [DictionarySpec]

    /// What is wrong with a configuration file, in one line.
    struct FormatError: Error, Sendable, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// Reads a configuration from its JSON bytes.
    ///
    /// - Throws: ``FormatError`` naming the first property that is missing or malformed, or
    ///   the segmentation type the native engine does not run (a plugin such as jieba).
    init(json: [UInt8]) throws(FormatError) {
        let root: Any
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: Data(ConfigurationDocument.withoutComments(json))).value
        } catch let error as DecodingError {
            throw FormatError(reason: "not valid JSON: \(JSONValue.reason(error))")
        } catch {
            throw FormatError(reason: "not valid JSON: \(error)")
        }
        guard let object = root as? [String: Any] else {
            throw FormatError(reason: "the root of a configuration must be an object")
        }
        name = object["name"] as? String ?? ""
        if let segmentation = object["segmentation"] {
            guard let segmentation = segmentation as? [String: Any] else {
                throw FormatError(reason: "segmentation must be an object")
            }
            guard let type = segmentation["type"] as? String else {
                throw FormatError(reason: "segmentation needs a string type")
            }
            guard type == "mmseg" else {
                throw FormatError(
                    reason: "segmentation type \"\(type)\" is a plugin the native engine does not run; use the libopencc engine")
            }
            guard let dict = segmentation["dict"] as? [String: Any] else {
                throw FormatError(reason: "segmentation needs a dict object")
            }
            self.segmentation = try ConfigurationDocument.dictionary(dict)
        } else {
            segmentation = nil
        }
        guard let chain = object["conversion_chain"] else {
            throw FormatError(reason: "required property not found: conversion_chain")
        }
        conversionChain = try ConfigurationDocument.chain(chain, name: "conversion_chain")
        if let normalization = object["normalization"] {
            self.normalization = try ConfigurationDocument.chain(normalization, name: "normalization")
        } else {
            normalization = []
        }
    }

    private static func chain(_ value: Any, name: String) throws(FormatError) -> [DictionarySpec] {
        guard let items = value as? [Any] else { throw FormatError(reason: "\(name) must be an array") }
        var specs: [DictionarySpec] = []
        for item in items {
            // OpenCC skips elements of a chain that are not objects.
            guard let conversion = item as? [String: Any] else { continue }
            guard let dict = conversion["dict"] as? [String: Any] else {
                throw FormatError(reason: "each conversion in \(name) needs a dict object")
            }
            if let spec = try dictionary(dict) { specs.append(spec) }
        }
        return specs
    }

    /// One dictionary object; `nil` for a group that ends up empty.
    private static func dictionary(_ object: [String: Any]) throws(FormatError) -> DictionarySpec? {
        guard let type = object["type"] as? String else {
            throw FormatError(reason: "a dictionary needs a string type")
        }
        if let tofu = object["may_output_tofu"], !(tofu is Bool) {
            throw FormatError(reason: "may_output_tofu must be true or false")
        }
        switch type {
        case "group":
            let policy: DictionarySpec.MatchPolicy
            switch object["match_policy"] {
            case nil: policy = .shortCircuit
            case let name as String where name == "short_circuit": policy = .shortCircuit
            case let name as String where name == "union": policy = .union
            case let other: throw FormatError(reason: "unknown dictionary group match_policy: \(other ?? "")")
            }
            guard let members = object["dicts"] as? [Any] else {
                throw FormatError(reason: "a group needs a dicts array")
            }
            var specs: [DictionarySpec] = []
            for member in members {
                guard let member = member as? [String: Any] else {
                    throw FormatError(reason: "each element of dicts must be an object")
                }
                if let spec = try dictionary(member) { specs.append(spec) }
            }
            return specs.isEmpty ? nil : .group(policy, specs)
        case "text", "ocd2":
            guard let file = object["file"] as? String else {
                throw FormatError(reason: "a \(type) dictionary needs a file")
            }
            return .file(type: DictionarySpec.FileType(rawValue: type)!, name: file)
        default:
            throw FormatError(reason: "dictionary type \"\(type)\" is not one the native engine reads (text, ocd2, group)")
        }
    }

    /// The JSON with `//` and `/* */` comments blanked and trailing commas dropped, as
    /// OpenCC's parser (rapidjson with comments and trailing commas) accepts them.
    static func withoutComments(_ json: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(json.count)
        var index = 0
        var inString = false
        while index < json.count {
            let byte = json[index]
            if inString {
                output.append(byte)
                if byte == UInt8(ascii: "\\"), index + 1 < json.count {
                    output.append(json[index + 1])
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "/"), index + 1 < json.count, json[index + 1] == UInt8(ascii: "/") {
                while index < json.count, json[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            }
            if byte == UInt8(ascii: "/"), index + 1 < json.count, json[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < json.count, !(json[index] == UInt8(ascii: "*") && json[index + 1] == UInt8(ascii: "/")) {
                    index += 1
                }
                index += 2
                output.append(UInt8(ascii: " "))
                continue
            }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                // Drop a comma that only whitespace separates from this closing bracket.
                var last = output.count - 1
                while last >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(output[last]) { last -= 1 }
                if last >= 0, output[last] == UInt8(ascii: ",") { output[last] = UInt8(ascii: " ") }
            }
            if byte == UInt8(ascii: "\"") { inString = true }
            output.append(byte)
            index += 1
        }
        return output
    }
}

/// A JSON value as `JSONDecoder` reads it, for reading configuration files of any shape without
/// Foundation's `JSONSerialization` (which would link Foundation and ICU into every program of
/// the package): ``value`` gives the tree as `JSONSerialization` would, objects as
/// `[String: Any]`, arrays as `[Any]`, numbers as `Double`, `true` and `false` as `Bool`, and
/// `null` as ``Null``.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// JSON's `null` in ``value``.
    struct Null: Hashable, CustomStringConvertible {
        var description: String { "null" }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [String: JSONValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(members)
        } else if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let bool = try? single.decode(Bool.self) {
                self = .bool(bool)
            } else if let number = try? single.decode(Double.self) {
                self = .number(number)
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    /// The value as `JSONSerialization` would give it.
    var value: Any {
        switch self {
        case .null: Null()
        case .bool(let bool): bool
        case .number(let number): number
        case .string(let string): string
        case .array(let items): items.map(\.value)
        case .object(let members): members.mapValues(\.value)
        }
    }

    /// What is wrong with the text, in a few words.
    static func reason(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
             .keyNotFound(_, let context):
            var text = context.debugDescription
            if let underlying = context.underlyingError { text += " (\(underlying))" }
            return text
        @unknown default:
            return "\(error)"
        }
    }
}

