import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// `ClientSchema.keys` is the one description of a client key: decoding, renames, the
/// extract report and substitution all read it. These tests walk every key through it.
struct ClientKeyTableTests {
    static let names = ClientSchema.keys.map(\.name)

    /// A value of the key's type that the newest release accepts, as YAML.
    static func sample(for key: ClientKey) -> (yaml: String, values: [String]) {
        let allowed = key.allowedValues(in: .newestKnown)?.first { !$0.isEmpty }
        switch key.type {
        case .string: let value = allowed ?? "value-of-\(key.name)"; return ("'\(value)'", [value])
        case .digest: return ("'$plaintext$sample-secret'", ["$plaintext$sample-secret"])
        case .url: return ("'https://app.example.com/\(key.name)'", ["https://app.example.com/\(key.name)"])
        case .duration: return ("'1 week'", ["1 week"])
        case .boolean: return ("true", ["true"])
        case .stringList, .uriList:
            let first = allowed ?? "https://app.example.com/a"
            let second = key.allowed == nil ? "https://app.example.com/b" : first
            return ("['\(first)', '\(second)']", [first, second])
        case .jwks: return ("[{key_id: 'k1', use: 'sig'}, {key_id: 'k2'}]", ["k1", "k2"])
        }
    }

    @Test(arguments: names)
    func everyKeyDecodesAndReadsBack(name: String) throws {
        let key = try #require(ClientSchema.key(named: name))
        let current = try #require(ClientSchema.key(named: key.renamedTo ?? name))
        let sample = Self.sample(for: current)
        let idLine = name == "id" || name == "client_id" ? "" : "  client_id: 'app'\n"
        let yaml = "- \(name): \(sample.yaml)\n" + idLine
        let node = try #require(try YAMLReader.read(yaml, position: { SourceLocation(line: $0, column: $1) }).first?.items?.first)
        // In the release that renamed it, an old name is decoded under the current one.
        let version = key.renamedIn ?? max(key.since, .newestKnown)
        let decoded = ClientDecoder(version: version).decode(node, blockIndex: 0)
        let unexpected = decoded.issues.filter { if case .renamedKey = $0 { false } else { true } }
        #expect(unexpected.isEmpty, "\(name): \(unexpected)")
        let fields = decoded.client.fields(for: current)
        #expect(fields.map(\.value) == sample.values, "\(name) read back as \(fields.map(\.value))")
        #expect(fields.allSatisfy { $0.node.location.line == 1 }, "\(name): values point at the line they were written on")
    }

    /// The other direction: every field of the typed client is filled by some key, so a field
    /// cannot exist without a row in the table.
    @Test func everyClientFieldHasAKey() throws {
        var yaml = ""
        for key in ClientSchema.keys where key.renamedTo == nil {
            yaml += "  \(key.name): \(Self.sample(for: key).yaml)\n"
        }
        yaml = "-" + yaml.dropFirst()
        let node = try #require(try YAMLReader.read(yaml, position: { SourceLocation(line: $0, column: $1) }).first?.items?.first)
        let client = ClientDecoder(version: .newestKnown).decode(node, blockIndex: 0).client
        for child in Mirror(reflecting: client).children {
            guard let label = child.label, label != "node", label != "blockIndex" else { continue }
            let empty = "\(child.value)" == "nil" || "\(child.value)" == "[]" || "\(child.value)" == "[:]"
            #expect(!empty, "OIDCClient.\(label) is not filled by any key of ClientSchema")
        }
        #expect(client.responseObjects.count == ResponseObject.allCases.count)
        #expect(client.endpointAuthentication.count == ClientEndpoint.allCases.count)
    }

    /// A key without a typed field (`untyped`) is still checked for its type.
    @Test func untypedKeysAreStillTypeChecked() throws {
        let node = try #require(try YAMLReader.read("- client_id: 'app'\n  client_name: ['a', 'b']\n",
                                                    position: { SourceLocation(line: $0, column: $1) }).first?.items?.first)
        let decoded = ClientDecoder(version: .newestKnown).decode(node, blockIndex: 0)
        #expect(decoded.issues.contains { if case .wrongType(_, "client_name", .string) = $0 { true } else { false } })
        #expect(decoded.client.otherValues["client_name"] == nil)
    }

    /// Old names resolve to the current key wherever GuideKit reads a client without decoding
    /// it (substitution, secret masking).
    @Test func oldNamesResolve() throws {
        let node = try #require(try YAMLReader.read("- id: 'app'\n  secret: '$plaintext$s3cret-value'\n",
                                                    position: { SourceLocation(line: $0, column: $1) }).first?.items?.first)
        let client = AutheliaClient(blockIndex: 0, node: node)
        #expect(client.clientID?.string == "app")
        #expect(client.clientSecret?.string == "$plaintext$s3cret-value")
        #expect(ClientSchema.names(of: "client_secret") == ["client_secret", "secret"])
    }
}
