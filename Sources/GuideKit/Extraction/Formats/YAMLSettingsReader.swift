/// Settings from an application's YAML (docker compose `environment`, Kubernetes `env` and
/// ConfigMaps, `homeserver.yaml`, ...): every scalar under a key, lists of strings joined
/// with spaces, `- KEY=value` environment lists, and Kubernetes `- name: X / value: Y` pairs.
enum YAMLSettingsReader {
    static func settings(in documents: [YAMLNode], blockIndex: Int) -> [AppSetting] {
        var settings: [AppSetting] = []
        var stack = documents
        var budget = YAMLReader.nodeBudget
        while let node = stack.popLast(), budget > 0 {
            budget -= 1
            if let pairs = node.pairs {
                // Kubernetes: `- name: OIDC_CLIENT_ID` / `value: app`.
                if let name = node["name"], let value = node["value"], name.string != nil, value.string != nil {
                    settings.append(setting(key: name, value: value, blockIndex: blockIndex))
                    continue
                }
                for pair in pairs.reversed() {
                    guard pair.key.string != nil else { continue }
                    if pair.value.string != nil, pair.value.scalarType != .null {
                        settings.append(setting(key: pair.key, value: pair.value, blockIndex: blockIndex))
                    } else if let items = pair.value.items, !items.isEmpty, items.allSatisfy({ $0.string != nil }),
                              !items.contains(where: { $0.string!.contains("=") }) {
                        let joined = items.compactMap(\.string).joined(separator: " ")
                        settings.append(AppSetting(key: pair.key.content, value: Located(joined, at: items[0].location, length: items[0].length),
                                                   origin: .configLine(block: blockIndex)))
                    } else {
                        stack.append(pair.value)
                    }
                }
            } else if let items = node.items {
                for item in items.reversed() {
                    if let text = item.string, let (key, value) = ConfigLineReader.envAssignment(text[...]) {
                        // `- KEY=value` in a compose environment list.
                        let keyLocation = item.content.location
                        let valueLocation = SourceLocation(line: item.location.line,
                                                           column: keyLocation.column + key.unicodeScalars.count + 1)
                        settings.append(AppSetting(key: Located(String(key), at: keyLocation, length: key.count),
                                                   value: Located(String(value), at: valueLocation, length: value.count),
                                                   origin: .configLine(block: blockIndex)))
                    } else {
                        stack.append(item)
                    }
                }
            }
        }
        return settings.sorted { $0.key.location < $1.key.location }
    }

    private static func setting(key: YAMLNode, value: YAMLNode, blockIndex: Int) -> AppSetting {
        AppSetting(key: key.content, value: value.content, origin: .configLine(block: blockIndex))
    }

}
