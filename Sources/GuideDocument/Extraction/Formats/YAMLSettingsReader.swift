/// Settings from an application's YAML (docker compose `environment`, Kubernetes `env` and
/// ConfigMaps, `homeserver.yaml`, ...): every scalar under a key, lists of strings joined
/// with spaces, `- KEY=value` environment lists, Kubernetes `- name: X / value: Y` pairs, and
/// YAML written inside a literal block scalar (Argo CD's `oidc.config: |` in a ConfigMap).
enum YAMLSettingsReader {
    /// `map` places YAML found inside a block scalar; without it such a scalar stays one setting.
    static func settings(in documents: [YAMLNode], map: BlockLineMap? = nil, blockIndex: Int, depth: Int = 0,
                         container: String? = nil) -> [AppSetting] {
        var settings: [AppSetting] = []
        func add(_ key: Located<String>, _ value: Located<String>, under parents: [String]) {
            settings.append(AppSetting(key: key, value: value, origin: .configLine(block: blockIndex), parents: parents, container: container))
        }
        // Each node with the keys it is nested under (a profile may name a setting by them).
        var stack = documents.map { (node: $0, parents: [String]()) }
        var budget = YAMLReader.nodeBudget
        while let (node, parents) = stack.popLast(), budget > 0 {
            budget -= 1
            if let pairs = node.pairs {
                // Kubernetes: `- name: OIDC_CLIENT_ID` / `value: app`.
                if let name = node["name"], let value = node["value"], name.string != nil, value.string != nil {
                    add(name.content, value.content, under: parents)
                    continue
                }
                for pair in pairs.reversed() {
                    guard let keyText = pair.key.string else { continue }
                    if let map, depth < 2, let embedded = embeddedDocuments(in: pair.value, map: map) {
                        settings += Self.settings(in: embedded, map: map, blockIndex: blockIndex, depth: depth + 1, container: keyText)
                    } else if pair.value.string != nil, pair.value.scalarType != .null {
                        add(pair.key.content, pair.value.content, under: parents)
                    } else if let items = pair.value.items, !items.isEmpty, items.allSatisfy({ $0.string != nil }),
                              !items.contains(where: { $0.string!.containsLiteral("=") }) {
                        let joined = items.compactMap(\.string).joined(separator: " ")
                        add(pair.key.content, Located(joined, at: items[0].location, length: items[0].length), under: parents)
                    } else {
                        stack.append((pair.value, parents + [keyText]))
                    }
                }
            } else if let items = node.items {
                for item in items.reversed() {
                    if let text = item.string, let (key, value) = ConfigLineReader.envAssignment(text[...]) {
                        // `- KEY=value` in a compose environment list.
                        let keyLocation = item.content.location
                        let valueLocation = SourceLocation(line: item.location.line,
                                                           column: keyLocation.column + key.unicodeScalars.count + 1)
                        add(Located(String(key), at: keyLocation, length: key.count),
                            Located(String(value), at: valueLocation, length: value.count), under: parents)
                    } else {
                        stack.append((item, parents))
                    }
                }
            }
        }
        return settings.sorted { $0.key.location < $1.key.location }
    }

    /// A literal block scalar whose text is itself a YAML mapping, parsed with positions in the
    /// guide: its line k is the k-th line after the `|`, and every line lost the same
    /// indentation, found by comparing the first non-blank line with the block's own line.
    /// Anything else (plain text, a script, YAML that does not parse) is nil: the scalar stays
    /// one setting.
    static func embeddedDocuments(in node: YAMLNode, map: BlockLineMap) -> [YAMLNode]? {
        guard node.style == .literal, let text = node.string, text.containsLiteral("\n"), text.containsLiteral(": ") else { return nil }
        let indicatorLine = node.location.line - map.firstLine + 1  // the `|` line, 1-based in the block
        let lines = text.lines()
        guard let first = lines.firstIndex(where: { !$0.allSatisfy { $0 == " " } }),
              indicatorLine + first + 1 <= map.lines.count else { return nil }
        func spaces(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }
        let indentation = spaces(map.lines[indicatorLine + first]) - spaces(lines[first])
        guard indentation > 0,
              let documents = try? YAMLReader.read(text, position: { map.location(line: indicatorLine + $0, column: indentation + $1) }),
              let pairs = documents.first?.pairs, pairs.contains(where: { $0.key.string != nil })
        else { return nil }
        return documents
    }
}
