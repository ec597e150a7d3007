/// Settings from INI files (`grafana.ini`, Gitea's `app.ini`) and TOML: `[section]` headers,
/// then `key = value` lines. Quotes around values are removed; a TOML array of strings on
/// one line (`scopes = ["openid", "profile"]`) becomes the space-separated list.
enum IniReader {
    static func settings(in map: BlockLineMap, blockIndex: Int) -> [AppSetting] {
        var settings: [AppSetting] = []
        for (offset, rawLine) in map.lines.enumerated() {
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            let trimmed = line.trimmingSpaces()
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), !trimmed.hasPrefix(";"), !trimmed.hasPrefix("["),
                  let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = ConfigLineReader.unquote(trimmed[..<equals].trimmingSpaces())
            var value = trimmed[trimmed.index(after: equals)...].trimmingSpaces()
            if let comment = value.literalRange(of: " #") { value = value[..<comment.lowerBound].trimmingSpaces() }
            guard !key.isEmpty, !value.isEmpty else { continue }
            let text: String
            let column = ConfigLineReader.column(of: value, in: line)
            if value.hasPrefix("["), value.hasSuffix("]") {
                text = value.dropFirst().dropLast().split(separator: ",")
                    .map { String(ConfigLineReader.unquote($0.trimmingSpaces())) }.joined(separator: " ")
            } else {
                text = String(ConfigLineReader.unquote(value))
            }
            let quoted = text.count < value.count && !value.hasPrefix("[")
            settings.append(AppSetting(
                key: map.located(String(key), line: offset + 1, column: ConfigLineReader.column(of: key, in: line)),
                value: map.located(text, line: offset + 1, column: column + (quoted ? 1 : 0), length: value.hasPrefix("[") ? value.count : nil),
                origin: .configLine(block: blockIndex)))
        }
        return settings
    }
}
