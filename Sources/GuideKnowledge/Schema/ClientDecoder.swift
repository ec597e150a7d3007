import GuideDocument

/// Decodes a client mapping into `OIDCClient`, checking each key and value against
/// `ClientSchema` for one Authelia version. Values of the wrong type are reported and left
/// out of the model; everything else is decoded even when reported, so later rules still see it.
public struct ClientDecoder: Sendable {
    public var version: AutheliaVersion

    public init(version: AutheliaVersion) {
        self.version = version
    }

    public func decode(_ node: YAMLNode, blockIndex: Int) -> DecodedClient {
        var client = OIDCClient(node: node, blockIndex: blockIndex)
        var issues: [SchemaIssue] = []
        let pairs = node.pairs ?? []
        let writtenNames = Set(pairs.compactMap { $0.key.string })
        for pair in pairs {
            guard let name = pair.key.string else { continue }
            guard let spec = ClientSchema.key(named: name) else {
                let suggestion = Suggestion.closest(to: name, in: ClientSchema.keyNames(in: version))
                issues.append(.unknownKey(key: pair.key, suggestion: suggestion, addedIn: nil))
                continue
            }
            var canonical = name
            switch spec.status(in: version) {
            case .renamed(let current, let renamedIn):
                issues.append(.renamedKey(key: pair.key, current: current, renamedIn: renamedIn,
                                          alsoHasCurrent: writtenNames.contains(current)))
                // Authelia: when both are given, the new key wins and the old value is dropped.
                if writtenNames.contains(current) { continue }
                canonical = current
            case .notYetAdded(let since):
                let older = ClientSchema.keys.first { $0.renamedTo == name }?.name
                issues.append(.unknownKey(key: pair.key, suggestion: older, addedIn: since))
            case .current:
                if let current = spec.renamedTo { canonical = current }  // the old name is current in this version
            }
            guard !isNull(pair.value) else { continue }
            decode(pair.value, as: ClientSchema.key(named: canonical) ?? spec, canonical: canonical,
                   into: &client, issues: &issues)
        }
        return DecodedClient(client: client, issues: issues)
    }

    private func isNull(_ node: YAMLNode) -> Bool {
        node.string != nil && node.scalarType == .null
    }

    private func decode(_ value: YAMLNode, as spec: ClientKey, canonical: String, into client: inout OIDCClient,
                        issues: inout [SchemaIssue]) {
        func wrongType() { issues.append(.wrongType(value: value, key: canonical, expected: spec.type)) }
        func checkAllowed(_ field: Field<String>) {
            guard let allowed = spec.allowed else { return }
            let now = spec.allowedValues(in: version) ?? []
            guard !now.contains(field.value) else { return }
            let later = allowed.first { $0.value == field.value }?.since
            issues.append(.notAllowed(value: field.node, key: canonical, allowed: now.filter { !$0.isEmpty }, addedIn: later))
        }
        if case .keys(let path) = spec.storage {
            guard let entries = value.items else { return wrongType() }
            client[keyPath: path] = entries.compactMap { decodeJWK($0, key: canonical, issues: &issues) }
            return
        }
        if spec.type == .boolean {
            guard let text = value.string, value.scalarType == .bool, let flag = Self.bool(text) else { return wrongType() }
            if case .flag(let path) = spec.storage { client[keyPath: path] = Field(value: flag, node: value) }
            else { client.otherValues[canonical] = [Field(value: String(flag), node: value)] }
            return
        }
        if spec.type != .stringList, spec.type != .uriList, case .untyped = spec.storage {
            guard let field = stringField(value), spec.type != .duration || Self.isDuration(field.value) else { return wrongType() }
            checkAllowed(field)
            client.otherValues[canonical] = [field]
            return
        }
        if case .text(let path) = spec.storage {
            guard let field = stringField(value), spec.type != .duration || Self.isDuration(field.value) else { return wrongType() }
            checkAllowed(field)
            client[keyPath: path] = field
            return
        }
        let items: [YAMLNode]
        if spec.type == .uriList, value.string != nil {
            items = [value]  // a single string is accepted where a URI list is expected
        } else if let sequence = value.items {
            items = sequence
        } else {
            return wrongType()
        }
        var fields: [Field<String>] = []
        for item in items {
            guard let field = stringField(item) else {
                issues.append(.wrongType(value: item, key: canonical, expected: .string))
                continue
            }
            checkAllowed(field)
            fields.append(field)
        }
        switch spec.storage {
        case .list(let path): client[keyPath: path] = fields
        case .optionalList(let path): client[keyPath: path] = fields
        case .untyped: client.otherValues[canonical] = fields
        case .text, .flag, .keys: break  // handled above
        }
    }

    private func decodeJWK(_ entry: YAMLNode, key canonical: String, issues: inout [SchemaIssue]) -> ClientJWK? {
        guard let pairs = entry.pairs else {
            issues.append(.wrongType(value: entry, key: canonical, expected: .jwks))
            return nil
        }
        var jwk = ClientJWK(node: entry)
        for pair in pairs {
            guard let name = pair.key.string else { continue }
            guard let path = ClientJWK.fields[name] else {
                issues.append(.unknownKey(key: pair.key, suggestion: Suggestion.closest(to: name, in: ClientSchema.jwkKeys), addedIn: nil))
                continue
            }
            guard let field = stringField(pair.value) else {
                issues.append(.wrongType(value: pair.value, key: "jwks.\(name)", expected: .string))
                continue
            }
            jwk[keyPath: path] = field
        }
        return jwk
    }

    /// A scalar as text. Plain numbers and booleans are accepted where strings are expected
    /// (Authelia's decoder converts them), mappings and lists are not.
    private func stringField(_ node: YAMLNode) -> Field<String>? {
        guard let text = node.string, node.scalarType != .null else { return nil }
        return Field(value: text, node: node)
    }

    package static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    /// Authelia durations: a number of seconds, or `<n><unit>` groups (spaces and `and`
    /// ignored) with units ms s m h d w M y or their English words.
    static func isDuration(_ text: String) -> Bool {
        let units: Set<String> = ["ms", "s", "m", "h", "d", "w", "M", "y", "millisecond", "milliseconds", "second",
                                  "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
                                  "month", "months", "year", "years"]
        let compact = text.replacingOccurrences(of: " and ", with: " ")
        if Int(compact.trimmingSpaces()) != nil { return true }
        var scalars = Substring(compact.replacingOccurrences(of: " ", with: ""))
        guard !scalars.isEmpty else { return false }
        while !scalars.isEmpty {
            let digits = scalars.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            scalars = scalars.dropFirst(digits.count)
            let unit = scalars.prefix { $0.isLetter }
            guard units.contains(String(unit)) else { return false }
            scalars = scalars.dropFirst(unit.count)
        }
        return true
    }
}
