import Testing
@testable import OpenCC

/// Reading OpenCC configuration files: what the native engine takes from them, and a one-line
/// reason for each way one can be wrong.
@Suite struct ConfigurationDocumentTests {
    static func read(_ json: String) throws(ConfigurationDocument.FormatError) -> ConfigurationDocument {
        try ConfigurationDocument(json: Array(json.utf8))
    }

    @Test func aConfigurationWithCommentsTrailingCommasAndNestedGroupsIsRead() throws {
        let document = try Self.read("""
            // a comment, and one /* inside */ a line
            {
              "name": "Test \\"quoted\\" // not a comment",
              "version": 2, "extra": null, "flags": [true, false, 1.5e3],
              "normalization": [{"dict": {"type": "text", "file": "N.txt"}}],
              "segmentation": {"type": "mmseg", "dict": {"type": "ocd2", "file": "S.ocd2"}},
              "conversion_chain": [
                {"dict": {"type": "group", "dicts": [
                  {"type": "text", "file": "A.txt", "may_output_tofu": true},
                  {"type": "group", "match_policy": "union", "dicts": [{"type": "text", "file": "B.txt"},]},
                  {"type": "group", "dicts": []},
                ]}},
                "not an object: skipped, as OpenCC does",
                {"dict": {"type": "group", "dicts": []}},
              ],
            }
            """)
        #expect(document.name == "Test \"quoted\" // not a comment")
        #expect(document.normalization == [.file(type: .text, name: "N.txt")])
        #expect(document.segmentation == .file(type: .ocd2, name: "S.ocd2"))
        #expect(document.conversionChain == [
            .group(.shortCircuit, [.file(type: .text, name: "A.txt"), .group(.union, [.file(type: .text, name: "B.txt")])]),
        ])
    }

    @Test(arguments: [
        ("{\"conversion_chain\": [", "not valid JSON"),
        ("[1, 2]", "the root of a configuration must be an object"),
        ("{}", "required property not found: conversion_chain"),
        ("{\"conversion_chain\": {}}", "conversion_chain must be an array"),
        ("{\"segmentation\": \"mmseg\", \"conversion_chain\": []}", "segmentation must be an object"),
        ("{\"segmentation\": {\"type\": \"jieba\"}, \"conversion_chain\": []}", "segmentation type \"jieba\" is a plugin"),
        ("{\"conversion_chain\": [{\"dict\": {\"type\": \"text\", \"file\": \"A.txt\", \"may_output_tofu\": 1}}]}",
         "may_output_tofu must be true or false"),
        ("{\"conversion_chain\": [{\"dict\": {\"type\": \"group\", \"match_policy\": \"longest\", \"dicts\": []}}]}",
         "unknown dictionary group match_policy: longest"),
        ("{\"conversion_chain\": [{\"dict\": {\"type\": \"text\"}}]}", "a text dictionary needs a file"),
        ("{\"conversion_chain\": [{\"dict\": {\"type\": \"marisa\", \"file\": \"A\"}}]}", "dictionary type \"marisa\""),
    ])
    func aMalformedConfigurationIsAOneLineReason(_ json: String, _ reason: String) {
        #expect {
            try Self.read(json)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix(reason) && !text.contains("\n")
        }
    }
}
